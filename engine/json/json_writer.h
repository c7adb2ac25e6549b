/*
 * A small streaming JSON writer into an rb_buf: no tree, no allocation per
 * value. Used where output volume matters (scoring sheets in batch).
 */
#ifndef RB_JSON_WRITER_H
#define RB_JSON_WRITER_H

#include <stdbool.h>
#include <stddef.h>

#include "rubric/buf.h"

typedef struct jw {
    rb_buf *out;
    bool pretty;
    int depth;
    bool first;  /* no value yet in the current container */
    bool after_key;
} jw;

void jw_init(jw *w, rb_buf *out, bool pretty);
void jw_object(jw *w);
void jw_end_object(jw *w);
void jw_array(jw *w);
void jw_end_array(jw *w);
void jw_key(jw *w, const char *key);
void jw_string(jw *w, const char *s);
void jw_string_n(jw *w, const char *s, size_t n);
void jw_string_or_null(jw *w, const char *s);
void jw_number(jw *w, double v);
void jw_int(jw *w, long long v);
void jw_bool(jw *w, bool v);
void jw_null(jw *w);

#endif
