/*
 * The library as JSON (rubric.library/1, rubric.item/1, rubric.list/1).
 * The only module, with json_diag.c, that includes cJSON.h.
 */
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "rubric/json.h"

/* cJSON reports allocation failure by returning NULL from constructors and
 * false from adders; we track it once per document. */
typedef struct doc {
    bool failed;
} doc;

static cJSON *obj(doc *d)
{
    cJSON *o = cJSON_CreateObject();
    if (!o)
        d->failed = true;
    return o;
}

static cJSON *arr(doc *d)
{
    cJSON *a = cJSON_CreateArray();
    if (!a)
        d->failed = true;
    return a;
}

static void put(doc *d, cJSON *o, const char *key, cJSON *v)
{
    if (!o || !v || !cJSON_AddItemToObject(o, key, v)) {
        cJSON_Delete(v);
        d->failed = true;
    }
}

static void push(doc *d, cJSON *a, cJSON *v)
{
    if (!a || !v || !cJSON_AddItemToArray(a, v)) {
        cJSON_Delete(v);
        d->failed = true;
    }
}

static void put_str(doc *d, cJSON *o, const char *key, const char *s)
{
    put(d, o, key, s ? cJSON_CreateString(s) : cJSON_CreateNull());
}

static void put_num(doc *d, cJSON *o, const char *key, double v)
{
    put(d, o, key, cJSON_CreateNumber(v));
}

static cJSON *loc_json(doc *d, rb_loc loc)
{
    cJSON *o = obj(d);
    put_str(d, o, "file", loc.file);
    put_num(d, o, "line", loc.line);
    return o;
}

static cJSON *questions_json(doc *d, const rb_question *qs, size_t n)
{
    cJSON *a = arr(d);
    for (size_t i = 0; i < n; i++) {
        cJSON *q = obj(d);
        put_str(d, q, "id", qs[i].id);
        put_str(d, q, "text", qs[i].text);
        cJSON *probes = arr(d);
        for (size_t k = 0; k < qs[i].nprobes; k++) {
            cJSON *p = obj(d);
            put_str(d, p, "id", qs[i].probes[k].id);
            put_str(d, p, "text", qs[i].probes[k].text);
            push(d, probes, p);
        }
        put(d, q, "probes", probes);
        put(d, q, "source", loc_json(d, qs[i].loc));
        push(d, a, q);
    }
    return a;
}

static cJSON *scale_json(doc *d, const rb_scale *s)
{
    cJSON *o = obj(d);
    put_str(d, o, "id", s->id);
    put_str(d, o, "title", s->title);
    put_str(d, o, "description", s->description);
    cJSON *levels = arr(d);
    for (size_t i = 0; i < s->nlevels; i++) {
        cJSON *l = obj(d);
        put_num(d, l, "number", s->levels[i].number);
        put_str(d, l, "name", s->levels[i].name);
        put_str(d, l, "descriptor", s->levels[i].descriptor);
        push(d, levels, l);
    }
    put(d, o, "levels", levels);
    put(d, o, "source", loc_json(d, s->loc));
    return o;
}

static const char *scoring_kind(rb_scoring_kind k)
{
    switch (k) {
    case RB_SCORING_PARAMETERS: return "parameters";
    case RB_SCORING_FUNCTION: return "function";
    case RB_SCORING_DEFAULT: break;
    }
    return "default";
}

