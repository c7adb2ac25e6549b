/*
 * rubric agreement --ratings FILE.csv: inter-rater agreement statistics on a
 * ratings table (subjects × raters), as text or rubric.agreement/1 JSON.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "rubric/agreement.h"

static const char help[] =
    "usage: rubric agreement --ratings FILE.csv [--scale MIN-MAX] [--format text|json]\n"
    "                        [-o FILE]\n"
    "\n"
    "Inter-rater agreement statistics on a ratings table: a CSV file (RFC 4180)\n"
    "whose header row names the raters after a first column of subject ids, then\n"
    "one row per subject with an integer level per rater (an empty cell is a\n"
    "missing rating).\n"
    "\n"
    "  --ratings FILE   the ratings table (- reads standard input; at most 16 MiB)\n"
    "  --scale MIN-MAX  the rating scale, e.g. 1-5: every level must be on it, and\n"
    "                   it spaces the weighted kappas' categories (see below)\n"
    "  --format text    aligned text for people (default)\n"
    "  --format json    rubric.agreement/1 (engine/schemas/README.md)\n"
    "  -o, --output F   write to F, atomically, instead of standard output\n"
    "\n"
    "Each statistic is reported with its value or the reason the data do not\n"
    "allow it:\n"
    "  percent agreement     over subjects with two or more ratings: the share on\n"
    "                        which all their raters agree, and the mean share of\n"
    "                        agreeing rater pairs\n"
    "  Cohen's kappa         exactly two raters, over the subjects both rated:\n"
    "                        unweighted, linear and quadratic weights\n"
    "  Fleiss' kappa         the same number of ratings for every subject\n"
    "  Krippendorff's alpha  nominal, ordinal and interval; missing cells allowed\n"
    "  ICC                   Shrout & Fleiss (1979) ICC(1,1), ICC(2,1), ICC(3,1),\n"
    "                        ICC(1,k), ICC(2,k), ICC(3,k); complete tables only\n"
    "\n"
    "Weighted kappas: the disagreement of categories i and j is |i - j| / (k - 1)\n"
    "(linear) or its square (quadratic). With --scale MIN-MAX the categories are\n"
    "every level from MIN to MAX and i - j is the difference of the levels\n"
    "(k - 1 = MAX - MIN). Without it they are the distinct levels observed on the\n"
    "subjects both raters rated, in ascending order and equally spaced: i - j is\n"
    "the difference of their ranks, so levels 1, 2 and 5 count as 1, 2 and 3.\n"
    "\n"
    "Exit status: 0 statistics written (some may be unavailable), 1 the table\n"
    "is invalid, 2 usage, 3 a file could not be read or written.\n";

/* ---- numbers -------------------------------------------------------------- */

/* A statistic in JSON: rounded to 6 decimals, no trailing zeros, whole
 * numbers without a fraction, never "-0". */
static void put_number(rb_buf *b, double v)
{
    if (!isfinite(v)) {
        rb_buf_puts(b, "null");
        return;
    }
    char tmp[400];
    snprintf(tmp, sizeof tmp, "%.6f", v);
    char *dot = strchr(tmp, '.');
    if (dot) {
        char *e = tmp + strlen(tmp);
        while (e > dot + 1 && e[-1] == '0')
            *--e = '\0';
        if (e == dot + 1)
            *dot = '\0';
    }
    rb_buf_puts(b, strcmp(tmp, "-0") == 0 ? "0" : tmp);
}

/* Text: three decimals in `width` columns, never a negative zero. */
static void put_fixed(rb_buf *b, int width, double v)
{
    char tmp[400];
    snprintf(tmp, sizeof tmp, "%*.3f", width, v);
    const char *p = strchr(tmp, '-');
    if (p && strspn(p + 1, "0.") == strlen(p + 1))
        snprintf(tmp, sizeof tmp, "%*.3f", width, 0.0);
    rb_buf_puts(b, tmp);
}

static void put_string(rb_buf *b, const char *s)
{
    rb_json_string(b, s);
}

/* ---- what the table holds ------------------------------------------------- */

