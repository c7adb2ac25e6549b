/*
 * lib_finish: what can only be checked once every file has run —
 * references between definitions, levels against scales, and unique ids.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/model_internal.h"

/* Room for one more problem? When the list is full, one last entry says
 * so; everything after is only counted as an error. */
static bool room(rb_diags *d)
{
    size_t n = rb_diags_count(d);
    if (n + 1 < RB_MAX_DIAGNOSTICS)
        return true;
    if (n + 1 == RB_MAX_DIAGNOSTICS)
        rb_diags_add(d, RB_ERROR, RB_DIAG_INPUT, NULL, 0, 0, NULL,
                     "too many problems (%d); fix these and check again",
                     RB_MAX_DIAGNOSTICS);
    return false;
}

static void error_at(rb_diags *d, rb_loc loc, const char *detail, const char *msg)
{
    if (room(d))
        rb_diags_add(d, RB_ERROR, RB_DIAG_INPUT, loc.file, loc.line, 0, detail, "%s", msg);
}

static void warning_at(rb_diags *d, rb_loc loc, const char *msg)
{
    if (room(d))
        rb_diags_add(d, RB_WARNING, RB_DIAG_INPUT, loc.file, loc.line, 0, NULL, "%s", msg);
}

/* An id made from a position ("bank.q3"): it names another question as
 * soon as one is added before it. */
static bool positional_question_id(const char *id)
{
    const char *dot = strrchr(id, '.');
    if (!dot || dot[1] != 'q' || !dot[2])
        return false;
    for (const char *p = dot + 2; *p; p++)
        if (*p < '0' || *p > '9')
            return false;
    return true;
}

/* A "did you mean 'x'?" tail, or "" — written into `out`. */
static void suggestion(const char *word, const char **cands, size_t n,
                       char *out, size_t outsize)
{
    const char *best = closest_word(word, cands, n);
    if (best)
        snprintf(out, outsize, " (did you mean '%s'?)", best);
    else
        out[0] = '\0';
}

static const rb_scale *find_scale(rb_library *lib, const char *id)
{
    for (size_t i = 0; i < lib->scales.len; i++) {
        const rb_scale *s = lib->scales.items[i];
        if (strcmp(s->id, id) == 0)
            return s;
    }
    return NULL;
}

static const comp_def *find_comp(rb_library *lib, const char *id)
{
    for (size_t i = 0; i < lib->competencies.len; i++) {
        const comp_def *c = lib->competencies.items[i];
        if (strcmp(c->c.id, id) == 0)
            return c;
    }
    return NULL;
}

static void describe_levels(const rb_scale *s, char *out, size_t outsize)
{
    if (s->nlevels == 0)
        snprintf(out, outsize, "no levels");
    else if (s->nlevels == 1)
        snprintf(out, outsize, "only level %d", s->levels[0].number);
    else
        snprintf(out, outsize, "levels %d to %d", s->levels[0].number,
                 s->levels[s->nlevels - 1].number);
}

static const char **ids_of(rb_library *lib, ptrvec *v, size_t offset)
{
    const char **ids = arena_alloc(lib->arena, (v->len + 1) * sizeof(char *));
    if (!ids)
        return NULL;
    for (size_t i = 0; i < v->len; i++)
        ids[i] = *(const char *const *)((const char *)v->items[i] + offset);
    return ids;
}

