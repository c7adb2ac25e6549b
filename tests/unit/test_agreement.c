/*
 * Unit tests for inter-rater agreement (engine/score/agreement.c) and the
 * ratings CSV reader (engine/score/agreement_csv.c).
 *
 * Every statistic is checked against a published worked example, to the
 * precision the source prints. Where a value is not printed in the source
 * (or could not be checked against it), the comment says so and says how
 * it was computed instead: by hand below, or with a short python3 script
 * (standard library only) written straight from the textbook definitions,
 * independently of the C code. Then the fast formulas of agreement.c are
 * cross-checked against the plain definitions (coincidence matrices, k × k
 * weight matrices) on pseudo-random tables with missing cells.
 */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "rubric/agreement.h"
#include "rubric/diag.h"

#define M RB_RATING_MISSING

/* ---- helpers -------------------------------------------------------------- */

static rb_ratings *table(size_t nsubjects, size_t nraters, const int *cells)
{
    rb_ratings *t = rb_ratings_new(nsubjects, nraters);
    if (t)
        memcpy(t->cells, cells, nsubjects * nraters * sizeof *cells);
    return t;
}

/* A two-rater table from a k × k contingency table of counts: count[i][j]
 * subjects rated levels[i] by the first rater and levels[j] by the second. */
static rb_ratings *from_contingency(size_t k, const int *count, const int *levels)
{
    size_t n = 0;
    for (size_t i = 0; i < k * k; i++)
        n += (size_t)count[i];
    rb_ratings *t = rb_ratings_new(n, 2);
    if (!t)
        return NULL;
    size_t s = 0;
    for (size_t i = 0; i < k; i++)
        for (size_t j = 0; j < k; j++)
            for (int c = 0; c < count[i * k + j]; c++, s++) {
                t->cells[2 * s] = levels[i];
                t->cells[2 * s + 1] = levels[j];
            }
    return t;
}

#define S(lit) (lit), (sizeof(lit) - 1) /* a literal and its length */

/* Parse CSV text; returns the table (or NULL) and leaves the diagnostics in
 * *d (the caller frees both). */
static rb_ratings *parse(const char *text, size_t len, rb_diags **d)
{
    *d = rb_diags_new();
    return rb_ratings_parse_csv("t.csv", text, len, *d);
}

/* "line: message" of diagnostic i, for comparing. */
static const char *diag_text(const rb_diags *d, size_t i)
{
    static char buf[600];
    if (i >= rb_diags_count(d))
        return "(none)";
    const rb_diag *g = rb_diags_at(d, i);
    snprintf(buf, sizeof buf, "%d: %s", g->line, g->message);
    return buf;
}

/* ---- Fleiss (1971) -------------------------------------------------------- */

/*
 * Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters.
 * Psychological Bulletin, 76(5), 378-382. Table 1: 30 patients, each
 * diagnosed by 6 psychiatrists into 1 depression, 2 personality disorder,
 * 3 schizophrenia, 4 neurosis, 5 other. Fleiss prints the counts per
 * patient and category; the rows below spread those counts over six rater
 * columns (the layout of the R package irr's `diagnoses`; Fleiss' kappa
 * does not depend on which column a rating sits in). Category totals 26,
 * 26, 30, 55, 43 (of 180).
 *
 * Published: P-bar = .556, P-bar-e = .2201 and kappa = .430. By hand from
 * the totals: P-bar = mean over patients of (sum of n_ij² - 6) / 30 =
 * .55556; P-bar-e = (26² + 26² + 30² + 55² + 43²) / 180² = 7126 / 32400 =
 * .21994, where Fleiss, who squared the category proportions after
 * rounding them (.144, .144, .167, .306, .239), printed .2201: the test
 * holds P-bar-e to that printed value within the rounding of the
 * proportions (.0005 each, .0003 in the sum of squares), and to the exact
 * value by hand. kappa = (.55556 - .21994) / (1 - .21994) = .43025.
 */
static const int fleiss_1971[30 * 6] = {
    4, 4, 4, 4, 4, 4,  2, 2, 2, 5, 5, 5,  2, 3, 3, 3, 3, 5,  5, 5, 5, 5, 5, 5,
    2, 2, 2, 4, 4, 4,  1, 1, 3, 3, 3, 3,  3, 3, 3, 3, 5, 5,  1, 1, 3, 3, 3, 4,
    1, 1, 4, 4, 4, 4,  5, 5, 5, 5, 5, 5,  1, 4, 4, 4, 4, 4,  1, 2, 4, 4, 4, 4,
    2, 2, 2, 3, 3, 3,  1, 4, 4, 4, 4, 4,  2, 2, 4, 4, 4, 5,  3, 3, 3, 3, 3, 5,
    1, 1, 1, 4, 5, 5,  1, 1, 1, 1, 1, 2,  2, 2, 4, 4, 4, 4,  1, 3, 3, 5, 5, 5,
    5, 5, 5, 5, 5, 5,  2, 4, 4, 4, 4, 4,  2, 2, 4, 5, 5, 5,  1, 1, 4, 4, 4, 4,
    1, 4, 4, 4, 4, 5,  2, 2, 2, 2, 2, 4,  1, 1, 1, 1, 5, 5,  2, 2, 4, 4, 4, 4,
    1, 3, 3, 3, 3, 3,  5, 5, 5, 5, 5, 5,
};

TEST(fleiss_1971_psychiatric_diagnoses)
{
    rb_ratings *t = table(30, 6, fleiss_1971);
    REQUIRE(t);
    rb_stat k;
    CHECK(rb_fleiss_kappa(t, &k));
    REQUIRE(k.available);
    CHECK_NEAR(k.value, 0.430, 0.0005);       /* Fleiss (1971): .430 */
    CHECK_NEAR(k.observed, 0.556, 0.0005);     /* Fleiss (1971): .556 */
    CHECK_NEAR(k.expected, 0.2201, 0.0003);    /* Fleiss (1971): .2201, see above */
    CHECK_NEAR(k.observed, 0.55556, 0.000005); /* by hand, above */
    CHECK_NEAR(k.expected, 0.21994, 0.000005);
    CHECK_EQ_INT(k.subjects, 30);
    rb_ratings_free(t);
}

/*
 * Percent agreement on the same table. Mean pairwise agreement is Fleiss'
 * P-bar, the mean proportion of agreeing pairs of ratings per patient (his
 * "extent of agreement" before correction for chance), published as .556.
 * All raters agree on 5 of the 30 patients (rows 1, 4, 10, 21 and 30),
 * counted by hand: 1/6 = .1667.
 */
