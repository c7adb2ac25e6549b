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
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "rubric/report.h"
#include "rubric/score.h"
#include "rubric/version.h"

/* Text or attribute value, escaped: & < > " ' as references; control
 * characters HTML does not allow become U+FFFD. */
static void esc_n(rb_buf *b, const char *s, size_t n)
{
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        const char *rep;
        switch (c) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        default:
            rep = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f
                      ? "\xEF\xBF\xBD" : NULL;
            break;
        }
        if (!rep)
            continue;
        rb_buf_append(b, s + run, i - run);
        rb_buf_puts(b, rep);
        run = i + 1;
    }
    rb_buf_append(b, s + run, n - run);
}

static void esc(rb_buf *b, const char *s)
{
    if (s)
        esc_n(b, s, strlen(s));
}

/* An element id: "sK-" for sheets after the first, then prefix and name. */
static void id_of(rb_buf *b, size_t sheet, const char *prefix, const char *name)
{
    if (sheet)
        rb_buf_printf(b, "s%zu-", sheet + 1);
    rb_buf_puts(b, prefix);
    esc(b, name);
}

static double clamp01(double v)
{
    return isfinite(v) ? fmin(fmax(v, 0.0), 1.0) : 0.0;
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
    esc(b, level_name(c, n));
}

/* A percentage bar (decorative: the number is always written beside it). */
static void bar(rb_buf *b, const char *cls, double v)
{
    rb_buf_printf(b, "<span class=\"bar %s\" aria-hidden=\"true\"><span style=\"width:%.0f%%\">"
                  "</span></span>", cls, clamp01(v) * 100);
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

static const char *const style[] = {
    ":root{--ink:#1c2733;--muted:#52606d;--line:#d5dde5;--soft:#f3f6f9;"
    "--accent:#2b5f9e;--ok:#23784a;--below:#b3570f;--bad:#b42828;--mark:#fff0a0}\n",
    "*{box-sizing:border-box}\n",
    "html{-webkit-print-color-adjust:exact;print-color-adjust:exact}\n",
    "body{margin:0;background:#e9edf1;color:var(--ink);"
    "font:15px/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,\"Liberation Sans\","
    "\"DejaVu Sans\",Arial,sans-serif}\n",
    "main{max-width:62rem;margin:0 auto;padding:1.5rem 1rem}\n",
    "nav.contents{background:#fff;border-radius:6px;padding:.75rem 1.25rem;margin-bottom:1.5rem}\n",
    "nav.contents h2{font-size:1rem;margin:0 0 .25rem}\n",
    "nav.contents ol{margin:0;padding-left:1.25rem}\n",
    "nav.contents a{color:var(--accent)}\n",
    ".sheet{background:#fff;border-radius:6px;box-shadow:0 1px 4px rgba(0,0,0,.12);"
    "padding:1.75rem 2rem 2rem;margin-bottom:2rem}\n",
    ".sheet-head{border-bottom:3px solid var(--accent);padding-bottom:1rem;margin-bottom:1.25rem}\n",
    ".kicker{margin:0;color:var(--accent);font-size:.8rem;font-weight:600;"
    "letter-spacing:.08em;text-transform:uppercase}\n",
    "h1{font-size:1.8rem;line-height:1.2;margin:.15rem 0 .6rem}\n",
    ".candidate-id{color:var(--muted);font-weight:400;font-size:1.1rem}\n",
    "h2{font-size:1.3rem;margin:1.75rem 0 .5rem;color:var(--accent)}\n",
    "h3{font-size:1.02rem;margin:1.25rem 0 .4rem}\n",
    "h4{font-size:.92rem;margin:.9rem 0 .3rem;color:var(--muted)}\n",
    "dl.meta{display:flex;flex-wrap:wrap;gap:.25rem 2rem;margin:0 0 1rem}\n",
    "dl.meta div{display:flex;gap:.4rem}\n",
    "dl.meta dt{color:var(--muted)}\n",
    "dl.meta dt::after{content:\":\"}\n",
    "dl.meta dd{margin:0;font-weight:600}\n",
    ".fit{display:flex;align-items:center;flex-wrap:wrap;gap:.5rem 1.25rem;"
    "background:var(--soft);border-radius:6px;padding:.6rem 1rem}\n",
    ".fit-value{font-size:1.6rem;font-weight:700}\n",
    ".fit .bar{width:12rem;height:.7rem}\n",
    ".counts{color:var(--muted)}\n",
    ".note{border-left:4px solid var(--below);background:#fff7ed;padding:.4rem .8rem;margin:.75rem 0}\n",
    "table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.92rem}\n",
    "caption{text-align:left;color:var(--muted);font-size:.85rem;padding-bottom:.3rem}\n",
    "th,td{border-bottom:1px solid var(--line);padding:.4rem .5rem;text-align:left;vertical-align:middle}\n",
    "thead th{background:var(--soft);font-size:.8rem;text-transform:uppercase;"
    "letter-spacing:.03em;color:var(--muted);border-bottom:2px solid var(--line)}\n",
    "tbody th{font-weight:600}\n",
    "td.num{font-variant-numeric:tabular-nums;white-space:nowrap}\n",
    "table.summary td{white-space:nowrap}\n",
    "table.summary td .insufficient{white-space:normal}\n",
    "table.summary a{color:inherit}\n",
    ".level-number{display:inline-block;min-width:1.2em;font-weight:700}\n",
    ".none{color:var(--muted)}\n",
    ".insufficient{color:var(--bad);font-style:italic}\n",
    ".gap-below{color:var(--below);font-weight:700}\n",
    ".gap-meets{color:var(--ok);font-weight:700}\n",
    ".dots{display:inline-flex;gap:.3rem;vertical-align:middle}\n",
    ".dot{width:.8rem;height:.8rem;border-radius:50%;border:1.5px solid #9aa5b1;background:#fff}\n",
    ".dot.on{background:var(--accent);border-color:var(--accent)}\n",
    "tr.meets .dot.on{background:var(--ok);border-color:var(--ok)}\n",
    "tr.below .dot.on{background:var(--below);border-color:var(--below)}\n",
    ".dot.target{outline:2px solid var(--ink);outline-offset:2px}\n",
    ".legend{font-size:.8rem;color:var(--muted);margin:-.5rem 0 1rem}\n",
    ".legend .dot{display:inline-block;vertical-align:-.1rem;margin:0 .4rem 0 .9rem}\n",
    ".legend .dot:first-child{margin-left:.2rem}\n",
    ".bar{display:inline-block;width:6rem;height:.55rem;background:#e4e9ee;border-radius:4px;"
    "overflow:hidden;vertical-align:middle;margin-right:.4rem}\n",
    ".bar>span{display:block;height:100%;background:var(--accent)}\n",
    ".bar.fit-bar>span{background:var(--ok)}\n",
    "tr.credited .bar>span{background:var(--ok)}\n",
    ".competency{border-top:1px solid var(--line);margin-top:1.75rem}\n",
    ".competency>h2{margin-top:1.25rem}\n",
    ".definition{color:var(--muted);margin:.1rem 0 .6rem;font-style:italic}\n",
    ".verdict{margin:.25rem 0 .75rem}\n",
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
    ".behaviour{margin:.4rem 0 .8rem}\n",
    ".behaviour-text{margin:0;font-weight:600}\n",
    "code{font:.78rem ui-monospace,\"DejaVu Sans Mono\",monospace;color:var(--muted);font-weight:400}\n",
    "ul.quotes{list-style:none;margin:.25rem 0 0;padding:0 0 0 1rem}\n",
    "li.evidence{margin:.35rem 0;border-left:3px solid var(--line);padding-left:.7rem;"
    "break-inside:avoid}\n",
    "blockquote{margin:0}\n",
    "mark.quote{background:var(--mark);color:inherit;padding:.05rem .15rem;border-radius:2px;"
    "-webkit-box-decoration-break:clone;box-decoration-break:clone}\n",
    "blockquote::before{content:\"\\201C\"}\n",
    "blockquote::after{content:\"\\201D\"}\n",
    ".evidence-meta{font-size:.8rem;color:var(--muted)}\n",
    ".evidence-meta .bar{width:3rem;height:.4rem;margin:0 .2rem 0 .3rem}\n",
    ".kind{font-weight:600}\n",
    "li.observed{font-style:italic;color:var(--muted)}\n",
    "section.notes ul{margin:.25rem 0;padding-left:1.25rem}\n",
    ".outcome{display:grid;grid-template-columns:1fr 1fr;gap:0 2rem;"
    "border-top:1px solid var(--line);margin-top:1.75rem}\n",
    ".outcome ul{padding-left:1.25rem;margin:.25rem 0}\n",
    ".empty{color:var(--muted)}\n",
    "footer.generator{color:var(--muted);font-size:.75rem;text-align:center;margin-top:-1rem}\n",
    "@page{size:A4;margin:14mm 12mm}\n",
    "@media print{\n",
    "body{background:#fff;font-size:10pt}\n",
    "main{max-width:none;padding:0}\n",
    "nav.contents,footer.generator{display:none}\n",
    ".sheet{box-shadow:none;border-radius:0;padding:0;margin:0}\n",
    ".sheet+.sheet{break-before:page;page-break-before:always}\n",
    "h2,h3,h4,.behaviour-text{break-after:avoid;page-break-after:avoid}\n",
    "tr,li,.fit,.flag,table.coverage,.outcome{break-inside:avoid;page-break-inside:avoid}\n",
    "thead{display:table-header-group}\n",
    "a{color:inherit;text-decoration:none}\n",
    "}\n",
    "@media (max-width:40rem){.outcome{grid-template-columns:1fr}.sheet{padding:1rem}}\n",
};

static void sheet_head(rb_buf *b, const rb_sheet *sh)
{
    const rb_interview *iv = sh->interview;
    rb_buf_puts(b, "<header class=\"sheet-head\">\n<p class=\"kicker\">Scoring sheet</p>\n"
                   "<h1 class=\"candidate\"><span class=\"candidate-name\">");
    esc(b, iv->candidate_name ? iv->candidate_name : iv->candidate_id);
    rb_buf_puts(b, "</span> <span class=\"candidate-id\">(");
    esc(b, iv->candidate_id);
    rb_buf_puts(b, ")</span></h1>\n<dl class=\"meta\">\n<div><dt>Role</dt><dd class=\"role\">");
    esc(b, iv->role->title);
    rb_buf_puts(b, "</dd></div>\n");
    if (iv->interviewer) {
        rb_buf_puts(b, "<div><dt>Interviewer</dt><dd class=\"interviewer\">");
        esc(b, iv->interviewer);
        rb_buf_puts(b, "</dd></div>\n");
    }
    if (iv->date) {
        rb_buf_puts(b, "<div><dt>Date</dt><dd class=\"date\"><time datetime=\"");
        esc(b, iv->date);
        rb_buf_puts(b, "\">");
        esc(b, iv->date);
        rb_buf_puts(b, "</time></dd></div>\n");
    }
    rb_buf_puts(b, "</dl>\n");
    rb_buf_printf(b, "<p class=\"fit\"><span class=\"fit-label\">Overall fit</span> "
                  "<span class=\"fit-value\">%.0f%%</span>", clamp01(sh->fit) * 100);
    bar(b, "fit-bar", sh->fit);
    rb_buf_printf(b, "<span class=\"counts\">strengths: <strong>%zu</strong> · areas for "
                  "development: <strong>%zu</strong></span></p>\n",
                  sh->strengths, sh->developments);
    if (iv->library_hash && strcmp(iv->library_hash, rb_library_hash(sh->library)) != 0) {
        rb_buf_puts(b, "<p class=\"note library-mismatch\">Recorded with library <code>");
        esc(b, iv->library_hash);
        rb_buf_puts(b, "</code>, scored with <code>");
        esc(b, rb_library_hash(sh->library));
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
        esc(b, c->id);
        rb_buf_puts(b, "\">\n<th scope=\"row\"><a href=\"#");
        id_of(b, k, "c-", c->id);
        rb_buf_puts(b, "\">");
        esc(b, c->title);
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
        bar(b, "coverage-bar", lv->coverage);
        rb_buf_printf(b, "%.0f%%</td><td>%s</td></tr>\n", clamp01(lv->coverage) * 100,
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
            esc(b, level_name(c, level));
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
            esc(b, beh->id);
            rb_buf_puts(b, "\">\n<p class=\"behaviour-text\">");
            esc(b, beh->text);
            rb_buf_puts(b, " <code>");
            esc(b, beh->id);
            rb_buf_puts(b, "</code></p>\n<ul class=\"quotes\">\n");
            open_beh = true;
        }
        rb_buf_printf(b, "<li class=\"evidence %s\" data-kind=\"%s\" data-level=\"%d\" "
                      "data-behaviour=\"", ev->kind == RB_EVIDENCE_OBSERVED ? "observed"
                      : "quoted", kind_name(ev->kind), ev->level);
        esc(b, beh->id);
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
        esc_n(b, text + start, end - start);
        rb_buf_printf(b, "</mark></blockquote>\n<div class=\"evidence-meta\">answer %zu",
                      ev->answer + 1);
        if (ev->part >= 0) {
            const rb_answer *an = &sh->interview->answers[ev->answer];
            const rb_probe *p = (size_t)ev->part < an->nprobes ? an->probes[ev->part].probe
                                                                 : NULL;
            rb_buf_puts(b, ", probe");
            if (p) {
                rb_buf_puts(b, " “<span class=\"probe\">");
                esc(b, p->text);
                rb_buf_puts(b, "</span>”");
            }
        }
        rb_buf_printf(b, " · <span class=\"kind\">%s</span> · strength", kind_name(ev->kind));
        bar(b, "strength-bar", ev->strength);
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
    esc(b, c->id);
    rb_buf_puts(b, "\" aria-labelledby=\"");
    id_of(b, k, "h-", c->id);
    rb_buf_puts(b, "\">\n<h2 id=\"");
    id_of(b, k, "h-", c->id);
    rb_buf_puts(b, "\">");
    esc(b, c->title);
    rb_buf_puts(b, "</h2>\n");
    if (c->definition) {
        rb_buf_puts(b, "<p class=\"definition\">");
        esc(b, c->definition);
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
        esc(b, level_name(c, r->suggested));
        rb_buf_printf(b, "</strong> (confidence %.2f)", r->confidence);
    } else {
        rb_buf_printf(b, "Suggested level: <strong class=\"insufficient\">insufficient "
                      "evidence</strong> (%zu evidence item%s; %d needed)", r->nevidence,
                      r->nevidence == 1 ? "" : "s", c->scoring.min_evidence);
    }
    if (r->rating) {
        rb_buf_printf(b, " · interviewer rating <strong class=\"rating\">%d ", r->rating);
        esc(b, level_name(c, r->rating));
        rb_buf_puts(b, "</strong>");
    }
    if (r->need)
        rb_buf_printf(b, " · target <strong class=\"target\">%d</strong>", r->need->target);
    rb_buf_puts(b, "</p>\n");
    star_list(b, r->star);
    if (r->policy_note) {
        rb_buf_puts(b, "<p class=\"policy-note\">Scoring function: ");
        esc(b, r->policy_note);
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
        esc(b, an->notes);
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
            esc(b, r->competency->title);
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
            esc(b, r->competency->title);
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
    esc(b, iv->candidate_name ? iv->candidate_name : iv->candidate_id);
    rb_buf_puts(b, " (");
    esc(b, iv->candidate_id);
    rb_buf_puts(b, ")");
}

bool rb_sheets_html(rb_sheet *const *sheets, size_t n, rb_buf *b)
{
    rb_buf_puts(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                   "<meta name=\"generator\" content=\"rubric " RB_VERSION "\">\n<title>");
    if (n == 1) {
        rb_buf_puts(b, "Scoring sheet: ");
        candidate_label(b, sheets[0]->interview);
    } else {
        rb_buf_printf(b, "Scoring sheets: %zu candidates", n);
    }
    rb_buf_puts(b, "</title>\n<style>\n");
    for (size_t i = 0; i < sizeof style / sizeof *style; i++)
        rb_buf_puts(b, style[i]);
    rb_buf_puts(b, "</style>\n</head>\n<body>\n<main>\n");
    if (n > 1) {
        rb_buf_puts(b, "<nav class=\"contents\" aria-labelledby=\"contents\">\n"
                       "<h2 id=\"contents\">Candidates</h2>\n<ol>\n");
        for (size_t k = 0; k < n; k++) {
            rb_buf_printf(b, "<li><a href=\"#sheet-%zu\">", k + 1);
            candidate_label(b, sheets[k]->interview);
            rb_buf_puts(b, "</a> — ");
            esc(b, sheets[k]->interview->role->title);
            rb_buf_puts(b, "</li>\n");
        }
        rb_buf_puts(b, "</ol>\n</nav>\n");
    }
    if (n == 0)
        rb_buf_puts(b, "<p class=\"empty\">No interviews were scored.</p>\n");
    for (size_t k = 0; k < n; k++) {
        const rb_sheet *sh = sheets[k];
        rb_buf_printf(b, "<article class=\"sheet\" id=\"sheet-%zu\" data-candidate=\"", k + 1);
        esc(b, sh->interview->candidate_id);
        rb_buf_puts(b, "\">\n");
        sheet_head(b, sh);
        summary_table(b, sh, k);
        for (size_t i = 0; i < sh->nresults; i++)
            competency_section(b, sh, k, &sh->results[i]);
        outcome(b, sh);
        rb_buf_puts(b, "</article>\n");
    }
    rb_buf_puts(b, "</main>\n<footer class=\"generator\">Written by rubric " RB_VERSION
                   "</footer>\n</body>\n</html>\n");
    return rb_buf_ok(b);
}