static cJSON *competency_json(doc *d, const rb_competency *c)
{
    cJSON *o = obj(d);
    put_str(d, o, "id", c->id);
    put_str(d, o, "title", c->title);
    put_str(d, o, "definition", c->definition);
    put_str(d, o, "scale", c->scale ? c->scale->id : NULL);
    cJSON *sc = obj(d);
    put_str(d, sc, "kind", scoring_kind(c->scoring.kind));
    put_num(d, sc, "coverage", c->scoring.coverage);
    put_num(d, sc, "min_evidence", c->scoring.min_evidence);
    put_num(d, sc, "min_strength", c->scoring.min_strength);
    if (c->scoring.kind == RB_SCORING_FUNCTION && c->scoring.function_text) {
        cJSON *fn = obj(d);
        put_str(d, fn, "file", c->scoring.loc.file);
        put_num(d, fn, "line", c->scoring.loc.line);
        put_str(d, fn, "text", c->scoring.function_text);
        put(d, sc, "function", fn);
    } else {
        put(d, sc, "function", cJSON_CreateNull());
    }
    put(d, o, "scoring", sc);
    cJSON *levels = arr(d);
    for (size_t i = 0; i < c->nlevels; i++) {
        const rb_level *lv = &c->levels[i];
        cJSON *l = obj(d);
        put_num(d, l, "number", lv->number);
        put_str(d, l, "summary", lv->summary);
        cJSON *bs = arr(d);
        for (size_t k = 0; k < lv->nbehaviours; k++) {
            const rb_behaviour *b = &lv->behaviours[k];
            cJSON *bj = obj(d);
            put_str(d, bj, "id", b->id);
            put_str(d, bj, "text", b->text);
            put_num(d, bj, "weight", b->weight);
            cJSON *ev = arr(d);
            for (size_t x = 0; x < b->npatterns; x++)
                push(d, ev, cJSON_CreateString(b->patterns[x].source));
            put(d, bj, "evidence", ev);
            cJSON *terms = arr(d);
            for (size_t x = 0; x < b->nterms; x++)
                push(d, terms, cJSON_CreateString(b->terms[x]));
            put(d, bj, "terms", terms);
            put(d, bj, "source", loc_json(d, b->loc));
            push(d, bs, bj);
        }
        put(d, l, "behaviours", bs);
        put(d, l, "questions", questions_json(d, lv->questions, lv->nquestions));
        put(d, l, "source", loc_json(d, lv->loc));
        push(d, levels, l);
    }
    put(d, o, "levels", levels);
    put(d, o, "source", loc_json(d, c->loc));
    return o;
}

static cJSON *role_json(doc *d, const rb_role *r)
{
    cJSON *o = obj(d);
    put_str(d, o, "id", r->id);
    put_str(d, o, "title", r->title);
    put_str(d, o, "description", r->description);
    put_num(d, o, "minutes", r->minutes);
    cJSON *needs = arr(d);
    for (size_t i = 0; i < r->nneeds; i++) {
        cJSON *n = obj(d);
        put_str(d, n, "competency", r->needs[i].competency->id);
        put_num(d, n, "target", r->needs[i].target);
        put_num(d, n, "weight", r->needs[i].weight);
        push(d, needs, n);
    }
    put(d, o, "needs", needs);
    put(d, o, "source", loc_json(d, r->loc));
    return o;
}

static cJSON *bank_json(doc *d, const rb_bank *b)
{
    cJSON *o = obj(d);
    put_str(d, o, "id", b->id);
    put_str(d, o, "title", b->title);
    put_str(d, o, "description", b->description);
    put(d, o, "questions", questions_json(d, b->questions, b->nquestions));
    cJSON *opts = arr(d);
    for (size_t i = 0; i < b->noptions; i++) {
        cJSON *op = obj(d);
        put_str(d, op, "id", b->options[i].id);
        put_str(d, op, "title", b->options[i].title);
        put_str(d, op, "description", b->options[i].description);
        push(d, opts, op);
    }
    put(d, o, "options", opts);
    put(d, o, "source", loc_json(d, b->loc));
    return o;
}

static cJSON *texts_json(doc *d, const char *const *items, size_t n)
{
    cJSON *a = arr(d);
    for (size_t i = 0; i < n; i++)
        push(d, a, cJSON_CreateString(items[i]));
    return a;
}

/* The id a step names under banks. */
static const char *bank_item_id(const rb_item *it)
{
    switch (it->kind) {
    case RB_KIND_BANK: return ((const rb_bank *)it->ptr)->id;
    case RB_KIND_QUESTION: return ((const rb_question *)it->ptr)->id;
    case RB_KIND_OPTION: return ((const rb_option *)it->ptr)->id;
    default: return "?";
    }
}

