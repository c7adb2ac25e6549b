/*
 * A panel as one self-contained, printable HTML page: inline CSS, no
 * scripts, fonts or images, nothing fetched. The content mirrors the
 * Markdown panel (panel_md.c) in the house style of the scoring sheet
 * (sheet_html.c); every text from the library or the answers is escaped.
 *
 * Stable hooks for tools and tests:
 *   article.panel#panel-K              one per candidate (K from 1), with
 *                                      data-candidate="<candidate id>"
 *   table.summary > tbody > tr.result  one row per competency (id
 *                                      r-<competency>), data-competency,
 *                                      data-agreement; td.rating per
 *                                      interviewer with data-interviewer
 *   ol.agenda > li.agenda-item         data-competency; its reasons in
 *                                      li.reason, data-reason, data-interviewer
 *   section.competency#c-<competency>  the details of one competency;
 *                                      table.raters > tr.rater
 *   li.evidence                        data-kind|data-level|data-behaviour,
 *                                      data-interviewers (names joined by "; ");
 *                                      the quote in mark.quote, once for every
 *                                      interviewer who recorded the sentence
 *   section.notes, ul.strengths, ul.developments
 *   section.campaign#campaign          two or more candidates: table.leniency >
 *                                      tr.interviewer (data-leniency), and
 *                                      section.agreement#a-<competency> >
 *                                      tr.stat (data-stat, .available|.unavailable)
 * Ids in the first candidate's article are as shown; in article K >= 2 they
 * take the prefix "pK-".
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "report/html.h"
#include "rubric/panel.h"
#include "rubric/report.h"

/* An element id: "pK-" for candidates after the first, then prefix and name. */
static void id_of(rb_buf *b, size_t k, const char *prefix, const char *name)
{
    html_id(b, 'p', k, prefix, name);
}

static const char *level_name(const rb_competency *c, int n)
{
    const rb_scale_level *sl = c->scale ? rb_scale_level_of(c->scale, n) : NULL;
    return sl ? sl->name : "";
}

static void none(rb_buf *b)
{
    rb_buf_puts(b, "<span class=\"none\">—</span>");
}

/* "3 Proficient", or a dash for no level. */
static void level_cell(rb_buf *b, const rb_competency *c, int n)
{
    if (!n) {
        none(b);
        return;
    }
    rb_buf_printf(b, "<span class=\"level-number\">%d</span> ", n);
    html_esc(b, level_name(c, n));
}

static const char *agreement_text(rb_panel_agreement a)
{
    switch (a) {
    case RB_PANEL_NO_RATINGS: return "no ratings";
    case RB_PANEL_SINGLE: return "one rating";
    case RB_PANEL_SAME: return "agree";
    case RB_PANEL_CLOSE: return "one level apart";
    case RB_PANEL_APART: return "two or more apart";
    }
    return "";
}

static const char *standing(const rb_panel_competency *pc)
{
    if (!pc->final_level)
        return "no-level";
    return pc->gap >= 0 ? "meets" : "below";
}

static void gap_text(rb_buf *b, const rb_panel_competency *pc)
{
    if (!pc->final_level)
        none(b);
    else if (pc->gap < 0)
        rb_buf_printf(b, "−%d", -pc->gap);  /* a true minus sign */
    else
        rb_buf_printf(b, "+%d", pc->gap);
}

static const char *interviewer(const rb_panel_candidate *cand, size_t i)
{
    return cand->interviews[i]->interview->interviewer;
}

