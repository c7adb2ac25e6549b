/*
 * What every self-contained, printable HTML page of the engine shares: the
 * escaping of text from the library and the answers, the page skeleton
 * (doctype, meta lines, the house CSS and print rules) and the pieces of
 * the house style two or more pages use. Not installed.
 *
 * A page is written as
 *     html_page_open(b, &page);   ... the title, escaped ...
 *     html_page_body(b, &page);   ... the body ...
 *     html_page_close(b, &page);
 * and gives only its own CSS: the rules after the house rules, the print
 * rules inside the house @media print block, and rules after that block.
 */
#ifndef RB_REPORT_HTML_H
#define RB_REPORT_HTML_H

#include <stdbool.h>
#include <stddef.h>

#include "rubric/buf.h"

/* Text or attribute value, escaped: & < > " ' as references; control
 * characters HTML does not allow become U+FFFD (tab, line feed and
 * carriage return stay). html_esc writes nothing for NULL. */
void html_esc_n(rb_buf *b, const char *s, size_t n);
void html_esc(rb_buf *b, const char *s);
/* Text escaped as by html_esc, its line breaks (LF, CRLF) as <br>. */
void html_esc_lines(rb_buf *b, const char *s);

/* An element id unique on a page of several articles: "<article>K-" for
 * article K >= 2 (counted from 0 in k), then prefix and the escaped name. */
void html_id(rb_buf *b, char article, size_t k, const char *prefix, const char *name);

/* v held to 0..1 (0 for NaN), for percentages and bars. */
double html_clamp01(double v);
/* A percentage bar of class "bar <cls>", decorative: the number is always
 * written beside it. */
void html_bar(rb_buf *b, const char *cls, double v);

typedef struct html_page {
    const char *palette;        /* the page's own custom properties, each
                                   ";--name:value", or NULL */
    bool exact_colours;         /* print background colours on the whole page */
    const char *width;          /* max-width of main, e.g. "62rem" */
    bool generator;             /* generator meta line and footer */
    bool personal;              /* about a person: not for search engines */
    const char *const *rules;   /* NULL-terminated, after the house rules */
    const char *const *print;   /* NULL-terminated, inside @media print */
    const char *const *after;   /* NULL-terminated, after @media print, or NULL */
} html_page;

/* From the doctype up to and including "<title>". */
void html_page_open(rb_buf *b, const html_page *page);
/* Closes the title; the style sheet; opens body and main. */
void html_page_body(rb_buf *b, const html_page *page);
/* Closes main (the footer), body and html. */
void html_page_close(rb_buf *b, const html_page *page);

/* ---- Pieces of the house style ------------------------------------------ */

/* The kicker line over the page title. Every page. */
#define HTML_CSS_TITLE \
    ".kicker{margin:0;color:var(--accent);font-size:.8rem;font-weight:600;" \
    "letter-spacing:.08em;text-transform:uppercase}\n" \
    "h1{font-size:1.8rem;line-height:1.2;margin:.15rem 0 .6rem}\n"

/* Forms to fill in by hand (interview kit, development plan, discussion
 * planner): white cards, the selector `cards` naming them, on a grey page;
 * ruled tables; tick boxes; lines to write on. */
#define HTML_CSS_FORM_CARDS(cards) \
    cards "{background:#fff;border-radius:6px;box-shadow:0 1px 4px " \
    "rgba(0,0,0,.12);padding:1.25rem 2rem;margin-bottom:1.25rem}\n" \
    HTML_CSS_TITLE \
    "h2{font-size:1.3rem;margin:0 0 .5rem;color:var(--accent)}\n" \
    "h3{font-size:1.02rem;margin:1.1rem 0 .4rem}\n"
#define HTML_CSS_FORM_CARDS_PRINT(cards) \
    cards "{box-shadow:none;border-radius:0;padding:0;margin:0 0 1rem}\n"
#define HTML_CSS_FORM_TABLE \
    "table{border-collapse:collapse;width:100%}\n" \
    "th,td{border:1px solid var(--line);padding:.3rem .5rem;text-align:left;" \
    "vertical-align:top}\n"
#define HTML_CSS_FORM_BOXES \
    ".box{display:inline-block;width:.9rem;height:.9rem;border:1.5px solid var(--ink);" \
    "border-radius:2px;vertical-align:-.1rem;margin-right:.4rem}\n" \
    "ul.check{list-style:none;padding-left:.25rem}\n"
#define HTML_CSS_FORM_FILL \
    ".fill{display:flex;gap:1.5rem;flex-wrap:wrap;margin-top:.75rem}\n" \
    ".fill span{flex:1;min-width:12rem;border-bottom:1px solid var(--ink);padding-top:1rem}\n"

/* Result sheets (scoring sheet, panel): one card, the selector `cards`, per
 * candidate after a table of contents; a head with the candidate, facts and
 * fit; levels, gaps, bars, evidence quotes and the outcome. */
