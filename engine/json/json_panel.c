/*
 * A panel as JSON (rubric.panel/1, schema engine/schemas/panel.schema.json,
 * fields described in engine/schemas/README.md).
 */
#include <math.h>
#include <stdint.h>

#include "json/json_writer.h"
#include "rubric/panel.h"
#include "rubric/report.h"

static void int_or_null(jw *w, int v)
{
    if (v)
        jw_int(w, v);
    else
        jw_null(w);
}

/* Statistics as in rubric.agreement/1: rounded to 6 decimals, never -0. */
static void stat_number(jw *w, double v)
{
    if (!isfinite(v)) {
        jw_null(w);
        return;
    }
    double r = round(v * 1e6) / 1e6;
    jw_number(w, r == 0 ? 0.0 : r);
}

static const char *kind_name(rb_evidence_kind k)
{
    switch (k) {
    case RB_EVIDENCE_PATTERN: return "pattern";
    case RB_EVIDENCE_WORDS: return "words";
    case RB_EVIDENCE_OBSERVED: return "observed";
    }
    return "unknown";
}

static void ratings(jw *w, const rb_panel_candidate *cand, const rb_panel_competency *pc)
{
    jw_key(w, "ratings");
    jw_array(w);
    for (size_t i = 0; i < pc->ncells; i++) {
        const rb_panel_cell *cell = &pc->cells[i];
        const rb_competency_result *r = cell->result;
        jw_object(w);
        jw_key(w, "interviewer");
        jw_string(w, cand->interviews[i]->interview->interviewer);
        jw_key(w, "rating");
        int_or_null(w, cell->rating);
        jw_key(w, "suggested");
        int_or_null(w, cell->suggested);
        jw_key(w, "confidence");
        jw_number(w, r ? r->confidence : 0);
        jw_key(w, "answers");
        jw_int(w, r ? (long long)r->nanswers : 0);
        jw_key(w, "flags");
        jw_array(w);
        for (unsigned f = 1; r && f <= RB_FLAG_POLICY_ERROR; f <<= 1)
            if (r->flags & f)
                jw_string(w, rb_flag_name(f));
        jw_end_array(w);
        jw_end_object(w);
    }
    jw_end_array(w);
}

static void evidence(jw *w, const rb_panel_candidate *cand, const rb_panel_competency *pc)
{
    jw_key(w, "evidence_items");
    jw_array(w);
    for (size_t e = 0; e < pc->nevidence; e++) {
        const rb_evidence *ev = pc->evidence_items[e].item;
        const rb_interview *iv = cand->interviews[pc->evidence_items[e].interview]->interview;
        jw_object(w);
        jw_key(w, "interviewer");
        jw_string(w, iv->interviewer);
        jw_key(w, "answer");
        jw_int(w, (long long)ev->answer + 1);
        jw_key(w, "probe");
        if (ev->part >= 0)
            jw_int(w, ev->part + 1);
        else
            jw_null(w);
        jw_key(w, "level");
        jw_int(w, ev->level);
        jw_key(w, "behaviour");
        jw_string(w, ev->behaviour->id);
        jw_key(w, "kind");
        jw_string(w, kind_name(ev->kind));
        jw_key(w, "strength");
        jw_number(w, ev->strength);
        jw_key(w, "quote");
        if (ev->kind == RB_EVIDENCE_OBSERVED) {
            jw_null(w);
        } else {
            size_t len;
            const char *text = rb_evidence_text(iv, ev, &len);
            size_t start = ev->start < len ? ev->start : len;
            size_t end = ev->end < start ? start : ev->end > len ? len : ev->end;
            jw_string_n(w, text + start, end - start);
        }
        jw_end_object(w);
    }
    jw_end_array(w);
}

static void notes(jw *w, const rb_panel_candidate *cand, const rb_competency *c)
{
    jw_key(w, "notes");
    jw_array(w);
    for (size_t i = 0; i < cand->ninterviews; i++) {
        const rb_interview *iv = cand->interviews[i]->interview;
        for (size_t a = 0; a < iv->nanswers; a++) {
            if (iv->answers[a].competency != c || !iv->answers[a].notes)
                continue;
            jw_object(w);
            jw_key(w, "interviewer");
            jw_string(w, iv->interviewer);
            jw_key(w, "answer");
            jw_int(w, (long long)a + 1);
            jw_key(w, "text");
            jw_string(w, iv->answers[a].notes);
            jw_end_object(w);
        }
    }
    jw_end_array(w);
}

static void competency(jw *w, const rb_panel_candidate *cand, const rb_panel_competency *pc)
{
    const rb_competency *c = pc->need->competency;
    jw_object(w);
    jw_key(w, "id");
    jw_string(w, c->id);
    jw_key(w, "title");
    jw_string(w, c->title);
    jw_key(w, "target");
    jw_int(w, pc->need->target);
    jw_key(w, "weight");
    jw_number(w, pc->need->weight);
    ratings(w, cand, pc);
    jw_key(w, "rated");
    jw_int(w, (long long)pc->nrated);
    jw_key(w, "spread");
    if (pc->nrated)
        jw_int(w, pc->spread);
    else
        jw_null(w);
    jw_key(w, "consensus");
    int_or_null(w, pc->consensus);
    jw_key(w, "evidence");
    int_or_null(w, pc->evidence);
    jw_key(w, "final");
    int_or_null(w, pc->final_level);
    jw_key(w, "final_from");
    if (pc->consensus)
        jw_string(w, "ratings");
    else if (pc->final_level)
        jw_string(w, "evidence");
    else
        jw_null(w);
    jw_key(w, "gap");
    if (pc->final_level)
        jw_int(w, pc->gap);
    else
        jw_null(w);
    jw_key(w, "agreement");
    jw_string(w, rb_panel_agreement_name(pc->agreement));
    evidence(w, cand, pc);
    notes(w, cand, c);
    jw_end_object(w);
}

