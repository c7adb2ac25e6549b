/*
 * Recorded answers: what a candidate said in an interview, as read from a
 * rubric.answers/1 JSON document (schema: engine/schemas/answers.schema.json).
 *
 * An rb_interview refers into the library it was read against (competencies,
 * questions, behaviours), so it must not outlive that library.
 */
#ifndef RUBRIC_ANSWERS_H
#define RUBRIC_ANSWERS_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "model.h"

#define RB_ANSWERS_FORMAT "rubric.answers/1"

#define RB_MAX_ANSWERS_FILE ((size_t)16 << 20)  /* bytes in one document */
#define RB_MAX_ANSWER_TEXT ((size_t)64 << 10)   /* bytes in one answer text */
#define RB_MAX_ANSWERS 500                      /* answers in one document */

typedef struct rb_probe_answer {
    const rb_probe *probe;  /* NULL when the answer names no probe */
    const char *text;
    size_t len;
} rb_probe_answer;

typedef struct rb_answer {
    const rb_competency *competency;
    const rb_question *question;   /* NULL when none was named */
    const char *text;              /* the answer as said (transcript or notes) */
    size_t len;
    size_t nprobes;
    const rb_probe_answer *probes;
    int rating;                    /* the interviewer's level, 0 for none */
    size_t nobserved;
    const rb_behaviour *const *observed;  /* behaviours the interviewer saw */
    const char *notes;             /* free notes, or NULL */
    int line;                      /* where the answer starts in its file */
} rb_answer;

typedef struct rb_interview {
    const char *source;         /* file name (with ":N" for line N of a batch) */
    const char *candidate_id;
    const char *candidate_name; /* may be NULL */
    const rb_role *role;
    const char *interviewer;    /* may be NULL */
    const char *date;           /* YYYY-MM-DD, or NULL */
    const char *library_hash;   /* the hash the answers were recorded against, or NULL */
    size_t nanswers;
    const rb_answer *answers;
} rb_interview;

/* Read a document from memory. `source` names it in diagnostics; `line0`
 * is added to line numbers (for JSON Lines). Problems go to `diags` as
 * "source:line: error: message"; returns NULL when there were errors. A
 * library hash that differs from `lib`'s is a warning, not an error. */
rb_interview *rb_interview_parse(const rb_library *lib, const char *source,
                                 int line0, const char *text, size_t len,
                                 rb_diags *diags);
/* Read a document from a file (at most RB_MAX_ANSWERS_FILE bytes). */
rb_interview *rb_interview_read(const rb_library *lib, const char *path,
                                rb_diags *diags);
/* An interview of one answer: a rubric's example answer, for `rubric test`. */
rb_interview *rb_interview_example(const rb_example *ex);
void rb_interview_free(rb_interview *iv);

#endif
