/*
 * The scoring sheet as JSON (rubric.sheet/1), written straight into the
 * output buffer: in batch scoring this is per answer, so no tree is built.
 */
#include <stdio.h>
#include <string.h>

#include "json/json_writer.h"
#include "rubric/json.h"
#include "rubric/report.h"
#include "rubric/score.h"

static void num_or_null(jw *w, bool has, double v)
{
    if (has)
        jw_number(w, v);
    else
        jw_null(w);
}

static void star(jw *w, unsigned s)
{
    jw_object(w);
    jw_key(w, "situation"); jw_bool(w, s & RB_STAR_SITUATION);
    jw_key(w, "task"); jw_bool(w, s & RB_STAR_TASK);
    jw_key(w, "action"); jw_bool(w, s & RB_STAR_ACTION);
    jw_key(w, "result"); jw_bool(w, s & RB_STAR_RESULT);
    jw_end_object(w);
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

static void evidence(jw *w, const rb_sheet *sh, const rb_evidence *e)
{
    const rb_interview *iv = sh->interview;
    const rb_answer *an = &iv->answers[e->answer];
    jw_object(w);
    jw_key(w, "answer"); jw_int(w, (long long)e->answer);
    jw_key(w, "question"); jw_string_or_null(w, an->question ? an->question->id : NULL);
    jw_key(w, "part");
    if (e->part < 0) {
        jw_string(w, "answer");
    } else {
        const rb_probe *p = an->probes[e->part].probe;
        char part[160];
        snprintf(part, sizeof part, "probe %d%s%s", e->part + 1, p ? ": " : "",
                 p ? p->id : "");
        jw_string(w, part);
    }
    jw_key(w, "kind"); jw_string(w, evidence_kind(e->kind));
    if (e->kind == RB_EVIDENCE_OBSERVED) {
        jw_key(w, "quote"); jw_null(w);
        jw_key(w, "start"); jw_null(w);
        jw_key(w, "end"); jw_null(w);
    } else {
        size_t len;
        const char *text = rb_evidence_text(iv, e, &len);
        jw_key(w, "quote"); jw_string_n(w, text + e->start, e->end - e->start);
        jw_key(w, "start"); jw_int(w, (long long)e->start);
        jw_key(w, "end"); jw_int(w, (long long)e->end);
    }
    jw_key(w, "strength"); jw_number(w, e->strength);
    jw_end_object(w);
}

static void result(jw *w, const rb_sheet *sh, const rb_competency_result *r)
{
    const rb_competency *c = r->competency;
    jw_object(w);
    jw_key(w, "id"); jw_string(w, c->id);
    jw_key(w, "title"); jw_string(w, c->title);
    jw_key(w, "target"); num_or_null(w, r->need, r->need ? r->need->target : 0);
    jw_key(w, "weight"); num_or_null(w, r->need, r->need ? r->need->weight : 0);
    jw_key(w, "answers"); jw_int(w, (long long)r->nanswers);
    jw_key(w, "suggested"); num_or_null(w, r->suggested, r->suggested);
    jw_key(w, "confidence"); jw_number(w, r->confidence);
    jw_key(w, "rating"); num_or_null(w, r->rating, r->rating);
    jw_key(w, "final"); num_or_null(w, r->final_level, r->final_level);
    jw_key(w, "gap"); num_or_null(w, r->need && r->final_level, r->gap);
    jw_key(w, "result");
    jw_string(w, !r->need ? "not required" : !r->final_level ? "insufficient evidence"
                 : r->gap >= 0 ? "strength" : "development");
    jw_key(w, "flags");
    jw_array(w);
    for (unsigned f = 1; f <= RB_FLAG_POLICY_ERROR; f <<= 1)
        if (r->flags & f)
            jw_string(w, rb_flag_name(f));
    jw_end_array(w);
    jw_key(w, "policy_note"); jw_string_or_null(w, r->policy_note);
    jw_key(w, "star"); star(w, r->star);
    jw_key(w, "levels");
    jw_array(w);
    for (size_t l = 0; l < r->nlevels; l++) {
        const rb_level_result *lr = &r->levels[l];
        const rb_level *lv = &c->levels[l];
        jw_object(w);
        jw_key(w, "number"); jw_int(w, lr->number);
        jw_key(w, "weight"); jw_number(w, lr->weight);
        jw_key(w, "evidenced"); jw_number(w, lr->evidenced);
        jw_key(w, "coverage"); jw_number(w, lr->coverage);
        jw_key(w, "credited"); jw_bool(w, lr->credited);
        jw_key(w, "behaviours");
        jw_array(w);
        /* Evidence is sorted by level then behaviour: walk it alongside. */
        for (size_t k = 0; k < lv->nbehaviours; k++) {
            const rb_behaviour *b = &lv->behaviours[k];
            bool open = false;
            for (size_t e = 0; e < r->nevidence; e++) {
                if (r->evidence[e].behaviour != b)
                    continue;
                if (!open) {
                    jw_object(w);
                    jw_key(w, "id"); jw_string(w, b->id);
                    jw_key(w, "text"); jw_string(w, b->text);
                    jw_key(w, "evidence");
                    jw_array(w);
                    open = true;
                }
                evidence(w, sh, &r->evidence[e]);
            }
            if (open) {
                jw_end_array(w);
                jw_end_object(w);
            }
        }
        jw_end_array(w);
        jw_end_object(w);
    }
    jw_end_array(w);
    jw_key(w, "notes");
    jw_array(w);
    for (size_t i = 0; i < sh->interview->nanswers; i++) {
        const rb_answer *an = &sh->interview->answers[i];
        if (an->competency == c && an->notes)
            jw_string(w, an->notes);
    }
    jw_end_array(w);
    jw_end_object(w);
}

bool rb_json_sheet(const rb_sheet *sh, bool pretty, rb_buf *out)
{
    const rb_interview *iv = sh->interview;
    jw w;
    jw_init(&w, out, pretty);
    jw_object(&w);
    jw_key(&w, "format"); jw_string(&w, RB_SHEET_FORMAT);
    jw_key(&w, "library"); jw_string(&w, rb_library_hash(sh->library));
    jw_key(&w, "recorded_with"); jw_string_or_null(&w, iv->library_hash);
    jw_key(&w, "source"); jw_string(&w, iv->source);
    jw_key(&w, "candidate");
    jw_object(&w);
    jw_key(&w, "id"); jw_string(&w, iv->candidate_id);
    jw_key(&w, "name"); jw_string_or_null(&w, iv->candidate_name);
    jw_end_object(&w);
    jw_key(&w, "role");
    jw_object(&w);
    jw_key(&w, "id"); jw_string(&w, iv->role->id);
    jw_key(&w, "title"); jw_string(&w, iv->role->title);
    jw_end_object(&w);
    jw_key(&w, "interviewer"); jw_string_or_null(&w, iv->interviewer);
    jw_key(&w, "date"); jw_string_or_null(&w, iv->date);
    jw_key(&w, "fit"); jw_number(&w, sh->fit);
    jw_key(&w, "strengths");
    jw_array(&w);
    for (size_t i = 0; i < sh->nresults; i++) {
        const rb_competency_result *r = &sh->results[i];
        if (r->need && r->final_level && r->gap >= 0)
            jw_string(&w, r->competency->id);
    }
    jw_end_array(&w);
    jw_key(&w, "development");
    jw_array(&w);
    for (size_t i = 0; i < sh->nresults; i++) {
        const rb_competency_result *r = &sh->results[i];
        if (r->need && !(r->final_level && r->gap >= 0)) {
            jw_object(&w);
            jw_key(&w, "id"); jw_string(&w, r->competency->id);
            jw_key(&w, "gap"); num_or_null(&w, r->final_level, r->gap);
            jw_end_object(&w);
        }
    }
    jw_end_array(&w);
    jw_key(&w, "competencies");
    jw_array(&w);
    for (size_t i = 0; i < sh->nresults; i++)
        result(&w, sh, &sh->results[i]);
    jw_end_array(&w);
    jw_key(&w, "answers");
    jw_array(&w);
    for (size_t i = 0; i < iv->nanswers; i++) {
        const rb_answer *an = &iv->answers[i];
        const rb_reading *rd = &sh->readings[i];
        jw_object(&w);
        jw_key(&w, "competency"); jw_string(&w, an->competency->id);
        jw_key(&w, "question"); jw_string_or_null(&w, an->question ? an->question->id : NULL);
        jw_key(&w, "rating"); num_or_null(&w, an->rating, an->rating);
        jw_key(&w, "star"); star(&w, rd->star);
        jw_key(&w, "individual"); jw_int(&w, rd->individual);
        jw_key(&w, "collective"); jw_int(&w, rd->collective);
        jw_key(&w, "past"); jw_int(&w, rd->past);
        jw_key(&w, "hypothetical"); jw_int(&w, rd->hypothetical);
        jw_key(&w, "specifics"); jw_int(&w, rd->specifics);
        jw_end_object(&w);
    }
    jw_end_array(&w);
    jw_end_object(&w);
    rb_buf_putc(out, '\n');
    return rb_buf_ok(out);
}
