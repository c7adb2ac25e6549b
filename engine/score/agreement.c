/*
 * Inter-rater agreement statistics over a ratings table (subjects × raters).
 *
 * Definitions and the subjects each statistic uses are in engine/README.md
 * ("Inter-rater agreement"). Every statistic is computed in O(cells log
 * cells) without a categories × categories matrix, so a table with many
 * distinct levels costs no more than one with few:
 *
 *  - weighted kappa's expected disagreement from prefix sums over the
 *    categories (linear) or from centred moments (quadratic);
 *  - Krippendorff's ordinal metric, (sum of n_g for g from c to k, minus
 *    (n_c + n_k) / 2)^2, is the interval metric on the values' mid-ranks
 *    t_c = (values below c) + n_c / 2, so the ordinal and interval alphas
 *    share one computation: within a unit, the sum over ordered pairs of
 *    (t_i - t_j)^2 is 2 m sum (t_i - mean)^2.
 */
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rubric/agreement.h"

/* ---- the table ------------------------------------------------------------ */

rb_ratings *rb_ratings_new(size_t nsubjects, size_t nraters)
{
    if (nsubjects == 0 || nraters == 0 || nsubjects > SIZE_MAX / nraters ||
        nsubjects * nraters > SIZE_MAX / sizeof(int))
        return NULL;
    rb_ratings *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->nsubjects = nsubjects;
    t->nraters = nraters;
    t->cells = malloc(nsubjects * nraters * sizeof *t->cells);
    if (!t->cells) {
        free(t);
        return NULL;
    }
    for (size_t i = 0; i < nsubjects * nraters; i++)
        t->cells[i] = RB_RATING_MISSING;
    return t;
}

void rb_ratings_free(rb_ratings *t)
{
    if (!t)
        return;
    free(t->cells);
    free(t->subjects);
    free(t->raters);
    free(t->lines);
    free(t->source);
    free(t->storage_);
    free(t);
}

/* ---- helpers -------------------------------------------------------------- */

static void set_value(rb_stat *s, double v, size_t subjects)
{
    s->available = true;
    s->value = v;
    s->subjects = subjects;
    s->reason[0] = '\0';
}

static void set_parts(rb_stat *s, double observed, double expected)
{
    s->has_parts = true;
    s->observed = observed;
    s->expected = expected;
}

__attribute__((format(printf, 2, 3))) static void not_available(rb_stat *s,
                                                              const char *fmt, ...)
{
    s->available = false;
    s->value = 0;
    s->subjects = 0;
    s->has_parts = false;
    s->observed = s->expected = 0;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s->reason, sizeof s->reason, fmt, ap);
    va_end(ap);
}

static void clear(rb_stat *s)
{
    memset(s, 0, sizeof *s);
}

/* A table with no cells (possible only when built by hand). */
static bool empty_table(const rb_ratings *t, rb_stat *s)
{
    if (t && t->nsubjects && t->nraters && t->cells)
        return false;
    not_available(s, "the table is empty");
    return true;
}

static bool out_of_memory(rb_stat *s)
{
    not_available(s, "out of memory");
    return false;
}

/* "subject 'id'" (at most about 40 bytes of the id, cut on a character
 * boundary) or "subject N" for a table without names. */
