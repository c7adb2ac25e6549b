/*
 * A panel as Markdown: per candidate the consolidated sheet (every
 * interviewer's rating side by side, the consensus and the gap), the
 * debrief agenda and the evidence from every interviewer's answers; then,
 * for a campaign of two or more candidates, the interviewers' leniency and
 * the agreement statistics.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "report/md.h"
#include "rubric/panel.h"
#include "rubric/report.h"

static const char *level_name(const rb_competency *c, int n)
{
    const rb_scale_level *sl = c->scale ? rb_scale_level_of(c->scale, n) : NULL;
    return sl ? sl->name : "";
}

static void level_cell(rb_buf *b, const rb_competency *c, int n)
{
    if (n)
        rb_buf_printf(b, "%d %s", n, level_name(c, n));
    else
        rb_buf_puts(b, "—");
}

static void number_cell(rb_buf *b, int n)
{
    if (n)
        rb_buf_printf(b, "%d", n);
    else
        rb_buf_puts(b, "—");
}

static const char *agreement_text(rb_panel_agreement a)
{
    switch (a) {
    case RB_PANEL_NO_RATINGS: return "no ratings";
    case RB_PANEL_SINGLE: return "one rating";
    case RB_PANEL_SAME: return "agree";
    case RB_PANEL_CLOSE: return "one level apart";
    case RB_PANEL_APART: return "⚑ two or more apart";
    }
    return "";
}

static const char *interviewer(const rb_panel_candidate *cand, size_t i)
{
    return cand->interviews[i]->interview->interviewer;
}

static void summary(rb_buf *b, const rb_panel_candidate *cand)
{
    rb_buf_puts(b, "| Competency | Target |");
    for (size_t i = 0; i < cand->ninterviews; i++) {
        rb_buf_putc(b, ' ');
        md_text(b, interviewer(cand, i));
        rb_buf_puts(b, " |");
    }
    rb_buf_puts(b, " Spread | Consensus | Evidence | Gap | Agreement |\n|---|---|");
    for (size_t i = 0; i < cand->ninterviews; i++)
        rb_buf_puts(b, "---|");
    rb_buf_puts(b, "---|---|---|---|---|\n");
    for (size_t k = 0; k < cand->ncompetencies; k++) {
        const rb_panel_competency *pc = &cand->competencies[k];
        const rb_competency *c = pc->need->competency;
        rb_buf_puts(b, "| ");
        md_text(b, c->title);
        rb_buf_printf(b, " | %d |", pc->need->target);
        for (size_t i = 0; i < pc->ncells; i++) {
            rb_buf_putc(b, ' ');
            number_cell(b, pc->cells[i].rating);
            rb_buf_puts(b, " |");
        }
        if (pc->nrated)
            rb_buf_printf(b, " %d | ", pc->spread);
        else
            rb_buf_puts(b, " — | ");
        level_cell(b, c, pc->consensus);
        rb_buf_puts(b, " | ");
        number_cell(b, pc->evidence);
        if (pc->final_level)
            rb_buf_printf(b, " | %+d%s | ", pc->gap, pc->consensus ? "" : " (evidence)");
        else
            rb_buf_puts(b, " | — | ");
        rb_buf_printf(b, "%s |\n", agreement_text(pc->agreement));
    }
    rb_buf_puts(b, "\nRatings are each interviewer's own. Consensus: the median rating (with an "
                   "even number of ratings, the lower of the two middle ones). Evidence: the "
                   "median of the levels the evidence in each interviewer's answers suggests. "
                   "Gap: the consensus (or, without ratings, the evidence) against the "
                   "target.\n");
}

static void agenda(rb_buf *b, const rb_panel_candidate *cand)
{
    rb_buf_puts(b, "\n## Debrief agenda\n\n");
    if (!cand->agenda) {
        rb_buf_puts(b, "Nothing to settle: the interviewers' ratings are within a level of "
                       "each other and the evidence supports them.\n");
        return;
    }
    size_t n = 0;
    for (size_t k = 0; k < cand->ncompetencies; k++) {
        const rb_panel_competency *pc = &cand->competencies[k];
        if (!pc->reasons)
            continue;
        rb_buf_printf(b, "%zu. **", ++n);
        md_text(b, pc->need->competency->title);
        rb_buf_puts(b, "**");
        if (pc->nrated) {
            rb_buf_puts(b, " (consensus ");
            level_cell(b, pc->need->competency, pc->consensus);
            rb_buf_printf(b, ", target %d)", pc->need->target);
        }
        rb_buf_putc(b, '\n');
        for (size_t i = 0; i < pc->nissues; i++) {
            rb_buf_puts(b, "   - ");
            md_text(b, pc->issues[i].text);
            rb_buf_putc(b, '\n');
        }
    }
}

/* The quoted sentence of an evidence item (clamped to its text). */
static const char *quote_of(const rb_panel_candidate *cand, const rb_panel_evidence *pe,
                            size_t *n)
{
    const rb_evidence *ev = pe->item;
    size_t len;
    const char *text = rb_evidence_text(cand->interviews[pe->interview]->interview, ev, &len);
    size_t start = ev->start < len ? ev->start : len;
    size_t end = ev->end < start ? start : ev->end > len ? len : ev->end;
    *n = end - start;
    return text + start;
}

