/*
 * Panels: consolidating several interviewers' scored interviews of the same
 * candidates (include/rubric/panel.h; the rules are in engine/README.md,
 * "Panels").
 *
 * Everything a panel holds is allocated through one list, so it is freed
 * in one place whatever its shape; the inputs themselves are borrowed.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rubric/panel.h"

typedef struct panel_impl {
    rb_panel pub;        /* first: the public view */
    void **allocs;       /* every block the panel owns */
    size_t nallocs, cap;
    bool failed;         /* an allocation failed */
} panel_impl;

/* Zeroed memory owned by the panel; NULL (and `failed`) when out of memory. */
static void *palloc(panel_impl *p, size_t count, size_t size)
{
    if (count == 0)
        count = 1;
    if (p->failed || count > SIZE_MAX / size)
        goto fail;
    if (p->nallocs == p->cap) {
        size_t ncap = p->cap ? p->cap * 2 : 64;
        void **na = realloc(p->allocs, ncap * sizeof *na);
        if (!na)
            goto fail;
        p->allocs = na;
        p->cap = ncap;
    }
    void *block = calloc(count, size);
    if (!block)
        goto fail;
    p->allocs[p->nallocs++] = block;
    return block;
fail:
    p->failed = true;
    return NULL;
}

void rb_panel_free(rb_panel *pub)
{
    if (!pub)
        return;
    panel_impl *p = (panel_impl *)pub;
    for (size_t i = 0; i < p->nallocs; i++)
        free(p->allocs[i]);
    free(p->allocs);
    free(p);
}

/* ---- small rules ------------------------------------------------------------- */

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

int rb_panel_median(int *levels, size_t n)
{
    if (n == 0)
        return 0;
    qsort(levels, n, sizeof *levels, cmp_int);
    return levels[(n - 1) / 2];
}

const char *rb_panel_reason_name(unsigned reason)
{
    switch (reason) {
    case RB_REASON_RATINGS_APART: return "ratings-apart";
    case RB_REASON_EVIDENCE_APART: return "consensus-far-from-evidence";
    case RB_REASON_RATING_FAR: return "rating-far-from-evidence";
    case RB_REASON_CONSENSUS_UNSUPPORTED: return "consensus-without-evidence";
    case RB_REASON_NOT_RATED: return "not-rated";
    default: return "unknown";
    }
}

const char *rb_panel_agreement_name(rb_panel_agreement a)
{
    switch (a) {
    case RB_PANEL_NO_RATINGS: return "no-ratings";
    case RB_PANEL_SINGLE: return "single-rating";
    case RB_PANEL_SAME: return "same";
    case RB_PANEL_CLOSE: return "one-level-apart";
    case RB_PANEL_APART: return "apart";
    }
    return "unknown";
}

/* Bytes of white space at `s`: ASCII blanks and controls, and the
 * no-break space U+00A0 (C2 A0) that word processors put in names. */
static size_t space_at(const char *s)
{
    unsigned char c = (unsigned char)s[0];
    if (c == ' ' || (c >= '\t' && c <= '\r'))
        return 1;
    if (c == 0xC2 && (unsigned char)s[1] == 0xA0)
        return 2;
    return 0;
}

/* The next byte of a name as compared: runs of white space are one space,
 * none at either end; ASCII letters in lower case. */
