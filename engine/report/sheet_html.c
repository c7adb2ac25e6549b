/*
 * Scoring sheets as one self-contained, printable HTML page: inline CSS, no
 * scripts, fonts or images, nothing fetched. The content mirrors the
 * Markdown sheet (sheet_md.c); every text from the library or the answers
 * is escaped.
 *
 * Stable hooks for tools and tests:
 *   article.sheet#sheet-K             one per candidate (K from 1), with
 *                                     data-candidate="<candidate id>"
 *   table.summary, tr.result          the overview, one row per competency
 *                                     (id r-<competency>), data-competency
 *   section.competency#c-<competency> the details of one competency
 *   ul.star > li.star-element.present|.missing, data-element
 *   ul.flags > li.flag.flag-<name>, data-flag
 *   table.coverage > tr.level, data-level
 *   li.evidence, data-kind|data-level|data-behaviour|data-strength; the
 *                                     quoted sentence in mark.quote
 *   section.notes, ul.strengths, ul.developments
 * Ids in the first sheet are as shown; in sheet K >= 2 they take the prefix
 * "sK-" (s2-c-communication), which no id of the first sheet starts with.
 */
#include <stdio.h>
#include <string.h>

#include "report/html.h"
#include "rubric/report.h"
#include "rubric/score.h"

/* An element id: "sK-" for sheets after the first, then prefix and name. */
static void id_of(rb_buf *b, size_t sheet, const char *prefix, const char *name)
{
    html_id(b, 's', sheet, prefix, name);
}

static const char *level_name(const rb_competency *c, int n)
{
    const rb_scale_level *sl = c->scale ? rb_scale_level_of(c->scale, n) : NULL;
    return sl ? sl->name : "";
}

/* "3 Proficient", or a dash for no level. */
static void level_cell(rb_buf *b, const rb_competency *c, int n)
{
    if (!n) {
        rb_buf_puts(b, "<span class=\"none\">—</span>");
        return;
    }
    rb_buf_printf(b, "<span class=\"level-number\">%d</span> ", n);
    html_esc(b, level_name(c, n));
}

/* Level against target: one dot per scale level, filled up to the final
 * level, the target ringed. */
static void level_dots(rb_buf *b, const rb_competency_result *r)
{
    const rb_competency *c = r->competency;
    size_t n = c->scale ? c->scale->nlevels : c->nlevels;
    int top = n ? (c->scale ? c->scale->levels[n - 1].number : c->levels[n - 1].number) : 0;
    rb_buf_puts(b, "<span class=\"dots\" role=\"img\" aria-label=\"");
    if (r->final_level)
        rb_buf_printf(b, "final level %d of %d", r->final_level, top);
    else
        rb_buf_puts(b, "no final level");
    if (r->need)
        rb_buf_printf(b, ", target %d", r->need->target);
    rb_buf_puts(b, "\">");
    for (size_t i = 0; i < n; i++) {
        int num = c->scale ? c->scale->levels[i].number : c->levels[i].number;
        rb_buf_puts(b, "<span class=\"dot");
        if (r->final_level && num <= r->final_level)
            rb_buf_puts(b, " on");
        if (r->need && num == r->need->target)
            rb_buf_puts(b, " target");
        rb_buf_puts(b, "\"></span>");
    }
    rb_buf_puts(b, "</span>");
}

/* Where a competency stands against the role's target. */
static const char *standing(const rb_competency_result *r)
{
    if (!r->need)
        return "not-required";
    if (!r->final_level)
        return "no-level";
    return r->gap >= 0 ? "meets" : "below";
}

static void gap_text(rb_buf *b, const rb_competency_result *r)
{
    if (!r->need || !r->final_level)
        rb_buf_puts(b, "<span class=\"none\">—</span>");
    else if (r->gap < 0)
        rb_buf_printf(b, "−%d", -r->gap);  /* a true minus sign */
    else
        rb_buf_printf(b, "+%d", r->gap);
}

