/*
 * rb_buf: a growable byte buffer, always NUL-terminated.
 *
 * A zero-initialised rb_buf is empty and ready. Appends that cannot get
 * memory set the buffer's `failed` flag and become no-ops, so callers check
 * once at the end with rb_buf_ok() instead of after every append.
 */
#ifndef RUBRIC_BUF_H
#define RUBRIC_BUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct rb_buf {
    char *data;   /* NUL-terminated when len > 0 or after any append */
    size_t len;
    size_t cap;
    bool failed;  /* an allocation failed; contents are incomplete */
} rb_buf;

void rb_buf_append(rb_buf *b, const char *s, size_t n);
void rb_buf_puts(rb_buf *b, const char *s);
void rb_buf_putc(rb_buf *b, char c);
void rb_buf_printf(rb_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void rb_buf_vprintf(rb_buf *b, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
/* The contents as a C string ("" when empty). */
const char *rb_buf_str(const rb_buf *b);
bool rb_buf_ok(const rb_buf *b);
void rb_buf_reset(rb_buf *b);
/* Release the memory; the buffer is empty and reusable afterwards. */
void rb_buf_release(rb_buf *b);

#endif
