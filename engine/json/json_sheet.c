/*
 * The scoring sheet as JSON (rubric.sheet/1).
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <string.h>

#include "rubric/json.h"
#include "rubric/report.h"
#include "rubric/score.h"

typedef struct doc {
    bool failed;
} doc;

static cJSON *chk(doc *d, cJSON *v)
{
    if (!v)
        d->failed = true;
    return v;
}

static void put(doc *d, cJSON *o, const char *k, cJSON *v)
{
    if (!o || !v || !cJSON_AddItemToObject(o, k, v)) {
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

static cJSON *str_or_null(const char *s)
{
    return s ? cJSON_CreateString(s) : cJSON_CreateNull();
}

static cJSON *num_or_null(bool has, double v)
{
    return has ? cJSON_CreateNumber(v) : cJSON_CreateNull();
}

static cJSON *star_json(doc *d, unsigned star)
{
    cJSON *o = chk(d, cJSON_CreateObject());
    put(d, o, "situation", cJSON_CreateBool(star & RB_STAR_SITUATION));
    put(d, o, "task", cJSON_CreateBool(star & RB_STAR_TASK));
    put(d, o, "action", cJSON_CreateBool(star & RB_STAR_ACTION));
    put(d, o, "result", cJSON_CreateBool(star & RB_STAR_RESULT));
    return o;
}

static const char *evidence_kind(rb_evidence_kind k)
{
    switch (k) {
    case RB_EVIDENCE_PATTERN: return "pattern";
    case RB_EVIDENCE_OBSERVED: return "observed";
    case RB_EVIDENCE_WORDS: break;
    }
    return "words";
}

static cJSON *evidence_json(doc *d, const rb_sheet *sh, const rb_evidence *e)
{
    const rb_interview *iv = sh->interview;
    const rb_answer *an = &iv->answers[e->answer];
    cJSON *o = chk(d, cJSON_CreateObject());
    put(d, o, "answer", cJSON_CreateNumber((double)e->answer));
    put(d, o, "question", str_or_null(an->question ? an->question->id : NULL));
    if (e->part < 0)
        put(d, o, "part", cJSON_CreateString("answer"));
    else {
        const rb_probe *p = an->probes[e->part].probe;
        char part[160];
        snprintf(part, sizeof part, "probe %d%s%s", e->part + 1, p ? ": " : "",
                 p ? p->id : "");
        put(d, o, "part", cJSON_CreateString(part));
    }
    put(d, o, "kind", cJSON_CreateString(evidence_kind(e->kind)));
    if (e->kind == RB_EVIDENCE_OBSERVED) {
        put(d, o, "quote", cJSON_CreateNull());
        put(d, o, "start", cJSON_CreateNull());
        put(d, o, "end", cJSON_CreateNull());
    } else {
        size_t len;
        const char *text = rb_evidence_text(iv, e, &len);
        char *q = cJSON_malloc(e->end - e->start + 1);
        if (!q) {
            d->failed = true;
            return o;
        }
        memcpy(q, text + e->start, e->end - e->start);
        q[e->end - e->start] = '\0';
        put(d, o, "quote", cJSON_CreateString(q));
        cJSON_free(q);
        put(d, o, "start", cJSON_CreateNumber((double)e->start));
        put(d, o, "end", cJSON_CreateNumber((double)e->end));
    }
    put(d, o, "strength", cJSON_CreateNumber(e->strength));
    return o;
}

static cJSON *result_json(doc *d, const rb_sheet *sh, const rb_competency_result *r)
{
    const rb_competency *c = r->competency;
    cJSON *o = chk(d, cJSON_CreateObject());
    put(d, o, "id", cJSON_CreateString(c->id));
    put(d, o, "title", cJSON_CreateString(c->title));
    put(d, o, "target", num_or_null(r->need, r->need ? r->need->target : 0));
    put(d, o, "weight", num_or_null(r->need, r->need ? r->need->weight : 0));
    put(d, o, "answers", cJSON_CreateNumber((double)r->nanswers));
    put(d, o, "suggested", num_or_null(r->suggested, r->suggested));
    put(d, o, "confidence", cJSON_CreateNumber(r->confidence));
    put(d, o, "rating", num_or_null(r->rating, r->rating));
    put(d, o, "final", num_or_null(r->final_level, r->final_level));
    put(d, o, "gap", num_or_null(r->need && r->final_level, r->gap));
    put(d, o, "result", cJSON_CreateString(
        !r->need ? "not required" : !r->final_level ? "insufficient evidence"
        : r->gap >= 0 ? "strength" : "development"));
    cJSON *flags = chk(d, cJSON_CreateArray());
    for (unsigned f = 1; f <= RB_FLAG_POLICY_ERROR; f <<= 1)
        if (r->flags & f)
            push(d, flags, cJSON_CreateString(rb_flag_name(f)));
    put(d, o, "flags", flags);
    put(d, o, "policy_note", str_or_null(r->policy_note));
    put(d, o, "star", star_json(d, r->star));
    cJSON *levels = chk(d, cJSON_CreateArray());
    for (size_t l = 0; l < r->nlevels; l++) {
        const rb_level_result *lr = &r->levels[l];
        const rb_level *lv = &c->levels[l];
        cJSON *lj = chk(d, cJSON_CreateObject());
        put(d, lj, "number", cJSON_CreateNumber(lr->number));
        put(d, lj, "weight", cJSON_CreateNumber(lr->weight));
        put(d, lj, "evidenced", cJSON_CreateNumber(lr->evidenced));
        put(d, lj, "coverage", cJSON_CreateNumber(lr->coverage));
        put(d, lj, "credited", cJSON_CreateBool(lr->credited));
        cJSON *bs = chk(d, cJSON_CreateArray());
        for (size_t k = 0; k < lv->nbehaviours; k++) {
            const rb_behaviour *b = &lv->behaviours[k];
            cJSON *ev = chk(d, cJSON_CreateArray());
            for (size_t e = 0; e < r->nevidence; e++)
                if (r->evidence[e].behaviour == b)
                    push(d, ev, evidence_json(d, sh, &r->evidence[e]));
            if (cJSON_GetArraySize(ev) == 0) {
                cJSON_Delete(ev);
                continue;
            }
            cJSON *bj = chk(d, cJSON_CreateObject());
            put(d, bj, "id", cJSON_CreateString(b->id));
            put(d, bj, "text", cJSON_CreateString(b->text));
            put(d, bj, "evidence", ev);
            push(d, bs, bj);
        }
        put(d, lj, "behaviours", bs);
        push(d, levels, lj);
    }
    put(d, o, "levels", levels);
    cJSON *notes = chk(d, cJSON_CreateArray());
    for (size_t i = 0; i < sh->interview->nanswers; i++) {
        const rb_answer *an = &sh->interview->answers[i];
        if (an->competency == c && an->notes)
            push(d, notes, cJSON_CreateString(an->notes));
    }
    put(d, o, "notes", notes);
    return o;
}

bool rb_json_sheet(const rb_sheet *sh, bool pretty, rb_buf *out)
{
    doc d = { 0 };
    const rb_interview *iv = sh->interview;
    cJSON *root = chk(&d, cJSON_CreateObject());
    put(&d, root, "format", cJSON_CreateString(RB_SHEET_FORMAT));
    put(&d, root, "library", cJSON_CreateString(rb_library_hash(sh->library)));
    put(&d, root, "recorded_with", str_or_null(iv->library_hash));
    put(&d, root, "source", cJSON_CreateString(iv->source));
    cJSON *cand = chk(&d, cJSON_CreateObject());
    put(&d, cand, "id", cJSON_CreateString(iv->candidate_id));
    put(&d, cand, "name", str_or_null(iv->candidate_name));
    put(&d, root, "candidate", cand);
    cJSON *role = chk(&d, cJSON_CreateObject());
    put(&d, role, "id", cJSON_CreateString(iv->role->id));
    put(&d, role, "title", cJSON_CreateString(iv->role->title));
    put(&d, root, "role", role);
    put(&d, root, "interviewer", str_or_null(iv->interviewer));
    put(&d, root, "date", str_or_null(iv->date));
    put(&d, root, "fit", cJSON_CreateNumber(sh->fit));
    cJSON *strengths = chk(&d, cJSON_CreateArray());
    cJSON *devs = chk(&d, cJSON_CreateArray());
    cJSON *results = chk(&d, cJSON_CreateArray());
    for (size_t i = 0; i < sh->nresults; i++) {
        const rb_competency_result *r = &sh->results[i];
        if (r->need && r->final_level && r->gap >= 0)
            push(&d, strengths, cJSON_CreateString(r->competency->id));
        else if (r->need) {
            cJSON *dv = chk(&d, cJSON_CreateObject());
            put(&d, dv, "id", cJSON_CreateString(r->competency->id));
            put(&d, dv, "gap", num_or_null(r->final_level, r->gap));
            push(&d, devs, dv);
        }
        push(&d, results, result_json(&d, sh, r));
    }
    put(&d, root, "strengths", strengths);
    put(&d, root, "development", devs);
    put(&d, root, "competencies", results);
    cJSON *answers = chk(&d, cJSON_CreateArray());
    for (size_t i = 0; i < iv->nanswers; i++) {
        const rb_answer *an = &iv->answers[i];
        const rb_reading *rd = &sh->readings[i];
        cJSON *a = chk(&d, cJSON_CreateObject());
        put(&d, a, "competency", cJSON_CreateString(an->competency->id));
        put(&d, a, "question", str_or_null(an->question ? an->question->id : NULL));
        put(&d, a, "rating", num_or_null(an->rating, an->rating));
        put(&d, a, "star", star_json(&d, rd->star));
        put(&d, a, "individual", cJSON_CreateNumber(rd->individual));
        put(&d, a, "collective", cJSON_CreateNumber(rd->collective));
        put(&d, a, "past", cJSON_CreateNumber(rd->past));
        put(&d, a, "hypothetical", cJSON_CreateNumber(rd->hypothetical));
        put(&d, a, "specifics", cJSON_CreateNumber(rd->specifics));
        push(&d, answers, a);
    }
    put(&d, root, "answers", answers);
    if (d.failed) {
        cJSON_Delete(root);
        return false;
    }
    char *text = pretty ? cJSON_Print(root) : cJSON_PrintUnformatted(root);
    cJSON_Delete(root);
    if (!text)
        return false;
    rb_buf_puts(out, text);
    rb_buf_putc(out, '\n');
    cJSON_free(text);
    return rb_buf_ok(out);
}