static cJSON *process_json(doc *d, const rb_process *p)
{
    cJSON *o = obj(d);
    put_str(d, o, "id", p->id);
    put_str(d, o, "title", p->title);
    put_str(d, o, "description", p->description);
    put(d, o, "principles", texts_json(d, p->principles, p->nprinciples));
    put_str(d, o, "principles_title", p->principles_title);
    put_str(d, o, "referral", p->referral);
    cJSON *steps = arr(d);
    for (size_t i = 0; i < p->nsteps; i++) {
        const rb_step *st = &p->steps[i];
        cJSON *so = obj(d);
        put_str(d, so, "id", st->id);
        put_str(d, so, "title", st->title);
        put_str(d, so, "purpose", st->purpose);
        put(d, so, "prompts", texts_json(d, st->prompts, st->nprompts));
        put(d, so, "questions", texts_json(d, st->questions, st->nquestions));
        cJSON *banks = arr(d);
        for (size_t k = 0; k < st->nbank_items; k++)
            push(d, banks, cJSON_CreateString(bank_item_id(&st->bank_items[k])));
        put(d, so, "banks", banks);
        cJSON *shows = arr(d);
        for (size_t k = 0; k < st->nshows; k++)
            push(d, shows, cJSON_CreateString(rb_show_name(st->shows[k])));
        put(d, so, "shows", shows);
        put(d, so, "record", texts_json(d, st->record, st->nrecord));
        put_str(d, so, "referral", st->referral);
        put(d, so, "source", loc_json(d, st->loc));
        push(d, steps, so);
    }
    put(d, o, "steps", steps);
    put(d, o, "source", loc_json(d, p->loc));
    return o;
}

/* Print `root` into `out` with a final newline; frees root. */
static bool finish(doc *d, cJSON *root, rb_buf *out)
{
    if (d->failed || !root) {
        cJSON_Delete(root);
        return false;
    }
    char *text = cJSON_Print(root);
    cJSON_Delete(root);
    if (!text)
        return false;
    rb_buf_puts(out, text);
    rb_buf_putc(out, '\n');
    cJSON_free(text);
    return rb_buf_ok(out);
}

bool rb_json_library(const rb_library *lib, rb_buf *out)
{
    doc d = { 0 };
    cJSON *root = obj(&d);
    put_str(&d, root, "format", RB_LIBRARY_FORMAT);
    put_str(&d, root, "hash", rb_library_hash(lib));
    cJSON *files = arr(&d);
    for (size_t i = 0; i < rb_library_nfiles(lib); i++)
        push(&d, files, cJSON_CreateString(rb_library_file(lib, i)));
    put(&d, root, "files", files);
    cJSON *a = arr(&d);
    for (size_t i = 0; i < rb_library_nscales(lib); i++)
        push(&d, a, scale_json(&d, rb_library_scale(lib, i)));
    put(&d, root, "scales", a);
    a = arr(&d);
    for (size_t i = 0; i < rb_library_ncompetencies(lib); i++)
        push(&d, a, competency_json(&d, rb_library_competency(lib, i)));
    put(&d, root, "competencies", a);
    a = arr(&d);
    for (size_t i = 0; i < rb_library_nroles(lib); i++)
        push(&d, a, role_json(&d, rb_library_role(lib, i)));
    put(&d, root, "roles", a);
    a = arr(&d);
    for (size_t i = 0; i < rb_library_nbanks(lib); i++)
        push(&d, a, bank_json(&d, rb_library_bank(lib, i)));
    put(&d, root, "banks", a);
    a = arr(&d);
    for (size_t i = 0; i < rb_library_nprocesses(lib); i++)
        push(&d, a, process_json(&d, rb_library_process(lib, i)));
    put(&d, root, "processes", a);
    const rb_cues *cu = rb_library_cues(lib);
    if (cu) {
        cJSON *cj = obj(&d);
        const struct { const char *name; const rb_cue_list *list; } lists[] = {
            { "situation", &cu->situation }, { "task", &cu->task },
            { "action", &cu->action }, { "result", &cu->result },
            { "individual", &cu->individual }, { "collective", &cu->collective },
            { "past", &cu->past }, { "hypothetical", &cu->hypothetical },
            { "stop_words", &cu->stop_words },
        };
        for (size_t i = 0; i < sizeof lists / sizeof *lists; i++) {
            cJSON *items = arr(&d);
            for (size_t k = 0; k < lists[i].list->n; k++)
                push(&d, items, cJSON_CreateString(lists[i].list->items[k]));
            put(&d, cj, lists[i].name, items);
        }
        put(&d, cj, "source", loc_json(&d, cu->loc));
        put(&d, root, "cues", cj);
    } else {
        put(&d, root, "cues", cJSON_CreateNull());
    }
    a = arr(&d);
    for (size_t i = 0; i < rb_library_nexamples(lib); i++) {
        const rb_example *ex = rb_library_example(lib, i);
        cJSON *e = obj(&d);
        put_str(&d, e, "id", ex->id);
        put_str(&d, e, "competency", ex->competency->id);
        put_num(&d, e, "level", ex->level);
        put_num(&d, e, "tolerance", ex->tolerance);
        put_str(&d, e, "answer", ex->answer);
        put_str(&d, e, "note", ex->note);
        put(&d, e, "source", loc_json(&d, ex->loc));
        push(&d, a, e);
    }
    put(&d, root, "examples", a);
    return finish(&d, root, out);
}

