#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "json/json_writer.h"
#include "rubric/json.h"
#include "util/util.h"

void jw_init(jw *w, rb_buf *out, bool pretty)
{
    w->out = out;
    w->pretty = pretty;
    w->depth = 0;
    w->first = true;
    w->after_key = false;
}

static void newline(jw *w)
{
    if (!w->pretty)
        return;
    rb_buf_putc(w->out, '\n');
    for (int i = 0; i < w->depth; i++)
        rb_buf_puts(w->out, "  ");
}

/* Separator and indentation before a value (or a key). */
static void before(jw *w)
{
    if (w->after_key) {
        w->after_key = false;
        return;
    }
    if (!w->first)
        rb_buf_putc(w->out, ',');
    if (w->depth > 0)
        newline(w);
    w->first = false;
}

static void open(jw *w, char c)
{
    before(w);
    rb_buf_putc(w->out, c);
    w->depth++;
    w->first = true;
}

static void close(jw *w, char c)
{
    w->depth--;
    if (!w->first)
        newline(w);
    rb_buf_putc(w->out, c);
    w->first = false;
}

void jw_object(jw *w) { open(w, '{'); }
void jw_end_object(jw *w) { close(w, '}'); }
void jw_array(jw *w) { open(w, '['); }
void jw_end_array(jw *w) { close(w, ']'); }

/* Does any byte of w need escaping (below 0x20, '"' or '\\')? Eight at
 * a time: quoted text is most of a sheet. */
static bool word_needs_escape(uint64_t w)
{
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    uint64_t below = (w - ones * 0x20) & ~w & highs;
    uint64_t q = w ^ (ones * '"');
    uint64_t bs = w ^ (ones * '\\');
    uint64_t is_q = (q - ones) & ~q & highs;
    uint64_t is_bs = (bs - ones) & ~bs & highs;
    return (below | is_q | is_bs) != 0;
}

/* The JSON escapes of `n` bytes of valid UTF-8, without the quotes. */
static void escaped(rb_buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (word_needs_escape(w))
                break;
            i += 8;
        }
        if (i >= n)
            break;
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        rb_buf_append(b, s + run, i - run);
        run = i + 1;
        switch (c) {
        case '"': rb_buf_puts(b, "\\\""); break;
        case '\\': rb_buf_puts(b, "\\\\"); break;
        case '\n': rb_buf_puts(b, "\\n"); break;
        case '\r': rb_buf_puts(b, "\\r"); break;
        case '\t': rb_buf_puts(b, "\\t"); break;
        default: {
            char u[7] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15], 0 };
            rb_buf_puts(b, u);
        }
        }
    }
    rb_buf_append(b, s + run, n - run);
}

/* A JSON string. What is read is checked UTF-8, but some text is not the
 * engine's to check (file names): a byte that is not part of valid UTF-8
 * becomes U+FFFD, so the document stays valid JSON. */
static void quoted(rb_buf *b, const char *s, size_t n)
{
    rb_buf_putc(b, '"');
    for (;;) {
        size_t ok = utf8_invalid_at(s, n);
        escaped(b, s, ok);
        if (ok >= n)
            break;
        rb_buf_puts(b, "\\ufffd");
        s += ok + 1;
        n -= ok + 1;
    }
    rb_buf_putc(b, '"');
}

void rb_json_string(rb_buf *out, const char *s)
{
    quoted(out, s, strlen(s));
}

void jw_key(jw *w, const char *key)
{
    before(w);
    quoted(w->out, key, strlen(key));
    rb_buf_puts(w->out, w->pretty ? ": " : ":");
    w->after_key = true;
}

void jw_string_n(jw *w, const char *s, size_t n)
{
    before(w);
    quoted(w->out, s, n);
}

void jw_string(jw *w, const char *s)
{
    jw_string_n(w, s, strlen(s));
}

void jw_string_or_null(jw *w, const char *s)
{
    if (s)
        jw_string(w, s);
    else
        jw_null(w);
}

void jw_int(jw *w, long long v)
{
    before(w);
    char tmp[24];
    char *p = tmp + sizeof tmp;
    unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        *--p = '-';
    rb_buf_append(w->out, p, (size_t)(tmp + sizeof tmp - p));
}

void jw_number(jw *w, double v)
{
    if (!isfinite(v)) {
        jw_null(w);
        return;
    }
    if (v == floor(v) && fabs(v) < 1e15) {
        jw_int(w, (long long)v);
        return;
    }
    before(w);
    char tmp[40];
    /* Scores are rounded to thousandths: write those without printf. */
    double m = v * 1000.0;
    if (fabs(v) < 1e12 && fabs(m - floor(m + 0.5)) < 1e-6) {
        long long t = (long long)floor(fabs(m) + 0.5);
        char *p = tmp + sizeof tmp;
        int frac = (int)(t % 1000);
        long long whole = t / 1000;
        int digits = 3;
        while (digits > 0 && frac % 10 == 0) {
            frac /= 10;
            digits--;
        }
        for (int i = 0; i < digits; i++) {
            *--p = (char)('0' + frac % 10);
            frac /= 10;
        }
        if (digits)
            *--p = '.';
        do {
            *--p = (char)('0' + whole % 10);
            whole /= 10;
        } while (whole);
        if (v < 0)
            *--p = '-';
        rb_buf_append(w->out, p, (size_t)(tmp + sizeof tmp - p));
        return;
    }
    int n = snprintf(tmp, sizeof tmp, "%.10g", v);
    rb_buf_append(w->out, tmp, (size_t)n);
}

void jw_bool(jw *w, bool v)
{
    before(w);
    rb_buf_puts(w->out, v ? "true" : "false");
}

void jw_null(jw *w)
{
    before(w);
    rb_buf_puts(w->out, "null");
}