static const char *const rules[] = {
    HTML_CSS_SHEET_HEAD(".sheet"),
    ".note{border-left:4px solid var(--below);background:#fff7ed;padding:.4rem .8rem;margin:.75rem 0}\n",
    HTML_CSS_SHEET_TABLE,
    "td.num{font-variant-numeric:tabular-nums;white-space:nowrap}\n",
    "table.summary td{white-space:nowrap}\n",
    "table.summary td .insufficient{white-space:normal}\n",
    HTML_CSS_SHEET_LEVEL,
    ".none{color:var(--muted)}\n",
    ".insufficient{color:var(--bad);font-style:italic}\n",
    HTML_CSS_SHEET_GAP,
    ".dots{display:inline-flex;gap:.3rem;vertical-align:middle}\n",
    ".dot{width:.8rem;height:.8rem;border-radius:50%;border:1.5px solid #9aa5b1;background:#fff}\n",
    ".dot.on{background:var(--accent);border-color:var(--accent)}\n",
    "tr.meets .dot.on{background:var(--ok);border-color:var(--ok)}\n",
    "tr.below .dot.on{background:var(--below);border-color:var(--below)}\n",
    ".dot.target{outline:2px solid var(--ink);outline-offset:2px}\n",
    HTML_CSS_SHEET_LEGEND,
    ".legend .dot{display:inline-block;vertical-align:-.1rem;margin:0 .4rem 0 .9rem}\n",
    ".legend .dot:first-child{margin-left:.2rem}\n",
    HTML_CSS_SHEET_BAR,
    "tr.credited .bar>span{background:var(--ok)}\n",
    HTML_CSS_SHEET_COMPETENCY,
    ".badge{display:inline-block;border-radius:3px;padding:0 .35rem;font-size:.75rem;"
    "font-weight:600;margin-left:.3rem;border:1px solid currentColor}\n",
    ".badge.target{color:var(--ink)}\n",
    ".badge.suggested{color:var(--accent)}\n",
    "ul.star{list-style:none;display:flex;flex-wrap:wrap;gap:.4rem;padding:0;margin:.5rem 0}\n",
    ".star-element{border-radius:999px;padding:.05rem .7rem;font-size:.85rem;border:1px solid}\n",
    ".star-element.present{color:var(--ok);background:#eaf6ef}\n",
    ".star-element.missing{color:var(--bad);background:#fff;border-style:dashed}\n",
    ".star-label{font-weight:600;margin-right:.25rem}\n",
    "ul.flags{list-style:none;padding:0;margin:.5rem 0}\n",
    ".flag{background:#fdf1e7;border-left:4px solid var(--below);padding:.3rem .7rem;margin:.3rem 0}\n",
    ".flag code{font-weight:700;color:var(--below)}\n",
    ".policy-note{color:var(--muted)}\n",
    "table.coverage{width:auto;min-width:60%}\n",
    "tr.target-level th{box-shadow:inset 3px 0 var(--ink)}\n",
    HTML_CSS_SHEET_BEHAVIOUR,
    HTML_CSS_SHEET_CODE,
    HTML_CSS_SHEET_QUOTES,
    ".evidence-meta .bar{width:3rem;height:.4rem;margin:0 .2rem 0 .3rem}\n",
    ".kind{font-weight:600}\n",
    HTML_CSS_SHEET_OUTCOME,
    NULL,
};

static const char *const print_rules[] = {
    HTML_CSS_SHEET_PRINT(".sheet", ".sheet+.sheet",
                         "tr,li,.fit,.flag,table.coverage,.outcome"),
    NULL,
};

static const char *const after_print[] = { HTML_CSS_SHEET_NARROW(".sheet"), NULL };

static const html_page page = {
    .palette = HTML_SHEET_PALETTE,
    .exact_colours = true,
    .width = "62rem",
    .generator = true,
    .rules = rules,
    .print = print_rules,
    .after = after_print,
};