static const char *const rules[] = {
    HTML_CSS_SHEET_HEAD(".panel,.campaign"),
    HTML_CSS_SHEET_TABLE,
    "td.num,td.rating{font-variant-numeric:tabular-nums;white-space:nowrap}\n",
    "td.rating{text-align:center;font-weight:700}\n",
    HTML_CSS_SHEET_LEVEL,
    ".none{color:var(--muted);font-weight:400}\n",
    HTML_CSS_SHEET_GAP,
    "table.summary{font-size:.88rem}\n",
    "tr.apart .agree{color:var(--bad);font-weight:700}\n",
    "tr.apart td.rating{background:#fdf1e7}\n",
    HTML_CSS_SHEET_LEGEND,
    HTML_CSS_SHEET_BAR,
    "ol.agenda{padding-left:1.5rem;margin:.5rem 0}\n",
    "li.agenda-item{margin:.5rem 0;break-inside:avoid}\n",
    "ul.reasons{list-style:none;padding:0;margin:.25rem 0}\n",
    "li.reason{background:#fdf1e7;border-left:4px solid var(--below);padding:.3rem .7rem;margin:.3rem 0}\n",
    ".agenda-empty{color:var(--ok)}\n",
    HTML_CSS_SHEET_COMPETENCY,
    HTML_CSS_SHEET_CODE,
    ".flag-name{font-weight:700;color:var(--below)}\n",
    HTML_CSS_SHEET_BEHAVIOUR,
    HTML_CSS_SHEET_QUOTES,
    ".who{font-weight:600;color:var(--ink)}\n",
    HTML_CSS_SHEET_OUTCOME,
    "tr.lenient td.reading{color:var(--below);font-weight:600}\n",
    "tr.severe td.reading{color:var(--accent);font-weight:600}\n",
    "tr.stat.unavailable td.value{color:var(--muted);font-size:.85rem}\n",
    NULL,
};

static const char *const print_rules[] = {
    HTML_CSS_SHEET_PRINT(".panel,.campaign", ".panel+.panel,.campaign", "tr,li,.fit,.outcome"),
    NULL,
};

static const char *const after_print[] = { HTML_CSS_SHEET_NARROW(".panel,.campaign"), NULL };

static const html_page page = {
    .palette = HTML_SHEET_PALETTE,
    .exact_colours = true,
    .width = "66rem",
    .generator = true,
    .rules = rules,
    .print = print_rules,
    .after = after_print,
};

static void candidate_label(rb_buf *b, const rb_panel_candidate *cand)
{
    html_esc(b, cand->name ? cand->name : cand->id);
    rb_buf_puts(b, " (");
    html_esc(b, cand->id);
    rb_buf_puts(b, ")");
}

static void head(rb_buf *b, const rb_panel *p, const rb_panel_candidate *cand)
{
    rb_buf_puts(b, "<header class=\"sheet-head\">\n<p class=\"kicker\">Panel result</p>\n"
                   "<h1 class=\"candidate\"><span class=\"candidate-name\">");
    html_esc(b, cand->name ? cand->name : cand->id);
    rb_buf_puts(b, "</span> <span class=\"candidate-id\">(");
    html_esc(b, cand->id);
    rb_buf_puts(b, ")</span></h1>\n<dl class=\"meta\">\n<div><dt>Role</dt><dd class=\"role\">");
    html_esc(b, p->role->title);
    rb_buf_printf(b, "</dd></div>\n<div><dt>Interviewer%s</dt><dd class=\"interviewers\">",
                  cand->ninterviews == 1 ? "" : "s");
    for (size_t i = 0; i < cand->ninterviews; i++) {
        const rb_interview *iv = cand->interviews[i]->interview;
        rb_buf_puts(b, i ? ", " : "");
        rb_buf_puts(b, "<span class=\"interviewer\">");
        html_esc(b, iv->interviewer);
        rb_buf_puts(b, "</span>");
        if (iv->date) {
            rb_buf_puts(b, " <span class=\"none\">(<time datetime=\"");
            html_esc(b, iv->date);
            rb_buf_puts(b, "\">");
            html_esc(b, iv->date);
            rb_buf_puts(b, "</time>)</span>");
        }
    }
    rb_buf_puts(b, "</dd></div>\n</dl>\n");
    rb_buf_printf(b, "<p class=\"fit\"><span class=\"fit-label\">Panel fit</span> "
                  "<span class=\"fit-value\">%.0f%%</span>", html_clamp01(cand->fit) * 100);
    html_bar(b, "fit-bar", cand->fit);
    rb_buf_printf(b, "<span class=\"counts\">strengths: <strong>%zu</strong> · areas for "
                  "development: <strong>%zu</strong> · on the debrief agenda: "
                  "<strong>%zu</strong></span></p>\n</header>\n", cand->strengths,
                  cand->developments, cand->agenda);
}