typedef struct summary {
    size_t ratings, missing, distinct;
    int min, max;
} summary;

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static bool summarise(const rb_ratings *t, summary *s)
{
    memset(s, 0, sizeof *s);
    size_t cells = t->nsubjects * t->nraters;
    int *v = malloc((cells ? cells : 1) * sizeof *v);
    if (!v)
        return false;
    for (size_t i = 0; i < cells; i++)
        if (t->cells[i] != RB_RATING_MISSING)
            v[s->ratings++] = t->cells[i];
    s->missing = cells - s->ratings;
    if (s->ratings) {
        qsort(v, s->ratings, sizeof *v, cmp_int);
        s->min = v[0];
        s->max = v[s->ratings - 1];
        s->distinct = 1;
        for (size_t i = 1; i < s->ratings; i++)
            if (v[i] != v[i - 1])
                s->distinct++;
    }
    free(v);
    return true;
}

/* ---- text ----------------------------------------------------------------- */

static const char *const text_labels[RB_AGREE_NSTATS] = {
    "all raters agree",
    "mean pairwise agreement",
    "unweighted",
    "linear weights",
    "quadratic weights",
    "Fleiss' kappa",
    "nominal",
    "ordinal",
    "interval",
    "ICC(1,1)  one-way, single rater",
    "ICC(2,1)  two-way random, single rater",
    "ICC(3,1)  two-way mixed, single rater",
    "ICC(1,k)  one-way, mean of k raters",
    "ICC(2,k)  two-way random, mean of k raters",
    "ICC(3,k)  two-way mixed, mean of k raters",
};

static void text_row(rb_buf *b, const rb_agreement *a, rb_agreement_stat i, bool indent)
{
    const rb_stat *s = &a->stats[i];
    rb_buf_printf(b, "%s%-*s  ", indent ? "  " : "", indent ? 42 : 44, text_labels[i]);
    if (!s->available) {
        rb_buf_printf(b, "   n/a  %s\n", s->reason);
        return;
    }
    put_fixed(b, 6, s->value);
    rb_buf_printf(b, "  %zu subject%s", s->subjects, s->subjects == 1 ? "" : "s");
    if (s->has_parts && i >= RB_AGREE_ALPHA_NOMINAL && i <= RB_AGREE_ALPHA_INTERVAL)
        rb_buf_printf(b, "; disagreement %.6g observed, %.6g expected", s->observed,
                      s->expected);
    else if (s->has_parts) {
        rb_buf_puts(b, "; agreement ");
        put_fixed(b, 0, s->observed);
        rb_buf_puts(b, " observed, ");
        put_fixed(b, 0, s->expected);
        rb_buf_puts(b, " by chance");
    }
    rb_buf_putc(b, '\n');
}

static void render_text(const rb_ratings *t, const summary *sum,
                        const rb_agreement_options *opt, const rb_agreement *a, rb_buf *b)
{
    rb_buf_printf(b, "%s: %zu subject%s, %zu rater%s, %zu rating%s, %zu missing\n",
                  t->source ? t->source : "ratings", t->nsubjects,
                  t->nsubjects == 1 ? "" : "s", t->nraters, t->nraters == 1 ? "" : "s",
                  sum->ratings, sum->ratings == 1 ? "" : "s", sum->missing);
    rb_buf_puts(b, "raters: ");
    size_t shown = t->nraters > 12 ? 10 : t->nraters;
    for (size_t r = 0; r < shown; r++)
        rb_buf_printf(b, "%s%s", r ? ", " : "", t->raters ? t->raters[r] : "?");
    if (shown < t->nraters)
        rb_buf_printf(b, " and %zu more", t->nraters - shown);
    rb_buf_putc(b, '\n');
    if (sum->ratings)
        rb_buf_printf(b, "levels: %d to %d observed (%zu distinct)", sum->min, sum->max,
                      sum->distinct);
    else
        rb_buf_puts(b, "levels: none observed");
    if (opt->has_scale)
        rb_buf_printf(b, "; scale %d to %d", opt->scale_min, opt->scale_max);
    rb_buf_puts(b, "\n\npercent agreement\n");
    text_row(b, a, RB_AGREE_PERCENT_ALL, true);
    text_row(b, a, RB_AGREE_PERCENT_PAIRWISE, true);
    rb_buf_puts(b, "\nCohen's kappa (two raters)\n");
    text_row(b, a, RB_AGREE_COHEN, true);
    text_row(b, a, RB_AGREE_COHEN_LINEAR, true);
    text_row(b, a, RB_AGREE_COHEN_QUADRATIC, true);
    rb_buf_putc(b, '\n');
    text_row(b, a, RB_AGREE_FLEISS, false);
    rb_buf_puts(b, "\nKrippendorff's alpha\n");
    text_row(b, a, RB_AGREE_ALPHA_NOMINAL, true);
    text_row(b, a, RB_AGREE_ALPHA_ORDINAL, true);
    text_row(b, a, RB_AGREE_ALPHA_INTERVAL, true);
    rb_buf_puts(b, "\nintraclass correlation (Shrout & Fleiss 1979)\n");
    for (int i = RB_AGREE_ICC_1_1; i <= RB_AGREE_ICC_3_K; i++)
        text_row(b, a, (rb_agreement_stat)i, true);
    if (a->anova.available)
        rb_buf_printf(b, "  mean squares: between subjects %.6g, within subjects %.6g, "
                         "between raters %.6g, residual %.6g\n",
                      a->anova.bms, a->anova.wms, a->anova.jms, a->anova.ems);
}