/* Interviewers who sat in the same interview often record the same
 * sentence: it is quoted once, with everyone who recorded it. */
static bool same_item(const rb_panel_candidate *cand, const rb_panel_evidence *a,
                      const rb_panel_evidence *b)
{
    bool oa = a->item->kind == RB_EVIDENCE_OBSERVED, ob = b->item->kind == RB_EVIDENCE_OBSERVED;
    if (oa || ob)
        return oa && ob;
    size_t na, nb;
    const char *qa = quote_of(cand, a, &na), *qb = quote_of(cand, b, &nb);
    return na == nb && memcmp(qa, qb, na) == 0;
}

/* "Priya Natarajan, answer 1" for each item of [from, to) like `first`. */
static void who_list(rb_buf *b, const rb_panel_candidate *cand, const rb_panel_evidence *items,
                     size_t from, size_t to, const rb_panel_evidence *first)
{
    const char *sep = "";
    for (size_t i = from; i < to; i++) {
        if (!same_item(cand, &items[i], first))
            continue;
        const rb_evidence *ev = items[i].item;
        rb_buf_puts(b, sep);
        md_text(b, cand->interviews[items[i].interview]->interview->interviewer);
        rb_buf_printf(b, ", answer %zu%s", ev->answer + 1, ev->part >= 0 ? " (probe)" : "");
        sep = "; ";
    }
}

static void evidence(rb_buf *b, const rb_panel_candidate *cand, const rb_panel_competency *pc)
{
    const rb_competency *c = pc->need->competency;
    const rb_panel_evidence *items = pc->evidence_items;
    rb_buf_puts(b, "\n### Evidence from every interviewer\n");
    int level = INT32_MIN;
    size_t g0 = 0, g1 = 0;  /* the items of the current behaviour */
    for (size_t e = 0; e < pc->nevidence; e++) {
        const rb_evidence *ev = items[e].item;
        if (ev->level != level) {
            level = ev->level;
            rb_buf_printf(b, "\n**Level %d %s**\n\n", level, level_name(c, level));
        }
        if (e == g1) {
            g0 = e;
            for (g1 = e; g1 < pc->nevidence && items[g1].item->level == ev->level &&
                         items[g1].item->behaviour == ev->behaviour; g1++)
                ;
            rb_buf_puts(b, "- ");
            md_text(b, ev->behaviour->text);
            rb_buf_printf(b, " (`%s`)\n", ev->behaviour->id);
        }
        bool seen = false;
        for (size_t k = g0; k < e && !seen; k++)
            seen = same_item(cand, &items[k], &items[e]);
        if (seen)
            continue;
        if (ev->kind == RB_EVIDENCE_OBSERVED) {
            rb_buf_puts(b, "  - observed by ");
            who_list(b, cand, items, e, g1, &items[e]);
            rb_buf_putc(b, '\n');
            continue;
        }
        size_t n;
        const char *q = quote_of(cand, &items[e], &n);
        rb_buf_puts(b, "  - “");
        md_text_n(b, q, n);
        rb_buf_puts(b, "” (");
        who_list(b, cand, items, e, g1, &items[e]);
        rb_buf_printf(b, "; %s, strength %.2f)\n",
                      ev->kind == RB_EVIDENCE_PATTERN ? "pattern" : "words", ev->strength);
    }
}

