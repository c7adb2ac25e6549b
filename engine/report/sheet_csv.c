/*
 * Scoring sheets as CSV (RFC 4180): a header row, then one row per
 * candidate and competency. Fields are quoted when they hold a comma, a
 * quote or a line break; lines end in CRLF.
 */
#include <stdio.h>
#include <string.h>

#include "rubric/report.h"
#include "rubric/score.h"

static void put_field(rb_buf *b, const char *s, bool last, bool guard)
{
    if (!s)
        s = "";
    bool quote = strpbrk(s, ",\"\r\n") != NULL;
    /* Text starting with =, +, - or @ would be run as a formula by
     * spreadsheets; numbers we write ourselves are left as numbers. */
    bool formula = guard && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@');
    if (quote || formula)
        rb_buf_putc(b, '"');
    if (formula)
        rb_buf_putc(b, '\'');
    for (; *s; s++) {
        if (*s == '"')
            rb_buf_putc(b, '"');
        rb_buf_putc(b, *s);
    }
    if (quote || formula)
        rb_buf_putc(b, '"');
    rb_buf_puts(b, last ? "\r\n" : ",");
}

static void field(rb_buf *b, const char *s, bool last)
{
    put_field(b, s, last, true);
}

/* A number as a whole number ('i'), signed ('s'), two decimals ('2') or
 * shortest ('g'); empty when absent. */
static void num(rb_buf *b, bool has, double v, char how)
{
    char tmp[32] = "";
    if (has && how == 'i')
        snprintf(tmp, sizeof tmp, "%.0f", v);
    else if (has && how == 's')
        snprintf(tmp, sizeof tmp, "%+.0f", v);
    else if (has && how == '2')
        snprintf(tmp, sizeof tmp, "%.2f", v);
    else if (has)
        snprintf(tmp, sizeof tmp, "%g", v);
    put_field(b, tmp, false, false);
}

bool rb_sheets_csv(rb_sheet *const *sheets, size_t n, rb_buf *b)
{
    static const char *const header[] = {
        "candidate_id", "candidate_name", "role", "interviewer", "date", "competency",
        "competency_title", "target", "weight", "suggested", "confidence", "rating",
        "final", "gap", "result", "evidence", "flags", "fit",
    };
    size_t nh = sizeof header / sizeof *header;
    for (size_t i = 0; i < nh; i++)
        field(b, header[i], i + 1 == nh);
    for (size_t s = 0; s < n; s++) {
        const rb_sheet *sh = sheets[s];
        const rb_interview *iv = sh->interview;
        for (size_t i = 0; i < sh->nresults; i++) {
            const rb_competency_result *r = &sh->results[i];
            field(b, iv->candidate_id, false);
            field(b, iv->candidate_name, false);
            field(b, iv->role->id, false);
            field(b, iv->interviewer, false);
            field(b, iv->date, false);
            field(b, r->competency->id, false);
            field(b, r->competency->title, false);
            num(b, r->need, r->need ? r->need->target : 0, 'i');
            num(b, r->need, r->need ? r->need->weight : 0, 'g');
            num(b, r->suggested, r->suggested, 'i');
            num(b, true, r->confidence, '2');
            num(b, r->rating, r->rating, 'i');
            num(b, r->final_level, r->final_level, 'i');
            num(b, r->need && r->final_level, r->gap, 's');
            field(b, !r->need ? "not required" : !r->final_level ? "insufficient evidence"
                     : r->gap >= 0 ? "strength" : "development", false);
            num(b, true, (double)r->nevidence, 'i');
            char flags[256] = "";
            for (unsigned f = 1; f <= RB_FLAG_POLICY_ERROR; f <<= 1)
                if (r->flags & f) {
                    if (flags[0])
                        strncat(flags, " ", sizeof flags - strlen(flags) - 1);
                    strncat(flags, rb_flag_name(f), sizeof flags - strlen(flags) - 1);
                }
            field(b, flags, false);
            char fit[16];
            snprintf(fit, sizeof fit, "%.3f", sh->fit);
            field(b, fit, true);
        }
    }
    return rb_buf_ok(b);
}