/* ---- JSON: rubric.agreement/1 --------------------------------------------- */

static void json_stat(rb_buf *b, const rb_stat *s)
{
    rb_buf_puts(b, "{\n      \"value\": ");
    if (s->available)
        put_number(b, s->value);
    else
        rb_buf_puts(b, "null");
    rb_buf_puts(b, ",\n      \"reason\": ");
    if (s->available)
        rb_buf_puts(b, "null");
    else
        put_string(b, s->reason);
    rb_buf_printf(b, ",\n      \"subjects\": %zu,\n      \"observed\": ", s->subjects);
    if (s->available && s->has_parts)
        put_number(b, s->observed);
    else
        rb_buf_puts(b, "null");
    rb_buf_puts(b, ",\n      \"expected\": ");
    if (s->available && s->has_parts)
        put_number(b, s->expected);
    else
        rb_buf_puts(b, "null");
    rb_buf_puts(b, "\n    }");
}

static void render_json(const rb_ratings *t, const summary *sum,
                        const rb_agreement_options *opt, const rb_agreement *a, rb_buf *b)
{
    rb_buf_puts(b, "{\n  \"format\": \"rubric.agreement/1\",\n  \"source\": ");
    put_string(b, t->source ? t->source : "");
    rb_buf_printf(b, ",\n  \"subjects\": %zu,\n  \"raters\": [", t->nsubjects);
    for (size_t r = 0; r < t->nraters; r++) {
        rb_buf_puts(b, r ? ",\n    " : "\n    ");
        put_string(b, t->raters ? t->raters[r] : "");
    }
    rb_buf_printf(b, "\n  ],\n  \"ratings\": %zu,\n  \"missing\": %zu,\n  \"levels\": ",
                  sum->ratings, sum->missing);
    if (sum->ratings)
        rb_buf_printf(b, "{\n    \"min\": %d,\n    \"max\": %d,\n    \"distinct\": %zu\n  }",
                      sum->min, sum->max, sum->distinct);
    else
        rb_buf_puts(b, "null");
    rb_buf_puts(b, ",\n  \"scale\": ");
    if (opt->has_scale)
        rb_buf_printf(b, "{\n    \"min\": %d,\n    \"max\": %d\n  }", opt->scale_min,
                      opt->scale_max);
    else
        rb_buf_puts(b, "null");
    rb_buf_puts(b, ",\n  \"statistics\": {");
    for (int i = 0; i < RB_AGREE_NSTATS; i++) {
        rb_buf_printf(b, "%s\n    \"%s\": ", i ? "," : "",
                      rb_agreement_stat_key((rb_agreement_stat)i));
        json_stat(b, &a->stats[i]);
    }
    rb_buf_puts(b, "\n  },\n  \"anova\": ");
    if (a->anova.available) {
        rb_buf_puts(b, "{\n    \"bms\": ");
        put_number(b, a->anova.bms);
        rb_buf_puts(b, ",\n    \"wms\": ");
        put_number(b, a->anova.wms);
        rb_buf_puts(b, ",\n    \"jms\": ");
        put_number(b, a->anova.jms);
        rb_buf_puts(b, ",\n    \"ems\": ");
        put_number(b, a->anova.ems);
        rb_buf_puts(b, "\n  }");
    } else {
        rb_buf_puts(b, "null");
    }
    rb_buf_puts(b, "\n}\n");
}