static void competency_section(rb_buf *b, const rb_panel_candidate *cand,
                               const rb_panel_competency *pc)
{
    const rb_competency *c = pc->need->competency;
    rb_buf_puts(b, "\n## ");
    md_text(b, c->title);
    rb_buf_puts(b, "\n\n");
    if (pc->consensus) {
        rb_buf_puts(b, "Consensus **");
        level_cell(b, c, pc->consensus);
        rb_buf_printf(b, "** from %zu rating%s", pc->nrated, pc->nrated == 1 ? "" : "s");
    } else {
        rb_buf_puts(b, "Consensus: **none** (no ratings)");
    }
    if (pc->evidence)
        rb_buf_printf(b, " · evidence suggests %d", pc->evidence);
    else
        rb_buf_puts(b, " · evidence: not enough to suggest a level");
    rb_buf_printf(b, " · target %d", pc->need->target);
    if (pc->final_level)
        rb_buf_printf(b, " · gap %+d", pc->gap);
    rb_buf_puts(b, "\n\n| Interviewer | Rating | Evidence suggests | Confidence | Answers | "
                   "Flags |\n|---|---|---|---|---|---|\n");
    for (size_t i = 0; i < pc->ncells; i++) {
        const rb_panel_cell *cell = &pc->cells[i];
        const rb_competency_result *r = cell->result;
        rb_buf_puts(b, "| ");
        md_text(b, interviewer(cand, i));
        rb_buf_puts(b, " | ");
        level_cell(b, c, cell->rating);
        rb_buf_puts(b, " | ");
        if (cell->suggested)
            level_cell(b, c, cell->suggested);
        else
            rb_buf_puts(b, r && r->nanswers ? "insufficient evidence" : "—");
        if (r && r->nanswers)
            rb_buf_printf(b, " | %.2f | %zu | ", r->confidence, r->nanswers);
        else
            rb_buf_puts(b, " | — | 0 | ");
        const char *sep = "";
        for (unsigned f = 1; r && f <= RB_FLAG_POLICY_ERROR; f <<= 1)
            if (r->flags & f) {
                rb_buf_printf(b, "%s%s", sep, rb_flag_name(f));
                sep = ", ";
            }
        rb_buf_puts(b, *sep ? " |\n" : "— |\n");
    }
    if (pc->nevidence)
        evidence(b, cand, pc);
    bool notes = false;
    for (size_t i = 0; i < cand->ninterviews; i++) {
        const rb_interview *iv = cand->interviews[i]->interview;
        for (size_t a = 0; a < iv->nanswers; a++) {
            const rb_answer *an = &iv->answers[a];
            if (an->competency != c || !an->notes)
                continue;
            if (!notes)
                rb_buf_puts(b, "\n### Interviewers' notes\n\n");
            notes = true;
            rb_buf_puts(b, "- ");
            md_text(b, iv->interviewer);
            rb_buf_puts(b, ": ");
            md_text(b, an->notes);
            rb_buf_putc(b, '\n');
        }
    }
}

static void outcome(rb_buf *b, const rb_panel_candidate *cand)
{
    rb_buf_puts(b, "\n## Strengths\n\n");
    size_t n = 0;
    for (size_t k = 0; k < cand->ncompetencies; k++) {
        const rb_panel_competency *pc = &cand->competencies[k];
        if (pc->final_level && pc->gap >= 0) {
            rb_buf_puts(b, "- ");
            md_text(b, pc->need->competency->title);
            rb_buf_printf(b, ": level %d, target %d\n", pc->final_level, pc->need->target);
            n++;
        }
    }
    if (!n)
        rb_buf_puts(b, "None at or above target.\n");
    rb_buf_puts(b, "\n## Areas for development\n\n");
    n = 0;
    for (size_t k = 0; k < cand->ncompetencies; k++) {
        const rb_panel_competency *pc = &cand->competencies[k];
        if (pc->final_level && pc->gap >= 0)
            continue;
        rb_buf_puts(b, "- ");
        md_text(b, pc->need->competency->title);
        if (pc->final_level)
            rb_buf_printf(b, ": level %d, target %d (gap %d)\n", pc->final_level,
                          pc->need->target, pc->gap);
        else
            rb_buf_printf(b, ": no level (no ratings and insufficient evidence), target %d\n",
                          pc->need->target);
        n++;
    }
    if (!n)
        rb_buf_puts(b, "None: every competency is at or above target.\n");
}