TEST(percent_agreement_fleiss_1971)
{
    rb_ratings *t = table(30, 6, fleiss_1971);
    REQUIRE(t);
    rb_stat all, pairs;
    CHECK(rb_percent_agreement(t, &all, &pairs));
    REQUIRE(all.available && pairs.available);
    CHECK_NEAR(all.value, 5.0 / 30.0, 1e-12);
    CHECK_NEAR(pairs.value, 0.556, 0.0005);    /* Fleiss (1971): .556 */
    CHECK_NEAR(pairs.value, 0.55556, 0.000005);
    CHECK_EQ_INT(all.subjects, 30);
    rb_ratings_free(t);
}

/* ---- Cohen's kappa -------------------------------------------------------- */

/*
 * Cohen, J. (1968). Weighted kappa: Nominal scale agreement with provision
 * for scaled disagreement or partial credit. Psychological Bulletin, 70(4),
 * 213-220. The worked example: two judges, 200 subjects, three diagnostic
 * categories, given as proportions (rows: judge A)
 *
 *     .44 .07 .09   | .60
 *     .05 .20 .05   | .30
 *     .01 .03 .06   | .10
 *     .50 .30 .20
 *
 * i.e. counts 88 14 18 / 10 40 10 / 2 6 12. Published: p_o = .70,
 * p_c = .41, kappa = .492. By hand: p_o = .44 + .20 + .06 = .70;
 * p_c = .60 × .50 + .30 × .30 + .10 × .20 = .30 + .09 + .02 = .41;
 * kappa = (.70 - .41) / (1 - .41) = .29 / .59 = .4915. (Cohen's weighted
 * value for this table, .348, uses his own nominal weights 1, 3, 6, which
 * rubric does not offer.)
 */
TEST(cohen_1968_unweighted)
{
    static const int count[9] = { 88, 14, 18, 10, 40, 10, 2, 6, 12 };
    static const int levels[3] = { 1, 2, 3 };
    rb_ratings *t = from_contingency(3, count, levels);
    REQUIRE(t);
    rb_stat k;
    CHECK(rb_cohen_kappa(t, RB_WEIGHTS_NONE, NULL, &k));
    REQUIRE(k.available);
    CHECK_NEAR(k.value, 0.492, 0.0005);
    CHECK_NEAR(k.observed, 0.70, 1e-12);
    CHECK_NEAR(k.expected, 0.41, 1e-12);
    CHECK_EQ_INT(k.subjects, 200);
    rb_ratings_free(t);
}

/*
 * Two radiologists rating 85 xeromammograms as 1 normal, 2 benign disease,
 * 3 suspected cancer, 4 cancer (Boyd et al., 1982), as tabulated in
 * Altman, D. G. (1991), Practical Statistics for Medical Research, chapter
 * 14, and used for the examples of StataCorp's Stata Base Reference Manual,
 * [R] kappa (rows: radiologist A):
 *
 *     21 12  0  0 | 33
 *      4 17  1  0 | 22
 *      3  9 15  2 | 29
 *      0  0  0  1 |  1
 *     28 38 16  3
 *
 * Published: Altman (1991) kappa = 0.47; Stata's output for this table
 * (the "rate2" data, quoted in the documentation of the R package lagree):
 * agreement 0.6353, kappa 0.4728. The Stata manual's linear-weighted example
 * (wgt(w), weights 1 - |i - j| / (k - 1)) gives agreement 86.67 %, expected
 * 69.11 %, kappa 0.5684 (from the manual's example, not seen in a copy
 * here; the hand computation below reproduces each digit). By hand,
 * unweighted:
 * p_o = (21 + 17 + 15 + 1) / 85 = 54/85 = .63529; p_e = (33 × 28 + 22 × 38
 * + 29 × 16 + 1 × 3) / 85² = 2227 / 7225 = .30824; kappa = .32706 / .69176
 * = .47279. Linear weights 1, 2/3, 1/3, 0 by distance: observed = (54 + 2/3
 * × (12 + 4 + 1 + 9 + 2 + 0) + 1/3 × (0 + 3 + 0 + 0)) / 85 = 73.667 / 85 =
 * .86667; expected = (2227 + 2/3 × (33 × 38 + 22 × 28 + 22 × 16 + 29 × 38
 * + 29 × 3 + 1 × 16) + 1/3 × (33 × 16 + 29 × 28 + 22 × 3 + 1 × 38)) / 7225
 * = (2227 + 2/3 × 3427 + 1/3 × 1444) / 7225 = 4993 / 7225 = .69107;
 * kappa = (.86667 - .69107) / (1 - .69107) = .5684.
 *
 * Quadratic weights (Stata's wgt(w2), 1 - ((i - j) / (k - 1))²) on this
 * table are computed with python3 from the definition (agreement .947712,
 * expected .840892, kappa .671371); the published check of the quadratic
 * weights is the next test.
 */
static const int boyd_count[16] = { 21, 12, 0, 0, 4, 17, 1, 0, 3, 9, 15, 2, 0, 0, 0, 1 };

TEST(cohen_kappa_xeromammograms)
{
    static const int levels[4] = { 1, 2, 3, 4 };
    rb_ratings *t = from_contingency(4, boyd_count, levels);
    REQUIRE(t);
    rb_stat k;
    CHECK(rb_cohen_kappa(t, RB_WEIGHTS_NONE, NULL, &k));
    REQUIRE(k.available);
    CHECK_NEAR(k.value, 0.4728, 0.00005);
    CHECK_NEAR(k.observed, 0.6353, 0.00005);
    CHECK_NEAR(k.expected, 0.3082, 0.00005);
    CHECK(rb_cohen_kappa(t, RB_WEIGHTS_LINEAR, NULL, &k));
    REQUIRE(k.available);
    CHECK_NEAR(k.value, 0.5684, 0.00005);
    CHECK_NEAR(k.observed, 0.8667, 0.00005);
    CHECK_NEAR(k.expected, 0.6911, 0.00005);
    CHECK(rb_cohen_kappa(t, RB_WEIGHTS_QUADRATIC, NULL, &k));
    REQUIRE(k.available);
    CHECK_NEAR(k.value, 0.671371, 0.0000005);   /* python3, see above */
    CHECK_NEAR(k.observed, 0.947712, 0.0000005);
    CHECK_NEAR(k.expected, 0.840892, 0.0000005);
    CHECK_EQ_INT(k.subjects, 85);
    rb_ratings_free(t);
}

