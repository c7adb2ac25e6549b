/*
 * The skeleton, house style and escaping of the engine's printable HTML
 * pages (html.h).
 */
#include "report/html.h"

#include <math.h>
#include <string.h>

#include "rubric/version.h"

/* The replacement for one byte at s[i], or NULL to copy it. */
static const char *replacement(unsigned char c)
{
    switch (c) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '"': return "&quot;";
    case '\'': return "&#39;";
    default:
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f
                   ? "\xEF\xBF\xBD" : NULL;
    }
}

void html_esc_n(rb_buf *b, const char *s, size_t n)
{
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        const char *rep = replacement((unsigned char)s[i]);
        if (!rep)
            continue;
        rb_buf_append(b, s + run, i - run);
        rb_buf_puts(b, rep);
        run = i + 1;
    }
    rb_buf_append(b, s + run, n - run);
}

void html_esc(rb_buf *b, const char *s)
{
    if (s)
        html_esc_n(b, s, strlen(s));
}

void html_esc_lines(rb_buf *b, const char *s)
{
    if (!s)
        return;
    for (;;) {
        size_t n = strcspn(s, "\n");
        size_t text = n && s[n] == '\n' && s[n - 1] == '\r' ? n - 1 : n;
        html_esc_n(b, s, text);
        if (!s[n])
            return;
        rb_buf_puts(b, "<br>\n");
        s += n + 1;
    }
}

void html_id(rb_buf *b, char article, size_t k, const char *prefix, const char *name)
{
    if (k)
        rb_buf_printf(b, "%c%zu-", article, k + 1);
    rb_buf_puts(b, prefix);
    html_esc(b, name);
}

double html_clamp01(double v)
{
    return isfinite(v) ? fmin(fmax(v, 0.0), 1.0) : 0.0;
}

void html_bar(rb_buf *b, const char *cls, double v)
{
    rb_buf_printf(b, "<span class=\"bar %s\" aria-hidden=\"true\"><span style=\"width:%.0f%%\">"
                  "</span></span>", cls, html_clamp01(v) * 100);
}

void html_page_open(rb_buf *b, const html_page *page)
{
    rb_buf_puts(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    if (page->generator)
        rb_buf_puts(b, "<meta name=\"generator\" content=\"rubric " RB_VERSION "\">\n");
    if (page->personal)
        rb_buf_puts(b, "<meta name=\"robots\" content=\"noindex\">\n");
    rb_buf_puts(b, "<title>");
}

static void rules(rb_buf *b, const char *const *list)
{
    for (; list && *list; list++)
        rb_buf_puts(b, *list);
}

void html_page_body(rb_buf *b, const html_page *page)
{
    rb_buf_puts(b, "</title>\n<style>\n"
                   ":root{--ink:#1c2733;--muted:#52606d;--line:#d5dde5;--soft:#f3f6f9;"
                   "--accent:#2b5f9e");
    if (page->palette)
        rb_buf_puts(b, page->palette);
    rb_buf_puts(b, "}\n*{box-sizing:border-box}\n");
    if (page->exact_colours)
        rb_buf_puts(b, "html{-webkit-print-color-adjust:exact;print-color-adjust:exact}\n");
    rb_buf_puts(b, "body{margin:0;background:#e9edf1;color:var(--ink);"
                   "font:15px/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,\"Liberation Sans\","
                   "\"DejaVu Sans\",Arial,sans-serif}\n");
    rb_buf_printf(b, "main{max-width:%s;margin:0 auto;padding:1.5rem 1rem}\n", page->width);
    rules(b, page->rules);
    if (page->generator)
        rb_buf_puts(b, "footer.generator{color:var(--muted);font-size:.75rem;text-align:center;"
                       "margin-top:-1rem}\n");
    rb_buf_puts(b, "@page{size:A4;margin:14mm 12mm}\n@media print{\n"
                   "body{background:#fff;font-size:10pt}\nmain{max-width:none;padding:0}\n");
    rules(b, page->print);
    rb_buf_puts(b, "}\n");
    rules(b, page->after);
    rb_buf_puts(b, "</style>\n</head>\n<body>\n<main>\n");
}

void html_page_close(rb_buf *b, const html_page *page)
{
    rb_buf_puts(b, "</main>\n");
    if (page->generator)
        rb_buf_puts(b, "<footer class=\"generator\">Written by rubric " RB_VERSION "</footer>\n");
    rb_buf_puts(b, "</body>\n</html>\n");
}
