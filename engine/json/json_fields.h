/*
 * Checking the fields of a JSON document read with json_parse(): problems
 * are reported with the file, the line of the value and its place in the
 * document (answers[2].competency), and counted.
 */
#ifndef RB_JSON_FIELDS_H
#define RB_JSON_FIELDS_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>

#include "rubric/diag.h"

typedef struct json_report {
    const char *source;  /* file name in messages */
    int line0;           /* added to lines (a batch line's offset) */
    rb_diags *diags;
    size_t errors;
} json_report;

/* "source:line: error: path: message" (no "path: " when path is empty). */
void json_problem(json_report *r, rb_severity sev, const cJSON *node, const char *path,
                  const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* What a value is, in words for messages: text, number, list, ... */
const char *json_kind(const cJSON *v);
/* Report members of `obj` not in `known`, with "did you mean". */
void json_check_keys(json_report *r, const cJSON *obj, const char *path,
                     const char *const *known);

/* A member `key` of `obj` with JSON type `want` (cJSON type bits): NULL,
 * with a problem at `path`.key, when it is of another type, and when it is
 * missing and `required` ("'key' is missing"). */
const cJSON *json_member(json_report *r, const cJSON *obj, const char *key, const char *path,
                         int want, const char *want_name, bool required);

/* Parse the document text[0..len) strictly (json_parse; a leading UTF-8
 * byte-order mark is skipped, as editors on some systems write one). NULL,
 * with "malformed JSON at line L, column C: ..." in `r->diags` (L counted
 * from r->line0), when it is not JSON. */
cJSON *json_parse_root(json_report *r, const char *text, size_t len);

/* The document must be a JSON object whose "format" is `format`; false,
 * with the problem reported, when it is not (the rest would only be
 * noise). */
bool json_check_format(json_report *r, const cJSON *root, const char *format);

/* Read a whole JSON document from `path` (at most `limit` bytes) for one
 * of the readers; problems go to `diags`. The text is malloc'ed. */
bool json_read_document(const char *path, size_t limit, rb_diags *diags, char **text,
                        size_t *len);

#endif