/*
 * Quadratic weights, published: Gwet, K. L., "Weighted Chance-corrected
 * Agreement Coefficients", vignette of the R package irrCAC (2021),
 * section "Weighting ratings from a contingency table" (after Gwet, 2014,
 * Handbook of Inter-Rater Reliability, 4th ed.). Two abstractors classify
 * 100 pregnancies as ectopic, abnormal or normal intrauterine (rows: the
 * first abstractor):
 *
 *     13  0  0
 *      0 20  7
 *      0  4 56
 *
 * With quadratic.weights(1:3) = 1, .75, 0 by distance it prints Cohen's
 * kappa 0.8921569 and weighted percent agreement 0.9725. By hand, with row
 * totals 13 27 60 and column totals 13 24 63: observed = (89 + .75 × 11) /
 * 100 = .9725; expected = (13 × 13 + 27 × 24 + 60 × 63 + .75 × (13 × 24 +
 * 27 × 13 + 27 × 63 + 60 × 24)) / 100² = (4597 + .75 × 3804) / 10000 =
 * .745; kappa = (.9725 - .745) / (1 - .745) = .2275 / .255 = .8921569.
 */
TEST(cohen_kappa_quadratic_gwet_irrcac)
{
    static const int count[9] = { 13, 0, 0, 0, 20, 7, 0, 4, 56 };
    static const int levels[3] = { 1, 2, 3 };
    rb_ratings *t = from_contingency(3, count, levels);
    REQUIRE(t);
    rb_stat k;
    CHECK(rb_cohen_kappa(t, RB_WEIGHTS_QUADRATIC, NULL, &k));
    REQUIRE(k.available);
    CHECK_NEAR(k.value, 0.8921569, 0.00000005);   /* published */
    CHECK_NEAR(k.observed, 0.9725, 0.00005);      /* published */
    CHECK_NEAR(k.expected, 0.745, 1e-12);         /* by hand */
    CHECK_EQ_INT(k.subjects, 100);
    rb_ratings_free(t);
}

/*
 * The weighting convention (engine/README.md): without a scale the
 * categories are the levels observed, equally spaced by rank; with
 * --scale MIN-MAX every level MIN..MAX is a category, spaced by value.
 * Values computed with python3 from the definition over the k × k table.
 */
TEST(cohen_kappa_weights_follow_the_scale)
{
    /* The same table with the top category written as 5: ranks unchanged. */
    static const int gap[4] = { 1, 2, 3, 5 };
    rb_ratings *t = from_contingency(4, boyd_count, gap);
    REQUIRE(t);
    rb_stat k;
    CHECK(rb_cohen_kappa(t, RB_WEIGHTS_LINEAR, NULL, &k));
    CHECK_NEAR(k.value, 0.568399, 0.0000005);
    /* On the scale 1-5, 5 is two steps from 3: positions 0, 1, 2, 4 of 4. */
    rb_agreement_options scale = { true, 1, 5 };
    CHECK(rb_cohen_kappa(t, RB_WEIGHTS_LINEAR, &scale, &k));
    CHECK_NEAR(k.value, 0.564723, 0.0000005);
    CHECK_NEAR(k.observed, 0.894118, 0.0000005);
    CHECK_NEAR(k.expected, 0.756747, 0.0000005);
    CHECK(rb_cohen_kappa(t, RB_WEIGHTS_QUADRATIC, &scale, &k));
    CHECK_NEAR(k.value, 0.675895, 0.0000005);
    rb_ratings_free(t);

    /* Levels 1-4 on the scale 1-5: kappa is unchanged (the unused level
     * only rescales the weights), the weighted agreements are not. */
    static const int plain[4] = { 1, 2, 3, 4 };
    t = from_contingency(4, boyd_count, plain);
    REQUIRE(t);
    CHECK(rb_cohen_kappa(t, RB_WEIGHTS_LINEAR, &scale, &k));
    CHECK_NEAR(k.value, 0.568399, 0.0000005);
    CHECK_NEAR(k.observed, 0.9, 1e-12);
    CHECK_NEAR(k.expected, 0.768304, 0.0000005);
    CHECK(rb_cohen_kappa(t, RB_WEIGHTS_QUADRATIC, &scale, &k));
    CHECK_NEAR(k.value, 0.671371, 0.0000005);
    /* Unweighted kappa ignores the scale. */
    CHECK(rb_cohen_kappa(t, RB_WEIGHTS_NONE, &scale, &k));
    CHECK_NEAR(k.value, 0.472789, 0.0000005);
    rb_ratings_free(t);
}

TEST(cohen_kappa_skips_subjects_missing_a_rating)
{
    /* Cohen (1968)'s table plus five subjects one judge did not rate. */
    static const int count[9] = { 88, 14, 18, 10, 40, 10, 2, 6, 12 };
    static const int levels[3] = { 1, 2, 3 };
    rb_ratings *full = from_contingency(3, count, levels);
    REQUIRE(full);
    rb_ratings *t = rb_ratings_new(205, 2);
    REQUIRE(t);
    memcpy(t->cells, full->cells, 400 * sizeof(int));
    for (size_t s = 200; s < 205; s++) {
        t->cells[2 * s] = s % 2 ? 3 : M;
        t->cells[2 * s + 1] = s % 2 ? M : 1;
    }
    rb_stat k;
    CHECK(rb_cohen_kappa(t, RB_WEIGHTS_NONE, NULL, &k));
    CHECK_NEAR(k.value, 0.29 / 0.59, 1e-12);
    CHECK_EQ_INT(k.subjects, 200);
    rb_ratings_free(t);
    rb_ratings_free(full);
}

/* ---- Krippendorff (2011) -------------------------------------------------- */

/*
 * Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability.
 * Annenberg School for Communication, University of Pennsylvania,
 * departmental paper 43. The example "nominal data, any number of
 * observers, missing values": observers A-D, units 1-12 (. = missing):
 *
 *     A  1 2 3 3 2 1 4 1 2 . . .
 *     B  1 2 3 3 2 2 4 1 2 5 . 3
 *     C  . 3 3 3 2 3 4 2 2 5 1 .
 *     D  1 2 3 3 2 4 4 1 2 5 1 .
 *
 * Published: alpha nominal = .743, ordinal = .815, interval = .849. Unit 12
 * has one value and is not pairable: n = 40 pairable values.
 * Observed/expected disagreements (not checked against the paper; python3
 * from the coincidence matrix): nominal .2 and .779487, ordinal 47.275 and
 * 256.076923, interval .433333 and 2.871795.
 * Percent agreement, counted by hand: 11 pairable units, all observers
 * agree on 8 (units 1, 3, 4, 5, 7, 9, 10, 11); pairwise: units 2 and 8 have
 * 3 agreeing pairs of 6, unit 6 none, the rest all: (8 + .5 + .5 + 0) / 11
 * = .818182.
 */
