/*
 * Evidence, level estimates and role fit. See include/rubric/score.h and
 * engine/README.md ("The scoring algorithm") for the rules.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rubric/score.h"
#include "lua/policy.h"
#include "text/analyze.h"
#include "text/text.h"
#include "util/util.h"

/* BM25 constants: term-frequency saturation and length normalisation, for
 * sentences of about AVG_SENTENCE words. */
#define BM25_K1 1.2
#define BM25_B 0.75
#define AVG_SENTENCE 18.0
#define MAX_MATCHES_PER_TEXT 32

#define CUE_PHRASE_START (1u << 15)  /* some multi-word cue starts here */

enum cue_kind {
    CUE_SITUATION, CUE_TASK, CUE_ACTION, CUE_RESULT, CUE_INDIVIDUAL, CUE_COLLECTIVE,
    CUE_PAST, CUE_HYPOTHETICAL, CUE_STOP, CUE_KINDS,
};

/* A cue phrase as a sequence of stems. */
typedef struct phrase {
    uint32_t stems[6];
    unsigned n;
    enum cue_kind kind;
} phrase;

typedef struct qterm {
    uint32_t stem;
    double idf;
} qterm;

typedef struct binfo {
    const rb_behaviour *b;
    int level;
    qterm *q;
    size_t nq;
    double max_score;
    regex **patterns;
    size_t npatterns;
} binfo;

typedef struct posting {
    uint32_t stem;
    uint32_t behaviour;  /* index into cinfo.bs */
    double idf;          /* of the stem, for this behaviour's query */
} posting;

typedef struct cinfo {
    const rb_competency *c;
    binfo *bs;
    size_t nb;
    posting *postings;   /* sorted by stem */
    size_t npostings;
} cinfo;

struct rb_scorer {
    const rb_library *lib;
    analyzer *an;
    cinfo *comps;
    size_t ncomps;
    uint16_t *cue_mask;    /* per stem id: bit k = single-word cue of kind k */
    size_t cue_mask_len;
    phrase *phrases;       /* multi-word cues */
    size_t nphrases;
    text_analysis scratch[2];
    bool *hyp;             /* per sentence of the text being read */
    size_t hyp_cap;
    double *acc_score;     /* per behaviour of the largest competency */
    unsigned *acc_matched;
    size_t *acc_touched;
    uint32_t *stems;       /* one sentence's stems */
    size_t stems_cap;
};

/* ---- preparing ------------------------------------------------------------ */

static void add_cues(rb_scorer *s, const rb_cue_list *l, enum cue_kind kind,
                     ptrvec *ph, arena *a)
{
    text_analysis t = { 0 };
    for (size_t i = 0; i < l->n; i++) {
        if (!analyze_text(s->an, l->items[i], strlen(l->items[i]), true, &t) ||
            t.ntokens == 0)
            continue;
        if (t.ntokens == 1) {
            uint32_t st = t.tokens[0].stem;
            if (st != STEM_NONE && st < s->cue_mask_len)
                s->cue_mask[st] |= (uint16_t)(1u << kind);
            continue;
        }
        phrase *p = arena_alloc(a, sizeof *p);
        if (!p)
            continue;
        p->kind = kind;
        for (size_t k = 0; k < t.ntokens && p->n < 6; k++)
            p->stems[p->n++] = t.tokens[k].stem;
        ptrvec_push(a, ph, p);
    }
    analysis_release(&t);
}

static int cmp_phrase(const void *a, const void *b)
{
    const phrase *x = a, *y = b;
    return (x->stems[0] > y->stems[0]) - (x->stems[0] < y->stems[0]);
}