/* Resolve a competency's scale and put its levels in scale order. */
static bool resolve_competency(rb_library *lib, comp_def *cd, const char **scale_ids,
                               rb_diags *d)
{
    rb_competency *c = &cd->c;
    char msg[512], hint[128];
    if (!cd->scale_id)
        return true;  /* already reported by the loader */
    const rb_scale *s = find_scale(lib, cd->scale_id);
    if (!s) {
        suggestion(cd->scale_id, scale_ids, lib->scales.len, hint, sizeof hint);
        snprintf(msg, sizeof msg, "competency '%s' uses unknown scale '%s'%s",
                 c->id, cd->scale_id, hint);
        error_at(d, c->loc, NULL, msg);
        return false;
    }
    c->scale = s;
    bool ok = true;
    char range[64];
    describe_levels(s, range, sizeof range);
    for (size_t i = 0; i < c->nlevels; i++) {
        if (!rb_scale_level_of(s, c->levels[i].number)) {
            snprintf(msg, sizeof msg,
                     "level %d of competency '%s' is not on scale '%s' (%s)",
                     c->levels[i].number, c->id, s->id, range);
            error_at(d, c->levels[i].loc, NULL, msg);
            ok = false;
        }
    }
    /* A competency with no levels at all was reported when it was read. */
    if (c->nlevels == 0)
        return false;
    for (size_t i = 0; i < s->nlevels; i++) {
        if (!rb_competency_level(c, s->levels[i].number)) {
            snprintf(msg, sizeof msg,
                     "competency '%s' has no level %d (scale '%s' has %s); "
                     "add level(%d) { ... }",
                     c->id, s->levels[i].number, s->id, range, s->levels[i].number);
            error_at(d, c->loc, NULL, msg);
            ok = false;
        }
    }
    if (!ok)
        return false;
    rb_level *sorted = arena_alloc(lib->arena, s->nlevels * sizeof(rb_level));
    if (!sorted)
        return false;
    for (size_t i = 0; i < s->nlevels; i++)
        sorted[i] = *rb_competency_level(c, s->levels[i].number);
    c->levels = sorted;
    c->nlevels = s->nlevels;
    return true;
}

static bool resolve_role(rb_library *lib, role_def *rd, const char **comp_ids,
                         rb_diags *d)
{
    char msg[512], hint[128];
    bool ok = true;
    rb_need *needs = arena_alloc(lib->arena, (rd->nneeds + 1) * sizeof(rb_need));
    if (!needs)
        return false;
    size_t n = 0;
    for (size_t i = 0; i < rd->nneeds; i++) {
        const need_def *nd = &rd->needs[i];
        if (!nd->competency_id)
            continue;
        const comp_def *cd = find_comp(lib, nd->competency_id);
        if (!cd) {
            suggestion(nd->competency_id, comp_ids, lib->competencies.len, hint,
                       sizeof hint);
            snprintf(msg, sizeof msg, "role '%s' needs unknown competency '%s'%s",
                     rd->r.id, nd->competency_id, hint);
            error_at(d, nd->loc, NULL, msg);
            ok = false;
            continue;
        }
        for (size_t j = 0; j < i; j++) {
            if (rd->needs[j].competency_id &&
                strcmp(rd->needs[j].competency_id, nd->competency_id) == 0) {
                snprintf(msg, sizeof msg,
                         "role '%s' needs competency '%s' twice (also at line %d)",
                         rd->r.id, nd->competency_id, rd->needs[j].loc.line);
                error_at(d, nd->loc, NULL, msg);
                ok = false;
            }
        }
        const rb_scale *s = cd->c.scale;
        if (s && nd->has_target && !rb_scale_level_of(s, nd->target)) {
            char range[64];
            describe_levels(s, range, sizeof range);
            snprintf(msg, sizeof msg,
                     "target level %d for '%s' is outside scale '%s' (%s)",
                     nd->target, cd->c.id, s->id, range);
            error_at(d, nd->loc, NULL, msg);
            ok = false;
        }
        needs[n++] = (rb_need){ &cd->c, nd->target, nd->weight, nd->loc };
    }
    rd->r.needs = needs;
    rd->r.nneeds = n;
    return ok;
}

static void resolve_example(rb_library *lib, example_def *ed, const char **comp_ids,
                            rb_diags *d)
{
    char msg[512], hint[128];
    if (!ed->competency_id)
        return;
    const comp_def *cd = find_comp(lib, ed->competency_id);
    if (!cd) {
        suggestion(ed->competency_id, comp_ids, lib->competencies.len, hint, sizeof hint);
        snprintf(msg, sizeof msg, "examples for unknown competency '%s'%s",
                 ed->competency_id, hint);
        error_at(d, ed->e.loc, NULL, msg);
        return;
    }
    ed->e.competency = &cd->c;
    const rb_scale *s = cd->c.scale;
    if (s && !rb_scale_level_of(s, ed->e.level)) {
        char range[64];
        describe_levels(s, range, sizeof range);
        snprintf(msg, sizeof msg, "example level %d for '%s' is outside scale '%s' (%s)",
                 ed->e.level, cd->c.id, s->id, range);
        error_at(d, ed->e.loc, NULL, msg);
    }
}

