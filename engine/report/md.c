/*
 * Markdown escaping (md.h).
 */
#include "report/md.h"

#include <string.h>

void md_text_n(rb_buf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '\n' || c == '\r') {
            rb_buf_putc(b, ' ');
            continue;
        }
        if (strchr("\\`*_[]<>|#", c))
            rb_buf_putc(b, '\\');
        rb_buf_putc(b, c);
    }
}

void md_text(rb_buf *b, const char *s)
{
    md_text_n(b, s, strlen(s));
}