static int cmp_posting(const void *a, const void *b)
{
    const posting *x = a, *y = b;
    if (x->stem != y->stem)
        return x->stem < y->stem ? -1 : 1;
    return (x->behaviour > y->behaviour) - (x->behaviour < y->behaviour);
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

static bool is_stop(const rb_scorer *s, uint32_t stem)
{
    return stem < s->cue_mask_len && (s->cue_mask[stem] & (1u << CUE_STOP));
}

/* One letter carries no meaning of its own ("e.g." splits into e and g). */
static bool single_letter(const analyzer *an, uint32_t stem)
{
    const char *t = analyzer_stem_text(an, stem);
    return t[0] && !t[1];
}

/* Distinct content stems of a text, appended to `out` (sorted later). */
static size_t content_stems(rb_scorer *s, const char *text, uint32_t *out, size_t cap)
{
    text_analysis *t = &s->scratch[0];
    if (!analyze_text(s->an, text, strlen(text), true, t))
        return 0;
    size_t n = 0;
    for (size_t i = 0; i < t->ntokens && n < cap; i++) {
        uint32_t st = t->tokens[i].stem;
        if (st != STEM_NONE && !single_letter(s->an, st))
            out[n++] = st;
    }
    return n;
}

rb_scorer *rb_scorer_new(const rb_library *lib, rb_diags *diags)
{
    rb_scorer *s = calloc(1, sizeof *s);
    if (!s || !(s->an = analyzer_new())) {
        free(s);
        rb_diags_add(diags, RB_ERROR, RB_DIAG_SYSTEM, NULL, 0, 0, NULL,
                     "out of memory (or no English stemmer) while preparing to score");
        return NULL;
    }
    s->lib = lib;
    size_t nc = rb_library_ncompetencies(lib);
    s->comps = calloc(nc ? nc : 1, sizeof *s->comps);
    s->ncomps = nc;
    uint32_t buf[512];

    /* Pass 1: the vocabulary (behaviour words, terms, cues). */
    for (size_t i = 0; i < nc; i++) {
        const rb_competency *c = rb_library_competency(lib, i);
        for (size_t l = 0; l < c->nlevels; l++)
            for (size_t k = 0; k < c->levels[l].nbehaviours; k++) {
                const rb_behaviour *b = &c->levels[l].behaviours[k];
                content_stems(s, b->text, buf, 512);
                for (size_t t = 0; t < b->nterms; t++)
                    content_stems(s, b->terms[t], buf, 512);
            }
    }
    const rb_cues *cu = rb_library_cues(lib);
    if (cu) {
        const rb_cue_list *lists[CUE_KINDS] = {
            &cu->situation, &cu->task, &cu->action, &cu->result, &cu->individual,
            &cu->collective, &cu->past, &cu->hypothetical, &cu->stop_words,
        };
        for (int k = 0; k < CUE_KINDS; k++)
            for (size_t i = 0; i < lists[k]->n; i++)
                content_stems(s, lists[k]->items[i], buf, 512);
        s->cue_mask_len = analyzer_vocabulary_size(s->an) + 1;
        s->cue_mask = calloc(s->cue_mask_len, sizeof *s->cue_mask);
        arena *a = arena_new();
        ptrvec ph = { 0 };
        if (s->cue_mask && a) {
            for (int k = 0; k < CUE_KINDS; k++)
                add_cues(s, lists[k], (enum cue_kind)k, &ph, a);
            s->phrases = calloc(ph.len ? ph.len : 1, sizeof *s->phrases);
            for (size_t i = 0; s->phrases && i < ph.len; i++)
                s->phrases[i] = *(phrase *)ph.items[i];
            s->nphrases = s->phrases ? ph.len : 0;
            qsort(s->phrases, s->nphrases, sizeof *s->phrases, cmp_phrase);
            for (size_t i = 0; i < s->nphrases; i++)
                if (s->phrases[i].stems[0] < s->cue_mask_len)
                    s->cue_mask[s->phrases[i].stems[0]] |= CUE_PHRASE_START;
        }
        arena_free(a);
    }

    /* Pass 2: document frequency of each stem over all behaviours. */
    size_t vocab = analyzer_vocabulary_size(s->an) + 1;
    uint32_t *df = calloc(vocab, sizeof *df);
    size_t nbehaviours = 0;
    if (!df || !s->comps)
        goto oom;
    for (size_t i = 0; i < nc; i++) {
        const rb_competency *c = rb_library_competency(lib, i);
        for (size_t l = 0; l < c->nlevels; l++)
            for (size_t k = 0; k < c->levels[l].nbehaviours; k++) {
                const rb_behaviour *b = &c->levels[l].behaviours[k];
                size_t n = content_stems(s, b->text, buf, 256);
                for (size_t t = 0; t < b->nterms && n < 500; t++)
                    n += content_stems(s, b->terms[t], buf + n, 512 - n);
                qsort(buf, n, sizeof *buf, cmp_u32);
                for (size_t x = 0; x < n; x++)
                    if ((x == 0 || buf[x] != buf[x - 1]) && buf[x] < vocab)
                        df[buf[x]]++;
                nbehaviours++;
            }
    }

    /* Pass 3: per competency, the queries, postings and patterns. */
    for (size_t i = 0; i < nc; i++) {
        const rb_competency *c = rb_library_competency(lib, i);
        cinfo *ci = &s->comps[i];
        ci->c = c;
        size_t total = 0;
        for (size_t l = 0; l < c->nlevels; l++)
            total += c->levels[l].nbehaviours;
        ci->bs = calloc(total ? total : 1, sizeof *ci->bs);
        if (!ci->bs)
            goto oom;
        size_t np = 0, npcap = 64;
        ci->postings = malloc(npcap * sizeof *ci->postings);
        if (!ci->postings)
            goto oom;
        for (size_t l = 0; l < c->nlevels; l++)
            for (size_t k = 0; k < c->levels[l].nbehaviours; k++) {
                const rb_behaviour *b = &c->levels[l].behaviours[k];
                binfo *bi = &ci->bs[ci->nb];
                bi->b = b;
                bi->level = c->levels[l].number;
                size_t n = content_stems(s, b->text, buf, 256);
                for (size_t t = 0; t < b->nterms && n < 500; t++)
                    n += content_stems(s, b->terms[t], buf + n, 512 - n);
                qsort(buf, n, sizeof *buf, cmp_u32);
                bi->q = calloc(n ? n : 1, sizeof *bi->q);
                if (!bi->q)
                    goto oom;
                for (size_t x = 0; x < n; x++) {
                    if ((x > 0 && buf[x] == buf[x - 1]) || is_stop(s, buf[x]))
                        continue;
                    double d = buf[x] < vocab ? df[buf[x]] : 1;
                    double idf = log(1.0 + ((double)nbehaviours - d + 0.5) / (d + 0.5));
                    bi->q[bi->nq++] = (qterm){ buf[x], idf };
                    bi->max_score += idf;
                    if (np == npcap) {
                        npcap *= 2;
                        posting *nps = realloc(ci->postings, npcap * sizeof *nps);
                        if (!nps)
                            goto oom;
                        ci->postings = nps;
                    }
                    ci->postings[np++] = (posting){ buf[x], (uint32_t)ci->nb, idf };
                }
                if (b->npatterns) {
                    bi->patterns = calloc(b->npatterns, sizeof *bi->patterns);
                    if (!bi->patterns)
                        goto oom;
                    for (size_t x = 0; x < b->npatterns; x++) {
                        char msg[256];
                        regex *re = regex_compile(b->patterns[x].source,
                                                  strlen(b->patterns[x].source), msg,
                                                  sizeof msg);
                        if (re)
                            bi->patterns[bi->npatterns++] = re;
                    }
                }
                ci->nb++;
            }
        qsort(ci->postings, np, sizeof *ci->postings, cmp_posting);
        ci->npostings = np;
    }
    free(df);
    size_t most = 1;
    for (size_t i = 0; i < nc; i++)
        if (s->comps[i].nb > most)
            most = s->comps[i].nb;
    s->acc_score = calloc(most, sizeof *s->acc_score);
    s->acc_matched = calloc(most, sizeof *s->acc_matched);
    s->acc_touched = calloc(most, sizeof *s->acc_touched);
    if (!s->acc_score || !s->acc_matched || !s->acc_touched) {
        df = NULL;
        goto oom;
    }
    return s;
oom:
    free(df);
    rb_scorer_free(s);
    rb_diags_add(diags, RB_ERROR, RB_DIAG_SYSTEM, NULL, 0, 0, NULL,
                 "out of memory while preparing to score");
    return NULL;
}

void rb_scorer_free(rb_scorer *s)
{
    if (!s)
        return;
    for (size_t i = 0; s->comps && i < s->ncomps; i++) {
        cinfo *ci = &s->comps[i];
        for (size_t k = 0; k < ci->nb; k++) {
            free(ci->bs[k].q);
            for (size_t x = 0; x < ci->bs[k].npatterns; x++)
                regex_free(ci->bs[k].patterns[x]);
            free(ci->bs[k].patterns);
        }
        free(ci->bs);
        free(ci->postings);
    }
    free(s->comps);
    free(s->cue_mask);
    free(s->phrases);
    free(s->hyp);
    free(s->acc_score);
    free(s->acc_matched);
    free(s->acc_touched);
    free(s->stems);
    analysis_release(&s->scratch[0]);
    analysis_release(&s->scratch[1]);
    analyzer_free(s->an);
    free(s);
}

/* ---- reading one text --------------------------------------------------------- */

/* The cue kinds (bits) found at token i: single-word cues, and phrases that
 * start here. */
static unsigned cues_at(const rb_scorer *s, const text_analysis *t, size_t i)
{
    uint32_t st = t->tokens[i].stem;
    if (st == STEM_NONE || st >= s->cue_mask_len)
        return 0;
    unsigned mask = s->cue_mask[st];
    if (!(mask & CUE_PHRASE_START))
        return mask;
    mask &= ~CUE_PHRASE_START;
    /* Phrases are sorted by first stem: find the run for this one. */
    size_t lo = 0, hi = s->nphrases;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (s->phrases[mid].stems[0] < st)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t p = lo; p < s->nphrases && s->phrases[p].stems[0] == st; p++) {
        const phrase *ph = &s->phrases[p];
        if (i + ph->n > t->ntokens)
            continue;
        unsigned m = 1;
        while (m < ph->n && t->tokens[i + m].stem == ph->stems[m])
            m++;
        if (m == ph->n)
            mask |= 1u << ph->kind;
    }
    return mask;
}

