/*
 * Diagnostics: what went wrong (or looks wrong) in a rubric library, each
 * tied to a file and line so an author can go straight to it.
 *
 * The engine never prints. Loading collects every problem it finds into an
 * rb_diags list; the caller decides how to show them (the CLI prints
 * "file:line: error: message").
 */
#ifndef RUBRIC_DIAG_H
#define RUBRIC_DIAG_H

#include <stdbool.h>
#include <stddef.h>

typedef enum rb_severity {
    RB_ERROR,
    RB_WARNING,
} rb_severity;

typedef enum rb_diag_kind {
    RB_DIAG_INPUT,   /* the input is wrong: the author can fix it */
    RB_DIAG_SYSTEM,  /* the machine failed us: I/O, memory */
} rb_diag_kind;

typedef struct rb_diag {
    rb_severity severity;
    rb_diag_kind kind;
    const char *file;     /* display path, or NULL when not about a file */
    int line;             /* 1-based; 0 when not known */
    int column;           /* 1-based; 0 when not known */
    const char *message;  /* one line, lowercase start, no full stop */
    const char *detail;   /* extra lines (e.g. a pattern and a caret), or NULL */
} rb_diag;

typedef struct rb_diags rb_diags;

/* A load reports at most this many problems, then says it stopped. */
#define RB_MAX_DIAGNOSTICS 500

rb_diags *rb_diags_new(void);
void rb_diags_free(rb_diags *d);

void rb_diags_add(rb_diags *d, rb_severity sev, rb_diag_kind kind,
                  const char *file, int line, int column,
                  const char *detail, const char *fmt, ...)
    __attribute__((format(printf, 8, 9)));

size_t rb_diags_count(const rb_diags *d);
const rb_diag *rb_diags_at(const rb_diags *d, size_t i);
size_t rb_diags_errors(const rb_diags *d);
size_t rb_diags_warnings(const rb_diags *d);
bool rb_diags_has_system_error(const rb_diags *d);
/* Order by file (in the order files were first seen), then line. Stable. */
void rb_diags_sort(rb_diags *d);
/* True when memory ran out while recording (some diagnostics are lost). */
bool rb_diags_overflowed(const rb_diags *d);

#endif