bool rb_json_item(const rb_library *lib, const rb_item *item, rb_buf *out)
{
    doc d = { 0 };
    cJSON *root = obj(&d);
    put_str(&d, root, "format", RB_ITEM_FORMAT);
    put_str(&d, root, "hash", rb_library_hash(lib));
    put_str(&d, root, "kind", rb_kind_name(item->kind));
    cJSON *v = NULL;
    switch (item->kind) {
    case RB_KIND_SCALE: v = scale_json(&d, item->ptr); break;
    case RB_KIND_COMPETENCY: {
        const rb_competency *c = item->ptr;
        v = competency_json(&d, c);
        if (c->scale)
            put(&d, root, "scale", scale_json(&d, c->scale));
        break;
    }
    case RB_KIND_ROLE: v = role_json(&d, item->ptr); break;
    case RB_KIND_BANK: v = bank_json(&d, item->ptr); break;
    case RB_KIND_PROCESS: v = process_json(&d, item->ptr); break;
    default: break;
    }
    if (!v) {
        cJSON_Delete(root);
        return false;
    }
    put(&d, root, "item", v);
    return finish(&d, root, out);
}

static void list_add(doc *d, cJSON *a, const char *kind, const char *id,
                     const char *title)
{
    cJSON *o = obj(d);
    put_str(d, o, "kind", kind);
    put_str(d, o, "id", id);
    put_str(d, o, "title", title);
    push(d, a, o);
}

bool rb_json_list(const rb_library *lib, rb_buf *out)
{
    doc d = { 0 };
    cJSON *root = obj(&d);
    put_str(&d, root, "format", RB_LIST_FORMAT);
    put_str(&d, root, "hash", rb_library_hash(lib));
    cJSON *a = arr(&d);
    for (size_t i = 0; i < rb_library_nscales(lib); i++)
        list_add(&d, a, "scale", rb_library_scale(lib, i)->id,
                 rb_library_scale(lib, i)->title);
    for (size_t i = 0; i < rb_library_ncompetencies(lib); i++)
        list_add(&d, a, "competency", rb_library_competency(lib, i)->id,
                 rb_library_competency(lib, i)->title);
    for (size_t i = 0; i < rb_library_nroles(lib); i++)
        list_add(&d, a, "role", rb_library_role(lib, i)->id,
                 rb_library_role(lib, i)->title);
    for (size_t i = 0; i < rb_library_nbanks(lib); i++)
        list_add(&d, a, "bank", rb_library_bank(lib, i)->id,
                 rb_library_bank(lib, i)->title);
    for (size_t i = 0; i < rb_library_nprocesses(lib); i++)
        list_add(&d, a, "process", rb_library_process(lib, i)->id,
                 rb_library_process(lib, i)->title);
    put(&d, root, "items", a);
    return finish(&d, root, out);
}
