/*
 * The library's content hash: SHA-256 over a canonical serialisation of
 * every definition, ordered by id, without file names or line numbers, so
 * moving a definition between files or reformatting a file keeps the hash
 * and any change of wording changes it.
 */
#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/model_internal.h"

typedef struct sha256_ctx sha_ctx;

static void put_bytes(sha_ctx *h, const void *p, size_t n)
{
    sha256_update(h, n, p);
}

/* Length-prefixed, so field boundaries can never be confused. */
static void put_str(sha_ctx *h, const char *s)
{
    if (!s) {
        put_bytes(h, "\xff", 1);
        return;
    }
    char len[24];
    int n = snprintf(len, sizeof len, "%zu:", strlen(s));
    put_bytes(h, len, (size_t)n);
    put_bytes(h, s, strlen(s));
}

static void put_num(sha_ctx *h, double v)
{
    char num[40];
    int n = snprintf(num, sizeof num, "%.17g;", v);
    put_bytes(h, num, (size_t)n);
}

static void put_questions(sha_ctx *h, const rb_question *qs, size_t n)
{
    put_num(h, (double)n);
    for (size_t i = 0; i < n; i++) {
        put_str(h, qs[i].id);
        put_str(h, qs[i].text);
        put_num(h, (double)qs[i].nprobes);
        for (size_t k = 0; k < qs[i].nprobes; k++) {
            put_str(h, qs[i].probes[k].id);
            put_str(h, qs[i].probes[k].text);
        }
    }
}

static int cmp_id(const void *a, const void *b)
{
    /* Every model struct hashed here starts with its id. */
    const char *const *x = *(const void *const *)a;
    const char *const *y = *(const void *const *)b;
    return strcmp(*x, *y);
}

static const void **sorted(const ptrvec *v)
{
    const void **p = malloc((v->len + 1) * sizeof(void *));
    if (!p)
        return NULL;
    if (v->len)
        memcpy(p, v->items, v->len * sizeof(void *));
    qsort(p, v->len, sizeof(void *), cmp_id);
    return p;
}

bool lib_compute_hash(rb_library *lib)
{
    sha_ctx h;
    sha256_init(&h);
    put_str(&h, "rubric.library/1");  /* the serialisation's own version */
    const void **p;

    if (!(p = sorted(&lib->scales)))
        return false;
    {
        put_num(&h, (double)lib->scales.len);
        for (size_t i = 0; i < lib->scales.len; i++) {
            const rb_scale *s = p[i];
            put_str(&h, s->id); put_str(&h, s->title); put_str(&h, s->description);
            put_num(&h, (double)s->nlevels);
            for (size_t l = 0; l < s->nlevels; l++) {
                put_num(&h, s->levels[l].number);
                put_str(&h, s->levels[l].name);
                put_str(&h, s->levels[l].descriptor);
            }
        }
        free(p);
    }
    if (!(p = sorted(&lib->competencies)))
        return false;
    {
        put_num(&h, (double)lib->competencies.len);
        for (size_t i = 0; i < lib->competencies.len; i++) {
            const comp_def *cd = p[i];
            const rb_competency *c = &cd->c;
            put_str(&h, c->id); put_str(&h, c->title); put_str(&h, c->definition);
            put_str(&h, c->scale ? c->scale->id : NULL);
            /* Parameters count by value: leaving scoring out and writing
             * the defaults are the same thing. */
            put_num(&h, c->scoring.kind == RB_SCORING_FUNCTION);
            put_num(&h, c->scoring.coverage);
            put_num(&h, c->scoring.min_evidence);
            put_num(&h, c->scoring.min_strength);
            put_str(&h, cd->hook_code);
            put_num(&h, (double)c->nlevels);
            for (size_t l = 0; l < c->nlevels; l++) {
                const rb_level *lv = &c->levels[l];
                put_num(&h, lv->number);
                put_str(&h, lv->summary);
                put_num(&h, (double)lv->nbehaviours);
                for (size_t k = 0; k < lv->nbehaviours; k++) {
                    const rb_behaviour *b = &lv->behaviours[k];
                    put_str(&h, b->id); put_str(&h, b->text); put_num(&h, b->weight);
                    put_num(&h, (double)b->npatterns);
                    for (size_t x = 0; x < b->npatterns; x++)
                        put_str(&h, b->patterns[x].source);
                    put_num(&h, (double)b->nterms);
                    for (size_t x = 0; x < b->nterms; x++)
                        put_str(&h, b->terms[x]);
                }
                put_questions(&h, lv->questions, lv->nquestions);
            }
        }
        free(p);
    }
    if (!(p = sorted(&lib->roles)))
        return false;
    {
        put_num(&h, (double)lib->roles.len);
        for (size_t i = 0; i < lib->roles.len; i++) {
            const rb_role *r = p[i];
            put_str(&h, r->id); put_str(&h, r->title); put_str(&h, r->description);
            put_num(&h, r->minutes);
            put_num(&h, (double)r->nneeds);
            for (size_t k = 0; k < r->nneeds; k++) {
                put_str(&h, r->needs[k].competency->id);
                put_num(&h, r->needs[k].target);
                put_num(&h, r->needs[k].weight);
            }
        }
        free(p);
    }
    if (!(p = sorted(&lib->banks)))
        return false;
    {
        put_num(&h, (double)lib->banks.len);
        for (size_t i = 0; i < lib->banks.len; i++) {
            const rb_bank *k = p[i];
            put_str(&h, k->id); put_str(&h, k->title); put_str(&h, k->description);
            put_questions(&h, k->questions, k->nquestions);
            put_num(&h, (double)k->noptions);
            for (size_t o = 0; o < k->noptions; o++) {
                put_str(&h, k->options[o].id);
                put_str(&h, k->options[o].title);
                put_str(&h, k->options[o].description);
            }
        }
        free(p);
    }
    /* Cues change how answers are read, so they are content. Examples only
     * test the library and are left out; so are discussion processes, which
     * say how a conversation runs, not what a level means: a process can be
     * revised without making assessments, plans and sheets look stale. */
    const rb_cues *cu = lib->cues;
    const rb_cue_list *lists[] = {
        cu ? &cu->situation : NULL, cu ? &cu->task : NULL, cu ? &cu->action : NULL,
        cu ? &cu->result : NULL, cu ? &cu->individual : NULL,
        cu ? &cu->collective : NULL, cu ? &cu->past : NULL,
        cu ? &cu->hypothetical : NULL, cu ? &cu->stop_words : NULL,
    };
    put_num(&h, cu != NULL);
    for (size_t i = 0; cu && i < sizeof lists / sizeof *lists; i++) {
        put_num(&h, (double)lists[i]->n);
        for (size_t k = 0; k < lists[i]->n; k++)
            put_str(&h, lists[i]->items[k]);
    }
    uint8_t digest[SHA256_DIGEST_SIZE];
    sha256_digest(&h, sizeof digest, digest);
    memcpy(lib->hash, "sha256:", 7);
    for (size_t i = 0; i < sizeof digest; i++)
        snprintf(lib->hash + 7 + 2 * i, 3, "%02x", digest[i]);
    return true;
}
