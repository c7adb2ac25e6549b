/*
 * Human-readable renderings of library items.
 *
 * Markdown reads like the source rubric documents; text is the interview
 * guide page an interviewer holds (questions, probes, what to listen for,
 * the rating scale and room for notes).
 */
#ifndef RUBRIC_REPORT_H
#define RUBRIC_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "model.h"

bool rb_render_markdown(const rb_library *lib, const rb_item *item, rb_buf *out);
bool rb_render_text(const rb_library *lib, const rb_item *item, rb_buf *out);

struct rb_sheet;
/* The scoring sheet as Markdown: for the terminal and for pasting. */
bool rb_sheet_markdown(const struct rb_sheet *sheet, rb_buf *out);

/* Several sheets as one self-contained printable HTML page (no network). */
bool rb_sheets_html(struct rb_sheet *const *sheets, size_t n, rb_buf *out);
/* Several sheets as CSV (RFC 4180): one row per candidate and competency. */
bool rb_sheets_csv(struct rb_sheet *const *sheets, size_t n, rb_buf *out);

/* Short names of flags and STAR elements, shared by every format. */
const char *rb_flag_name(unsigned flag);
const char *rb_flag_text(unsigned flag);

#endif