static void summary(rb_buf *b, const rb_panel_candidate *cand, size_t k)
{
    rb_buf_puts(b, "<section class=\"overview\">\n<h2>Ratings side by side</h2>\n"
                   "<table class=\"summary\">\n<caption>Each interviewer's rating of each "
                   "competency the role needs, and the panel's consensus</caption>\n"
                   "<thead><tr><th scope=\"col\">Competency</th><th scope=\"col\">Target</th>");
    for (size_t i = 0; i < cand->ninterviews; i++) {
        rb_buf_puts(b, "<th scope=\"col\" class=\"interviewer\">");
        html_esc(b, interviewer(cand, i));
        rb_buf_puts(b, "</th>");
    }
    rb_buf_puts(b, "<th scope=\"col\">Spread</th><th scope=\"col\">Consensus</th>"
                   "<th scope=\"col\">Evidence</th><th scope=\"col\">Gap</th>"
                   "<th scope=\"col\">Agreement</th></tr></thead>\n<tbody>\n");
    for (size_t j = 0; j < cand->ncompetencies; j++) {
        const rb_panel_competency *pc = &cand->competencies[j];
        const rb_competency *c = pc->need->competency;
        const char *agree = rb_panel_agreement_name(pc->agreement);
        rb_buf_printf(b, "<tr class=\"result %s %s\" id=\"", standing(pc),
                      pc->agreement == RB_PANEL_APART ? "apart" : "");
        id_of(b, k, "r-", c->id);
        rb_buf_puts(b, "\" data-competency=\"");
        html_esc(b, c->id);
        rb_buf_printf(b, "\" data-agreement=\"%s\">\n<th scope=\"row\"><a href=\"#", agree);
        id_of(b, k, "c-", c->id);
        rb_buf_puts(b, "\">");
        html_esc(b, c->title);
        rb_buf_printf(b, "</a></th>\n<td class=\"target num\">%d</td>\n", pc->need->target);
        for (size_t i = 0; i < pc->ncells; i++) {
            rb_buf_puts(b, "<td class=\"rating\" data-interviewer=\"");
            html_esc(b, interviewer(cand, i));
            rb_buf_puts(b, "\">");
            if (pc->cells[i].rating)
                rb_buf_printf(b, "%d", pc->cells[i].rating);
            else
                none(b);
            rb_buf_puts(b, "</td>\n");
        }
        rb_buf_puts(b, "<td class=\"spread num\">");
        if (pc->nrated)
            rb_buf_printf(b, "%d", pc->spread);
        else
            none(b);
        rb_buf_puts(b, "</td>\n<td class=\"consensus\">");
        level_cell(b, c, pc->consensus);
        rb_buf_puts(b, "</td>\n<td class=\"evidence num\">");
        if (pc->evidence)
            rb_buf_printf(b, "%d", pc->evidence);
        else
            none(b);
        rb_buf_printf(b, "</td>\n<td class=\"gap num gap-%s\">", standing(pc));
        gap_text(b, pc);
        if (pc->final_level && !pc->consensus)
            rb_buf_puts(b, " <span class=\"none\">(evidence)</span>");
        rb_buf_printf(b, "</td>\n<td class=\"agree\">%s</td>\n</tr>\n",
                      agreement_text(pc->agreement));
    }
    rb_buf_puts(b, "</tbody>\n</table>\n<p class=\"legend\">Consensus: the median rating (with "
                   "an even number of ratings, the lower of the two middle ones). Evidence: "
                   "the median of the levels the evidence in each interviewer's answers "
                   "suggests. Gap: the consensus (or, without ratings, the evidence) against "
                   "the target.</p>\n</section>\n");
}