/* The bank items a step draws on: banks, bank questions or growth options,
 * looked up in the finished index. */
static void resolve_process(rb_library *lib, process_def *pd, const char **cands,
                            size_t ncands, rb_diags *d)
{
    char msg[512], hint[128];
    for (size_t i = 0; i < pd->p.nsteps; i++) {
        rb_step *st = &pd->steps[i];
        const step_refs *refs = &pd->refs[i];
        rb_item *items = arena_alloc(lib->arena, (refs->n + 1) * sizeof *items);
        if (!items)
            return;
        size_t n = 0;
        for (size_t k = 0; k < refs->n; k++) {
            const char *id = refs->ids[k];
            rb_item item;
            if (!rb_library_find(lib, id, &item)) {
                suggestion(id, cands, ncands, hint, sizeof hint);
                snprintf(msg, sizeof msg, "step '%s' uses unknown bank or bank item '%s'%s",
                         st->id, id, hint);
                error_at(d, st->loc, NULL, msg);
                continue;
            }
            if (item.kind != RB_KIND_BANK && item.kind != RB_KIND_OPTION &&
                !(item.kind == RB_KIND_QUESTION && item.bank)) {
                snprintf(msg, sizeof msg, "step '%s' lists '%s' under banks, but it is a %s; "
                         "list banks, bank questions or growth options", st->id, id,
                         rb_kind_name(item.kind));
                error_at(d, st->loc, NULL, msg);
                continue;
            }
            if (item.kind == RB_KIND_QUESTION && positional_question_id(id)) {
                snprintf(msg, sizeof msg, "step '%s' names bank question '%s' by its place in "
                         "the bank, which changes when a question is added before it: give "
                         "the question an id (question \"...\" { id = \"...\" }) and use that",
                         st->id, id);
                warning_at(d, st->loc, msg);
            }
            bool twice = false;
            for (size_t j = 0; j < n && !twice; j++)
                twice = items[j].ptr == item.ptr;
            if (twice) {
                snprintf(msg, sizeof msg, "step '%s' lists '%s' twice under banks", st->id,
                         id);
                error_at(d, st->loc, NULL, msg);
                continue;
            }
            items[n++] = item;
        }
        st->bank_items = items;
        st->nbank_items = n;
    }
}

/* Ids a step may name under banks, for "did you mean". */
static const char **bank_item_ids(rb_library *lib, size_t *n)
{
    size_t total = 0;
    for (size_t i = 0; i < lib->banks.len; i++) {
        const rb_bank *k = lib->banks.items[i];
        total += 1 + k->nquestions + k->noptions;
    }
    const char **ids = arena_alloc(lib->arena, (total + 1) * sizeof *ids);
    *n = 0;
    for (size_t i = 0; ids && i < lib->banks.len; i++) {
        const rb_bank *k = lib->banks.items[i];
        ids[(*n)++] = k->id;
        for (size_t q = 0; q < k->nquestions; q++)
            ids[(*n)++] = k->questions[q].id;
        for (size_t o = 0; o < k->noptions; o++)
            ids[(*n)++] = k->options[o].id;
    }
    return ids;
}

/* ---- the id index ------------------------------------------------------ */

struct index_builder {
    rb_library *lib;
    const char *last_file;  /* ids come in runs from one file: cache its rank */
    size_t last_rank;
    struct index_entry *items;
    size_t len, cap;
    bool failed;
};