static void candidate(rb_buf *b, const rb_panel *p, const rb_panel_candidate *cand)
{
    rb_buf_puts(b, "# Panel: ");
    md_text(b, cand->name ? cand->name : cand->id);
    rb_buf_puts(b, " (");
    md_text(b, cand->id);
    rb_buf_puts(b, ")\n\nRole: ");
    md_text(b, p->role->title);
    rb_buf_printf(b, " · %zu interviewer%s: ", cand->ninterviews,
                  cand->ninterviews == 1 ? "" : "s");
    for (size_t i = 0; i < cand->ninterviews; i++) {
        const rb_interview *iv = cand->interviews[i]->interview;
        rb_buf_puts(b, i ? ", " : "");
        md_text(b, iv->interviewer);
        if (iv->date)
            rb_buf_printf(b, " (%s)", iv->date);
    }
    rb_buf_printf(b, "\n\n**Panel fit: %.0f%%** · strengths: %zu · areas for development: %zu "
                  "· on the debrief agenda: %zu\n\n", cand->fit * 100, cand->strengths,
                  cand->developments, cand->agenda);
    summary(b, cand);
    agenda(b, cand);
    for (size_t k = 0; k < cand->ncompetencies; k++)
        competency_section(b, cand, &cand->competencies[k]);
    outcome(b, cand);
}

static const char *leaning(const rb_panel_interviewer *who)
{
    if (!who->compared)
        return "—";
    if (who->leniency >= 0.5)
        return "more lenient than the panel";
    if (who->leniency <= -0.5)
        return "more severe than the panel";
    return "in line with the panel";
}

/* A statistic's value to three decimals, never "-0.000". */
static void stat_value(rb_buf *b, double v)
{
    double r = round(v * 1000) / 1000;
    rb_buf_printf(b, "%.3f", r == 0 ? 0.0 : r);
}

static void campaign(rb_buf *b, const rb_panel *p)
{
    rb_buf_printf(b, "\n---\n\n# Campaign: ");
    md_text(b, p->role->title);
    rb_buf_printf(b, "\n\n%zu candidates · %zu interviewers · %zu interviews\n",
                  p->ncandidates, p->ninterviewers, p->ninputs);
    rb_buf_puts(b, "\n## Interviewers\n\nLeniency: the mean of an interviewer's rating minus "
                   "the consensus, over the competencies that two or more interviewers "
                   "rated. Above zero, more lenient than the panel; below, more severe "
                   "(half a level or more either way is called out).\n\n"
                   "| Interviewer | Candidates | Ratings | Compared | Leniency | Reading |\n"
                   "|---|---|---|---|---|---|\n");
    for (size_t i = 0; i < p->ninterviewers; i++) {
        const rb_panel_interviewer *who = &p->interviewers[i];
        rb_buf_puts(b, "| ");
        md_text(b, who->name);
        rb_buf_printf(b, " | %zu | %zu | %zu | ", who->candidates, who->ratings, who->compared);
        if (who->compared) {
            double r = round(who->leniency * 100) / 100;
            rb_buf_printf(b, "%+.2f", r == 0 ? 0.0 : r);
        } else {
            rb_buf_puts(b, "—");
        }
        rb_buf_printf(b, " | %s |\n", leaning(who));
    }
    rb_buf_puts(b, "\n## Agreement between interviewers\n\nFor each competency, a table of "
                   "ratings with one row per candidate and one column per interviewer. "
                   "A statistic the ratings do not allow says why.\n");
    for (size_t k = 0; k < p->nagreement; k++) {
        const rb_panel_agreement_stats *st = &p->agreement[k];
        rb_buf_puts(b, "\n### ");
        md_text(b, st->need->competency->title);
        rb_buf_printf(b, "\n\n%zu rating%s.\n\n| Statistic | Value | Candidates used |\n"
                      "|---|---|---|\n", st->ratings, st->ratings == 1 ? "" : "s");
        for (int s = 0; s < RB_AGREE_NSTATS; s++) {
            const rb_stat *x = &st->stats.stats[s];
            rb_buf_printf(b, "| %s | ", rb_agreement_stat_name((rb_agreement_stat)s));
            if (x->available) {
                stat_value(b, x->value);
                rb_buf_printf(b, " | %zu |\n", x->subjects);
            } else {
                rb_buf_puts(b, "not available: ");
                md_text(b, x->reason);
                rb_buf_puts(b, " | — |\n");
            }
        }
    }
}

bool rb_panel_markdown(const rb_panel *p, rb_buf *b)
{
    for (size_t c = 0; c < p->ncandidates; c++) {
        if (c)
            rb_buf_puts(b, "\n---\n\n");
        candidate(b, p, &p->candidates[c]);
    }
    if (p->ncandidates >= 2)
        campaign(b, p);
    return rb_buf_ok(b);
}