static const int kripp_2011[12 * 4] = {
    /* one row per unit: A B C D */
    1, 1, M, 1,  2, 2, 3, 2,  3, 3, 3, 3,  3, 3, 3, 3,  2, 2, 2, 2,  1, 2, 3, 4,
    4, 4, 4, 4,  1, 1, 2, 1,  2, 2, 2, 2,  M, 5, 5, 5,  M, M, 1, 1,  M, 3, M, M,
};

TEST(krippendorff_2011_reliability_data)
{
    rb_ratings *t = table(12, 4, kripp_2011);
    REQUIRE(t);
    rb_stat a;
    CHECK(rb_krippendorff_alpha(t, RB_METRIC_NOMINAL, &a));
    REQUIRE(a.available);
    CHECK_NEAR(a.value, 0.743, 0.0005);
    CHECK_NEAR(a.observed, 0.2, 1e-9);
    CHECK_NEAR(a.expected, 0.779487, 0.0000005);
    CHECK_EQ_INT(a.subjects, 11);
    CHECK(rb_krippendorff_alpha(t, RB_METRIC_ORDINAL, &a));
    REQUIRE(a.available);
    CHECK_NEAR(a.value, 0.815, 0.0005);
    CHECK_NEAR(a.observed, 47.275, 1e-9);
    CHECK_NEAR(a.expected, 256.076923, 0.0000005);
    CHECK(rb_krippendorff_alpha(t, RB_METRIC_INTERVAL, &a));
    REQUIRE(a.available);
    CHECK_NEAR(a.value, 0.849, 0.0005);
    CHECK_NEAR(a.observed, 0.433333, 0.0000005);
    CHECK_NEAR(a.expected, 2.871795, 0.0000005);

    rb_stat all, pairs;
    CHECK(rb_percent_agreement(t, &all, &pairs));
    CHECK_NEAR(all.value, 8.0 / 11.0, 1e-12);
    CHECK_NEAR(pairs.value, 9.0 / 11.0, 1e-12);
    CHECK_EQ_INT(all.subjects, 11);
    rb_ratings_free(t);
}

/* ---- Shrout & Fleiss (1979) ----------------------------------------------- */

/*
 * Shrout, P. E., & Fleiss, J. L. (1979). Intraclass correlations: Uses in
 * assessing rater reliability. Psychological Bulletin, 86(2), 420-428.
 * The data are Table 2 (four judges rate six targets), the analysis of
 * variance Table 3 and the six ICCs Table 4.
 *
 * Published (Table 4, two decimals): ICC(1,1) = .17, ICC(2,1) = .29,
 * ICC(3,1) = .71, ICC(1,4) = .44, ICC(2,4) = .62, ICC(3,4) = .91. The mean
 * squares below are checked to three decimals, as recomputed by hand.
 *
 * The analysis of variance by hand: row sums 24 12 26 16 30 19, column sums
 * 46 15 26 40, total 127, sum of squares 841; correction 127²/24 = 672.042.
 * SS total 168.958; between targets 2913/4 - 672.042 = 56.208 (BMS = /5 =
 * 11.242); between judges 4617/6 - 672.042 = 97.458 (JMS = /3 = 32.486);
 * within targets 168.958 - 56.208 = 112.750 (WMS = /18 = 6.264); residual
 * 168.958 - 56.208 - 97.458 = 15.292 (EMS = /15 = 1.019).
 * Then ICC(1,1) = (11.242 - 6.264) / (11.242 + 3 × 6.264) = .166, and so on.
 */
static const int shrout_fleiss_1979[6 * 4] = {
    9, 2, 5, 8,  6, 1, 3, 2,  8, 4, 6, 8,  7, 1, 2, 6,  10, 5, 6, 9,  6, 2, 4, 7,
};

TEST(shrout_fleiss_1979_tables_2_to_4)
{
    rb_ratings *t = table(6, 4, shrout_fleiss_1979);
    REQUIRE(t);
    rb_agreement a;
    CHECK(rb_agreement_compute(t, NULL, &a));
    REQUIRE(a.anova.available);
    CHECK_NEAR(a.anova.bms, 11.242, 0.0005);
    CHECK_NEAR(a.anova.wms, 6.264, 0.0005);
    CHECK_NEAR(a.anova.jms, 32.486, 0.0005);
    CHECK_NEAR(a.anova.ems, 1.019, 0.0005);
    static const struct {
        rb_agreement_stat stat;
        double published;
    } want[] = {
        { RB_AGREE_ICC_1_1, 0.17 }, { RB_AGREE_ICC_2_1, 0.29 }, { RB_AGREE_ICC_3_1, 0.71 },
        { RB_AGREE_ICC_1_K, 0.44 }, { RB_AGREE_ICC_2_K, 0.62 }, { RB_AGREE_ICC_3_K, 0.91 },
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        const rb_stat *s = &a.stats[want[i].stat];
        CHECK_MSG(s->available, "%s: %s", rb_agreement_stat_key(want[i].stat), s->reason);
        CHECK_MSG(fabs(s->value - want[i].published) <= 0.005, "%s = %.4f, published %.2f",
                  rb_agreement_stat_key(want[i].stat), s->value, want[i].published);
        CHECK_EQ_INT(s->subjects, 6);
    }
    /* The same through rb_icc. */
    rb_stat s;
    rb_icc(t, RB_ICC_TWO_WAY_RANDOM, false, &s);
    CHECK_NEAR(s.value, a.stats[RB_AGREE_ICC_2_1].value, 1e-15);
    rb_ratings_free(t);
}

/* ---- when the data do not allow a statistic ------------------------------ */