static void agenda(rb_buf *b, const rb_panel_candidate *cand, size_t k)
{
    rb_buf_puts(b, "<section class=\"agenda\">\n<h2>Debrief agenda</h2>\n");
    if (!cand->agenda) {
        rb_buf_puts(b, "<p class=\"agenda-empty\">Nothing to settle: the interviewers' ratings "
                       "are within a level of each other and the evidence supports them.</p>\n"
                       "</section>\n");
        return;
    }
    rb_buf_puts(b, "<ol class=\"agenda\">\n");
    for (size_t j = 0; j < cand->ncompetencies; j++) {
        const rb_panel_competency *pc = &cand->competencies[j];
        if (!pc->reasons)
            continue;
        const rb_competency *c = pc->need->competency;
        rb_buf_puts(b, "<li class=\"agenda-item\" data-competency=\"");
        html_esc(b, c->id);
        rb_buf_puts(b, "\"><a href=\"#");
        id_of(b, k, "c-", c->id);
        rb_buf_puts(b, "\"><strong>");
        html_esc(b, c->title);
        rb_buf_puts(b, "</strong></a>");
        if (pc->nrated) {
            rb_buf_puts(b, " (consensus ");
            level_cell(b, c, pc->consensus);
            rb_buf_printf(b, ", target %d)", pc->need->target);
        }
        rb_buf_puts(b, "\n<ul class=\"reasons\">\n");
        for (size_t i = 0; i < pc->nissues; i++) {
            const rb_panel_issue *is = &pc->issues[i];
            rb_buf_printf(b, "<li class=\"reason reason-%s\" data-reason=\"%s\"",
                          rb_panel_reason_name(is->reason), rb_panel_reason_name(is->reason));
            if (is->cell != SIZE_MAX) {
                rb_buf_puts(b, " data-interviewer=\"");
                html_esc(b, interviewer(cand, is->cell));
                rb_buf_puts(b, "\"");
            }
            rb_buf_puts(b, ">");
            html_esc(b, is->text);
            rb_buf_puts(b, "</li>\n");
        }
        rb_buf_puts(b, "</ul>\n</li>\n");
    }
    rb_buf_puts(b, "</ol>\n</section>\n");
}

