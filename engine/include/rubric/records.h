/*
 * Records about a person, and removing them on request.
 *
 * Coaching documents belong to the person they are about. Each one says
 * whose it is:
 *   - JSON documents: a top-level "format" of "rubric.<kind>/<n>" and a
 *     top-level "person" (assessments, discussions, development plans, their
 *     shared exports);
 *   - Markdown and HTML documents: the first line is exactly
 *         <!-- rubric-person: "NAME" -->
 *     with NAME a JSON string (rb_person_marker writes it);
 *   - progress journals (devplan.h): the first record names the person.
 * rb_records_find() finds a person's records under a folder (recursively,
 * never following symbolic links) and rb_record_remove() removes one.
 */
#ifndef RUBRIC_RECORDS_H
#define RUBRIC_RECORDS_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "buf.h"
#include "diag.h"

/* Files larger than this are not rubric documents and are not opened. */
#define RB_RECORDS_MAX_FILE ((size_t)64 << 20)
#define RB_RECORDS_MAX_DEPTH 32
#define RB_RECORDS_MAX_FILES 100000   /* entries looked at in one search */

/* The marker line, with its newline: <!-- rubric-person: "NAME" -->. The
 * name is JSON-escaped, and '<', '>' and "--" are escaped as well so that
 * no name can end the comment. */
void rb_person_marker(rb_buf *out, const char *person);

typedef enum rb_record_kind {
    RB_RECORD_JSON,     /* a rubric.* JSON document with "person" */
    RB_RECORD_MARKED,   /* Markdown or HTML with the marker line */
    RB_RECORD_JOURNAL,  /* a progress journal */
} rb_record_kind;

typedef struct rb_record {
    char *path;          /* relative to the folder searched, '/'-separated */
    rb_record_kind kind;
    char *format;        /* JSON: the "format"; else NULL */
    dev_t dev;           /* the file found (removal checks it is the same) */
    ino_t ino;
    nlink_t links;       /* more than 1: other names keep its content */
} rb_record;

typedef struct rb_record_list {
    size_t n;
    rb_record *items;    /* sorted by path */
    size_t skipped;      /* files and folders that could not be searched */
    dev_t root_dev;      /* the folder searched */
    ino_t root_ino;
} rb_record_list;

/* Who the document in text[0..len) is about: a malloc'ed name, or NULL
 * when it is not a rubric document about a person. `format` (may be NULL)
 * gets the JSON "format" (malloc'ed) for JSON documents. */
char *rb_record_person(const char *text, size_t len, rb_record_kind *kind, char **format);

/* Every record about `person` under `dir`: documents whose person is
 * exactly `person`, the progress journals of those plans (unless their
 * first record names someone else), and journals whose first record names
 * the person. Symbolic links are never followed (nor removed); only
 * regular files are looked at. Files and folders that cannot be read are
 * reported as warnings, skipped and counted (`skipped`): records may
 * remain in them. False on a system error (diags). */
bool rb_records_find(const char *dir, const char *person, rb_record_list *out,
                     rb_diags *diags);
void rb_record_list_free(rb_record_list *list);

/* Remove record `r` of `list` (from rb_records_find) under `dir`, opening
 * each folder on the way without following symbolic links, and sync the
 * folder. The folder and the file must still be the ones found: a file
 * put in a record's place since is left alone. False with `err` filled on
 * failure. */
bool rb_record_remove(const char *dir, const rb_record_list *list, const rb_record *r,
                      char *err, size_t errsize);

#endif