TEST(reasons_when_not_available)
{
    /* Three raters, one cell missing. */
    static const int c[3 * 3] = { 1, 2, 2, 3, 3, M, 2, 1, 2 };
    rb_ratings *t = table(3, 3, c);
    REQUIRE(t);
    rb_agreement a;
    CHECK(rb_agreement_compute(t, NULL, &a));
    CHECK(!a.stats[RB_AGREE_COHEN].available);
    CHECK_EQ_STR(a.stats[RB_AGREE_COHEN].reason, "needs exactly two raters; the table has 3");
    CHECK(!a.stats[RB_AGREE_FLEISS].available);
    CHECK_EQ_STR(a.stats[RB_AGREE_FLEISS].reason,
                 "needs the same number of ratings for every subject: subject 1 has 3, "
                 "subject 2 has 2");
    CHECK(!a.anova.available);
    CHECK(!a.stats[RB_AGREE_ICC_3_K].available);
    CHECK_EQ_STR(a.stats[RB_AGREE_ICC_3_K].reason,
                 "needs a complete table; 1 of 9 cells are missing");
    CHECK(a.stats[RB_AGREE_ALPHA_NOMINAL].available);
    CHECK(a.stats[RB_AGREE_PERCENT_ALL].available);
    rb_ratings_free(t);

    /* Everyone gives everything the same level. */
    static const int same[2 * 2] = { 3, 3, 3, 3 };
    t = table(2, 2, same);
    REQUIRE(t);
    CHECK(rb_agreement_compute(t, NULL, &a));
    CHECK_EQ_STR(a.stats[RB_AGREE_COHEN].reason,
                 "both raters gave every subject the same level (3); kappa is undefined");
    CHECK_EQ_STR(a.stats[RB_AGREE_FLEISS].reason,
                 "every rating is the same level (3); kappa is undefined");
    CHECK_EQ_STR(a.stats[RB_AGREE_ALPHA_INTERVAL].reason,
                 "every pairable rating is the same level (3); alpha is undefined");
    CHECK_EQ_STR(a.stats[RB_AGREE_ICC_1_1].reason,
                 "every rating is the same level; the ICC is undefined");
    CHECK(a.stats[RB_AGREE_PERCENT_ALL].available);
    CHECK_NEAR(a.stats[RB_AGREE_PERCENT_ALL].value, 1, 0);
    rb_ratings_free(t);

    /* Subjects' means equal, raters differ: BMS = 0. */
    static const int flat[2 * 2] = { 1, 3, 3, 1 };
    t = table(2, 2, flat);
    REQUIRE(t);
    CHECK(rb_agreement_compute(t, NULL, &a));
    CHECK(a.anova.available);
    CHECK(a.anova.bms == 0);
    CHECK(!a.stats[RB_AGREE_ICC_3_K].available);
    CHECK_EQ_STR(a.stats[RB_AGREE_ICC_3_K].reason,
                 "the subjects' mean ratings are all equal (BMS = 0); the ICC is undefined");
    CHECK(a.stats[RB_AGREE_ICC_1_1].available);
    CHECK_NEAR(a.stats[RB_AGREE_ICC_1_1].value, -1, 1e-12);
    rb_ratings_free(t);

    /* Nobody rated anything twice. */
    static const int lone[2 * 2] = { 1, M, M, 2 };
    t = table(2, 2, lone);
    REQUIRE(t);
    CHECK(rb_agreement_compute(t, NULL, &a));
    CHECK_EQ_STR(a.stats[RB_AGREE_PERCENT_ALL].reason, "no subject has two or more ratings");
    CHECK_EQ_STR(a.stats[RB_AGREE_COHEN].reason, "no subject was rated by both raters");
    CHECK_EQ_STR(a.stats[RB_AGREE_ALPHA_ORDINAL].reason, "no subject has two or more ratings");
    rb_ratings_free(t);

    /* One rater. */
    static const int one[3] = { 1, 2, 3 };
    t = table(3, 1, one);
    REQUIRE(t);
    CHECK(rb_agreement_compute(t, NULL, &a));
    CHECK_EQ_STR(a.stats[RB_AGREE_FLEISS].reason,
                 "needs at least two ratings per subject; every subject has 1");
    CHECK_EQ_STR(a.stats[RB_AGREE_ICC_2_1].reason, "needs at least two raters");
    rb_ratings_free(t);
}

TEST(stat_keys_and_names)
{
    CHECK_EQ_STR(rb_agreement_stat_key(RB_AGREE_COHEN_LINEAR), "cohen_kappa_linear");
    CHECK_EQ_STR(rb_agreement_stat_name(RB_AGREE_ICC_2_K), "ICC(2,k)");
    CHECK(rb_agreement_stat_key(RB_AGREE_NSTATS) == NULL);
    for (int i = 0; i < RB_AGREE_NSTATS; i++)
        CHECK(rb_agreement_stat_key((rb_agreement_stat)i) &&
              rb_agreement_stat_name((rb_agreement_stat)i));
}

/* ---- the fast formulas against the plain definitions --------------------- */

static uint32_t lcg_state;

static uint32_t lcg(void)
{
    lcg_state = lcg_state * 1664525u + 1013904223u;
    return lcg_state >> 8;
}

/* Krippendorff's alpha from the coincidence matrix, as in the paper. */
static double alpha_plain(const rb_ratings *t, rb_alpha_metric metric)
{
    int lv[64];
    size_t k = 0;
    double o[64][64] = { { 0 } }, nc[64] = { 0 }, n = 0;
    for (size_t s = 0; s < t->nsubjects; s++) {
        int v[16];
        size_t m = 0;
        for (size_t r = 0; r < t->nraters; r++)
            if (t->cells[s * t->nraters + r] != M)
                v[m++] = t->cells[s * t->nraters + r];
        if (m < 2)
            continue;
        size_t idx[16];
        for (size_t i = 0; i < m; i++) {
            size_t j = 0;
            while (j < k && lv[j] != v[i])
                j++;
            if (j == k)
                lv[k++] = v[i];
            idx[i] = j;
        }
        for (size_t i = 0; i < m; i++)
            for (size_t j = 0; j < m; j++)
                if (i != j)
                    o[idx[i]][idx[j]] += 1.0 / (double)(m - 1);
    }
    for (size_t c = 0; c < k; c++)
        for (size_t d = 0; d < k; d++)
            nc[c] += o[c][d];
    for (size_t c = 0; c < k; c++)
        n += nc[c];
    double dobs = 0, dexp = 0;
    for (size_t c = 0; c < k; c++)
        for (size_t d = 0; d < k; d++) {
            double delta;
            if (metric == RB_METRIC_NOMINAL) {
                delta = lv[c] == lv[d] ? 0 : 1;
            } else if (metric == RB_METRIC_INTERVAL) {
                delta = (double)(lv[c] - lv[d]) * (double)(lv[c] - lv[d]);
            } else {
                int lo = lv[c] < lv[d] ? lv[c] : lv[d], hi = lv[c] < lv[d] ? lv[d] : lv[c];
                double sum = 0;
                for (size_t g = 0; g < k; g++)
                    if (lv[g] >= lo && lv[g] <= hi)
                        sum += nc[g];
                sum -= (nc[c] + nc[d]) / 2;
                delta = sum * sum;
            }
            dobs += o[c][d] * delta;
            dexp += nc[c] * nc[d] * delta;
        }
    return 1 - (n - 1) * dobs / dexp;
}