/* "organised", "delivered": past tense by form (not "need", "speed"). */
static bool ends_with_ed(const char *text, const text_token *tok)
{
    size_t n = tok->end - tok->start;
    return n > 4 && (text[tok->end - 2] | 32) == 'e' && (text[tok->end - 1] | 32) == 'd' &&
           (text[tok->end - 3] | 32) != 'e';
}


/* STAR elements, ownership, tense and specifics of one text. */
/* Reads one text into `r`, and marks in `hyp` (one per sentence) the
 * sentences about what the speaker would do rather than what they did:
 * those are not evidence of behaviour. */
static void read_text(const rb_scorer *s, const char *text, const text_analysis *t,
                      rb_reading *r, bool *hyp)
{
    for (size_t si = 0; si < t->nsentences; si++) {
        const text_sentence *se = &t->sentences[si];
        bool individual = false, past = false, would = false;
        for (size_t i = se->first_token; i < se->first_token + se->ntokens; i++) {
            const text_token *tok = &t->tokens[i];
            unsigned m = cues_at(s, t, i);
            if (m & (1u << CUE_SITUATION))
                r->star |= RB_STAR_SITUATION;
            if (m & (1u << CUE_TASK))
                r->star |= RB_STAR_TASK;
            if (m & (1u << CUE_ACTION))
                r->star |= RB_STAR_ACTION;
            if (m & (1u << CUE_RESULT))
                r->star |= RB_STAR_RESULT;
            if (m & (1u << CUE_INDIVIDUAL)) {
                r->individual++;
                individual = true;
            }
            if (m & (1u << CUE_COLLECTIVE))
                r->collective++;
            if (m & (1u << CUE_HYPOTHETICAL)) {
                r->hypothetical++;
                would = true;
            }
            bool p = (m & (1u << CUE_PAST)) || (!(tok->flags & TOKEN_NUMBER) &&
                                                 ends_with_ed(text, tok));
            if (p) {
                r->past++;
                past = true;
            }
            if ((tok->flags & TOKEN_NUMBER) ||
                ((tok->flags & TOKEN_CAPITAL) && !(tok->flags & TOKEN_SENT_START) &&
                 !(tok->end - tok->start == 1 && text[tok->start] == 'I')))
                r->specifics++;
        }
        hyp[si] = would && !past;
        /* Something the speaker did: "I" and a verb in the past. */
        if (individual && past)
            r->star |= RB_STAR_ACTION;
    }
}

