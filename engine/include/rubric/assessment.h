/*
 * Competency assessments (rubric.assessment/1, schema:
 * engine/schemas/assessment.schema.json): one person's competencies for a
 * role as the person (self) or their manager sees them, each with a level,
 * the behavioural examples that support it, and whether the person lets
 * the entry go to the next-level leader ("share"; not shared unless they
 * say so). The employee and the manager assess alone, in separate files;
 * `rubric discuss` sets the two side by side.
 *
 * An assessment refers into the library it was made or read against (the
 * role, its competencies), so it must not outlive that library. The
 * document is about a person: write it with mode 0600.
 */
#ifndef RUBRIC_ASSESSMENT_H
#define RUBRIC_ASSESSMENT_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "diag.h"
#include "model.h"

#define RB_ASSESSMENT_FORMAT "rubric.assessment/1"

#define RB_MAX_ASSESSMENT_FILE ((size_t)4 << 20)  /* bytes in one document */
#define RB_MAX_NAME ((size_t)200)                  /* bytes in a person's name */
#define RB_MAX_EXAMPLE ((size_t)16 << 10)          /* bytes in one example */
#define RB_MAX_EXAMPLES 50                         /* examples per competency */

typedef enum rb_assessor_side {
    RB_BY_SELF,     /* the person assesses themself */
    RB_BY_MANAGER,  /* their manager assesses them */
} rb_assessor_side;

typedef struct rb_assessment_entry {
    const rb_competency *competency;
    bool has_level;                /* false until a level is given */
    int level;                     /* on the competency's scale */
    size_t nexamples;
    const char *const *examples;   /* behavioural examples; may hold line breaks */
    bool share;                    /* may go to the next-level leader */
} rb_assessment_entry;

typedef struct rb_assessment {
    const char *person;
    rb_assessor_side by;
    const char *assessor;          /* the person themself for RB_BY_SELF */
    const rb_role *role;
    const char *date;              /* YYYY-MM-DD (see date.h) */
    const char *library_hash;
    size_t ncompetencies;          /* one per competency of the role, in its order */
    const rb_assessment_entry *competencies;
    bool shared_view;              /* an extract for the next-level leader ("view":
                                      "shared"): only entries marked to share */
} rb_assessment;

/* "self" or "manager", and back (false for anything else). */
const char *rb_assessor_side_name(rb_assessor_side side);
bool rb_assessor_side_parse(const char *name, rb_assessor_side *side);

/* True for a usable name: non-empty, at most RB_MAX_NAME bytes, valid UTF-8,
 * no control characters, not only spaces. */
bool rb_assessment_name_valid(const char *name);

/* A new, empty assessment of `person` for `role`: every competency of the
 * role with no level, no examples and not shared. `assessor` is ignored
 * for RB_BY_SELF (the person assesses themself). NULL when out of memory.
 * Names and date are copied; check them first with the functions above. */
rb_assessment *rb_assessment_new(const rb_library *lib, const rb_role *role,
                                 const char *person, rb_assessor_side by,
                                 const char *assessor, const char *date);
/* Set competency `i`'s level; false when the level is not on its scale. */
bool rb_assessment_set_level(rb_assessment *a, size_t i, int level);
/* Add an example to competency `i` (copied); false when out of memory or
 * when it already has RB_MAX_EXAMPLES. */
bool rb_assessment_add_example(rb_assessment *a, size_t i, const char *text);
/* Remove the last example of competency `i`; false when it has none. */
bool rb_assessment_drop_example(rb_assessment *a, size_t i);
void rb_assessment_set_share(rb_assessment *a, size_t i, bool share);

/* The assessment as rubric.assessment/1 JSON, pretty-printed, ending in a
 * newline. */
bool rb_assessment_json(const rb_assessment *a, rb_buf *out);
/* The same document with only the entries marked share:true (and their
 * examples): what may go to the next-level leader. */
bool rb_assessment_shared_json(const rb_assessment *a, rb_buf *out);

/* Read a rubric.assessment/1 document (at most RB_MAX_ASSESSMENT_FILE
 * bytes) strictly: unknown or duplicate fields, wrong types, a role or
 * competency the library does not have (or the role does not need), a
 * level off the scale, a competency given twice are errors "source:line:
 * error: message" in `diags`, and the result is NULL. A library hash that
 * differs from `lib`'s is a warning. Every entry read has a level; the
 * entries come in the role's order. A document may leave some of the
 * role's competencies out (a shared extract does). */
rb_assessment *rb_assessment_parse(const rb_library *lib, const char *source,
                                   const char *text, size_t len, rb_diags *diags);
rb_assessment *rb_assessment_read(const rb_library *lib, const char *path,
                                  rb_diags *diags);
void rb_assessment_free(rb_assessment *a);

#endif
