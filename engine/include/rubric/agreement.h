/*
 * Inter-rater agreement: a ratings table (subjects × raters, integer levels,
 * missing cells) and the statistics computed from it.
 *
 *     rb_ratings *t = rb_ratings_read_csv("ratings.csv", diags);
 *     rb_agreement a;
 *     rb_agreement_compute(t, NULL, &a);
 *     if (a.stats[RB_AGREE_FLEISS].available) ... a.stats[RB_AGREE_FLEISS].value
 *     else ... a.stats[RB_AGREE_FLEISS].reason
 *     rb_ratings_free(t);
 *
 * Every statistic says either its value or why the data do not allow it
 * (too few raters, missing cells, no variation, ...). The functions never
 * print; the only failure they report by return value is running out of
 * memory. Definitions (which subjects each statistic uses, how weights are
 * spaced) are in engine/README.md, "Inter-rater agreement".
 */
#ifndef RUBRIC_AGREEMENT_H
#define RUBRIC_AGREEMENT_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>

#include "rubric/diag.h"

/* A cell without a rating. */
#define RB_RATING_MISSING INT_MIN
/* Levels are integers in -RB_RATING_LIMIT..RB_RATING_LIMIT. */
#define RB_RATING_LIMIT 1000000000
/* A ratings file may be at most this many bytes. */
#define RB_MAX_RATINGS_FILE ((size_t)16 * 1024 * 1024)

typedef struct rb_ratings {
    size_t nsubjects;
    size_t nraters;
    /* cells[s * nraters + r]: subject s's level from rater r, or
     * RB_RATING_MISSING. */
    int *cells;
    /* Subject ids and rater names (NUL-terminated, valid UTF-8); both NULL
     * for a table built with rb_ratings_new. */
    char **subjects;
    char **raters;
    /* 1-based line on which each subject's row starts; NULL when the table
     * was not read from a file. */
    int *lines;
    /* The file's display name, or NULL. */
    char *source;
    char *storage_;  /* internal: the text of the names */
} rb_ratings;

/* A table of nsubjects × nraters missing cells and no names (both at least
 * 1). NULL when out of memory or too large. */
rb_ratings *rb_ratings_new(size_t nsubjects, size_t nraters);
void rb_ratings_free(rb_ratings *t);

/* Read a ratings table from CSV (RFC 4180): a header row whose first field
 * heads the subject ids and whose other fields name the raters, then one row
 * per subject: its id and one cell per rater, an integer level or empty for
 * missing (spaces around a level are allowed). CRLF or LF line ends; blank
 * lines are skipped; a UTF-8 byte order mark is skipped. `display` names the
 * file in diagnostics ("file:line: ..."). Every problem is added to `d`, and
 * the table is returned only when there was none. */
rb_ratings *rb_ratings_parse_csv(const char *display, const char *data, size_t len,
                                 rb_diags *d);
/* The same for a file (at most RB_MAX_RATINGS_FILE bytes); "-" reads
 * standard input. Pipes and devices are read as streams. */
rb_ratings *rb_ratings_read_csv(const char *path, rb_diags *d);

/* Add an error to `d` for every rating outside min..max (naming the file and
 * line when the table came from one). Returns true when there was none. */
bool rb_ratings_check_scale(const rb_ratings *t, int min, int max, rb_diags *d);

/* ---- statistics ----------------------------------------------------------- */

typedef enum rb_agreement_stat {
    RB_AGREE_PERCENT_ALL,        /* subjects on which all their raters agree */
    RB_AGREE_PERCENT_PAIRWISE,   /* mean proportion of agreeing pairs */
    RB_AGREE_COHEN,              /* Cohen's kappa, two raters, unweighted */
    RB_AGREE_COHEN_LINEAR,       /* ... linear weights */
    RB_AGREE_COHEN_QUADRATIC,    /* ... quadratic weights */
    RB_AGREE_FLEISS,             /* Fleiss' kappa */
    RB_AGREE_ALPHA_NOMINAL,      /* Krippendorff's alpha */
    RB_AGREE_ALPHA_ORDINAL,
    RB_AGREE_ALPHA_INTERVAL,
    RB_AGREE_ICC_1_1,            /* Shrout & Fleiss (1979) ICC(model, 1) */
    RB_AGREE_ICC_2_1,
    RB_AGREE_ICC_3_1,
    RB_AGREE_ICC_1_K,            /* ICC(model, k): the mean of k raters */
    RB_AGREE_ICC_2_K,
    RB_AGREE_ICC_3_K,
    RB_AGREE_NSTATS
} rb_agreement_stat;