/* Weighted kappa from the k × k table of the categories. */
static double kappa_plain(const rb_ratings *t, rb_kappa_weights w,
                          const rb_agreement_options *opt)
{
    int cat[64];
    size_t k = 0;
    if (opt) {
        for (int v = opt->scale_min; v <= opt->scale_max; v++)
            cat[k++] = v;
    } else {
        for (int v = -100; v <= 100; v++)
            for (size_t s = 0; s < t->nsubjects; s++)
                if (t->cells[2 * s] != M && t->cells[2 * s + 1] != M &&
                    (t->cells[2 * s] == v || t->cells[2 * s + 1] == v)) {
                    cat[k++] = v;
                    break;
                }
    }
    double f[64][64] = { { 0 } }, row[64] = { 0 }, col[64] = { 0 }, n = 0;
    for (size_t s = 0; s < t->nsubjects; s++) {
        int a = t->cells[2 * s], b = t->cells[2 * s + 1];
        if (a == M || b == M)
            continue;
        size_t i = 0, j = 0;
        while (cat[i] != a)
            i++;
        while (cat[j] != b)
            j++;
        f[i][j]++;
        row[i]++;
        col[j]++;
        n++;
    }
    double po = 0, pe = 0;
    for (size_t i = 0; i < k; i++)
        for (size_t j = 0; j < k; j++) {
            double d = opt ? fabs((double)(cat[i] - cat[j])) : fabs((double)i - (double)j);
            d /= opt ? (double)(opt->scale_max - opt->scale_min) : (double)(k - 1);
            double wt = w == RB_WEIGHTS_NONE ? (i == j) : w == RB_WEIGHTS_LINEAR ? 1 - d
                                                                                  : 1 - d * d;
            po += wt * f[i][j] / n;
            pe += wt * row[i] * col[j] / (n * n);
        }
    return (po - pe) / (1 - pe);
}

TEST(fast_formulas_match_the_definitions)
{
    lcg_state = 12345;
    int compared = 0;
    for (int round = 0; round < 200; round++) {
        size_t n = 2 + lcg() % 15, k = 2 + lcg() % 5;
        int spread = 1 + (int)(lcg() % 6), base = (int)(lcg() % 21) - 10;
        rb_ratings *t = rb_ratings_new(n, k);
        REQUIRE(t);
        for (size_t i = 0; i < n * k; i++)
            t->cells[i] = lcg() % 5 == 0 ? M : base + (int)(lcg() % (uint32_t)spread);
        for (int m = RB_METRIC_NOMINAL; m <= RB_METRIC_INTERVAL; m++) {
            rb_stat a;
            CHECK(rb_krippendorff_alpha(t, (rb_alpha_metric)m, &a));
            compared += a.available;
            if (a.available)
                CHECK_MSG(fabs(a.value - alpha_plain(t, (rb_alpha_metric)m)) < 1e-9,
                          "round %d metric %d: %.12f vs %.12f", round, m, a.value,
                          alpha_plain(t, (rb_alpha_metric)m));
        }
        rb_ratings_free(t);

        /* Two raters, with and without a scale. */
        t = rb_ratings_new(n, 2);
        REQUIRE(t);
        for (size_t i = 0; i < n * 2; i++)
            t->cells[i] = lcg() % 6 == 0 ? M : base + (int)(lcg() % (uint32_t)spread);
        rb_agreement_options scale = { true, base - 2, base + spread + 1 };
        for (int w = RB_WEIGHTS_NONE; w <= RB_WEIGHTS_QUADRATIC; w++) {
            for (int use_scale = 0; use_scale < 2; use_scale++) {
                const rb_agreement_options *opt = use_scale ? &scale : NULL;
                rb_stat s;
                CHECK(rb_cohen_kappa(t, (rb_kappa_weights)w, opt, &s));
                compared += s.available;
                if (s.available)
                    CHECK_MSG(fabs(s.value - kappa_plain(t, (rb_kappa_weights)w, opt)) < 1e-9,
                              "round %d weights %d scale %d: %.12f vs %.12f", round, w,
                              use_scale, s.value, kappa_plain(t, (rb_kappa_weights)w, opt));
            }
        }
        rb_ratings_free(t);
    }
    CHECK_MSG(compared > 1000, "only %d comparisons", compared);
}

/* Large levels: the centred sums keep their precision. */
TEST(large_levels_keep_precision)
{
    static const int count[9] = { 88, 14, 18, 10, 40, 10, 2, 6, 12 };
    static const int small[3] = { 1, 2, 3 };
    static const int big[3] = { 999999998, 999999999, 1000000000 };
    rb_ratings *a = from_contingency(3, count, small), *b = from_contingency(3, count, big);
    REQUIRE(a && b);
    rb_agreement_options sa = { true, 1, 3 }, sb = { true, 999999998, 1000000000 };
    for (int w = RB_WEIGHTS_NONE; w <= RB_WEIGHTS_QUADRATIC; w++) {
        rb_stat x, y;
        CHECK(rb_cohen_kappa(a, (rb_kappa_weights)w, &sa, &x));
        CHECK(rb_cohen_kappa(b, (rb_kappa_weights)w, &sb, &y));
        CHECK_NEAR(x.value, y.value, 1e-9);
    }
    for (int m = RB_METRIC_NOMINAL; m <= RB_METRIC_INTERVAL; m++) {
        rb_stat x, y;
        CHECK(rb_krippendorff_alpha(a, (rb_alpha_metric)m, &x));
        CHECK(rb_krippendorff_alpha(b, (rb_alpha_metric)m, &y));
        CHECK_NEAR(x.value, y.value, 1e-9);
    }
    rb_agreement ra, rbig;
    CHECK(rb_agreement_compute(a, NULL, &ra));
    CHECK(rb_agreement_compute(b, NULL, &rbig));
    for (int i = RB_AGREE_ICC_1_1; i <= RB_AGREE_ICC_3_K; i++)
        CHECK_NEAR(ra.stats[i].value, rbig.stats[i].value, 1e-6);
    rb_ratings_free(a);
    rb_ratings_free(b);
}

/* ICC(2,k)'s denominator BMS + (JMS - EMS) / n can be exactly 0 while no
 * mean square is: BMS 1/6, JMS 0, EMS 1/2, n 3. Rounding once left about
 * 1e-17 there and gave an ICC of -1.2e16. */
