/*
 * Interview plans: one structured interview for a role, the same for every
 * candidate of a campaign (rubric.plan/1, schema:
 * engine/schemas/plan.schema.json), and the printable interview kit made
 * from a plan.
 *
 * A plan refers into the library it was made or read against
 * (competencies, questions), so it must not outlive that library.
 */
#ifndef RUBRIC_PLAN_H
#define RUBRIC_PLAN_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "diag.h"
#include "model.h"

#define RB_PLAN_FORMAT "rubric.plan/1"

#define RB_MAX_PLAN_FILE ((size_t)4 << 20)  /* bytes in one plan document */
/* Seeds are whole numbers 0 .. 2^53 - 1, so JSON readers keep them exact. */
#define RB_PLAN_MAX_SEED 9007199254740991ULL
#define RB_PLAN_DEFAULT_SEED 1ULL

typedef struct rb_plan_question {
    int level;                   /* the competency level the question is at */
    const rb_question *question;
} rb_plan_question;

typedef struct rb_plan_competency {
    const rb_competency *competency;
    int target;       /* the role's target level */
    double weight;    /* the role's weight */
    int minutes;      /* the time budget */
    size_t nquestions;  /* 0 to 2: at the target level, then the level above */
    const rb_plan_question *questions;
} rb_plan_competency;

/* The opening or the closing: a time budget and the script's points. */
typedef struct rb_plan_section {
    int minutes;
    size_t nlines;
    const char *const *lines;
} rb_plan_section;

typedef struct rb_plan {
    const rb_role *role;
    const char *library_hash;
    unsigned long long seed;
    rb_plan_section opening, closing;
    size_t ncompetencies;              /* in the role's order */
    const rb_plan_competency *competencies;
} rb_plan;

/* The plan for `role`, questions chosen with `seed` (at most
 * RB_PLAN_MAX_SEED). NULL when out of memory. */
rb_plan *rb_plan_make(const rb_library *lib, const rb_role *role, unsigned long long seed);
/* The plan as rubric.plan/1 JSON, pretty-printed, ending in a newline. */
bool rb_plan_json(const rb_plan *plan, rb_buf *out);

/* Read a rubric.plan/1 document (at most RB_MAX_PLAN_FILE bytes), checking
 * every field and id against `lib`. Problems go to `diags` as
 * "source:line: error: message"; NULL when there were errors. A library
 * hash that differs from `lib`'s is a warning. */
rb_plan *rb_plan_parse(const rb_library *lib, const char *source, const char *text,
                       size_t len, rb_diags *diags);
rb_plan *rb_plan_read(const rb_library *lib, const char *path, rb_diags *diags);
/* The text of the plan file at `path` as it is (at most RB_MAX_PLAN_FILE
 * bytes; a folder, FIFO or device is refused without waiting), malloc'ed,
 * for a session to keep; NULL with the problem in `diags`. */
char *rb_plan_read_text(const char *path, size_t *len, rb_diags *diags);
void rb_plan_free(rb_plan *plan);

/* The interview kit: opening and closing scripts, per competency the time
 * budget, the questions and probes, what to listen for at the target level
 * and the level above, the rating scale and room for notes. */
bool rb_guide_markdown(const rb_plan *plan, rb_buf *out);
/* The same as one self-contained printable HTML page. */
bool rb_guide_html(const rb_plan *plan, rb_buf *out);

#endif