/* ---- the command ---------------------------------------------------------- */

/* An integer level with an optional sign at *p; advances *p. */
static bool scan_level(const char **p, int *out)
{
    const char *s = *p;
    bool negative = false;
    if (*s == '+' || *s == '-')
        negative = *s++ == '-';
    if (*s < '0' || *s > '9')
        return false;
    long long v = 0;
    while (*s >= '0' && *s <= '9') {
        v = v * 10 + (*s++ - '0');
        if (v > RB_RATING_LIMIT)
            return false;
    }
    *out = (int)(negative ? -v : v);
    *p = s;
    return true;
}

static bool parse_scale(const char *text, rb_agreement_options *opt)
{
    const char *p = text;
    int lo, hi;
    if (!scan_level(&p, &lo) || *p++ != '-' || !scan_level(&p, &hi) || *p != '\0')
        return false;
    opt->has_scale = true;
    opt->scale_min = lo;
    opt->scale_max = hi;
    return true;
}

int cmd_agreement(int argc, char **argv)
{
    static const opt_spec specs[] = {
        { "ratings", 0, true }, { "scale", 0, true },  { "format", 0, true },
        { "output", 'o', true }, { "help", 'h', false }, { NULL, 0, false },
    };
    opt_parser p = { argc, argv, 1, specs, "agreement", false };
    const char *ratings = NULL, *scale = NULL, *format = "text", *output = NULL, *v;
    int o;
    while ((o = cli_next_opt(&p, &v)) != OPT_END) {
        switch (o) {
        case OPT_ERROR: return EXIT_USAGE;
        case OPT_ARG:
            return cli_usage_error("agreement", "unexpected argument '%s' (the table is "
                                                "given with --ratings FILE)", v);
        case 0: ratings = v; break;
        case 1: scale = v; break;
        case 2: format = v; break;
        case 3: output = v; break;
        case 4: fputs(help, stdout); return EXIT_OK;
        }
    }
    bool json = strcmp(format, "json") == 0;
    if (!json && strcmp(format, "text") != 0)
        return cli_usage_error("agreement", "unknown format '%s' (use text or json)", format);
    if (!ratings)
        return cli_usage_error("agreement", "missing --ratings FILE.csv");
    rb_agreement_options opt = { 0 };
    if (scale && !parse_scale(scale, &opt))
        return cli_usage_error("agreement", "--scale '%s': expected MIN-MAX, two integer "
                                            "levels such as 1-5", scale);
    if (opt.has_scale && opt.scale_min >= opt.scale_max)
        return cli_usage_error("agreement", "--scale '%s': MIN must be below MAX", scale);

    rb_diags *d = rb_diags_new();
    if (!d)
        return cli_error(EXIT_SYSTEM, "out of memory");
    rb_ratings *t = rb_ratings_read_csv(ratings, d);
    if (t && opt.has_scale)
        rb_ratings_check_scale(t, opt.scale_min, opt.scale_max, d);
    int rc = cli_exit_for(d);
    cli_print_diags(stderr, d);
    rb_diags_free(d);
    if (!t || rc != EXIT_OK) {
        rb_ratings_free(t);
        return rc == EXIT_OK ? EXIT_INVALID : rc;
    }
    rb_agreement a;
    summary sum;
    rb_buf out = { 0 };
    if (!rb_agreement_compute(t, &opt, &a) || !summarise(t, &sum)) {
        rc = cli_error(EXIT_SYSTEM, "out of memory");
    } else {
        if (json)
            render_json(t, &sum, &opt, &a, &out);
        else
            render_text(t, &sum, &opt, &a, &out);
        rc = cli_write(output, &out);
        if (rc == EXIT_OK && output)
            fprintf(stderr, "wrote %s\n", output);
    }
    rb_buf_release(&out);
    rb_ratings_free(t);
    return rc;
}