static void subject_label(const rb_ratings *t, size_t i, char *buf, size_t size)
{
    if (!t->subjects || !t->subjects[i]) {
        snprintf(buf, size, "subject %zu", i + 1);
        return;
    }
    const char *id = t->subjects[i];
    size_t n = strlen(id);
    bool cut = n > 40;
    if (cut) {
        n = 40;
        while (n > 0 && ((unsigned char)id[n] & 0xC0) == 0x80)
            n--;
    }
    snprintf(buf, size, "subject '%.*s%s'", (int)n, id, cut ? "..." : "");
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* Index of `v` in the sorted distinct array `levels` (it is there). */
static size_t level_index(const int *levels, size_t n, int v)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (levels[mid] < v)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Sort `v` and squeeze it to its distinct values; returns their number. */
static size_t sort_distinct(int *v, size_t n)
{
    if (n == 0)
        return 0;
    qsort(v, n, sizeof *v, cmp_int);
    size_t k = 1;
    for (size_t i = 1; i < n; i++)
        if (v[i] != v[k - 1])
            v[k++] = v[i];
    return k;
}

/* Present ratings of subject s into out[]; returns how many. */
static size_t subject_ratings(const rb_ratings *t, size_t s, int *out)
{
    size_t m = 0;
    const int *row = t->cells + s * t->nraters;
    for (size_t r = 0; r < t->nraters; r++)
        if (row[r] != RB_RATING_MISSING)
            out[m++] = row[r];
    return m;
}

/* ---- percent agreement ---------------------------------------------------- */

bool rb_percent_agreement(const rb_ratings *t, rb_stat *all, rb_stat *pairwise)
{
    clear(all);
    clear(pairwise);
    if (empty_table(t, all)) {
        empty_table(t, pairwise);
        return true;
    }
    int *v = malloc(t->nraters * sizeof *v);
    if (!v) {
        out_of_memory(all);
        return out_of_memory(pairwise);
    }
    size_t used = 0, unanimous = 0;
    double sum = 0;
    for (size_t s = 0; s < t->nsubjects; s++) {
        size_t m = subject_ratings(t, s, v);
        if (m < 2)
            continue;
        used++;
        qsort(v, m, sizeof *v, cmp_int);
        if (v[0] == v[m - 1])
            unanimous++;
        double agree = 0;
        for (size_t i = 0; i < m;) {
            size_t j = i;
            while (j < m && v[j] == v[i])
                j++;
            double c = (double)(j - i);
            agree += c * (c - 1) / 2;
            i = j;
        }
        double md = (double)m;
        sum += agree / (md * (md - 1) / 2);
    }
    free(v);
    if (used == 0) {
        not_available(all, "no subject has two or more ratings");
        not_available(pairwise, "no subject has two or more ratings");
        return true;
    }
    set_value(all, (double)unanimous / (double)used, used);
    set_value(pairwise, sum / (double)used, used);
    return true;
}

/* ---- Cohen's kappa -------------------------------------------------------- */

bool rb_cohen_kappa(const rb_ratings *t, rb_kappa_weights w,
                    const rb_agreement_options *opt, rb_stat *out)
{
    clear(out);
    if (empty_table(t, out))
        return true;
    if (t->nraters != 2) {
        not_available(out, "needs exactly two raters; the table has %zu", t->nraters);
        return true;
    }
    bool scale = opt && opt->has_scale;
    if (scale && opt->scale_min >= opt->scale_max) {
        not_available(out, "the scale %d-%d is empty: its minimum must be below its maximum",
                      opt->scale_min, opt->scale_max);
        return true;
    }
    size_t n = 0;
    for (size_t s = 0; s < t->nsubjects; s++)
        if (t->cells[2 * s] != RB_RATING_MISSING && t->cells[2 * s + 1] != RB_RATING_MISSING)
            n++;
    if (n == 0) {
        not_available(out, "no subject was rated by both raters");
        return true;
    }
    int *a = malloc(n * sizeof *a), *b = malloc(n * sizeof *b);
    int *levels = malloc(2 * n * sizeof *levels);
    double *ra = calloc(2 * n, sizeof *ra), *cb = calloc(2 * n, sizeof *cb);
    double *pos = malloc(2 * n * sizeof *pos);
    bool ok = a && b && levels && ra && cb && pos;
    if (!ok) {
        out_of_memory(out);
        goto done;
    }
    size_t i = 0;
    bool same = true;
    for (size_t s = 0; s < t->nsubjects; s++) {
        int x = t->cells[2 * s], y = t->cells[2 * s + 1];
        if (x == RB_RATING_MISSING || y == RB_RATING_MISSING)
            continue;
        if (scale && (x < opt->scale_min || x > opt->scale_max || y < opt->scale_min ||
                      y > opt->scale_max)) {
            int bad = x < opt->scale_min || x > opt->scale_max ? x : y;
            not_available(out, "level %d is outside the scale %d-%d", bad, opt->scale_min,
                          opt->scale_max);
            goto done;
        }
        a[i] = x;
        b[i] = y;
        levels[2 * i] = x;
        levels[2 * i + 1] = y;
        if (x != a[0] || y != a[0])
            same = false;
        i++;
    }
    if (same) {
        not_available(out, "both raters gave every subject the same level (%d); kappa is "
                           "undefined", a[0]);
        goto done;
    }
    size_t k = sort_distinct(levels, 2 * n);
    double dn = (double)n;
    /* Marginal counts per category and the diagonal. */
    double diag = 0;
    for (i = 0; i < n; i++) {
        ra[level_index(levels, k, a[i])] += 1;
        cb[level_index(levels, k, b[i])] += 1;
        if (a[i] == b[i])
            diag += 1;
    }
    if (w == RB_WEIGHTS_NONE) {
        double pe = 0;
        for (size_t j = 0; j < k; j++)
            pe += ra[j] * cb[j];
        pe /= dn * dn;
        double po = diag / dn;
        set_value(out, (po - pe) / (1 - pe), n);
        set_parts(out, po, pe);
        goto done;
    }
    /* Category positions: the level's distance from the scale's minimum, or
     * its rank among the levels observed; span = the largest distance. */
    double span = scale ? (double)opt->scale_max - (double)opt->scale_min : (double)(k - 1);
    for (size_t j = 0; j < k; j++)
        pos[j] = scale ? (double)levels[j] - (double)opt->scale_min : (double)j;
    double dobs = 0, dexp = 0;
    for (i = 0; i < n; i++) {
        double d = fabs(pos[level_index(levels, k, a[i])] - pos[level_index(levels, k, b[i])]) /
                   span;
        dobs += w == RB_WEIGHTS_LINEAR ? d : d * d;
    }
    dobs /= dn;
    if (w == RB_WEIGHTS_LINEAR) {
        /* sum over j of cb_j * sum over i of ra_i |p_i - p_j|, positions
         * ascending: below j, p_j RA_below - SA_below; above, the mirror. */
        double ra_total = 0, sa_total = 0;
        for (size_t j = 0; j < k; j++) {
            ra_total += ra[j];
            sa_total += ra[j] * pos[j];
        }
        double ra_below = 0, sa_below = 0;
        for (size_t j = 0; j < k; j++) {
            double ra_above = ra_total - ra_below - ra[j];
            double sa_above = sa_total - sa_below - ra[j] * pos[j];
            dexp += cb[j] * (pos[j] * ra_below - sa_below + sa_above - pos[j] * ra_above);
            ra_below += ra[j];
            sa_below += ra[j] * pos[j];
        }
        dexp /= span;
    } else {
        /* sum ra_i cb_j (q_i - q_j)^2 = n sum ra q^2 + n sum cb q^2
         * - 2 (sum ra q)(sum cb q), with q centred to keep precision. */
        double mean = 0;
        for (size_t j = 0; j < k; j++)
            mean += (ra[j] + cb[j]) * pos[j];
        mean /= 2 * dn;
        double saq = 0, sbq = 0, saq2 = 0, sbq2 = 0;
        for (size_t j = 0; j < k; j++) {
            double q = pos[j] - mean;
            saq += ra[j] * q;
            sbq += cb[j] * q;
            saq2 += ra[j] * q * q;
            sbq2 += cb[j] * q * q;
        }
        dexp = (dn * saq2 + dn * sbq2 - 2 * saq * sbq) / (span * span);
    }
    dexp /= dn * dn;
    set_value(out, 1 - dobs / dexp, n);
    set_parts(out, 1 - dobs, 1 - dexp);
done:
    free(a);
    free(b);
    free(levels);
    free(ra);
    free(cb);
    free(pos);
    return ok;
}

/* ---- Fleiss' kappa -------------------------------------------------------- */

bool rb_fleiss_kappa(const rb_ratings *t, rb_stat *out)
{
    clear(out);
    if (empty_table(t, out))
        return true;
    int *v = malloc(t->nraters * sizeof *v);
    if (!v)
        return out_of_memory(out);
    size_t m = subject_ratings(t, 0, v);
    for (size_t s = 1; s < t->nsubjects; s++) {
        size_t ms = subject_ratings(t, s, v);
        if (ms != m) {
            char l0[64], ls[64];
            subject_label(t, 0, l0, sizeof l0);
            subject_label(t, s, ls, sizeof ls);
            not_available(out, "needs the same number of ratings for every subject: %s has "
                               "%zu, %s has %zu", l0, m, ls, ms);
            free(v);
            return true;
        }
    }
    free(v);
    if (m < 2) {
        not_available(out, "needs at least two ratings per subject; every subject has %zu",
                      m);
        return true;
    }
    size_t total = t->nsubjects * m;
    int *all = malloc(total * sizeof *all);
    if (!all)
        return out_of_memory(out);
    double md = (double)m, sum_p = 0;
    for (size_t s = 0; s < t->nsubjects; s++) {
        int *u = all + s * m;
        subject_ratings(t, s, u);
        qsort(u, m, sizeof *u, cmp_int);
        double sq = 0;
        for (size_t i = 0; i < m;) {
            size_t j = i;
            while (j < m && u[j] == u[i])
                j++;
            sq += (double)(j - i) * (double)(j - i);
            i = j;
        }
        sum_p += (sq - md) / (md * (md - 1));
    }
    qsort(all, total, sizeof *all, cmp_int);
    if (all[0] == all[total - 1]) {
        not_available(out, "every rating is the same level (%d); kappa is undefined", all[0]);
        free(all);
        return true;
    }
    double pe = 0, dt = (double)total;
    for (size_t i = 0; i < total;) {
        size_t j = i;
        while (j < total && all[j] == all[i])
            j++;
        double p = (double)(j - i) / dt;
        pe += p * p;
        i = j;
    }
    free(all);
    double pbar = sum_p / (double)t->nsubjects;
    set_value(out, (pbar - pe) / (1 - pe), t->nsubjects);
    set_parts(out, pbar, pe);
    return true;
}

/* ---- Krippendorff's alpha ------------------------------------------------- */

/* Sum over ordered pairs i != j of (x_i - x_j)^2, i.e. 2 m sum (x - mean)^2. */
static double pair_squares(const double *x, size_t m)
{
    double mean = 0;
    for (size_t i = 0; i < m; i++)
        mean += x[i];
    mean /= (double)m;
    double ss = 0;
    for (size_t i = 0; i < m; i++)
        ss += (x[i] - mean) * (x[i] - mean);
    return 2 * (double)m * ss;
}

bool rb_krippendorff_alpha(const rb_ratings *t, rb_alpha_metric metric, rb_stat *out)
{
    clear(out);
    if (empty_table(t, out))
        return true;
    /* The pairable values, unit by unit: start[u]..start[u+1]. */
    size_t cells = t->nsubjects * t->nraters;
    int *vals = malloc(cells * sizeof *vals);
    size_t *start = malloc((t->nsubjects + 1) * sizeof *start);
    int *levels = NULL;
    double *x = NULL, *tv = NULL, *count = NULL;
    bool ok = vals && start;
    if (!ok) {
        out_of_memory(out);
        goto done;
    }
    size_t n = 0, units = 0;
    for (size_t s = 0; s < t->nsubjects; s++) {
        size_t m = subject_ratings(t, s, vals + n);
        if (m < 2)
            continue;
        start[units++] = n;
        n += m;
    }
    start[units] = n;
    if (units == 0) {
        not_available(out, "no subject has two or more ratings");
        goto done;
    }
    levels = malloc(n * sizeof *levels);
    x = malloc(n * sizeof *x);
    ok = levels && x;
    if (!ok) {
        out_of_memory(out);
        goto done;
    }
    memcpy(levels, vals, n * sizeof *levels);
    size_t k = sort_distinct(levels, n);
    if (k == 1) {
        not_available(out, "every pairable rating is the same level (%d); alpha is undefined",
                      levels[0]);
        goto done;
    }
    double dn = (double)n, dobs = 0, dexp = 0;
    if (metric == RB_METRIC_NOMINAL) {
        count = calloc(k, sizeof *count);
        ok = count != NULL;
        if (!ok) {
            out_of_memory(out);
            goto done;
        }
        for (size_t u = 0; u < units; u++) {
            int *v = vals + start[u];
            size_t m = start[u + 1] - start[u];
            qsort(v, m, sizeof *v, cmp_int);
            double sq = 0;
            for (size_t i = 0; i < m;) {
                size_t j = i;
                while (j < m && v[j] == v[i])
                    j++;
                sq += (double)(j - i) * (double)(j - i);
                count[level_index(levels, k, v[i])] += (double)(j - i);
                i = j;
            }
            double md = (double)m;
            dobs += (md * md - sq) / (md - 1);
        }
        double sq = 0;
        for (size_t j = 0; j < k; j++)
            sq += count[j] * count[j];
        dexp = (dn * dn - sq) / (dn - 1);
    } else {
        if (metric == RB_METRIC_ORDINAL) {
            /* Mid-ranks: values below the level plus half its own count. */
            count = calloc(k, sizeof *count);
            tv = malloc(k * sizeof *tv);
            ok = count && tv;
            if (!ok) {
                out_of_memory(out);
                goto done;
            }
            for (size_t i = 0; i < n; i++)
                count[level_index(levels, k, vals[i])] += 1;
            double below = 0;
            for (size_t j = 0; j < k; j++) {
                tv[j] = below + count[j] / 2;
                below += count[j];
            }
            for (size_t i = 0; i < n; i++)
                x[i] = tv[level_index(levels, k, vals[i])];
        } else {
            for (size_t i = 0; i < n; i++)
                x[i] = (double)vals[i];
        }
        for (size_t u = 0; u < units; u++) {
            size_t m = start[u + 1] - start[u];
            dobs += pair_squares(x + start[u], m) / (double)(m - 1);
        }
        dexp = pair_squares(x, n) / (dn - 1);
    }
    set_value(out, 1 - dobs / dexp, units);
    set_parts(out, dobs / dn, dexp / dn);
done:
    free(vals);
    free(start);
    free(levels);
    free(x);
    free(tv);
    free(count);
    return ok;
}

/* ---- intraclass correlation ---------------------------------------------- */

/* Sums of squares are kept exactly, as integers scaled by n k, so that
 * levels near 10^9 lose nothing to rounding and "no variation" (a zero
 * mean square, a zero denominator) is decided exactly. With |x| <= 2^31
 * and N = n k cells, every scaled sum is at most N^2 2^62, within 128 bits
 * for tables of up to 2^32 cells; the one product beyond that (ICC(2,k)'s
 * denominator) is checked for overflow. */
__extension__ typedef __int128 wide;

void rb_icc_anova(const rb_ratings *t, rb_anova *out)
{
    memset(out, 0, sizeof *out);
    if (!t || !t->cells) {
        snprintf(out->reason, sizeof out->reason, "the table is empty");
        return;
    }
    size_t n = t->nsubjects, k = t->nraters, cells = n * k, missing = 0;
    for (size_t i = 0; i < cells; i++)
        if (t->cells[i] == RB_RATING_MISSING)
            missing++;
    if (n < 2) {
        snprintf(out->reason, sizeof out->reason, "needs at least two subjects");
        return;
    }
    if (k < 2) {
        snprintf(out->reason, sizeof out->reason, "needs at least two raters");
        return;
    }
    if (missing) {
        snprintf(out->reason, sizeof out->reason,
                 "needs a complete table; %zu of %zu cells are missing", missing, cells);
        return;
    }
    if (cells > ((size_t)1 << 32) || cells / n != k) {
        snprintf(out->reason, sizeof out->reason, "the table is too large (%zu cells)", cells);
        return;
    }
    const int *x = t->cells;
    wide *cs = calloc(k, sizeof *cs);
    if (!cs) {
        snprintf(out->reason, sizeof out->reason, "out of memory");
        return;
    }
    /* G = sum of x, X2 = sum of x^2, R2 = sum of row sums squared, C2 the
     * same for columns. */
    wide g = 0, x2 = 0, r2 = 0, c2 = 0;
    for (size_t i = 0; i < n; i++) {
        wide r = 0;
        for (size_t j = 0; j < k; j++) {
            wide v = x[i * k + j];
            r += v;
            cs[j] += v;
            x2 += v * v;
        }
        g += r;
        r2 += r * r;
    }
    for (size_t j = 0; j < k; j++)
        c2 += cs[j] * cs[j];
    free(cs);
    wide nk = (wide)n * (wide)k;
    /* Each sum of squares times n k:
     *   total n k X2 - G^2, between subjects n R2 - G^2,
     *   between raters k C2 - G^2, within subjects total - between subjects,
     *   residual total - between subjects - between raters. */
    wide tot = nk * x2 - g * g, rows = (wide)n * r2 - g * g, cols = (wide)k * c2 - g * g;
    wide within = tot - rows, resid = tot - rows - cols;
    double scale = (double)nk, dn = (double)n, dk = (double)k;
    out->available = true;
    out->n = n;
    out->k = k;
    out->bms = (double)rows / scale / (dn - 1);
    out->wms = (double)within / scale / (dn * (dk - 1));
    out->jms = (double)cols / scale / (dk - 1);
    out->ems = (double)resid / scale / ((dn - 1) * (dk - 1));
    /* ICC(2,k)'s denominator BMS + (JMS - EMS) / n times n k n (n-1)(k-1)
     * is n (k-1) rows + (n-1) cols - resid: its sign, exactly. rows, cols
     * and resid are sums of squares (never negative) and resid fits, so a
     * product too big for 128 bits makes the sign positive. The other
     * denominators are sums of non-negative terms. */
    wide a2, b2, sum;
    if (__builtin_mul_overflow((wide)n * (wide)(k - 1), rows, &a2) ||
        __builtin_mul_overflow((wide)(n - 1), cols, &b2) ||
        __builtin_add_overflow(a2, b2, &sum)) {
        out->icc2k_den_sign = 1;
    } else {
        wide d2k = sum - resid;
        out->icc2k_den_sign = d2k > 0 ? 1 : d2k < 0 ? -1 : 0;
    }
}

static void icc_from(const rb_anova *a, rb_icc_model model, bool average, rb_stat *out)
{
    clear(out);
    if (!a->available) {
        not_available(out, "%s", a->reason);
        return;
    }
    if (a->bms == 0 && a->wms == 0) {
        not_available(out, "every rating is the same level; the ICC is undefined");
        return;
    }
    double n = (double)a->n, k = (double)a->k, num, den;
    switch (model) {
    case RB_ICC_ONE_WAY:
        num = a->bms - a->wms;
        den = average ? a->bms : a->bms + (k - 1) * a->wms;
        break;
    case RB_ICC_TWO_WAY_RANDOM:
        num = a->bms - a->ems;
        den = average ? (a->icc2k_den_sign ? a->bms + (a->jms - a->ems) / n : 0)
                      : a->bms + a->ems * ((k - 1) - k / n) + k * a->jms / n;
        break;
    default:
        num = a->bms - a->ems;
        den = average ? a->bms : a->bms + (k - 1) * a->ems;
        break;
    }
    if (den == 0) {
        if (a->bms == 0)
            not_available(out, "the subjects' mean ratings are all equal (BMS = 0); the ICC "
                               "is undefined");
        else
            not_available(out, "its denominator is 0; the ICC is undefined");
        return;
    }
    set_value(out, num / den, a->n);
}

void rb_icc(const rb_ratings *t, rb_icc_model model, bool average, rb_stat *out)
{
    rb_anova a;
    rb_icc_anova(t, &a);
    icc_from(&a, model, average, out);
}

/* ---- everything ----------------------------------------------------------- */

bool rb_agreement_compute(const rb_ratings *t, const rb_agreement_options *opt,
                          rb_agreement *out)
{
    memset(out, 0, sizeof *out);
    rb_stat *s = out->stats;
    bool ok = rb_percent_agreement(t, &s[RB_AGREE_PERCENT_ALL], &s[RB_AGREE_PERCENT_PAIRWISE]);
    ok &= rb_cohen_kappa(t, RB_WEIGHTS_NONE, opt, &s[RB_AGREE_COHEN]);
    ok &= rb_cohen_kappa(t, RB_WEIGHTS_LINEAR, opt, &s[RB_AGREE_COHEN_LINEAR]);
    ok &= rb_cohen_kappa(t, RB_WEIGHTS_QUADRATIC, opt, &s[RB_AGREE_COHEN_QUADRATIC]);
    ok &= rb_fleiss_kappa(t, &s[RB_AGREE_FLEISS]);
    ok &= rb_krippendorff_alpha(t, RB_METRIC_NOMINAL, &s[RB_AGREE_ALPHA_NOMINAL]);
    ok &= rb_krippendorff_alpha(t, RB_METRIC_ORDINAL, &s[RB_AGREE_ALPHA_ORDINAL]);
    ok &= rb_krippendorff_alpha(t, RB_METRIC_INTERVAL, &s[RB_AGREE_ALPHA_INTERVAL]);
    rb_icc_anova(t, &out->anova);
    if (!out->anova.available && strcmp(out->anova.reason, "out of memory") == 0)
        ok = false;
    static const struct {
        rb_agreement_stat stat;
        rb_icc_model model;
        bool average;
    } iccs[] = {
        { RB_AGREE_ICC_1_1, RB_ICC_ONE_WAY, false },
        { RB_AGREE_ICC_2_1, RB_ICC_TWO_WAY_RANDOM, false },
        { RB_AGREE_ICC_3_1, RB_ICC_TWO_WAY_MIXED, false },
        { RB_AGREE_ICC_1_K, RB_ICC_ONE_WAY, true },
        { RB_AGREE_ICC_2_K, RB_ICC_TWO_WAY_RANDOM, true },
        { RB_AGREE_ICC_3_K, RB_ICC_TWO_WAY_MIXED, true },
    };
    for (size_t i = 0; i < sizeof iccs / sizeof iccs[0]; i++)
        icc_from(&out->anova, iccs[i].model, iccs[i].average, &s[iccs[i].stat]);
    return ok;
}

static const char *const stat_keys[RB_AGREE_NSTATS] = {
    "percent_all_agree",
    "percent_pairwise",
    "cohen_kappa",
    "cohen_kappa_linear",
    "cohen_kappa_quadratic",
    "fleiss_kappa",
    "krippendorff_alpha_nominal",
    "krippendorff_alpha_ordinal",
    "krippendorff_alpha_interval",
    "icc_1_1",
    "icc_2_1",
    "icc_3_1",
    "icc_1_k",
    "icc_2_k",
    "icc_3_k",
};

static const char *const stat_names[RB_AGREE_NSTATS] = {
    "percent agreement, all raters agree",
    "percent agreement, mean pairwise",
    "Cohen's kappa",
    "Cohen's kappa, linear weights",
    "Cohen's kappa, quadratic weights",
    "Fleiss' kappa",
    "Krippendorff's alpha, nominal",
    "Krippendorff's alpha, ordinal",
    "Krippendorff's alpha, interval",
    "ICC(1,1)",
    "ICC(2,1)",
    "ICC(3,1)",
    "ICC(1,k)",
    "ICC(2,k)",
    "ICC(3,k)",
};

const char *rb_agreement_stat_key(rb_agreement_stat s)
{
    return (unsigned)s < RB_AGREE_NSTATS ? stat_keys[s] : NULL;
}

const char *rb_agreement_stat_name(rb_agreement_stat s)
{
    return (unsigned)s < RB_AGREE_NSTATS ? stat_names[s] : NULL;
}
