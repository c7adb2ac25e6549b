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

#include "buf.h"
#include "model.h"

bool rb_render_markdown(const rb_library *lib, const rb_item *item, rb_buf *out);
bool rb_render_text(const rb_library *lib, const rb_item *item, rb_buf *out);

#endif