static void agenda(jw *w, const rb_panel_candidate *cand)
{
    jw_key(w, "agenda");
    jw_array(w);
    for (size_t k = 0; k < cand->ncompetencies; k++) {
        const rb_panel_competency *pc = &cand->competencies[k];
        if (!pc->reasons)
            continue;
        jw_object(w);
        jw_key(w, "competency");
        jw_string(w, pc->need->competency->id);
        jw_key(w, "reasons");
        jw_array(w);
        for (size_t i = 0; i < pc->nissues; i++) {
            const rb_panel_issue *is = &pc->issues[i];
            jw_object(w);
            jw_key(w, "reason");
            jw_string(w, rb_panel_reason_name(is->reason));
            jw_key(w, "interviewer");
            if (is->cell == SIZE_MAX)
                jw_null(w);
            else
                jw_string(w, cand->interviews[is->cell]->interview->interviewer);
            jw_key(w, "text");
            jw_string(w, is->text);
            jw_end_object(w);
        }
        jw_end_array(w);
        jw_end_object(w);
    }
    jw_end_array(w);
}

static void candidate(jw *w, const rb_panel_candidate *cand)
{
    jw_object(w);
    jw_key(w, "id");
    jw_string(w, cand->id);
    jw_key(w, "name");
    jw_string_or_null(w, cand->name);
    jw_key(w, "interviews");
    jw_array(w);
    for (size_t i = 0; i < cand->ninterviews; i++) {
        const rb_panel_input *in = cand->interviews[i];
        jw_object(w);
        jw_key(w, "interviewer");
        jw_string(w, in->interview->interviewer);
        jw_key(w, "source");
        jw_string(w, in->source);
        jw_key(w, "date");
        jw_string_or_null(w, in->interview->date);
        jw_key(w, "answers");
        jw_int(w, (long long)in->interview->nanswers);
        jw_end_object(w);
    }
    jw_end_array(w);
    jw_key(w, "fit");
    jw_number(w, cand->fit);
    jw_key(w, "strengths");
    jw_int(w, (long long)cand->strengths);
    jw_key(w, "developments");
    jw_int(w, (long long)cand->developments);
    jw_key(w, "competencies");
    jw_array(w);
    for (size_t k = 0; k < cand->ncompetencies; k++)
        competency(w, cand, &cand->competencies[k]);
    jw_end_array(w);
    agenda(w, cand);
    jw_end_object(w);
}

static void agreement(jw *w, const rb_panel_agreement_stats *st)
{
    jw_object(w);
    jw_key(w, "competency");
    jw_string(w, st->need->competency->id);
    jw_key(w, "ratings");
    jw_int(w, (long long)st->ratings);
    jw_key(w, "statistics");
    jw_object(w);
    for (int s = 0; s < RB_AGREE_NSTATS; s++) {
        const rb_stat *x = &st->stats.stats[s];
        jw_key(w, rb_agreement_stat_key((rb_agreement_stat)s));
        jw_object(w);
        jw_key(w, "value");
        if (x->available)
            stat_number(w, x->value);
        else
            jw_null(w);
        jw_key(w, "reason");
        if (x->available)
            jw_null(w);
        else
            jw_string(w, x->reason);
        jw_key(w, "subjects");
        jw_int(w, x->available ? (long long)x->subjects : 0);
        jw_key(w, "observed");
        if (x->available && x->has_parts)
            stat_number(w, x->observed);
        else
            jw_null(w);
        jw_key(w, "expected");
        if (x->available && x->has_parts)
            stat_number(w, x->expected);
        else
            jw_null(w);
        jw_end_object(w);
    }
    jw_end_object(w);
    jw_end_object(w);
}

bool rb_panel_json(const rb_panel *p, rb_buf *out)
{
    jw w;
    jw_init(&w, out, true);
    jw_object(&w);
    jw_key(&w, "format");
    jw_string(&w, RB_PANEL_FORMAT);
    jw_key(&w, "library");
    jw_string(&w, rb_library_hash(p->library));
    jw_key(&w, "role");
    jw_object(&w);
    jw_key(&w, "id");
    jw_string(&w, p->role->id);
    jw_key(&w, "title");
    jw_string(&w, p->role->title);
    jw_end_object(&w);
    jw_key(&w, "candidates");
    jw_array(&w);
    for (size_t c = 0; c < p->ncandidates; c++)
        candidate(&w, &p->candidates[c]);
    jw_end_array(&w);
    jw_key(&w, "interviewers");
    jw_array(&w);
    for (size_t i = 0; i < p->ninterviewers; i++) {
        const rb_panel_interviewer *who = &p->interviewers[i];
        jw_object(&w);
        jw_key(&w, "name");
        jw_string(&w, who->name);
        jw_key(&w, "candidates");
        jw_int(&w, (long long)who->candidates);
        jw_key(&w, "ratings");
        jw_int(&w, (long long)who->ratings);
        jw_key(&w, "compared");
        jw_int(&w, (long long)who->compared);
        jw_key(&w, "deviation_sum");
        jw_int(&w, who->deviation_sum);
        jw_key(&w, "leniency");
        if (who->compared)
            stat_number(&w, who->leniency);
        else
            jw_null(&w);
        jw_end_object(&w);
    }
    jw_end_array(&w);
    jw_key(&w, "agreement");
    jw_array(&w);
    for (size_t k = 0; k < p->nagreement; k++)
        agreement(&w, &p->agreement[k]);
    jw_end_array(&w);
    jw_end_object(&w);
    rb_buf_putc(out, '\n');
    return rb_buf_ok(out);
}
