/*
 * The competency discussion planner: an employee's self-assessment and
 * their manager's assessment side by side, walked through the steps of a
 * discussion process from the library (such as coaching for competencies).
 *
 * Per competency of the role: both levels, whether they agree or how far
 * apart they are, and both sets of behavioural examples. Each competency
 * falls in one group:
 *   - strength: both levels agree and are at or above the role's target;
 *   - development: both levels are below the target; the gap is the
 *     target minus the higher level (and, when they differ, up to the
 *     target minus the lower one); largest gap first, then the role's
 *     weight, then the role's order;
 *   - to settle: anything else (the levels differ across the target or
 *     above it, or only one side assessed it): agree on a level first.
 * The steps come from the process, which says where each of these is shown.
 *
 * A discussion borrows the library, the process and both assessments: it
 * must not outlive them.
 */
#ifndef RUBRIC_DISCUSSION_H
#define RUBRIC_DISCUSSION_H

#include <stdbool.h>
#include <stddef.h>

#include "assessment.h"
#include "buf.h"
#include "diag.h"
#include "model.h"

#define RB_DISCUSSION_FORMAT "rubric.discussion/1"

typedef enum rb_discussion_group {
    RB_GROUP_STRENGTH,
    RB_GROUP_DEVELOPMENT,
    RB_GROUP_TO_SETTLE,
} rb_discussion_group;

typedef struct rb_discussion_row {
    const rb_competency *competency;
    int target;                          /* the role's target level */
    double weight;                       /* the role's weight */
    const rb_assessment_entry *self;     /* NULL when the employee left it out */
    const rb_assessment_entry *manager;  /* NULL when the manager left it out */
    rb_discussion_group group;
    int gap_min, gap_max;                /* development only: levels to the target */
} rb_discussion_row;

typedef struct rb_discussion {
    const rb_role *role;
    const rb_process *process;
    const rb_assessment *self, *manager;
    const char *library_hash;            /* of the library the planner is made with */
    size_t nrows;                        /* one per competency of the role, in its order */
    const rb_discussion_row *rows;
    size_t ndevelopment;                 /* rows of the development group, largest gap first */
    const rb_discussion_row *const *development;
} rb_discussion;

/* Set two assessments side by side. `a` and `b` may come in either order;
 * `a_name` and `b_name` (file names) are for messages. They must be about
 * the same person and role, one by the person and one by the manager;
 * otherwise the problem goes to `diags` and the result is NULL (also when
 * out of memory). */
rb_discussion *rb_discussion_make(const rb_library *lib, const rb_process *process,
                                  const rb_assessment *a, const char *a_name,
                                  const rb_assessment *b, const char *b_name,
                                  rb_diags *diags);
void rb_discussion_free(rb_discussion *d);

/* "strength", "development", "to-settle". */
const char *rb_discussion_group_name(rb_discussion_group g);

/* The planner as Markdown and as one self-contained printable HTML page.
 * Both start with the marker line <!-- rubric-person: "NAME" --> (see
 * records.h) so that a person's documents can be found. */
bool rb_discussion_markdown(const rb_discussion *d, rb_buf *out);
bool rb_discussion_html(const rb_discussion *d, rb_buf *out);
/* The planner as rubric.discussion/1 JSON (with "person"). */
bool rb_discussion_json(const rb_discussion *d, rb_buf *out);

#endif