/* ---- evidence ------------------------------------------------------------------ */

typedef struct evbuf {
    rb_evidence *items;
    size_t len, cap;
    bool failed;
} evbuf;

static void ev_push(evbuf *v, rb_evidence e)
{
    if (v->len == v->cap) {
        size_t ncap = v->cap ? v->cap * 2 : 32;
        rb_evidence *n = realloc(v->items, ncap * sizeof *n);
        if (!n) {
            v->failed = true;
            return;
        }
        v->items = n;
        v->cap = ncap;
    }
    v->items[v->len++] = e;
}

/* The sentence holding byte `off` (the last one past the end), or -1. */
static long sentence_at(const text_analysis *t, size_t off)
{
    size_t lo = 0, hi = t->nsentences;
    if (!hi)
        return -1;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (t->sentences[mid].end <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (long)(lo < t->nsentences ? lo : t->nsentences - 1);
}

/* Evidence in one text (answer or probe answer) for one competency. */
static void evidence_in(rb_scorer *s, const cinfo *ci, const char *text, size_t len,
                        const text_analysis *t, const bool *hyp, size_t answer, int part,
                        double min_strength, evbuf *out, unsigned *flags)
{
    /* Patterns first: an author's pattern is the strongest evidence. */
    bool ascii = true;
    for (size_t i = 0; i < len && ascii; i++)
        ascii = (unsigned char)text[i] < 0x80;
    for (size_t k = 0; k < ci->nb; k++) {
        const binfo *bi = &ci->bs[k];
        for (size_t x = 0; x < bi->npatterns; x++) {
            size_t from = 0, a, b;
            int rc, found = 0;
            while (found < MAX_MATCHES_PER_TEXT &&
                   (rc = regex_next(bi->patterns[x], text, len, ascii, from, &a, &b)) ==
                       REGEX_MATCH) {
                long si = sentence_at(t, a);
                const text_sentence *se = si >= 0 ? &t->sentences[si] : NULL;
                if (se && !hyp[si])
                    ev_push(out, (rb_evidence){ bi->b, bi->level, answer, part, se->start,
                                                se->end, 1.0, RB_EVIDENCE_PATTERN });
                found++;
                from = b > a ? b : a + 1;
                while (from < len && ((unsigned char)text[from] & 0xC0) == 0x80)
                    from++;
            }
            if (found < MAX_MATCHES_PER_TEXT && rc == REGEX_LIMIT)
                *flags |= RB_FLAG_PATTERN_LIMIT;
        }
    }
    /* Then the behaviour's own words, sentence by sentence (BM25). */
    /* Per-behaviour accumulators, kept zeroed between sentences. */
    double *score = s->acc_score;
    unsigned *matched = s->acc_matched;
    size_t *touched = s->acc_touched;
    uint32_t *stems = s->stems;
    size_t cap = s->stems_cap;
    for (size_t si = 0; si < t->nsentences; si++) {
        const text_sentence *se = &t->sentences[si];
        if (hyp[si])
            continue;
        if (se->ntokens > cap) {
            uint32_t *n = realloc(stems, se->ntokens * sizeof *stems);
            if (!n)
                break;
            stems = n;
            cap = se->ntokens;
        }
        size_t n = 0, length = 0;
        for (size_t i = 0; i < se->ntokens; i++) {
            uint32_t st = t->tokens[se->first_token + i].stem;
            if (st != STEM_NONE && !is_stop(s, st) && !single_letter(s->an, st))
                stems[n++] = st;
            length++;
        }
        if (n == 0)
            continue;
        for (size_t i = 1; i < n; i++) {  /* sentences are short */
            uint32_t v = stems[i];
            size_t j = i;
            while (j > 0 && stems[j - 1] > v) {
                stems[j] = stems[j - 1];
                j--;
            }
            stems[j] = v;
        }
        size_t ntouched = 0;
        double norm = BM25_K1 * (1.0 - BM25_B + BM25_B * (double)length / AVG_SENTENCE);
        for (size_t i = 0; i < n;) {
            size_t j = i;
            while (j < n && stems[j] == stems[i])
                j++;
            double tf = (double)(j - i);
            double g = tf * (BM25_K1 + 1.0) / (tf + norm);
            /* Find the postings of this stem. */
            size_t lo = 0, hi = ci->npostings;
            while (lo < hi) {
                size_t mid = (lo + hi) / 2;
                if (ci->postings[mid].stem < stems[i])
                    lo = mid + 1;
                else
                    hi = mid;
            }
            for (size_t p = lo; p < ci->npostings && ci->postings[p].stem == stems[i]; p++) {
                uint32_t bidx = ci->postings[p].behaviour;
                if (!matched[bidx])
                    touched[ntouched++] = bidx;
                score[bidx] += ci->postings[p].idf * g;
                matched[bidx]++;
            }
            i = j;
        }
        for (size_t t2 = 0; t2 < ntouched; t2++) {
            size_t k = touched[t2];
            const binfo *bi = &ci->bs[k];
            double sc = score[k];
            unsigned mt = matched[k];
            score[k] = 0;
            matched[k] = 0;
            if (bi->max_score <= 0)
                continue;
            /* Normalised: 1.0 when every word of the behaviour appears once
             * in a sentence of average length. */
            double strength = sc / (bi->max_score * (BM25_K1 + 1.0) / (1.0 + BM25_K1));
            if (strength > 1.0)
                strength = 1.0;
            /* One shared word is a coincidence, not evidence. */
            unsigned need = bi->nq >= 3 ? 2 : 1;
            if (mt >= need && strength >= min_strength)
                ev_push(out, (rb_evidence){ bi->b, bi->level, answer, part, se->start,
                                            se->end, floor(strength * 100 + 0.5) / 100,
                                            RB_EVIDENCE_WORDS });
        }
    }
    s->stems = stems;
    s->stems_cap = cap;
}

/* ---- estimates ------------------------------------------------------------------ */

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static int level_index(const rb_competency *c, int number)
{
    for (size_t i = 0; i < c->nlevels; i++)
        if (c->levels[i].number == number)
            return (int)i;
    return -1;
}

static int cmp_evidence(const void *a, const void *b)
{
    const rb_evidence *x = a, *y = b;
    if (x->level != y->level)
        return x->level < y->level ? -1 : 1;
    if (x->behaviour != y->behaviour)
        return x->behaviour < y->behaviour ? -1 : 1;
    if (x->answer != y->answer)
        return x->answer < y->answer ? -1 : 1;
    if (x->part != y->part)
        return x->part < y->part ? -1 : 1;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    /* Marks by the interviewer after quotes; patterns before words. */
    int kx = x->kind == RB_EVIDENCE_OBSERVED ? 2 : x->kind == RB_EVIDENCE_PATTERN ? 0 : 1;
    int ky = y->kind == RB_EVIDENCE_OBSERVED ? 2 : y->kind == RB_EVIDENCE_PATTERN ? 0 : 1;
    return (kx > ky) - (kx < ky);
}

typedef struct owned_sheet {
    rb_sheet sh;
    arena *arena;
} owned_sheet;

static const cinfo *comp_info(const rb_scorer *s, const rb_competency *c)
{
    for (size_t i = 0; i < s->ncomps; i++)
        if (s->comps[i].c == c)
            return &s->comps[i];
    return NULL;
}

static void estimate(rb_competency_result *r, const rb_reading *readings,
                     const rb_interview *iv, arena *a)
{
    const rb_competency *c = r->competency;
    const rb_scoring *sp = &c->scoring;
    rb_level_result *lv = arena_alloc(a, (c->nlevels + 1) * sizeof *lv);
    if (!lv)
        return;
    for (size_t l = 0; l < c->nlevels; l++) {
        lv[l].number = c->levels[l].number;
        for (size_t k = 0; k < c->levels[l].nbehaviours; k++) {
            const rb_behaviour *b = &c->levels[l].behaviours[k];
            lv[l].weight += b->weight;
            for (size_t e = 0; e < r->nevidence; e++)
                if (r->evidence[e].behaviour == b) {
                    lv[l].evidenced += b->weight;
                    break;
                }
        }
        lv[l].coverage = lv[l].weight > 0 ? lv[l].evidenced / lv[l].weight : 0;
        lv[l].coverage = floor(lv[l].coverage * 1000 + 0.5) / 1000;
        lv[l].credited = lv[l].coverage >= sp->coverage && lv[l].evidenced > 0;
    }
    r->levels = lv;
    r->nlevels = c->nlevels;

    /* The default policy: the highest credited level; failing that, the
     * level with the most coverage; nothing when there is too little. */
    int best = -1;
    for (size_t l = 0; l < c->nlevels; l++)
        if (lv[l].credited)
            best = (int)l;
    bool credited = best >= 0;
    if (!credited) {
        /* By evidenced weight, not coverage: a level with few behaviours
         * must not win on one stray match. Ties go to the lower level. */
        double most = 0;
        for (size_t l = 0; l < c->nlevels; l++)
            if (lv[l].evidenced > most) {
                most = lv[l].evidenced;
                best = (int)l;
            }
    }
    unsigned star_n = 0;
    for (unsigned m = r->star; m; m >>= 1)
        star_n += m & 1;
    if ((int)r->nevidence < sp->min_evidence || best < 0) {
        r->suggested = 0;
        r->confidence = 0;
    } else {
        r->suggested = lv[best].number;
        double amount = (double)r->nevidence / (2.0 * sp->min_evidence);
        if (amount > 1)
            amount = 1;
        double conf = 0.5 * lv[best].coverage + 0.3 * amount + 0.2 * star_n / 4.0;
        if (!credited)
            conf *= 0.6;
        r->confidence = floor(conf * 100 + 0.5) / 100;
    }

    /* The interviewers' ratings: the median, the lower one on a tie. */
    int ratings[RB_MAX_ANSWERS];
    size_t nr = 0;
    for (size_t i = 0; i < iv->nanswers; i++)
        if (iv->answers[i].competency == c && iv->answers[i].rating && nr < RB_MAX_ANSWERS)
            ratings[nr++] = iv->answers[i].rating;
    if (nr) {
        qsort(ratings, nr, sizeof *ratings, cmp_int);
        r->rating = ratings[(nr - 1) / 2];
    }
    r->final_level = r->rating ? r->rating : r->suggested;
    if (r->rating && r->suggested && abs(r->rating - r->suggested) >= 2)
        r->flags |= RB_FLAG_RATING_FAR;
    if (r->rating) {
        int li = level_index(c, r->rating);
        if (li < 0 || lv[li].evidenced <= 0)
            r->flags |= RB_FLAG_RATING_UNSUPPORTED;
    }
    unsigned individual = 0, collective = 0, past = 0, hyp = 0;
    for (size_t i = 0; i < iv->nanswers; i++) {
        if (iv->answers[i].competency != c)
            continue;
        if (!(readings[i].star & RB_STAR_RESULT))
            r->flags |= RB_FLAG_NO_RESULT;
        individual += readings[i].individual;
        collective += readings[i].collective;
        past += readings[i].past;
        hyp += readings[i].hypothetical;
    }
    if (hyp > past)
        r->flags |= RB_FLAG_HYPOTHETICAL;
    if (collective > 0 && individual == 0)
        r->flags |= RB_FLAG_COLLECTIVE;
}

/* A rubric's Lua scoring function replaces the default policy's level and
 * confidence; if it fails, the default stands and the sheet says why. */
static void apply_policy(const rb_library *lib, rb_competency_result *r, arena *a)
{
    policy_input in = { 0 };
    in.nlevels = r->nlevels;
    in.evidence_count = r->nevidence;
    in.star = r->star;
    in.rating = r->rating;
    in.suggested = r->suggested;
    in.confidence = r->confidence;
    for (size_t l = 0; l < r->nlevels && l < POLICY_MAX_LEVELS; l++) {
        in.levels[l].number = r->levels[l].number;
        in.levels[l].weight = r->levels[l].weight;
        in.levels[l].evidenced = r->levels[l].evidenced;
        in.levels[l].coverage = r->levels[l].coverage;
        in.levels[l].credited = r->levels[l].credited;
    }
    policy_output out = { 0 };
    char err[256];
    if (!policy_run(lib, r->competency, &in, &out, err, sizeof err)) {
        r->flags |= RB_FLAG_POLICY_ERROR;
        r->policy_note = arena_strdup(a, err);
        return;
    }
    r->suggested = out.level;
    r->confidence = out.confidence;
    if (out.note[0])
        r->policy_note = arena_strdup(a, out.note);
    r->final_level = r->rating ? r->rating : r->suggested;
    r->flags &= ~(unsigned)RB_FLAG_RATING_FAR;
    if (r->rating && r->suggested && abs(r->rating - r->suggested) >= 2)
        r->flags |= RB_FLAG_RATING_FAR;
}

rb_sheet *rb_score(rb_scorer *s, const rb_interview *iv, rb_diags *diags)
{
    owned_sheet *os = calloc(1, sizeof *os);
    arena *a = os ? arena_new() : NULL;
    if (!a) {
        free(os);
        rb_diags_add(diags, RB_ERROR, RB_DIAG_SYSTEM, iv->source, 0, 0, NULL,
                     "out of memory while scoring");
        return NULL;
    }
    os->arena = a;
    rb_sheet *sh = &os->sh;
    evbuf ev = { 0 };
    sh->interview = iv;
    sh->library = s->lib;
    rb_reading *readings = arena_alloc(a, (iv->nanswers + 1) * sizeof *readings);

    /* Which competencies: the role's needs in order, then any other
     * competency the answers are about. */
    const rb_role *role = iv->role;
    size_t maxr = (role ? role->nneeds : 0) + iv->nanswers;
    rb_competency_result *res = arena_alloc(a, (maxr + 1) * sizeof *res);
    if (!readings || !res)
        goto oom;
    size_t nres = 0;
    for (size_t i = 0; role && i < role->nneeds; i++) {
        res[nres].competency = role->needs[i].competency;
        res[nres].need = &role->needs[i];
        nres++;
    }
    for (size_t i = 0; i < iv->nanswers; i++) {
        bool seen = false;
        for (size_t k = 0; k < nres && !seen; k++)
            seen = res[k].competency == iv->answers[i].competency;
        if (!seen)
            res[nres++].competency = iv->answers[i].competency;
    }

    for (size_t r = 0; r < nres; r++) {
        rb_competency_result *cr = &res[r];
        const cinfo *ci = comp_info(s, cr->competency);
        size_t first = ev.len;
        for (size_t i = 0; i < iv->nanswers && ci; i++) {
            const rb_answer *an = &iv->answers[i];
            if (an->competency != cr->competency)
                continue;
            cr->nanswers++;
            rb_reading rd = { 0 };
            for (int part = -1; part < (int)an->nprobes; part++) {
                const char *text = part < 0 ? an->text : an->probes[part].text;
                size_t len = part < 0 ? an->len : an->probes[part].len;
                text_analysis *t = &s->scratch[1];
                if (!analyze_text(s->an, text, len, false, t))
                    goto oom;
                if (t->nsentences > s->hyp_cap) {
                    bool *nh = realloc(s->hyp, t->nsentences * sizeof *nh);
                    if (!nh)
                        goto oom;
                    s->hyp = nh;
                    s->hyp_cap = t->nsentences;
                }
                read_text(s, text, t, &rd, s->hyp);
                evidence_in(s, ci, text, len, t, s->hyp, i, part,
                            cr->competency->scoring.min_strength, &ev, &cr->flags);
            }
            for (size_t k = 0; k < an->nobserved; k++) {
                const rb_behaviour *b = an->observed[k];
                int level = 0;
                for (size_t x = 0; x < ci->nb; x++)
                    if (ci->bs[x].b == b)
                        level = ci->bs[x].level;
                ev_push(&ev, (rb_evidence){ b, level, i, -1, 0, 0, 1.0,
                                            RB_EVIDENCE_OBSERVED });
            }
            readings[i] = rd;
            cr->star |= rd.star;
        }
        if (ev.failed)
            goto oom;
        size_t n = ev.len - first;
        rb_evidence *mine = arena_alloc(a, (n + 1) * sizeof *mine);
        if (!mine)
            goto oom;
        if (n)
            memcpy(mine, ev.items + first, n * sizeof *mine);
        qsort(mine, n, sizeof *mine, cmp_evidence);
        /* One item per behaviour and sentence: keep the stronger. */
        size_t u = 0;
        for (size_t k = 0; k < n; k++) {
            if (u > 0 && mine[u - 1].behaviour == mine[k].behaviour &&
                mine[u - 1].answer == mine[k].answer && mine[u - 1].part == mine[k].part &&
                mine[u - 1].start == mine[k].start &&
                (mine[u - 1].kind == RB_EVIDENCE_OBSERVED) ==
                    (mine[k].kind == RB_EVIDENCE_OBSERVED)) {
                /* On equal strength the earlier (a pattern) stays. */
                if (mine[k].strength > mine[u - 1].strength)
                    mine[u - 1] = mine[k];
                continue;
            }
            mine[u++] = mine[k];
        }
        n = u;
        cr->evidence = mine;
        cr->nevidence = n;
        estimate(cr, readings, iv, a);
        if (cr->competency->scoring.kind == RB_SCORING_FUNCTION)
            apply_policy(s->lib, cr, a);
        if (cr->need) {
            cr->gap = cr->final_level - cr->need->target;
        }
    }
    free(ev.items);

    /* Role fit: each need's level against its target, weighted. */
    double wsum = 0, fsum = 0;
    for (size_t r = 0; r < nres; r++) {
        const rb_competency_result *cr = &res[r];
        if (!cr->need)
            continue;
        const rb_scale *sc = cr->competency->scale;
        int lowest = sc && sc->nlevels ? sc->levels[0].number : 1;
        double span = (double)(cr->need->target - lowest + 1);
        double got = cr->final_level ? (double)(cr->final_level - lowest + 1) : 0;
        double part = span > 0 ? got / span : 0;
        if (part > 1)
            part = 1;
        if (part < 0)
            part = 0;
        wsum += cr->need->weight;
        fsum += cr->need->weight * part;
        if (cr->final_level && cr->final_level >= cr->need->target)
            sh->strengths++;
        else
            sh->developments++;
    }
    sh->fit = wsum > 0 ? floor(fsum / wsum * 1000 + 0.5) / 1000 : 0;
    sh->results = res;
    sh->nresults = nres;
    sh->readings = readings;
    return sh;
oom:
    free(ev.items);
    arena_free(a);
    free(os);
    rb_diags_add(diags, RB_ERROR, RB_DIAG_SYSTEM, iv->source, 0, 0, NULL,
                 "out of memory while scoring");
    return NULL;
}

void rb_sheet_free(rb_sheet *sh)
{
    if (!sh)
        return;
    owned_sheet *os = (owned_sheet *)sh;
    arena_free(os->arena);
    free(os);
}

const char *rb_evidence_text(const rb_interview *iv, const rb_evidence *e, size_t *len)
{
    const rb_answer *an = &iv->answers[e->answer];
    if (e->part < 0) {
        *len = an->len;
        return an->text;
    }
    *len = an->probes[e->part].len;
    return an->probes[e->part].text;
}

/* A behaviour's key stems as a pattern: each stem cut back to what it
 * shares with the word it came from, so "company" (stem "compani") gives
 * "compan" and the pattern finds the word. */
static bool key_stems(const rb_scorer *s, const rb_behaviour *b, rb_buf *out)
{
    text_analysis t = { 0 };
    char seen[64][48];
    size_t nseen = 0;
    size_t mark = out->len;
    rb_buf_puts(out, "\\b(?:");
    for (size_t part = 0; part <= b->nterms; part++) {
        const char *text = part == 0 ? b->text : b->terms[part - 1];
        if (!analyze_text(s->an, text, strlen(text), false, &t))
            break;
        for (size_t i = 0; i < t.ntokens && nseen < 64; i++) {
            uint32_t st = t.tokens[i].stem;
            if (st == STEM_NONE || is_stop(s, st) || single_letter(s->an, st))
                continue;
            const char *stem = analyzer_stem_text(s->an, st);
            const char *w = text + t.tokens[i].start;
            size_t wl = t.tokens[i].end - t.tokens[i].start, k = 0;
            while (k < wl && stem[k] && k < 47) {
                char c = w[k] >= 'A' && w[k] <= 'Z' ? (char)(w[k] + 32) : w[k];
                if (c != stem[k])
                    break;
                k++;
            }
            if (k < 3) {  /* too little in common: the word itself */
                k = wl < 47 ? wl : 47;
                stem = NULL;
            }
            char key[48];
            for (size_t x = 0; x < k; x++) {
                char c = stem ? stem[x] : w[x];
                key[x] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
            }
            key[k] = '\0';
            bool dup = false;
            for (size_t x = 0; x < nseen && !dup; x++)
                dup = strcmp(seen[x], key) == 0;
            if (dup)
                continue;
            memcpy(seen[nseen++], key, k + 1);
            rb_buf_printf(out, "%s%s", nseen > 1 ? "|" : "", key);
        }
    }
    analysis_release(&t);
    if (nseen == 0) {
        out->len = mark;
        if (out->data)
            out->data[mark] = '\0';
        return false;
    }
    rb_buf_putc(out, ')');
    return true;
}

bool rb_scorer_patterns(const rb_scorer *s, rb_buf *out)
{
    for (size_t i = 0; i < s->ncomps; i++) {
        const cinfo *ci = &s->comps[i];
        for (size_t k = 0; k < ci->nb; k++) {
            const binfo *bi = &ci->bs[k];
            const rb_behaviour *b = bi->b;
            if (b->npatterns) {
                for (size_t x = 0; x < b->npatterns; x++)
                    rb_buf_printf(out, "%s(?:%s)", x ? "|" : "", b->patterns[x].source);
            } else if (!key_stems(s, b, out)) {
                continue;
            }
            rb_buf_putc(out, '\n');
        }
    }
    return rb_buf_ok(out);
}