static void add_id(struct index_builder *b, const char *id, rb_item item, rb_loc loc)
{
    if (b->failed || !id)
        return;
    if (b->len == b->cap) {
        size_t ncap = b->cap ? b->cap * 2 : 256;
        struct index_entry *n = realloc(b->items, ncap * sizeof(*n));
        if (!n) {
            b->failed = true;
            return;
        }
        b->items = n;
        b->cap = ncap;
    }
    if (loc.file != b->last_file) {
        b->last_file = loc.file;
        b->last_rank = lib_file_rank(b->lib, loc.file);
    }
    b->items[b->len++] = (struct index_entry){ id, item, loc, b->last_rank };
}

static int cmp_index(const void *pa, const void *pb)
{
    const struct index_entry *a = pa, *b = pb;
    int c = strcmp(a->id, b->id);
    if (c)
        return c;
    if (a->file_rank != b->file_rank)
        return a->file_rank < b->file_rank ? -1 : 1;
    return (a->loc.line > b->loc.line) - (a->loc.line < b->loc.line);
}

static void index_questions(struct index_builder *b, const rb_question *qs, size_t n,
                            const rb_competency *c, const rb_level *lv,
                            const rb_bank *bank)
{
    for (size_t i = 0; i < n; i++) {
        const rb_question *q = &qs[i];
        add_id(b, q->id, (rb_item){ RB_KIND_QUESTION, q, c, lv, bank, NULL }, q->loc);
        for (size_t k = 0; k < q->nprobes; k++)
            add_id(b, q->probes[k].id,
                   (rb_item){ RB_KIND_PROBE, &q->probes[k], c, lv, bank, NULL }, q->loc);
    }
}

static bool build_index(rb_library *lib, rb_diags *d)
{
    struct index_builder b = { .lib = lib };
    for (size_t i = 0; i < lib->scales.len; i++) {
        const rb_scale *s = lib->scales.items[i];
        add_id(&b, s->id, (rb_item){ RB_KIND_SCALE, s, NULL, NULL, NULL, NULL }, s->loc);
    }
    for (size_t i = 0; i < lib->competencies.len; i++) {
        const rb_competency *c = lib->competencies.items[i];
        add_id(&b, c->id, (rb_item){ RB_KIND_COMPETENCY, c, NULL, NULL, NULL, NULL }, c->loc);
        for (size_t l = 0; l < c->nlevels; l++) {
            const rb_level *lv = &c->levels[l];
            for (size_t k = 0; k < lv->nbehaviours; k++)
                add_id(&b, lv->behaviours[k].id,
                       (rb_item){ RB_KIND_BEHAVIOUR, &lv->behaviours[k], c, lv, NULL, NULL },
                       lv->behaviours[k].loc);
            index_questions(&b, lv->questions, lv->nquestions, c, lv, NULL);
        }
    }
    for (size_t i = 0; i < lib->roles.len; i++) {
        const rb_role *r = lib->roles.items[i];
        add_id(&b, r->id, (rb_item){ RB_KIND_ROLE, r, NULL, NULL, NULL, NULL }, r->loc);
    }
    for (size_t i = 0; i < lib->processes.len; i++) {
        const rb_process *p = lib->processes.items[i];
        add_id(&b, p->id, (rb_item){ RB_KIND_PROCESS, p, NULL, NULL, NULL, NULL }, p->loc);
        for (size_t k = 0; k < p->nsteps; k++)
            add_id(&b, p->steps[k].id,
                   (rb_item){ RB_KIND_STEP, &p->steps[k], NULL, NULL, NULL, p },
                   p->steps[k].loc);
    }
    for (size_t i = 0; i < lib->banks.len; i++) {
        const rb_bank *k = lib->banks.items[i];
        add_id(&b, k->id, (rb_item){ RB_KIND_BANK, k, NULL, NULL, NULL, NULL }, k->loc);
        index_questions(&b, k->questions, k->nquestions, NULL, NULL, k);
        for (size_t o = 0; o < k->noptions; o++)
            add_id(&b, k->options[o].id,
                   (rb_item){ RB_KIND_OPTION, &k->options[o], NULL, NULL, k, NULL },
                   k->options[o].loc);
    }
    if (b.failed) {
        free(b.items);
        rb_diags_add(d, RB_ERROR, RB_DIAG_SYSTEM, NULL, 0, 0, NULL,
                     "out of memory while indexing the library");
        return false;
    }
    if (b.len)
        qsort(b.items, b.len, sizeof(*b.items), cmp_index);
    bool ok = true;
    size_t out = 0;
    const void *dup_owners[16];  /* duplicated competencies and banks */
    size_t ndup_owners = 0;
    for (size_t i = 0; i < b.len; i++) {
        if (out > 0 && strcmp(b.items[out - 1].id, b.items[i].id) == 0) {
            const struct index_entry *first = &b.items[out - 1], *dup = &b.items[i];
            /* The ids inside a duplicated competency, bank or process repeat too;
             * one message for the duplicate is enough. */
            const void *owner = dup->item.competency ? (const void *)dup->item.competency
                                : dup->item.bank     ? (const void *)dup->item.bank
                                                     : (const void *)dup->item.process;
            bool inside_dup = false;
            for (size_t k = 0; k < ndup_owners && owner; k++)
                inside_dup |= dup_owners[k] == owner;
            ok = false;
            if (inside_dup)
                continue;
            if ((dup->item.kind == RB_KIND_COMPETENCY || dup->item.kind == RB_KIND_BANK ||
                 dup->item.kind == RB_KIND_PROCESS) &&
                ndup_owners < 16)
                dup_owners[ndup_owners++] = dup->item.ptr;
            if (!room(d))
                continue;
            rb_diags_add(d, RB_ERROR, RB_DIAG_INPUT, dup->loc.file, dup->loc.line, 0,
                         NULL, "duplicate id '%s': the %s at %s:%d already has it; "
                         "give one of them another id",
                         dup->id, rb_kind_name(first->item.kind), first->loc.file,
                         first->loc.line);
            ok = false;
            continue;
        }
        b.items[out++] = b.items[i];
    }
    lib->index = b.items;
    lib->nindex = out;
    return ok;
}