static unsigned char name_byte(const char **p, bool *started)
{
    size_t w;
    bool gap = false;
    while ((w = space_at(*p)) > 0) {
        *p += w;
        gap = true;
    }
    if (!**p)
        return 0;
    if (gap && *started)
        return ' ';  /* *p stays on the next word */
    *started = true;
    unsigned char c = (unsigned char)*(*p)++;
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

/* Interviewer names are typed by people: "priya  natarajan " and "Priya
 * Natarajan" are the same person. Letters are compared without case
 * (ASCII) and white space as single spaces, everything else byte for
 * byte. */
static bool same_name(const char *a, const char *b)
{
    bool sa = false, sb = false;
    for (;;) {
        unsigned char x = name_byte(&a, &sa), y = name_byte(&b, &sb);
        if (x != y)
            return false;
        if (!x)
            return true;
    }
}

/* Nothing but white space, as names are compared (name_byte). */
static bool blank(const char *s)
{
    if (!s)
        return true;
    size_t w;
    while ((w = space_at(s)) > 0)
        s += w;
    return !*s;
}

/* The hash an input was recorded with: the answers' own, else its plan's. */
static const char *recorded_hash(const rb_panel_input *in)
{
    if (in->interview->library_hash)
        return in->interview->library_hash;
    return in->plan ? in->plan->library_hash : NULL;
}

/* Two plans ask the same questions of the same competencies (the seed may
 * differ and still pick the same questions). */
static bool same_questions(const rb_plan *a, const rb_plan *b)
{
    if (a->role != b->role || a->ncompetencies != b->ncompetencies)
        return false;
    for (size_t i = 0; i < a->ncompetencies; i++) {
        const rb_plan_competency *x = &a->competencies[i], *y = &b->competencies[i];
        if (x->competency != y->competency || x->nquestions != y->nquestions)
            return false;
        for (size_t q = 0; q < x->nquestions; q++)
            if (x->questions[q].question != y->questions[q].question)
                return false;
    }
    return true;
}

/* Every problem with the set of inputs, as "file: error: message". */
static bool validate(const rb_panel_input *in, size_t n, rb_diags *d)
{
    bool ok = true;
    size_t first_hash = SIZE_MAX, first_plan = SIZE_MAX;
    for (size_t i = 0; i < n; i++) {
        const rb_interview *iv = in[i].interview;
        if (blank(iv->interviewer)) {
            rb_diags_add(d, RB_ERROR, RB_DIAG_INPUT, in[i].source, 0, 0, NULL,
                         "the answers do not say who interviewed: add \"interviewer\": "
                         "\"NAME\", so that the panel can tell the ratings apart");
            ok = false;
        }
        if (iv->role != in[0].interview->role) {
            rb_diags_add(d, RB_ERROR, RB_DIAG_INPUT, in[i].source, 0, 0, NULL,
                         "the interview is for the role '%s', but '%s' is for '%s': a panel "
                         "brings together interviews for one role", iv->role->id,
                         in[0].source, in[0].interview->role->id);
            ok = false;
        }
        const char *hash = recorded_hash(&in[i]);
        if (hash && first_hash == SIZE_MAX) {
            first_hash = i;
        } else if (hash && strcmp(hash, recorded_hash(&in[first_hash])) != 0) {
            rb_diags_add(d, RB_ERROR, RB_DIAG_INPUT, in[i].source, 0, 0, NULL,
                         "the interview was recorded with another version of the rubric "
                         "library than '%s' (%s, not %s): ratings against different "
                         "rubrics cannot be compared; interview with the same library",
                         in[first_hash].source, hash, recorded_hash(&in[first_hash]));
            ok = false;
        }
        if (in[i].plan && first_plan == SIZE_MAX) {
            first_plan = i;
        } else if (in[i].plan && iv->role == in[first_plan].interview->role &&
                   !same_questions(in[i].plan, in[first_plan].plan)) {
            rb_diags_add(d, RB_ERROR, RB_DIAG_INPUT, in[i].source, 0, 0, NULL,
                         "the interview followed another plan than '%s' (other questions): "
                         "a panel compares interviews that asked the same questions",
                         in[first_plan].source);
            ok = false;
        }
        for (size_t j = 0; j < i; j++) {
            const rb_interview *other = in[j].interview;
            if (strcmp(iv->candidate_id, other->candidate_id) != 0)
                continue;
            if (strcmp(in[i].source, in[j].source) == 0) {
                rb_diags_add(d, RB_ERROR, RB_DIAG_INPUT, in[i].source, 0, 0, NULL,
                             "the file is given twice: give each interview once");
                ok = false;
                break;
            }
            if (!blank(iv->interviewer) && !blank(other->interviewer) &&
                same_name(iv->interviewer, other->interviewer)) {
                rb_diags_add(d, RB_ERROR, RB_DIAG_INPUT, in[i].source, 0, 0, NULL,
                             "'%s' already interviewed candidate '%s' in '%s': give each "
                             "interviewer's interview of a candidate once",
                             iv->interviewer, iv->candidate_id, in[j].source);
                ok = false;
                break;
            }
        }
        for (size_t j = 0; j < i; j++) {
            const rb_interview *other = in[j].interview;
            if (strcmp(iv->candidate_id, other->candidate_id) == 0 && iv->candidate_name &&
                other->candidate_name &&
                strcmp(iv->candidate_name, other->candidate_name) != 0) {
                rb_diags_add(d, RB_WARNING, RB_DIAG_INPUT, in[i].source, 0, 0, NULL,
                             "candidate '%s' is named '%s' here and '%s' in '%s'; the panel "
                             "uses the first name", iv->candidate_id, iv->candidate_name,
                             other->candidate_name, in[j].source);
                break;
            }
        }
    }
    return ok;
}

/* ---- one candidate ------------------------------------------------------------ */

static const rb_competency_result *result_for(const rb_sheet *sh, const rb_competency *c)
{
    for (size_t i = 0; i < sh->nresults; i++)
        if (sh->results[i].competency == c)
            return &sh->results[i];
    return NULL;
}

/* Where a behaviour stands in its level, for ordering evidence alike in
 * every sheet. */
static size_t behaviour_rank(const rb_competency *c, const rb_evidence *e)
{
    const rb_level *l = rb_competency_level(c, e->level);
    for (size_t i = 0; l && i < l->nbehaviours; i++)
        if (&l->behaviours[i] == e->behaviour)
            return i;
    return SIZE_MAX;
}

typedef struct sort_item {
    rb_panel_evidence e;
    int level;
    size_t rank, pos;
} sort_item;

static int cmp_sort_item(const void *a, const void *b)
{
    const sort_item *x = a, *y = b;
    if (x->level != y->level)
        return x->level < y->level ? -1 : 1;
    if (x->rank != y->rank)
        return x->rank < y->rank ? -1 : 1;
    if (x->e.interview != y->e.interview)
        return x->e.interview < y->e.interview ? -1 : 1;
    return (x->pos > y->pos) - (x->pos < y->pos);
}

/* A copy of `b`'s text owned by the panel. */
static const char *pstr(panel_impl *p, rb_buf *b)
{
    if (!rb_buf_ok(b)) {
        p->failed = true;
        return NULL;
    }
    char *s = palloc(p, b->len + 1, 1);
    if (s)
        memcpy(s, rb_buf_str(b), b->len + 1);
    rb_buf_reset(b);
    return s;
}

/* The agenda entries of one competency, in the order of the reasons. */
static bool describe_issues(panel_impl *p, rb_panel_competency *pc,
                            const rb_panel_input *const *ivs)
{
    size_t max = 4 + pc->ncells, n = 0;
    rb_panel_issue *issues = palloc(p, max, sizeof *issues);
    if (!issues)
        return false;
    rb_buf b = { 0 };
    if (pc->reasons & RB_REASON_RATINGS_APART) {
        rb_buf_printf(&b, "the ratings run from %d to %d:", pc->low, pc->high);
        const char *sep = " ";
        for (size_t i = 0; i < pc->ncells; i++)
            if (pc->cells[i].rating) {
                rb_buf_printf(&b, "%s%s %d", sep, ivs[i]->interview->interviewer,
                              pc->cells[i].rating);
                sep = ", ";
            }
        issues[n++] = (rb_panel_issue){ RB_REASON_RATINGS_APART, SIZE_MAX, pstr(p, &b) };
    }
    if (pc->reasons & RB_REASON_EVIDENCE_APART) {
        rb_buf_printf(&b, "the consensus %d is two or more levels from the %d that the "
                      "evidence in the answers suggests", pc->consensus, pc->evidence);
        issues[n++] = (rb_panel_issue){ RB_REASON_EVIDENCE_APART, SIZE_MAX, pstr(p, &b) };
    }
    for (size_t i = 0; (pc->reasons & RB_REASON_RATING_FAR) && i < pc->ncells; i++) {
        const rb_panel_cell *cell = &pc->cells[i];
        if (!cell->rating || !(cell->result->flags & RB_FLAG_RATING_FAR))
            continue;
        rb_buf_printf(&b, "%s rated %d, two or more levels from the %d that the evidence in "
                      "their answers suggests", ivs[i]->interview->interviewer, cell->rating,
                      cell->suggested);
        issues[n++] = (rb_panel_issue){ RB_REASON_RATING_FAR, i, pstr(p, &b) };
    }
    if (pc->reasons & RB_REASON_CONSENSUS_UNSUPPORTED) {
        rb_buf_printf(&b, "no interviewer's answers hold evidence at level %d, the consensus",
                      pc->consensus);
        issues[n++] = (rb_panel_issue){ RB_REASON_CONSENSUS_UNSUPPORTED, SIZE_MAX,
                                        pstr(p, &b) };
    }
    if (pc->reasons & RB_REASON_NOT_RATED) {
        if (pc->evidence)
            rb_buf_printf(&b, "no interviewer rated it; the evidence suggests %d",
                          pc->evidence);
        else
            rb_buf_puts(&b, "no interviewer rated it, and there is not enough evidence to "
                            "suggest a level");
        issues[n++] = (rb_panel_issue){ RB_REASON_NOT_RATED, SIZE_MAX, pstr(p, &b) };
    }
    rb_buf_release(&b);
    pc->issues = issues;
    pc->nissues = n;
    return !p->failed;
}

static bool consolidate(panel_impl *p, rb_panel_competency *pc, const rb_need *need,
                        const rb_panel_input *const *ivs, size_t niv)
{
    const rb_competency *c = need->competency;
    rb_panel_cell *cells = palloc(p, niv, sizeof *cells);
    int *ratings = palloc(p, niv, sizeof *ratings);
    int *suggested = palloc(p, niv, sizeof *suggested);
    if (!cells || !ratings || !suggested)
        return false;
    size_t nr = 0, ns = 0, nev = 0;
    pc->need = need;
    for (size_t i = 0; i < niv; i++) {
        const rb_competency_result *r = result_for(ivs[i]->sheet, c);
        cells[i] = (rb_panel_cell){ i, r, r ? r->rating : 0, r ? r->suggested : 0 };
        if (cells[i].rating) {
            if (!nr || cells[i].rating < pc->low)
                pc->low = cells[i].rating;
            if (!nr || cells[i].rating > pc->high)
                pc->high = cells[i].rating;
            ratings[nr++] = cells[i].rating;
            if (r->flags & RB_FLAG_RATING_FAR)
                pc->reasons |= RB_REASON_RATING_FAR;
        }
        if (cells[i].suggested)
            suggested[ns++] = cells[i].suggested;
        if (r)
            nev += r->nevidence;
    }
    pc->cells = cells;
    pc->ncells = niv;
    pc->nrated = nr;
    pc->spread = nr ? pc->high - pc->low : 0;
    pc->consensus = rb_panel_median(ratings, nr);
    pc->evidence = rb_panel_median(suggested, ns);
    pc->final_level = pc->consensus ? pc->consensus : pc->evidence;
    pc->gap = pc->final_level ? pc->final_level - need->target : 0;
    pc->agreement = nr == 0 ? RB_PANEL_NO_RATINGS
                  : nr == 1 ? RB_PANEL_SINGLE
                  : pc->spread == 0 ? RB_PANEL_SAME
                  : pc->spread == 1 ? RB_PANEL_CLOSE : RB_PANEL_APART;
    if (pc->spread >= 2)
        pc->reasons |= RB_REASON_RATINGS_APART;
    if (pc->consensus && pc->evidence && abs(pc->consensus - pc->evidence) >= 2)
        pc->reasons |= RB_REASON_EVIDENCE_APART;
    /* One interviewer's brief notes often hold nothing at the level they
     * rated; what the panel must not do is agree on a level that nobody's
     * answers support. */
    bool supported = false;
    for (size_t i = 0; pc->consensus && i < niv; i++)
        for (size_t e = 0; cells[i].result && e < cells[i].result->nevidence; e++)
            supported |= cells[i].result->evidence[e].level == pc->consensus;
    if (pc->consensus && !supported)
        pc->reasons |= RB_REASON_CONSENSUS_UNSUPPORTED;
    if (!nr)
        pc->reasons |= RB_REASON_NOT_RATED;
    if (!describe_issues(p, pc, ivs))
        return false;

    sort_item *items = palloc(p, nev, sizeof *items);
    rb_panel_evidence *out = palloc(p, nev, sizeof *out);
    if (!items || !out)
        return false;
    size_t k = 0;
    for (size_t i = 0; i < niv; i++) {
        const rb_competency_result *r = cells[i].result;
        for (size_t e = 0; r && e < r->nevidence; e++, k++)
            items[k] = (sort_item){ { i, &r->evidence[e] }, r->evidence[e].level,
                                    behaviour_rank(c, &r->evidence[e]), k };
    }
    qsort(items, nev, sizeof *items, cmp_sort_item);
    for (size_t i = 0; i < nev; i++)
        out[i] = items[i].e;
    pc->evidence_items = out;
    pc->nevidence = nev;
    return true;
}

/* Role fit from the final levels, as a scoring sheet computes it. */
static void fit(rb_panel_candidate *cand, const rb_panel_competency *pcs, size_t n)
{
    double wsum = 0, fsum = 0;
    for (size_t i = 0; i < n; i++) {
        const rb_panel_competency *pc = &pcs[i];
        const rb_scale *sc = pc->need->competency->scale;
        int lowest = sc && sc->nlevels ? sc->levels[0].number : 1;
        double span = (double)(pc->need->target - lowest + 1);
        double got = pc->final_level ? (double)(pc->final_level - lowest + 1) : 0;
        double part = span > 0 ? got / span : 0;
        part = part > 1 ? 1 : part < 0 ? 0 : part;
        wsum += pc->need->weight;
        fsum += pc->need->weight * part;
        if (pc->final_level && pc->final_level >= pc->need->target)
            cand->strengths++;
        else
            cand->developments++;
        if (pc->reasons)
            cand->agenda++;
    }
    /* Rounded to thousandths like a sheet's fit, so equal inputs print alike. */
    double f = wsum > 0 ? fsum / wsum : 0;
    cand->fit = (double)(long)(f * 1000 + 0.5) / 1000;
}

/* ---- the panel ------------------------------------------------------------------ */

static size_t interviewer_index(const rb_panel_interviewer *list, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (same_name(list[i].name, name))
            return i;
    return SIZE_MAX;
}

static bool build_agreement(panel_impl *p, rb_panel_agreement_stats *st, size_t need)
{
    const rb_panel *pub = &p->pub;
    rb_ratings *t = rb_ratings_new(pub->ncandidates, pub->ninterviewers);
    if (!t)
        return false;
    for (size_t s = 0; s < pub->ncandidates; s++) {
        const rb_panel_candidate *cand = &pub->candidates[s];
        const rb_panel_competency *pc = &cand->competencies[need];
        for (size_t i = 0; i < pc->ncells; i++) {
            if (!pc->cells[i].rating)
                continue;
            const char *who = cand->interviews[i]->interview->interviewer;
            size_t r = interviewer_index(pub->interviewers, pub->ninterviewers, who);
            t->cells[s * t->nraters + r] = pc->cells[i].rating;
            st->ratings++;
        }
    }
    /* The scale spaces the weighted kappas' categories: a level nobody
     * used still counts as a step between the others. */
    const rb_scale *sc = pub->role->needs[need].competency->scale;
    rb_agreement_options opt = { 0 };
    if (sc && sc->nlevels >= 2) {
        opt.has_scale = true;
        opt.scale_min = sc->levels[0].number;
        opt.scale_max = sc->levels[sc->nlevels - 1].number;
    }
    st->need = &pub->role->needs[need];
    bool ok = rb_agreement_compute(t, &opt, &st->stats);
    rb_ratings_free(t);
    return ok;
}

rb_panel *rb_panel_build(const rb_library *lib, const rb_panel_input *inputs, size_t n,
                         rb_diags *diags)
{
    if (n == 0) {
        rb_diags_add(diags, RB_ERROR, RB_DIAG_INPUT, NULL, 0, 0, NULL,
                     "no interviews to bring together");
        return NULL;
    }
    if (n > RB_PANEL_MAX_INTERVIEWS) {
        rb_diags_add(diags, RB_ERROR, RB_DIAG_INPUT, NULL, 0, 0, NULL,
                     "%zu interviews are more than one panel takes (%d): bring the "
                     "candidates together in smaller groups", n, RB_PANEL_MAX_INTERVIEWS);
        return NULL;
    }
    if (!validate(inputs, n, diags))
        return NULL;
    panel_impl *p = calloc(1, sizeof *p);
    if (!p)
        goto oom;
    rb_panel *pub = &p->pub;
    pub->library = lib;
    pub->role = inputs[0].interview->role;
    const rb_role *role = pub->role;

    rb_panel_input *copies = palloc(p, n, sizeof *copies);
    rb_panel_candidate *cands = palloc(p, n, sizeof *cands);
    rb_panel_interviewer *people = palloc(p, n, sizeof *people);
    size_t *owner = palloc(p, n, sizeof *owner);  /* each input's candidate */
    if (!copies || !cands || !people || !owner)
        goto oom;
    memcpy(copies, inputs, n * sizeof *copies);
    pub->inputs = copies;
    pub->ninputs = n;

    /* Candidates and interviewers in order of first appearance. */
    size_t nc = 0, np = 0;
    for (size_t i = 0; i < n; i++) {
        const rb_interview *iv = copies[i].interview;
        size_t c = 0;
        while (c < nc && strcmp(cands[c].id, iv->candidate_id) != 0)
            c++;
        if (c == nc) {
            cands[nc].id = iv->candidate_id;
            cands[nc].name = iv->candidate_name;
            nc++;
        } else if (!cands[c].name) {
            cands[c].name = iv->candidate_name;
        }
        owner[i] = c;
        cands[c].ninterviews++;
        size_t who = interviewer_index(people, np, iv->interviewer);
        if (who == SIZE_MAX) {
            who = np++;
            people[who].name = iv->interviewer;
        }
        people[who].candidates++;
    }
    for (size_t c = 0; c < nc; c++) {
        const rb_panel_input **list = palloc(p, cands[c].ninterviews, sizeof *list);
        if (!list)
            goto oom;
        size_t k = 0;
        for (size_t i = 0; i < n; i++)
            if (owner[i] == c)
                list[k++] = &copies[i];
        cands[c].interviews = list;
        rb_panel_competency *pcs = palloc(p, role->nneeds, sizeof *pcs);
        if (!pcs)
            goto oom;
        for (size_t k2 = 0; k2 < role->nneeds; k2++)
            if (!consolidate(p, &pcs[k2], &role->needs[k2], list, k))
                goto oom;
        cands[c].competencies = pcs;
        cands[c].ncompetencies = role->nneeds;
        fit(&cands[c], pcs, role->nneeds);
    }
    pub->candidates = cands;
    pub->ncandidates = nc;

    /* Leniency: a rating against the consensus of two or more ratings (a
     * consensus of one is the rating itself and says nothing). */
    for (size_t c = 0; c < nc; c++)
        for (size_t k = 0; k < role->nneeds; k++) {
            const rb_panel_competency *pc = &cands[c].competencies[k];
            for (size_t i = 0; i < pc->ncells; i++) {
                if (!pc->cells[i].rating)
                    continue;
                const char *name = cands[c].interviews[i]->interview->interviewer;
                rb_panel_interviewer *who = &people[interviewer_index(people, np, name)];
                who->ratings++;
                if (pc->nrated >= 2) {
                    who->compared++;
                    who->deviation_sum += pc->cells[i].rating - pc->consensus;
                }
            }
        }
    for (size_t i = 0; i < np; i++)
        people[i].leniency = people[i].compared
                                 ? (double)people[i].deviation_sum / (double)people[i].compared
                                 : 0;
    pub->interviewers = people;
    pub->ninterviewers = np;

    rb_panel_agreement_stats *stats = palloc(p, role->nneeds, sizeof *stats);
    if (!stats)
        goto oom;
    for (size_t k = 0; k < role->nneeds; k++)
        if (!build_agreement(p, &stats[k], k))
            goto oom;
    pub->agreement = stats;
    pub->nagreement = role->nneeds;
    if (p->failed)
        goto oom;
    return pub;
oom:
    rb_diags_add(diags, RB_ERROR, RB_DIAG_SYSTEM, NULL, 0, 0, NULL,
                 "out of memory while bringing the interviews together");
    rb_panel_free(p ? &p->pub : NULL);
    return NULL;
}