TEST(icc_2k_zero_denominator_is_undefined)
{
    static const int cells[6] = { 2, 3, 3, 2, 2, 2 };
    rb_ratings *t = table(3, 2, cells);
    REQUIRE(t);
    rb_anova a;
    rb_icc_anova(t, &a);
    REQUIRE(a.available);
    CHECK_NEAR(a.bms, 1.0 / 6, 1e-15);
    CHECK_NEAR(a.jms, 0, 1e-15);
    CHECK_NEAR(a.ems, 0.5, 1e-15);
    CHECK_EQ_INT(a.icc2k_den_sign, 0);
    rb_stat s;
    rb_icc(t, RB_ICC_TWO_WAY_RANDOM, true, &s);
    CHECK(!s.available);
    CHECK_EQ_STR(s.reason, "its denominator is 0; the ICC is undefined");
    rb_icc(t, RB_ICC_TWO_WAY_RANDOM, false, &s);
    CHECK(s.available);
    CHECK_NEAR(s.value, -1, 1e-12);
    rb_ratings_free(t);
}

/* The mean squares are exact sums of integers: shifting every level by
 * nearly 10^9 changes no ICC in its twelfth digit. */
TEST(icc_of_large_levels_is_exact)
{
    static const int small[7 * 5] = {
        1, 2, 1, 3, 2, 2, 1, 3, 3, 1, 3, 3, 2, 1, 2, 1, 1, 1, 2, 3, 2, 3, 1, 1, 3,
        3, 2, 2, 3, 1, 1, 3, 3, 2, 2,
    };
    int big[7 * 5];
    for (size_t i = 0; i < 35; i++)
        big[i] = small[i] + 999999990;
    rb_ratings *a = table(7, 5, small), *b = table(7, 5, big);
    REQUIRE(a && b);
    for (int m = RB_ICC_ONE_WAY; m <= RB_ICC_TWO_WAY_MIXED; m++)
        for (int avg = 0; avg < 2; avg++) {
            rb_stat x, y;
            rb_icc(a, (rb_icc_model)m, avg, &x);
            rb_icc(b, (rb_icc_model)m, avg, &y);
            CHECK(x.available && y.available);
            CHECK_NEAR(x.value, y.value, 1e-12 * (1 + fabs(x.value)));
        }
    rb_ratings_free(a);
    rb_ratings_free(b);
}

/* A table large enough that ICC(2,k)'s exact denominator needs more than
 * 128 bits (2^22 subjects, levels of +-2^30): the raters agree on every
 * subject, so every ICC is 1 (the overflow once wrapped to 0 and read as
 * "denominator 0"). */
TEST(icc_of_a_huge_table_keeps_its_sign)
{
    size_t n = (size_t)1 << 22;
    rb_ratings *t = rb_ratings_new(n, 2);
    REQUIRE(t);
    for (size_t i = 0; i < n; i++)
        t->cells[2 * i] = t->cells[2 * i + 1] = i % 2 ? (1 << 30) : -(1 << 30);
    rb_anova a;
    rb_icc_anova(t, &a);
    REQUIRE(a.available);
    CHECK_EQ_INT(a.icc2k_den_sign, 1);
    for (int m = RB_ICC_ONE_WAY; m <= RB_ICC_TWO_WAY_MIXED; m++) {
        rb_stat s;
        rb_icc(t, (rb_icc_model)m, true, &s);
        CHECK_MSG(s.available, "model %d: %s", m, s.reason);
        CHECK_NEAR(s.value, 1, 1e-12);
    }
    rb_ratings_free(t);
}

/* ---- the CSV reader ------------------------------------------------------- */

TEST(csv_reads_a_table)
{
    rb_diags *d;
    rb_ratings *t = parse(S("\xEF\xBB\xBFsubject,Ana,\"Ben, Jr.\",\"Cleo \"\"C\"\"\"\r\n"
                            "s1,3, 4 ,\r\n"
                            "\r\n"
                            "\"s 2\",-2,+2,\r\n"
                            "s3,,,7"),
                          &d);
    CHECK_EQ_INT(rb_diags_count(d), 0);
    REQUIRE(t);
    CHECK_EQ_INT(t->nsubjects, 3);
    CHECK_EQ_INT(t->nraters, 3);
    CHECK_EQ_STR(t->raters[0], "Ana");
    CHECK_EQ_STR(t->raters[1], "Ben, Jr.");
    CHECK_EQ_STR(t->raters[2], "Cleo \"C\"");
    CHECK_EQ_STR(t->subjects[1], "s 2");
    CHECK_EQ_STR(t->source, "t.csv");
    CHECK_EQ_INT(t->lines[0], 2);
    CHECK_EQ_INT(t->lines[1], 4);
    CHECK_EQ_INT(t->lines[2], 5);
    static const int want[9] = { 3, 4, M, -2, 2, M, M, M, 7 };
    for (size_t i = 0; i < 9; i++)
        CHECK_MSG(t->cells[i] == want[i], "cell %zu: %d, expected %d", i, t->cells[i], want[i]);
    rb_ratings_free(t);
    rb_diags_free(d);
}