bool lib_finish(rb_library *lib, rb_diags *d)
{
    size_t before = rb_diags_errors(d);
    const char **scale_ids = ids_of(lib, &lib->scales, offsetof(rb_scale, id));
    const char **comp_ids = ids_of(lib, &lib->competencies,
                                   offsetof(comp_def, c) + offsetof(rb_competency, id));
    if (!scale_ids || !comp_ids) {
        rb_diags_add(d, RB_ERROR, RB_DIAG_SYSTEM, NULL, 0, 0, NULL,
                     "out of memory while checking the library");
        return false;
    }
    for (size_t i = 0; i < lib->competencies.len; i++) {
        comp_def *cd = lib->competencies.items[i];
        resolve_competency(lib, cd, scale_ids, d);
        if (cd->c.scoring.kind == RB_SCORING_FUNCTION)
            lib->has_hooks = true;
    }
    for (size_t i = 0; i < lib->roles.len; i++)
        resolve_role(lib, lib->roles.items[i], comp_ids, d);
    for (size_t i = 0; i < lib->examples.len; i++)
        resolve_example(lib, lib->examples.items[i], comp_ids, d);
    if (build_index(lib, d) && lib->processes.len) {
        size_t ncands = 0;
        const char **cands = bank_item_ids(lib, &ncands);
        if (!cands) {
            rb_diags_add(d, RB_ERROR, RB_DIAG_SYSTEM, NULL, 0, 0, NULL,
                         "out of memory while checking the library");
            return false;
        }
        for (size_t i = 0; i < lib->processes.len; i++)
            resolve_process(lib, lib->processes.items[i], cands, ncands, d);
    }
    if (rb_diags_errors(d) != before)
        return false;
    if (!lib_compute_hash(lib)) {
        rb_diags_add(d, RB_ERROR, RB_DIAG_SYSTEM, NULL, 0, 0, NULL,
                     "out of memory while hashing the library");
        return false;
    }
    return true;
}
