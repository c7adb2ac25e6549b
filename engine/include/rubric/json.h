/*
 * JSON documents the engine writes. Each carries "format":
 * "rubric.<kind>/<version>" and has a schema in engine/schemas/.
 */
#ifndef RUBRIC_JSON_H
#define RUBRIC_JSON_H

#include <stdbool.h>

#include "buf.h"
#include "diag.h"
#include "model.h"

#define RB_LIBRARY_FORMAT "rubric.library/1"
#define RB_DIAGNOSTICS_FORMAT "rubric.diagnostics/1"
#define RB_ITEM_FORMAT "rubric.item/1"
#define RB_LIST_FORMAT "rubric.list/1"
#define RB_SHEET_FORMAT "rubric.sheet/1"

/* The whole library (rubric.library/1). */
bool rb_json_library(const rb_library *lib, rb_buf *out);
/* One scale, competency, role or bank (rubric.item/1). */
bool rb_json_item(const rb_library *lib, const rb_item *item, rb_buf *out);
/* The ids and titles of everything in the library (rubric.list/1). */
bool rb_json_list(const rb_library *lib, rb_buf *out);
struct rb_sheet;
/* A scoring sheet (rubric.sheet/1). `pretty` false gives one line (for
 * JSON Lines). */
bool rb_json_sheet(const struct rb_sheet *sheet, bool pretty, rb_buf *out);

/* Diagnostics of a check (rubric.diagnostics/1). */
bool rb_json_diagnostics(const rb_diags *diags, size_t nfiles, rb_buf *out);

/* Append `s` as a JSON string (quoted, escaped); a byte that is not part
 * of valid UTF-8 (a file name may hold one) is written as U+FFFD. */
void rb_json_string(rb_buf *out, const char *s);

#endif