static void sheet_head(rb_buf *b, const rb_sheet *sh)
{
    const rb_interview *iv = sh->interview;
    rb_buf_puts(b, "<header class=\"sheet-head\">\n<p class=\"kicker\">Scoring sheet</p>\n"
                   "<h1 class=\"candidate\"><span class=\"candidate-name\">");
    html_esc(b, iv->candidate_name ? iv->candidate_name : iv->candidate_id);
    rb_buf_puts(b, "</span> <span class=\"candidate-id\">(");
    html_esc(b, iv->candidate_id);
    rb_buf_puts(b, ")</span></h1>\n<dl class=\"meta\">\n<div><dt>Role</dt><dd class=\"role\">");
    html_esc(b, iv->role->title);
    rb_buf_puts(b, "</dd></div>\n");
    if (iv->interviewer) {
        rb_buf_puts(b, "<div><dt>Interviewer</dt><dd class=\"interviewer\">");
        html_esc(b, iv->interviewer);
        rb_buf_puts(b, "</dd></div>\n");
    }
    if (iv->date) {
        rb_buf_puts(b, "<div><dt>Date</dt><dd class=\"date\"><time datetime=\"");
        html_esc(b, iv->date);
        rb_buf_puts(b, "\">");
        html_esc(b, iv->date);
        rb_buf_puts(b, "</time></dd></div>\n");
    }
    rb_buf_puts(b, "</dl>\n");
    rb_buf_printf(b, "<p class=\"fit\"><span class=\"fit-label\">Overall fit</span> "
                  "<span class=\"fit-value\">%.0f%%</span>", html_clamp01(sh->fit) * 100);
    html_bar(b, "fit-bar", sh->fit);
    rb_buf_printf(b, "<span class=\"counts\">strengths: <strong>%zu</strong> · areas for "
                  "development: <strong>%zu</strong></span></p>\n",
                  sh->strengths, sh->developments);
    if (iv->library_hash && strcmp(iv->library_hash, rb_library_hash(sh->library)) != 0) {
        rb_buf_puts(b, "<p class=\"note library-mismatch\">Recorded with library <code>");
        html_esc(b, iv->library_hash);
        rb_buf_puts(b, "</code>, scored with <code>");
        html_esc(b, rb_library_hash(sh->library));
        rb_buf_puts(b, "</code>.</p>\n");
    }
    rb_buf_puts(b, "</header>\n");
}

