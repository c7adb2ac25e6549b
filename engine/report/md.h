/*
 * Markdown escaping shared by the engine's Markdown renderings. Not
 * installed.
 */
#ifndef RB_REPORT_MD_H
#define RB_REPORT_MD_H

#include <stddef.h>

#include "rubric/buf.h"

/* Text on one line of Markdown: the characters Markdown would read as
 * markup (\ ` * _ [ ] < > | #) behind a backslash; a line break (LF or CR)
 * becomes a space, so that the text cannot end a table row or a list item. */
void md_text_n(rb_buf *b, const char *s, size_t n);
void md_text(rb_buf *b, const char *s);

#endif