typedef struct rb_stat {
    bool available;
    double value;          /* when available */
    size_t subjects;       /* subjects the statistic used (when available) */
    /* Kappas: observed and chance-expected agreement (weighted for the
     * weighted kappas). Alpha: observed and expected disagreement (mean
     * distance per pair of pairable values). Otherwise has_parts is false. */
    bool has_parts;
    double observed;
    double expected;
    char reason[200];      /* when not available: why (one line) */
} rb_stat;

/* Two-way analysis of variance of a complete table (Shrout & Fleiss 1979,
 * Table 1): mean squares between subjects (BMS), within subjects (WMS),
 * between raters (JMS) and residual (EMS). */
typedef struct rb_anova {
    bool available;
    size_t n, k;           /* subjects, raters */
    double bms, wms, jms, ems;
    int icc2k_den_sign;    /* sign of ICC(2,k)'s denominator, decided exactly
                              (it alone can be 0 or negative while the mean
                              squares are not all 0) */
    char reason[200];
} rb_anova;

typedef struct rb_agreement_options {
    /* The scale the levels come from. It spaces the categories of the
     * weighted Cohen's kappas (every integer min..max is a category);
     * without it the categories are the levels observed, in order,
     * equally spaced. */
    bool has_scale;
    int scale_min, scale_max;
} rb_agreement_options;

typedef struct rb_agreement {
    rb_stat stats[RB_AGREE_NSTATS];
    rb_anova anova;
} rb_agreement;

typedef enum rb_kappa_weights {
    RB_WEIGHTS_NONE,
    RB_WEIGHTS_LINEAR,     /* disagreement |i - j| / (k - 1) */
    RB_WEIGHTS_QUADRATIC,  /* disagreement ((i - j) / (k - 1))^2 */
} rb_kappa_weights;

typedef enum rb_alpha_metric {
    RB_METRIC_NOMINAL,
    RB_METRIC_ORDINAL,
    RB_METRIC_INTERVAL,
} rb_alpha_metric;

typedef enum rb_icc_model {
    RB_ICC_ONE_WAY = 1,    /* ICC(1, .): each subject rated by different raters */
    RB_ICC_TWO_WAY_RANDOM, /* ICC(2, .): raters a random sample, absolute agreement */
    RB_ICC_TWO_WAY_MIXED,  /* ICC(3, .): these raters only, consistency */
} rb_icc_model;

/* Each function fills `out` (value or reason) and returns false only when
 * memory ran out (the reason then says so). `opt` may be NULL. */
bool rb_percent_agreement(const rb_ratings *t, rb_stat *all, rb_stat *pairwise);
bool rb_cohen_kappa(const rb_ratings *t, rb_kappa_weights w,
                    const rb_agreement_options *opt, rb_stat *out);
bool rb_fleiss_kappa(const rb_ratings *t, rb_stat *out);
bool rb_krippendorff_alpha(const rb_ratings *t, rb_alpha_metric m, rb_stat *out);
void rb_icc_anova(const rb_ratings *t, rb_anova *out);
/* ICC(model, 1) for a single rater, or ICC(model, k) when `average`. */
void rb_icc(const rb_ratings *t, rb_icc_model model, bool average, rb_stat *out);

/* All of the above. */
bool rb_agreement_compute(const rb_ratings *t, const rb_agreement_options *opt,
                          rb_agreement *out);

/* A statistic's key in rubric.agreement/1 ("cohen_kappa_linear") and its
 * name for people ("Cohen's kappa, linear weights"). */
const char *rb_agreement_stat_key(rb_agreement_stat s);
const char *rb_agreement_stat_name(rb_agreement_stat s);

#endif