static void summary_table(rb_buf *b, const rb_sheet *sh, size_t k)
{
    rb_buf_puts(b, "<section class=\"overview\" aria-labelledby=\"");
    id_of(b, k, "overview", "");
    rb_buf_puts(b, "\">\n<h2 id=\"");
    id_of(b, k, "overview", "");
    rb_buf_puts(b, "\">Summary</h2>\n<table class=\"summary\">\n"
                   "<caption>Each competency against the role's target level</caption>\n"
                   "<thead><tr><th scope=\"col\">Competency</th><th scope=\"col\">Target</th>"
                   "<th scope=\"col\">Suggested</th><th scope=\"col\">Confidence</th>"
                   "<th scope=\"col\">Rating</th><th scope=\"col\">Final</th>"
                   "<th scope=\"col\">Gap</th><th scope=\"col\">Level vs target</th></tr></thead>\n"
                   "<tbody>\n");
    for (size_t i = 0; i < sh->nresults; i++) {
        const rb_competency_result *r = &sh->results[i];
        const rb_competency *c = r->competency;
        rb_buf_puts(b, "<tr class=\"result ");
        rb_buf_puts(b, standing(r));
        rb_buf_puts(b, "\" id=\"");
        id_of(b, k, "r-", c->id);
        rb_buf_puts(b, "\" data-competency=\"");
        html_esc(b, c->id);
        rb_buf_puts(b, "\">\n<th scope=\"row\"><a href=\"#");
        id_of(b, k, "c-", c->id);
        rb_buf_puts(b, "\">");
        html_esc(b, c->title);
        rb_buf_puts(b, "</a></th>\n<td class=\"target\">");
        if (r->need)
            level_cell(b, c, r->need->target);
        else
            rb_buf_puts(b, "<span class=\"none\">— (not required)</span>");
        rb_buf_puts(b, "</td>\n<td class=\"suggested\">");
        if (r->suggested)
            level_cell(b, c, r->suggested);
        else
            rb_buf_puts(b, "<span class=\"insufficient\">insufficient evidence</span>");
        rb_buf_printf(b, "</td>\n<td class=\"confidence num\">%.2f</td>\n<td class=\"rating\">",
                      r->confidence);
        level_cell(b, c, r->rating);
        rb_buf_puts(b, "</td>\n<td class=\"final\">");
        level_cell(b, c, r->final_level);
        rb_buf_printf(b, "</td>\n<td class=\"gap num gap-%s\">", standing(r));
        gap_text(b, r);
        rb_buf_puts(b, "</td>\n<td class=\"vs-target\">");
        level_dots(b, r);
        rb_buf_puts(b, "</td>\n</tr>\n");
    }
    rb_buf_puts(b, "</tbody>\n</table>\n<p class=\"legend\" aria-hidden=\"true\">"
                   "<span class=\"dot on\"></span>final level "
                   "<span class=\"dot target\"></span>target level</p>\n</section>\n");
}

static void star_list(rb_buf *b, unsigned star)
{
    static const struct { unsigned bit; const char *name, *label; } els[] = {
        { RB_STAR_SITUATION, "situation", "Situation" }, { RB_STAR_TASK, "task", "Task" },
        { RB_STAR_ACTION, "action", "Action" }, { RB_STAR_RESULT, "result", "Result" },
    };
    rb_buf_puts(b, "<ul class=\"star\" aria-label=\"STAR elements\">\n");
    for (size_t i = 0; i < sizeof els / sizeof *els; i++) {
        bool on = (star & els[i].bit) != 0;
        rb_buf_printf(b, "<li class=\"star-element %s\" data-element=\"%s\">"
                      "<span aria-hidden=\"true\">%s</span> <span class=\"star-label\">%s</span>"
                      "%s</li>\n", on ? "present" : "missing", els[i].name, on ? "✓" : "✗",
                      els[i].label, on ? "present" : "missing");
    }
    rb_buf_puts(b, "</ul>\n");
}