static const char *kind_name(rb_evidence_kind kind)
{
    switch (kind) {
    case RB_EVIDENCE_PATTERN: return "pattern";
    case RB_EVIDENCE_WORDS: return "words";
    case RB_EVIDENCE_OBSERVED: return "observed";
    }
    return "unknown";
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

static void who_list(rb_buf *b, const rb_panel_candidate *cand, const rb_panel_evidence *items,
                     size_t from, size_t to, const rb_panel_evidence *first)
{
    const char *sep = "";
    for (size_t i = from; i < to; i++) {
        if (!same_item(cand, &items[i], first))
            continue;
        const rb_evidence *ev = items[i].item;
        rb_buf_puts(b, sep);
        rb_buf_puts(b, "<span class=\"who\">");
        html_esc(b, cand->interviews[items[i].interview]->interview->interviewer);
        rb_buf_printf(b, "</span> (answer %zu%s)", ev->answer + 1,
                      ev->part >= 0 ? ", probe" : "");
        sep = ", ";
    }
}

static void evidence_list(rb_buf *b, const rb_panel_candidate *cand,
                          const rb_panel_competency *pc)
{
    const rb_competency *c = pc->need->competency;
    const rb_panel_evidence *items = pc->evidence_items;
    rb_buf_puts(b, "<section class=\"evidence\">\n<h3>Evidence from every interviewer</h3>\n");
    int level = 0;
    bool open_level = false;
    size_t g0 = 0, g1 = 0;  /* the items of the current behaviour */
    for (size_t e = 0; e < pc->nevidence; e++) {
        const rb_evidence *ev = items[e].item;
        if (e == g1) {
            if (e)
                rb_buf_puts(b, "</ul>\n</div>\n");
            if (!open_level || ev->level != level) {
                if (open_level)
                    rb_buf_puts(b, "</section>\n");
                level = ev->level;
                rb_buf_printf(b, "<section class=\"evidence-level\" data-level=\"%d\">\n"
                              "<h4>Level %d ", level, level);
                html_esc(b, level_name(c, level));
                rb_buf_puts(b, "</h4>\n");
                open_level = true;
            }
            g0 = e;
            for (g1 = e; g1 < pc->nevidence && items[g1].item->level == ev->level &&
                         items[g1].item->behaviour == ev->behaviour; g1++)
                ;
            rb_buf_puts(b, "<div class=\"behaviour\" data-behaviour=\"");
            html_esc(b, ev->behaviour->id);
            rb_buf_puts(b, "\">\n<p class=\"behaviour-text\">");
            html_esc(b, ev->behaviour->text);
            rb_buf_puts(b, " <code>");
            html_esc(b, ev->behaviour->id);
            rb_buf_puts(b, "</code></p>\n<ul class=\"quotes\">\n");
        }
        bool seen = false;
        for (size_t k = g0; k < e && !seen; k++)
            seen = same_item(cand, &items[k], &items[e]);
        if (seen)
            continue;
        rb_buf_printf(b, "<li class=\"evidence %s\" data-kind=\"%s\" data-level=\"%d\" "
                      "data-behaviour=\"", ev->kind == RB_EVIDENCE_OBSERVED ? "observed"
                      : "quoted", kind_name(ev->kind), ev->level);
        html_esc(b, ev->behaviour->id);
        rb_buf_puts(b, "\" data-interviewers=\"");
        const char *sep = "";
        for (size_t k = e; k < g1; k++)
            if (same_item(cand, &items[k], &items[e])) {
                rb_buf_puts(b, sep);
                html_esc(b, cand->interviews[items[k].interview]->interview->interviewer);
                sep = "; ";
            }
        rb_buf_puts(b, "\">");
        if (ev->kind == RB_EVIDENCE_OBSERVED) {
            rb_buf_puts(b, "Observed by ");
            who_list(b, cand, items, e, g1, &items[e]);
            rb_buf_puts(b, "</li>\n");
            continue;
        }
        size_t n;
        const char *q = quote_of(cand, &items[e], &n);
        rb_buf_puts(b, "<blockquote><mark class=\"quote\">");
        html_esc_n(b, q, n);
        rb_buf_puts(b, "</mark></blockquote>\n<div class=\"evidence-meta\">");
        who_list(b, cand, items, e, g1, &items[e]);
        rb_buf_printf(b, " · %s · strength %.2f</div></li>\n", kind_name(ev->kind),
                      ev->strength);
    }
    if (pc->nevidence)
        rb_buf_puts(b, "</ul>\n</div>\n");
    if (open_level)
        rb_buf_puts(b, "</section>\n");
    rb_buf_puts(b, "</section>\n");
}

static void competency_section(rb_buf *b, const rb_panel_candidate *cand, size_t k,
                               const rb_panel_competency *pc)
{
    const rb_competency *c = pc->need->competency;
    rb_buf_printf(b, "<section class=\"competency %s\" id=\"", standing(pc));
    id_of(b, k, "c-", c->id);
    rb_buf_puts(b, "\" data-competency=\"");
    html_esc(b, c->id);
    rb_buf_puts(b, "\">\n<h2>");
    html_esc(b, c->title);
    rb_buf_puts(b, "</h2>\n");
    if (c->definition) {
        rb_buf_puts(b, "<p class=\"definition\">");
        html_esc(b, c->definition);
        rb_buf_puts(b, "</p>\n");
    }
    rb_buf_puts(b, "<p class=\"verdict\">");
    if (pc->consensus) {
        rb_buf_puts(b, "Consensus <strong class=\"consensus\">");
        level_cell(b, c, pc->consensus);
        rb_buf_printf(b, "</strong> from %zu rating%s", pc->nrated, pc->nrated == 1 ? "" : "s");
    } else {
        rb_buf_puts(b, "Consensus: <strong>none</strong> (no ratings)");
    }
    if (pc->evidence)
        rb_buf_printf(b, " · evidence suggests <strong>%d</strong>", pc->evidence);
    else
        rb_buf_puts(b, " · evidence: not enough to suggest a level");
    rb_buf_printf(b, " · target <strong>%d</strong>", pc->need->target);
    if (pc->final_level) {
        rb_buf_puts(b, " · gap ");
        gap_text(b, pc);
    }
    rb_buf_puts(b, "</p>\n<table class=\"raters\">\n<thead><tr><th scope=\"col\">Interviewer"
                   "</th><th scope=\"col\">Rating</th><th scope=\"col\">Evidence suggests</th>"
                   "<th scope=\"col\">Confidence</th><th scope=\"col\">Answers</th>"
                   "<th scope=\"col\">Flags</th></tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < pc->ncells; i++) {
        const rb_panel_cell *cell = &pc->cells[i];
        const rb_competency_result *r = cell->result;
        rb_buf_puts(b, "<tr class=\"rater\" data-interviewer=\"");
        html_esc(b, interviewer(cand, i));
        rb_buf_puts(b, "\"><th scope=\"row\">");
        html_esc(b, interviewer(cand, i));
        rb_buf_puts(b, "</th><td>");
        level_cell(b, c, cell->rating);
        rb_buf_puts(b, "</td><td>");
        if (cell->suggested)
            level_cell(b, c, cell->suggested);
        else if (r && r->nanswers)
            rb_buf_puts(b, "<span class=\"none\">insufficient evidence</span>");
        else
            none(b);
        if (r && r->nanswers)
            rb_buf_printf(b, "</td><td class=\"num\">%.2f</td><td class=\"num\">%zu</td><td>",
                          r->confidence, r->nanswers);
        else
            rb_buf_puts(b, "</td><td class=\"num\"><span class=\"none\">—</span></td>"
                           "<td class=\"num\">0</td><td>");
        bool any = false;
        for (unsigned f = 1; r && f <= RB_FLAG_POLICY_ERROR; f <<= 1)
            if (r->flags & f) {
                rb_buf_printf(b, "%s<span class=\"flag-name\" data-flag=\"%s\" title=\"%s\">"
                              "⚑ %s</span>", any ? "<br>" : "", rb_flag_name(f),
                              rb_flag_text(f), rb_flag_name(f));
                any = true;
            }
        if (!any)
            none(b);
        rb_buf_puts(b, "</td></tr>\n");
    }
    rb_buf_puts(b, "</tbody>\n</table>\n");
    if (pc->nevidence)
        evidence_list(b, cand, pc);
    bool notes = false;
    for (size_t i = 0; i < cand->ninterviews; i++) {
        const rb_interview *iv = cand->interviews[i]->interview;
        for (size_t a = 0; a < iv->nanswers; a++) {
            const rb_answer *an = &iv->answers[a];
            if (an->competency != c || !an->notes)
                continue;
            if (!notes)
                rb_buf_puts(b, "<section class=\"notes\">\n<h3>Interviewers' notes</h3>\n<ul>\n");
            notes = true;
            rb_buf_puts(b, "<li data-interviewer=\"");
            html_esc(b, iv->interviewer);
            rb_buf_printf(b, "\" data-answer=\"%zu\"><span class=\"who\">", a + 1);
            html_esc(b, iv->interviewer);
            rb_buf_puts(b, "</span>: ");
            html_esc(b, an->notes);
            rb_buf_puts(b, "</li>\n");
        }
    }
    if (notes)
        rb_buf_puts(b, "</ul>\n</section>\n");
    rb_buf_puts(b, "</section>\n");
}

static void outcome(rb_buf *b, const rb_panel_candidate *cand)
{
    rb_buf_puts(b, "<section class=\"outcome\">\n<div>\n<h2>Strengths</h2>\n"
                   "<ul class=\"strengths\">\n");
    size_t n = 0;
    for (size_t k = 0; k < cand->ncompetencies; k++) {
        const rb_panel_competency *pc = &cand->competencies[k];
        if (pc->final_level && pc->gap >= 0) {
            rb_buf_puts(b, "<li><strong>");
            html_esc(b, pc->need->competency->title);
            rb_buf_printf(b, "</strong>: level %d, target %d</li>\n", pc->final_level,
                          pc->need->target);
            n++;
        }
    }
    if (!n)
        rb_buf_puts(b, "<li class=\"empty\">None at or above target.</li>\n");
    rb_buf_puts(b, "</ul>\n</div>\n<div>\n<h2>Areas for development</h2>\n"
                   "<ul class=\"developments\">\n");
    n = 0;
    for (size_t k = 0; k < cand->ncompetencies; k++) {
        const rb_panel_competency *pc = &cand->competencies[k];
        if (pc->final_level && pc->gap >= 0)
            continue;
        rb_buf_puts(b, "<li><strong>");
        html_esc(b, pc->need->competency->title);
        if (pc->final_level)
            rb_buf_printf(b, "</strong>: level %d, target %d (gap %d)</li>\n", pc->final_level,
                          pc->need->target, pc->gap);
        else
            rb_buf_printf(b, "</strong>: no level (no ratings and insufficient evidence), "
                          "target %d</li>\n", pc->need->target);
        n++;
    }
    if (!n)
        rb_buf_puts(b, "<li class=\"empty\">None: every competency is at or above target."
                       "</li>\n");
    rb_buf_puts(b, "</ul>\n</div>\n</section>\n");
}

static void stat_value(rb_buf *b, double v)
{
    double r = round(v * 1000) / 1000;
    rb_buf_printf(b, "%.3f", r == 0 ? 0.0 : r);
}

static void campaign(rb_buf *b, const rb_panel *p)
{
    rb_buf_puts(b, "<section class=\"campaign\" id=\"campaign\">\n<header class=\"sheet-head\">\n"
                   "<p class=\"kicker\">Campaign</p>\n<h1>");
    html_esc(b, p->role->title);
    rb_buf_printf(b, "</h1>\n<p class=\"counts\">%zu candidates · %zu interviewers · %zu "
                  "interviews</p>\n</header>\n", p->ncandidates, p->ninterviewers, p->ninputs);
    rb_buf_puts(b, "<h2>Interviewers</h2>\n<table class=\"leniency\">\n<caption>Leniency: the "
                   "mean of an interviewer's rating minus the consensus, over the competencies "
                   "that two or more interviewers rated. Above zero, more lenient than the "
                   "panel; below, more severe (half a level or more either way is called out)."
                   "</caption>\n<thead><tr><th scope=\"col\">Interviewer</th>"
                   "<th scope=\"col\">Candidates</th><th scope=\"col\">Ratings</th>"
                   "<th scope=\"col\">Compared</th><th scope=\"col\">Leniency</th>"
                   "<th scope=\"col\">Reading</th></tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < p->ninterviewers; i++) {
        const rb_panel_interviewer *who = &p->interviewers[i];
        const char *cls = !who->compared ? "" : who->leniency >= 0.5 ? "lenient"
                        : who->leniency <= -0.5 ? "severe" : "in-line";
        double r = round(who->leniency * 100) / 100;
        rb_buf_printf(b, "<tr class=\"interviewer %s\" data-leniency=\"", cls);
        if (who->compared)
            rb_buf_printf(b, "%.2f", r == 0 ? 0.0 : r);
        rb_buf_puts(b, "\"><th scope=\"row\">");
        html_esc(b, who->name);
        rb_buf_printf(b, "</th><td class=\"num\">%zu</td><td class=\"num\">%zu</td>"
                      "<td class=\"num\">%zu</td><td class=\"num\">", who->candidates,
                      who->ratings, who->compared);
        if (who->compared) {
            if (r < 0)
                rb_buf_printf(b, "−%.2f", -r);
            else
                rb_buf_printf(b, "+%.2f", r);
        } else {
            none(b);
        }
        rb_buf_printf(b, "</td><td class=\"reading\">%s</td></tr>\n",
                      !who->compared ? "—" : who->leniency >= 0.5 ? "more lenient than the panel"
                      : who->leniency <= -0.5 ? "more severe than the panel"
                      : "in line with the panel");
    }
    rb_buf_puts(b, "</tbody>\n</table>\n<h2>Agreement between interviewers</h2>\n"
                   "<p class=\"legend\">For each competency, a table of ratings with one row "
                   "per candidate and one column per interviewer. A statistic the ratings do "
                   "not allow says why.</p>\n");
    for (size_t k = 0; k < p->nagreement; k++) {
        const rb_panel_agreement_stats *st = &p->agreement[k];
        const rb_competency *c = st->need->competency;
        rb_buf_puts(b, "<section class=\"agreement\" id=\"a-");
        html_esc(b, c->id);
        rb_buf_puts(b, "\" data-competency=\"");
        html_esc(b, c->id);
        rb_buf_puts(b, "\">\n<h3>");
        html_esc(b, c->title);
        rb_buf_printf(b, " <span class=\"none\">(%zu rating%s)</span></h3>\n<table class=\"stats\">"
                      "\n<thead><tr><th scope=\"col\">Statistic</th><th scope=\"col\">Value</th>"
                      "<th scope=\"col\">Candidates used</th></tr></thead>\n<tbody>\n",
                      st->ratings, st->ratings == 1 ? "" : "s");
        for (int s = 0; s < RB_AGREE_NSTATS; s++) {
            const rb_stat *x = &st->stats.stats[s];
            rb_buf_printf(b, "<tr class=\"stat %s\" data-stat=\"%s\"><th scope=\"row\">",
                          x->available ? "available" : "unavailable",
                          rb_agreement_stat_key((rb_agreement_stat)s));
            html_esc(b, rb_agreement_stat_name((rb_agreement_stat)s));
            rb_buf_puts(b, "</th><td class=\"value num\">");
            if (x->available) {
                stat_value(b, x->value);
                rb_buf_printf(b, "</td><td class=\"num\">%zu</td></tr>\n", x->subjects);
            } else {
                rb_buf_puts(b, "not available: ");
                html_esc(b, x->reason);
                rb_buf_puts(b, "</td><td class=\"num\"><span class=\"none\">—</span></td></tr>\n");
            }
        }
        rb_buf_puts(b, "</tbody>\n</table>\n</section>\n");
    }
    rb_buf_puts(b, "</section>\n");
}

bool rb_panel_html(const rb_panel *p, rb_buf *b)
{
    html_page_open(b, &page);
    if (p->ncandidates == 1) {
        rb_buf_puts(b, "Panel: ");
        candidate_label(b, &p->candidates[0]);
    } else {
        rb_buf_printf(b, "Panel: %zu candidates, ", p->ncandidates);
        html_esc(b, p->role->title);
    }
    html_page_body(b, &page);
    if (p->ncandidates > 1) {
        rb_buf_puts(b, "<nav class=\"contents\" aria-labelledby=\"contents\">\n"
                       "<h2 id=\"contents\">Candidates</h2>\n<ol>\n");
        for (size_t k = 0; k < p->ncandidates; k++) {
            rb_buf_printf(b, "<li><a href=\"#panel-%zu\">", k + 1);
            candidate_label(b, &p->candidates[k]);
            rb_buf_printf(b, "</a> — %zu on the debrief agenda</li>\n",
                          p->candidates[k].agenda);
        }
        rb_buf_puts(b, "<li><a href=\"#campaign\">Campaign: interviewers and agreement</a></li>\n"
                       "</ol>\n</nav>\n");
    }
    for (size_t k = 0; k < p->ncandidates; k++) {
        const rb_panel_candidate *cand = &p->candidates[k];
        rb_buf_printf(b, "<article class=\"panel\" id=\"panel-%zu\" data-candidate=\"", k + 1);
        html_esc(b, cand->id);
        rb_buf_puts(b, "\">\n");
        head(b, p, cand);
        summary(b, cand, k);
        agenda(b, cand, k);
        for (size_t j = 0; j < cand->ncompetencies; j++)
            competency_section(b, cand, k, &cand->competencies[j]);
        outcome(b, cand);
        rb_buf_puts(b, "</article>\n");
    }
    if (p->ncandidates >= 2)
        campaign(b, p);
    html_page_close(b, &page);
    return rb_buf_ok(b);
}