#define HTML_SHEET_PALETTE ";--ok:#23784a;--below:#b3570f;--bad:#b42828;--mark:#fff0a0"
#define HTML_CSS_SHEET_HEAD(cards) \
    "nav.contents{background:#fff;border-radius:6px;padding:.75rem 1.25rem;margin-bottom:1.5rem}\n" \
    "nav.contents h2{font-size:1rem;margin:0 0 .25rem}\n" \
    "nav.contents ol{margin:0;padding-left:1.25rem}\n" \
    "nav.contents a{color:var(--accent)}\n" \
    cards "{background:#fff;border-radius:6px;box-shadow:0 1px 4px rgba(0,0,0,.12);" \
    "padding:1.75rem 2rem 2rem;margin-bottom:2rem}\n" \
    ".sheet-head{border-bottom:3px solid var(--accent);padding-bottom:1rem;margin-bottom:1.25rem}\n" \
    HTML_CSS_TITLE \
    ".candidate-id{color:var(--muted);font-weight:400;font-size:1.1rem}\n" \
    "h2{font-size:1.3rem;margin:1.75rem 0 .5rem;color:var(--accent)}\n" \
    "h3{font-size:1.02rem;margin:1.25rem 0 .4rem}\n" \
    "h4{font-size:.92rem;margin:.9rem 0 .3rem;color:var(--muted)}\n" \
    "dl.meta{display:flex;flex-wrap:wrap;gap:.25rem 2rem;margin:0 0 1rem}\n" \
    "dl.meta div{display:flex;gap:.4rem}\n" \
    "dl.meta dt{color:var(--muted)}\n" \
    "dl.meta dt::after{content:\":\"}\n" \
    "dl.meta dd{margin:0;font-weight:600}\n" \
    ".fit{display:flex;align-items:center;flex-wrap:wrap;gap:.5rem 1.25rem;" \
    "background:var(--soft);border-radius:6px;padding:.6rem 1rem}\n" \
    ".fit-value{font-size:1.6rem;font-weight:700}\n" \
    ".fit .bar{width:12rem;height:.7rem}\n" \
    ".counts{color:var(--muted)}\n"
#define HTML_CSS_SHEET_TABLE \
    "table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.92rem}\n" \
    "caption{text-align:left;color:var(--muted);font-size:.85rem;padding-bottom:.3rem}\n" \
    "th,td{border-bottom:1px solid var(--line);padding:.4rem .5rem;text-align:left;vertical-align:middle}\n" \
    "thead th{background:var(--soft);font-size:.8rem;text-transform:uppercase;" \
    "letter-spacing:.03em;color:var(--muted);border-bottom:2px solid var(--line)}\n" \
    "tbody th{font-weight:600}\n"
#define HTML_CSS_SHEET_LEVEL \
    "table.summary a{color:inherit}\n" \
    ".level-number{display:inline-block;min-width:1.2em;font-weight:700}\n"
#define HTML_CSS_SHEET_GAP \
    ".gap-below{color:var(--below);font-weight:700}\n" \
    ".gap-meets{color:var(--ok);font-weight:700}\n"
#define HTML_CSS_SHEET_LEGEND ".legend{font-size:.8rem;color:var(--muted);margin:-.5rem 0 1rem}\n"
#define HTML_CSS_SHEET_BAR \
    ".bar{display:inline-block;width:6rem;height:.55rem;background:#e4e9ee;border-radius:4px;" \
    "overflow:hidden;vertical-align:middle;margin-right:.4rem}\n" \
    ".bar>span{display:block;height:100%;background:var(--accent)}\n" \
    ".bar.fit-bar>span{background:var(--ok)}\n"
#define HTML_CSS_SHEET_COMPETENCY \
    ".competency{border-top:1px solid var(--line);margin-top:1.75rem}\n" \
    ".competency>h2{margin-top:1.25rem}\n" \
    ".definition{color:var(--muted);margin:.1rem 0 .6rem;font-style:italic}\n" \
    ".verdict{margin:.25rem 0 .75rem}\n"
#define HTML_CSS_SHEET_CODE \
    "code{font:.78rem ui-monospace,\"DejaVu Sans Mono\",monospace;color:var(--muted);font-weight:400}\n"
#define HTML_CSS_SHEET_BEHAVIOUR \
    ".behaviour{margin:.4rem 0 .8rem}\n" \
    ".behaviour-text{margin:0;font-weight:600}\n"
#define HTML_CSS_SHEET_QUOTES \
    "ul.quotes{list-style:none;margin:.25rem 0 0;padding:0 0 0 1rem}\n" \
    "li.evidence{margin:.35rem 0;border-left:3px solid var(--line);padding-left:.7rem;" \
    "break-inside:avoid}\n" \
    "blockquote{margin:0}\n" \
    "mark.quote{background:var(--mark);color:inherit;padding:.05rem .15rem;border-radius:2px;" \
    "-webkit-box-decoration-break:clone;box-decoration-break:clone}\n" \
    "blockquote::before{content:\"\\201C\"}\n" \
    "blockquote::after{content:\"\\201D\"}\n" \
    ".evidence-meta{font-size:.8rem;color:var(--muted)}\n"
#define HTML_CSS_SHEET_OUTCOME \
    "li.observed{font-style:italic;color:var(--muted)}\n" \
    "section.notes ul{margin:.25rem 0;padding-left:1.25rem}\n" \
    ".outcome{display:grid;grid-template-columns:1fr 1fr;gap:0 2rem;" \
    "border-top:1px solid var(--line);margin-top:1.75rem}\n" \
    ".outcome ul{padding-left:1.25rem;margin:.25rem 0}\n" \
    ".empty{color:var(--muted)}\n"
/* In print: one card a page (`apart` starts a page), `whole` never split. */
#define HTML_CSS_SHEET_PRINT(cards, apart, whole) \
    "nav.contents,footer.generator{display:none}\n" \
    cards "{box-shadow:none;border-radius:0;padding:0;margin:0}\n" \
    apart "{break-before:page;page-break-before:always}\n" \
    "h2,h3,h4,.behaviour-text{break-after:avoid;page-break-after:avoid}\n" \
    whole "{break-inside:avoid;page-break-inside:avoid}\n" \
    "thead{display:table-header-group}\n" \
    "a{color:inherit;text-decoration:none}\n"
#define HTML_CSS_SHEET_NARROW(cards) \
    "@media (max-width:40rem){.outcome{grid-template-columns:1fr}" cards "{padding:1rem}}\n"

#endif