TEST(csv_errors_name_their_lines)
{
    rb_diags *d;
    rb_ratings *t = parse(S("id,A,B\n"
                            "s1,1,2\n"
                            "s2,1.5,x\n"           /* line 3: two cells */
                            "s3,1\n"               /* line 4: ragged */
                            "\"s\n4\",1,2\n"        /* lines 5-6: a line break in the id */
                            "s4,\"1\n\",\"2x\"\n"     /* lines 7-8: B starts on 8 */
                            "s1,2,2\n"             /* line 9: duplicate */
                            "s5,99999999999,3\n"), /* line 10: out of range */
                          &d);
    CHECK(t == NULL);
    CHECK_EQ_INT(rb_diags_errors(d), 8);
    CHECK_EQ_STR(diag_text(d, 0), "3: subject 's2', rater 'A': '1.5' is not an integer level");
    CHECK_EQ_STR(diag_text(d, 1), "3: subject 's2', rater 'B': 'x' is not an integer level");
    CHECK_EQ_STR(diag_text(d, 2), "4: the row has 2 fields; the header has 3");
    /* Diagnostics show a line break as a space. */
    CHECK_EQ_STR(diag_text(d, 3), "5: subject id 's 4' has a control character");
    CHECK_EQ_STR(diag_text(d, 4), "7: subject 's4', rater 'A': '1 ' is not an integer level");
    CHECK_EQ_STR(diag_text(d, 5), "8: subject 's4', rater 'B': '2x' is not an integer level");
    CHECK_EQ_STR(diag_text(d, 6), "9: duplicate subject 's1' (first on line 2)");
    CHECK_EQ_STR(diag_text(d, 7),
                 "10: subject 's5', rater 'A': level 99999999999 is out of range "
                 "(-1000000000 to 1000000000)");
    rb_diags_free(d);

    t = parse(S("id,A,B,A,,B\n1,1,1,1,1,1\n"), &d);
    CHECK(t == NULL);
    CHECK_EQ_STR(diag_text(d, 0), "1: column 5: the rater name is empty");
    CHECK_EQ_STR(diag_text(d, 1), "1: duplicate rater name 'A' (columns 2 and 4)");
    CHECK_EQ_STR(diag_text(d, 2), "1: duplicate rater name 'B' (columns 3 and 6)");
    CHECK_EQ_INT(rb_diags_errors(d), 3);
    rb_diags_free(d);

    t = parse(S(""), &d);
    CHECK(t == NULL);
    CHECK_EQ_STR(diag_text(d, 0),
                 "1: no data: the file is empty (expected a header row naming the raters)");
    rb_diags_free(d);
    t = parse(S("id,A\n\n"), &d);
    CHECK(t == NULL);
    CHECK_EQ_STR(diag_text(d, 0), "1: no data: no subject rows after the header");
    rb_diags_free(d);
    t = parse(S("id\ns1\n"), &d);
    CHECK_EQ_STR(diag_text(d, 0), "1: no raters: the header row has only the subject column");
    rb_diags_free(d);
    t = parse(S("id,A\n\"s1,1\n"), &d);
    CHECK_EQ_STR(diag_text(d, 0), "2: unterminated quoted field (the quote opens on this line)");
    rb_diags_free(d);
    t = parse(S("id,A\ns\"1,1\n\"s2\"x,1\ns3,1\n"), &d);
    CHECK_EQ_STR(diag_text(d, 0), "2: a quote inside an unquoted field (quote the whole field "
                                  "and write the quote twice)");
    CHECK_EQ_STR(diag_text(d, 1), "3: text after the closing quote of a quoted field");
    CHECK_EQ_INT(rb_diags_errors(d), 2);
    rb_diags_free(d);
    t = parse(S("id,A\ns1,1\ns2,\xC3\x28\n"), &d);
    CHECK_EQ_STR(diag_text(d, 0), "3: invalid UTF-8");
    rb_diags_free(d);
    t = parse(S("id,A\ns1,1\n\ns\0,2\n"), &d);
    CHECK_EQ_STR(diag_text(d, 0), "4: a NUL byte; a ratings table is text");
    rb_diags_free(d);
    t = parse(S("id,A\n,1\ns\x01,1\n"), &d);
    CHECK_EQ_STR(diag_text(d, 0), "2: the subject id is empty");
    CHECK_EQ_STR(diag_text(d, 1), "3: subject id 's ' has a control character");
    rb_diags_free(d);
}

/* A C1 control (U+009B, a terminal's CSI) is a control character too, and
 * a file whose lines end in CR alone gets one message saying so. */
TEST(csv_refuses_c1_controls_and_lone_cr_line_ends)
{
    static const char c1[] = "id,a\xc2\x9b" "31m,b\nx,1,2\n";
    rb_diags *d;
    rb_ratings *t = parse(c1, sizeof c1 - 1, &d);
    CHECK(t == NULL);
    CHECK_EQ_INT(rb_diags_errors(d), 1);
    CHECK_EQ_STR(diag_text(d, 0), "1: column 2: rater name 'a 31m' has a control character");
    rb_diags_free(d);
    static const char cr[] = "id,a,b\rx,1,2\ry,2,2\r";
    t = parse(cr, sizeof cr - 1, &d);
    CHECK(t == NULL);
    CHECK_EQ_INT(rb_diags_errors(d), 1);
    CHECK_EQ_STR(diag_text(d, 0), "1: the lines end in a carriage return alone (old Mac line "
                 "ends): save the file with LF or CRLF line ends");
    rb_diags_free(d);
}

TEST(csv_stops_after_fifty_errors)
{
    char text[4096];
    size_t len = (size_t)snprintf(text, sizeof text, "id,A\n");
    for (int i = 0; i < 80; i++)
        len += (size_t)snprintf(text + len, sizeof text - len, "s%d,x\n", i);
    rb_diags *d;
    rb_ratings *t = parse(text, len, &d);
    CHECK(t == NULL);
    CHECK_EQ_INT(rb_diags_count(d), 51);
    CHECK_EQ_STR(diag_text(d, 50), "51: too many errors; stopped reading here");
    rb_diags_free(d);
}

TEST(scale_check_names_cells)
{
    rb_diags *d;
    rb_ratings *t = parse(S("id,A,B\ns1,1,6\ns2,0,2\n"), &d);
    REQUIRE(t);
    CHECK(!rb_ratings_check_scale(t, 1, 5, d));
    CHECK_EQ_STR(diag_text(d, 0), "2: subject 's1', rater 'B': level 6 is outside the scale "
                                  "(1 to 5)");
    CHECK_EQ_STR(diag_text(d, 1), "3: subject 's2', rater 'A': level 0 is outside the scale "
                                  "(1 to 5)");
    CHECK(rb_ratings_check_scale(t, 0, 6, d));
    CHECK_EQ_INT(rb_diags_count(d), 2);
    rb_ratings_free(t);
    rb_diags_free(d);
}

/* The 16 MiB limit, on a sparse file (no disk space used). */
TEST(csv_file_size_limit)
{
    const char *base = getenv("TMPDIR");
    char dir[512], path[600];
    snprintf(dir, sizeof dir, "%s/rubric-agreement-XXXXXX", base && *base ? base : "/tmp");
    REQUIRE(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/big.csv", dir);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    REQUIRE(fd >= 0);
    CHECK(ftruncate(fd, (off_t)RB_MAX_RATINGS_FILE + 1) == 0);
    close(fd);
    rb_diags *d = rb_diags_new();
    CHECK(rb_ratings_read_csv(path, d) == NULL);
    CHECK_EQ_STR(diag_text(d, 0), "0: file is 16777217 bytes, over the limit of 16 MiB");
    rb_diags_free(d);
    /* Exactly 16 MiB is read (and refused for its NUL bytes). */
    CHECK(truncate(path, (off_t)RB_MAX_RATINGS_FILE) == 0);
    d = rb_diags_new();
    CHECK(rb_ratings_read_csv(path, d) == NULL);
    CHECK_EQ_STR(diag_text(d, 0), "1: a NUL byte; a ratings table is text");
    rb_diags_free(d);
    unlink(path);
    rmdir(dir);

    d = rb_diags_new();
    CHECK(rb_ratings_read_csv("/nonexistent/ratings.csv", d) == NULL);
    CHECK_EQ_STR(diag_text(d, 0), "0: cannot read file: No such file or directory");
    CHECK(rb_diags_has_system_error(d));
    rb_diags_free(d);
}

CHECK_MAIN()