static void coverage_table(rb_buf *b, const rb_competency_result *r)
{
    const rb_competency *c = r->competency;
    rb_buf_puts(b, "<table class=\"coverage\">\n<caption>Share of each level's behaviour "
                   "weight with evidence</caption>\n<thead><tr><th scope=\"col\">Level</th>"
                   "<th scope=\"col\">Coverage</th><th scope=\"col\">Credited</th></tr></thead>\n"
                   "<tbody>\n");
    for (size_t l = 0; l < r->nlevels; l++) {
        const rb_level_result *lv = &r->levels[l];
        bool is_target = r->need && r->need->target == lv->number;
        rb_buf_printf(b, "<tr class=\"level%s%s\" data-level=\"%d\"><th scope=\"row\">",
                      lv->credited ? " credited" : "", is_target ? " target-level" : "",
                      lv->number);
        level_cell(b, c, lv->number);
        if (is_target)
            rb_buf_puts(b, "<span class=\"badge target\">target</span>");
        if (r->suggested == lv->number)
            rb_buf_puts(b, "<span class=\"badge suggested\">suggested</span>");
        rb_buf_puts(b, "</th><td class=\"num\">");
        html_bar(b, "coverage-bar", lv->coverage);
        rb_buf_printf(b, "%.0f%%</td><td>%s</td></tr>\n", html_clamp01(lv->coverage) * 100,
                      lv->credited ? "yes" : "no");
    }
    rb_buf_puts(b, "</tbody>\n</table>\n");
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

static void evidence_list(rb_buf *b, const rb_sheet *sh, const rb_competency_result *r)
{
    const rb_competency *c = r->competency;
    rb_buf_puts(b, "<section class=\"evidence\">\n<h3>Evidence</h3>\n");
    int level = 0;
    bool open_level = false, open_beh = false;
    const rb_behaviour *beh = NULL;
    for (size_t e = 0; e < r->nevidence; e++) {
        const rb_evidence *ev = &r->evidence[e];
        if (!open_level || ev->level != level) {
            if (open_beh)
                rb_buf_puts(b, "</ul>\n</div>\n");
            if (open_level)
                rb_buf_puts(b, "</section>\n");
            level = ev->level;
            rb_buf_printf(b, "<section class=\"evidence-level\" data-level=\"%d\">\n"
                          "<h4>Level %d ", level, level);
            html_esc(b, level_name(c, level));
            rb_buf_puts(b, "</h4>\n");
            open_level = true;
            open_beh = false;
            beh = NULL;
        }
        if (!open_beh || ev->behaviour != beh) {
            if (open_beh)
                rb_buf_puts(b, "</ul>\n</div>\n");
            beh = ev->behaviour;
            rb_buf_puts(b, "<div class=\"behaviour\" data-behaviour=\"");
            html_esc(b, beh->id);
            rb_buf_puts(b, "\">\n<p class=\"behaviour-text\">");
            html_esc(b, beh->text);
            rb_buf_puts(b, " <code>");
            html_esc(b, beh->id);
            rb_buf_puts(b, "</code></p>\n<ul class=\"quotes\">\n");
            open_beh = true;
        }
        rb_buf_printf(b, "<li class=\"evidence %s\" data-kind=\"%s\" data-level=\"%d\" "
                      "data-behaviour=\"", ev->kind == RB_EVIDENCE_OBSERVED ? "observed"
                      : "quoted", kind_name(ev->kind), ev->level);
        html_esc(b, beh->id);
        rb_buf_printf(b, "\" data-answer=\"%zu\" data-strength=\"%.2f\">", ev->answer + 1,
                      ev->strength);
        if (ev->kind == RB_EVIDENCE_OBSERVED) {
            rb_buf_printf(b, "Observed by the interviewer (answer %zu)</li>\n", ev->answer + 1);
            continue;
        }
        size_t len;
        const char *text = rb_evidence_text(sh->interview, ev, &len);
        size_t start = ev->start < len ? ev->start : len;
        size_t end = ev->end < start ? start : ev->end > len ? len : ev->end;
        rb_buf_puts(b, "<blockquote><mark class=\"quote\">");
        html_esc_n(b, text + start, end - start);
        rb_buf_printf(b, "</mark></blockquote>\n<div class=\"evidence-meta\">answer %zu",
                      ev->answer + 1);
        if (ev->part >= 0) {
            const rb_answer *an = &sh->interview->answers[ev->answer];
            const rb_probe *p = (size_t)ev->part < an->nprobes ? an->probes[ev->part].probe
                                                                 : NULL;
            rb_buf_puts(b, ", probe");
            if (p) {
                rb_buf_puts(b, " “<span class=\"probe\">");
                html_esc(b, p->text);
                rb_buf_puts(b, "</span>”");
            }
        }
        rb_buf_printf(b, " · <span class=\"kind\">%s</span> · strength", kind_name(ev->kind));
        html_bar(b, "strength-bar", ev->strength);
        rb_buf_printf(b, "<span class=\"strength\">%.2f</span></div></li>\n", ev->strength);
    }
    if (open_beh)
        rb_buf_puts(b, "</ul>\n</div>\n");
    if (open_level)
        rb_buf_puts(b, "</section>\n");
    rb_buf_puts(b, "</section>\n");
}

static void competency_section(rb_buf *b, const rb_sheet *sh, size_t k,
                               const rb_competency_result *r)
{
    const rb_interview *iv = sh->interview;
    const rb_competency *c = r->competency;
    rb_buf_printf(b, "<section class=\"competency %s\" id=\"", standing(r));
    id_of(b, k, "c-", c->id);
    rb_buf_puts(b, "\" data-competency=\"");
    html_esc(b, c->id);
    rb_buf_puts(b, "\" aria-labelledby=\"");
    id_of(b, k, "h-", c->id);
    rb_buf_puts(b, "\">\n<h2 id=\"");
    id_of(b, k, "h-", c->id);
    rb_buf_puts(b, "\">");
    html_esc(b, c->title);
    rb_buf_puts(b, "</h2>\n");
    if (c->definition) {
        rb_buf_puts(b, "<p class=\"definition\">");
        html_esc(b, c->definition);
        rb_buf_puts(b, "</p>\n");
    }
    if (!r->nanswers) {
        rb_buf_puts(b, "<p class=\"no-answers empty\">No answers were recorded for this "
                       "competency.</p>\n</section>\n");
        return;
    }
    rb_buf_puts(b, "<p class=\"verdict\">");
    if (r->suggested) {
        rb_buf_printf(b, "Suggested level <strong class=\"suggested\">%d ", r->suggested);
        html_esc(b, level_name(c, r->suggested));
        rb_buf_printf(b, "</strong> (confidence %.2f)", r->confidence);
    } else {
        rb_buf_printf(b, "Suggested level: <strong class=\"insufficient\">insufficient "
                      "evidence</strong> (%zu evidence item%s; %d needed)", r->nevidence,
                      r->nevidence == 1 ? "" : "s", c->scoring.min_evidence);
    }
    if (r->rating) {
        rb_buf_printf(b, " · interviewer rating <strong class=\"rating\">%d ", r->rating);
        html_esc(b, level_name(c, r->rating));
        rb_buf_puts(b, "</strong>");
    }
    if (r->need)
        rb_buf_printf(b, " · target <strong class=\"target\">%d</strong>", r->need->target);
    rb_buf_puts(b, "</p>\n");
    star_list(b, r->star);
    if (r->policy_note) {
        rb_buf_puts(b, "<p class=\"policy-note\">Scoring function: ");
        html_esc(b, r->policy_note);
        rb_buf_puts(b, "</p>\n");
    }
    if (r->flags) {
        rb_buf_puts(b, "<ul class=\"flags\" aria-label=\"Flags\">\n");
        for (unsigned f = 1; f <= RB_FLAG_POLICY_ERROR; f <<= 1)
            if (r->flags & f)
                rb_buf_printf(b, "<li class=\"flag flag-%s\" data-flag=\"%s\">"
                              "<span aria-hidden=\"true\">⚑</span> <code>%s</code>: %s</li>\n",
                              rb_flag_name(f), rb_flag_name(f), rb_flag_name(f),
                              rb_flag_text(f));
        rb_buf_puts(b, "</ul>\n");
    }
    coverage_table(b, r);
    if (r->nevidence)
        evidence_list(b, sh, r);
    bool notes = false;
    for (size_t a = 0; a < iv->nanswers; a++) {
        const rb_answer *an = &iv->answers[a];
        if (an->competency != c || !an->notes)
            continue;
        if (!notes)
            rb_buf_puts(b, "<section class=\"notes\">\n<h3>Interviewer's notes</h3>\n<ul>\n");
        notes = true;
        rb_buf_printf(b, "<li data-answer=\"%zu\">", a + 1);
        html_esc(b, an->notes);
        rb_buf_puts(b, "</li>\n");
    }
    if (notes)
        rb_buf_puts(b, "</ul>\n</section>\n");
    rb_buf_puts(b, "</section>\n");
}

static void outcome(rb_buf *b, const rb_sheet *sh)
{
    rb_buf_puts(b, "<section class=\"outcome\">\n<div>\n<h2>Strengths</h2>\n"
                   "<ul class=\"strengths\">\n");
    size_t n = 0;
    for (size_t i = 0; i < sh->nresults; i++) {
        const rb_competency_result *r = &sh->results[i];
        if (r->need && r->final_level && r->gap >= 0) {
            rb_buf_puts(b, "<li><strong>");
            html_esc(b, r->competency->title);
            rb_buf_printf(b, "</strong>: level %d, target %d</li>\n", r->final_level,
                          r->need->target);
            n++;
        }
    }
    if (!n)
        rb_buf_puts(b, "<li class=\"empty\">None at or above target.</li>\n");
    rb_buf_puts(b, "</ul>\n</div>\n<div>\n<h2>Areas for development</h2>\n"
                   "<ul class=\"developments\">\n");
    n = 0;
    for (size_t i = 0; i < sh->nresults; i++) {
        const rb_competency_result *r = &sh->results[i];
        if (r->need && !(r->final_level && r->gap >= 0)) {
            rb_buf_puts(b, "<li><strong>");
            html_esc(b, r->competency->title);
            if (r->final_level)
                rb_buf_printf(b, "</strong>: level %d, target %d (gap %d)</li>\n",
                              r->final_level, r->need->target, r->gap);
            else
                rb_buf_printf(b, "</strong>: no level (insufficient evidence), target %d</li>\n",
                              r->need->target);
            n++;
        }
    }
    if (!n)
        rb_buf_puts(b, "<li class=\"empty\">None: every competency is at or above target."
                       "</li>\n");
    rb_buf_puts(b, "</ul>\n</div>\n</section>\n");
}

static void candidate_label(rb_buf *b, const rb_interview *iv)
{
    html_esc(b, iv->candidate_name ? iv->candidate_name : iv->candidate_id);
    rb_buf_puts(b, " (");
    html_esc(b, iv->candidate_id);
    rb_buf_puts(b, ")");
}

bool rb_sheets_html(rb_sheet *const *sheets, size_t n, rb_buf *b)
{
    html_page_open(b, &page);
    if (n == 1) {
        rb_buf_puts(b, "Scoring sheet: ");
        candidate_label(b, sheets[0]->interview);
    } else {
        rb_buf_printf(b, "Scoring sheets: %zu candidates", n);
    }
    html_page_body(b, &page);
    if (n > 1) {
        rb_buf_puts(b, "<nav class=\"contents\" aria-labelledby=\"contents\">\n"
                       "<h2 id=\"contents\">Candidates</h2>\n<ol>\n");
        for (size_t k = 0; k < n; k++) {
            rb_buf_printf(b, "<li><a href=\"#sheet-%zu\">", k + 1);
            candidate_label(b, sheets[k]->interview);
            rb_buf_puts(b, "</a> — ");
            html_esc(b, sheets[k]->interview->role->title);
            rb_buf_puts(b, "</li>\n");
        }
        rb_buf_puts(b, "</ol>\n</nav>\n");
    }
    if (n == 0)
        rb_buf_puts(b, "<p class=\"empty\">No interviews were scored.</p>\n");
    for (size_t k = 0; k < n; k++) {
        const rb_sheet *sh = sheets[k];
        rb_buf_printf(b, "<article class=\"sheet\" id=\"sheet-%zu\" data-candidate=\"", k + 1);
        html_esc(b, sh->interview->candidate_id);
        rb_buf_puts(b, "\">\n");
        sheet_head(b, sh);
        summary_table(b, sh, k);
        for (size_t i = 0; i < sh->nresults; i++)
            competency_section(b, sh, k, &sh->results[i]);
        outcome(b, sh);
        rb_buf_puts(b, "</article>\n");
    }
    html_page_close(b, &page);
    return rb_buf_ok(b);
}
