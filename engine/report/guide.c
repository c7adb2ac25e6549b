/*
 * The interview kit for a plan: what an interviewer holds in the room.
 * Opening script; per competency the time budget, the definition, the
 * questions with their probes and room for notes, the behaviours to listen
 * for at the target level and the level above (the levels the questions
 * are at), and the rating scale with its descriptors; closing script.
 * Question and probe texts, behaviours and descriptors come from the library
 * by id; the scripts come from the plan.
 *
 * HTML hooks for tools and tests: section.opening, section.closing,
 * section.competency#c-<competency> (data-minutes), div.question
 * (data-question, data-level), ul.probes, ul.listen (data-level),
 * table.rating > tr (data-level), div.notes.
 */
#include <stdio.h>

#include "report/html.h"
#include "report/md.h"
#include "rubric/plan.h"
#include "rubric/report.h"

static const char *level_name(const rb_competency *c, int n)
{
    const rb_scale_level *sl = c->scale ? rb_scale_level_of(c->scale, n) : NULL;
    return sl ? sl->name : "";
}

static const char *level_text(const rb_competency *c, const rb_level *lv)
{
    if (lv->summary)
        return lv->summary;
    const rb_scale_level *sl = c->scale ? rb_scale_level_of(c->scale, lv->number) : NULL;
    return sl ? sl->descriptor : "";
}

/* ---- Markdown ------------------------------------------------------------ */

static void md_lines(rb_buf *b, const rb_plan_section *s)
{
    for (size_t i = 0; i < s->nlines; i++) {
        rb_buf_puts(b, "- [ ] ");
        md_text(b, s->lines[i]);
        rb_buf_putc(b, '\n');
    }
}

static void md_notes(rb_buf *b, int lines)
{
    rb_buf_puts(b, "\nNotes:\n\n");
    for (int i = 0; i < lines; i++)
        rb_buf_puts(b, "> &nbsp;\n>\n");
}

static void md_competency(rb_buf *b, size_t index, const rb_plan_competency *pc)
{
    const rb_competency *c = pc->competency;
    rb_buf_printf(b, "\n## %zu. ", index + 1);
    md_text(b, c->title);
    rb_buf_printf(b, " (%d min)\n\n", pc->minutes);
    rb_buf_puts(b, "_");
    md_text(b, c->definition);
    rb_buf_puts(b, "_\n\n");
    rb_buf_printf(b, "Target level: **%d ", pc->target);
    md_text(b, level_name(c, pc->target));
    rb_buf_printf(b, "** · weight %g · competency `%s`\n", pc->weight, c->id);
    for (size_t q = 0; q < pc->nquestions; q++) {
        const rb_plan_question *pq = &pc->questions[q];
        rb_buf_printf(b, "\n### Question %zu (level %d ", q + 1, pq->level);
        md_text(b, level_name(c, pq->level));
        rb_buf_printf(b, ") `%s`\n\n**", pq->question->id);
        md_text(b, pq->question->text);
        rb_buf_puts(b, "**\n");
        if (pq->question->nprobes)
            rb_buf_puts(b, "\nProbes:\n\n");
        for (size_t k = 0; k < pq->question->nprobes; k++) {
            rb_buf_puts(b, "- ");
            md_text(b, pq->question->probes[k].text);
            rb_buf_putc(b, '\n');
        }
        md_notes(b, 4);
    }
    rb_buf_puts(b, "\n### Listen for\n");
    for (int level = pc->target; level <= pc->target + 1; level++) {
        const rb_level *lv = rb_competency_level(c, level);
        if (!lv)
            continue;
        rb_buf_printf(b, "\n**Level %d ", level);
        md_text(b, level_name(c, level));
        rb_buf_puts(b, "**: ");
        md_text(b, level_text(c, lv));
        rb_buf_puts(b, "\n\n");
        for (size_t k = 0; k < lv->nbehaviours; k++) {
            rb_buf_puts(b, "- [ ] ");
            md_text(b, lv->behaviours[k].text);
            rb_buf_putc(b, '\n');
        }
    }
    if (c->scale) {
        rb_buf_puts(b, "\n### Rating (tick one)\n\n| | Level | Descriptor |\n|---|---|---|\n");
        for (size_t i = 0; i < c->scale->nlevels; i++) {
            const rb_scale_level *sl = &c->scale->levels[i];
            rb_buf_printf(b, "| [ ] | %d ", sl->number);
            md_text(b, sl->name);
            rb_buf_puts(b, sl->number == pc->target ? " (target) | " : " | ");
            md_text(b, sl->descriptor);
            rb_buf_puts(b, " |\n");
        }
    }
    rb_buf_puts(b, "\nEvidence for the rating:\n");
    md_notes(b, 3);
}

bool rb_guide_markdown(const rb_plan *p, rb_buf *b)
{
    rb_buf_puts(b, "# Interview kit: ");
    md_text(b, p->role->title);
    rb_buf_printf(b, "\n\nRole `%s` · %d minutes · plan seed %llu · library `%s`\n\n",
                  p->role->id, p->role->minutes, p->seed, p->library_hash);
    rb_buf_puts(b, "Candidate: ____________________ · Interviewer: ____________________ · "
                   "Date: ____________\n\n");
    rb_buf_puts(b, "| Part | Minutes |\n|---|---:|\n");
    rb_buf_printf(b, "| Opening | %d |\n", p->opening.minutes);
    for (size_t i = 0; i < p->ncompetencies; i++) {
        rb_buf_puts(b, "| ");
        md_text(b, p->competencies[i].competency->title);
        rb_buf_printf(b, " | %d |\n", p->competencies[i].minutes);
    }
    rb_buf_printf(b, "| Closing | %d |\n", p->closing.minutes);
    rb_buf_printf(b, "\n## Opening (%d min)\n\n", p->opening.minutes);
    md_lines(b, &p->opening);
    for (size_t i = 0; i < p->ncompetencies; i++)
        md_competency(b, i, &p->competencies[i]);
    rb_buf_printf(b, "\n## Closing (%d min)\n\n", p->closing.minutes);
    md_lines(b, &p->closing);
    return rb_buf_ok(b);
}

/* ---- HTML ------------------------------------------------------------------ */

static const char *const rules[] = {
    HTML_CSS_FORM_CARDS("section,header.kit"),
    ".meta,.definition{color:var(--muted)}\n",
    ".definition{font-style:italic}\n",
    ".minutes{float:right;font-weight:600;color:var(--ink)}\n",
    HTML_CSS_FORM_FILL,
    HTML_CSS_FORM_TABLE,
    "th{background:var(--soft)}\n",
    "td.num{text-align:right}\n",
    "tr.target{background:var(--soft);font-weight:600}\n",
    HTML_CSS_FORM_BOXES,
    ".question-text{font-weight:600;margin:.25rem 0}\n",
    ".notes{border:1px dashed var(--line);border-radius:4px;min-height:6rem;"
    "margin:.5rem 0 1rem;padding:.3rem .5rem;color:var(--muted);font-size:.8rem}\n",
    NULL,
};

static const char *const print_rules[] = {
    HTML_CSS_FORM_CARDS_PRINT("section,header.kit"),
    "section.competency{break-before:page;page-break-before:always}\n",
    "h2,h3{break-after:avoid;page-break-after:avoid}\n",
    "tr,li,.question,.notes{break-inside:avoid;page-break-inside:avoid}\n",
    NULL,
};

static const html_page page = {
    .width = "62rem",
    .rules = rules,
    .print = print_rules,
};

static void html_script(rb_buf *b, const char *cls, const char *title,
                        const rb_plan_section *s)
{
    rb_buf_printf(b, "<section class=\"%s\">\n<h2>%s <span class=\"minutes\">%d min"
                  "</span></h2>\n<ul class=\"check\">\n", cls, title, s->minutes);
    for (size_t i = 0; i < s->nlines; i++) {
        rb_buf_puts(b, "<li><span class=\"box\"></span>");
        html_esc(b, s->lines[i]);
        rb_buf_puts(b, "</li>\n");
    }
    rb_buf_puts(b, "</ul>\n</section>\n");
}

static void html_competency(rb_buf *b, size_t index, const rb_plan_competency *pc)
{
    const rb_competency *c = pc->competency;
    rb_buf_puts(b, "<section class=\"competency\" id=\"c-");
    html_esc(b, c->id);
    rb_buf_printf(b, "\" data-minutes=\"%d\">\n<h2>%zu. ", pc->minutes, index + 1);
    html_esc(b, c->title);
    rb_buf_printf(b, " <span class=\"minutes\">%d min</span></h2>\n<p class=\"definition\">",
                  pc->minutes);
    html_esc(b, c->definition);
    rb_buf_printf(b, "</p>\n<p class=\"meta\">Target level <strong>%d ", pc->target);
    html_esc(b, level_name(c, pc->target));
    rb_buf_printf(b, "</strong> · weight %g</p>\n", pc->weight);
    for (size_t q = 0; q < pc->nquestions; q++) {
        const rb_plan_question *pq = &pc->questions[q];
        rb_buf_puts(b, "<div class=\"question\" data-question=\"");
        html_esc(b, pq->question->id);
        rb_buf_printf(b, "\" data-level=\"%d\">\n<h3>Question %zu · level %d ", pq->level,
                      q + 1, pq->level);
        html_esc(b, level_name(c, pq->level));
        rb_buf_puts(b, "</h3>\n<p class=\"question-text\">");
        html_esc(b, pq->question->text);
        rb_buf_puts(b, "</p>\n");
        if (pq->question->nprobes) {
            rb_buf_puts(b, "<p>Probes:</p>\n<ul class=\"probes\">\n");
            for (size_t k = 0; k < pq->question->nprobes; k++) {
                rb_buf_puts(b, "<li>");
                html_esc(b, pq->question->probes[k].text);
                rb_buf_puts(b, "</li>\n");
            }
            rb_buf_puts(b, "</ul>\n");
        }
        rb_buf_puts(b, "<div class=\"notes\">Notes</div>\n</div>\n");
    }
    rb_buf_puts(b, "<h3>Listen for</h3>\n");
    for (int level = pc->target; level <= pc->target + 1; level++) {
        const rb_level *lv = rb_competency_level(c, level);
        if (!lv)
            continue;
        rb_buf_printf(b, "<p><strong>Level %d ", level);
        html_esc(b, level_name(c, level));
        rb_buf_puts(b, "</strong>: ");
        html_esc(b, level_text(c, lv));
        rb_buf_printf(b, "</p>\n<ul class=\"check listen\" data-level=\"%d\">\n", level);
        for (size_t k = 0; k < lv->nbehaviours; k++) {
            rb_buf_puts(b, "<li><span class=\"box\"></span>");
            html_esc(b, lv->behaviours[k].text);
            rb_buf_puts(b, "</li>\n");
        }
        rb_buf_puts(b, "</ul>\n");
    }
    if (c->scale) {
        rb_buf_puts(b, "<h3>Rating (tick one)</h3>\n<table class=\"rating\">\n<thead><tr>"
                       "<th></th><th>Level</th><th>Descriptor</th></tr></thead>\n<tbody>\n");
        for (size_t i = 0; i < c->scale->nlevels; i++) {
            const rb_scale_level *sl = &c->scale->levels[i];
            rb_buf_printf(b, "<tr data-level=\"%d\"%s><td><span class=\"box\"></span></td>"
                          "<td>%d ", sl->number,
                          sl->number == pc->target ? " class=\"target\"" : "", sl->number);
            html_esc(b, sl->name);
            rb_buf_puts(b, sl->number == pc->target ? " (target)</td><td>" : "</td><td>");
            html_esc(b, sl->descriptor);
            rb_buf_puts(b, "</td></tr>\n");
        }
        rb_buf_puts(b, "</tbody>\n</table>\n");
    }
    rb_buf_puts(b, "<h3>Evidence for the rating</h3>\n<div class=\"notes\"></div>\n"
                   "</section>\n");
}

bool rb_guide_html(const rb_plan *p, rb_buf *b)
{
    html_page_open(b, &page);
    rb_buf_puts(b, "Interview kit: ");
    html_esc(b, p->role->title);
    html_page_body(b, &page);
    rb_buf_puts(b, "<header class=\"kit\">\n<p class=\"kicker\">Interview kit</p>\n<h1>");
    html_esc(b, p->role->title);
    rb_buf_puts(b, "</h1>\n<p class=\"meta\">Role <code>");
    html_esc(b, p->role->id);
    rb_buf_printf(b, "</code> · %d minutes · plan seed %llu · library <code>", p->role->minutes,
                  p->seed);
    html_esc(b, p->library_hash);
    rb_buf_puts(b, "</code></p>\n<table class=\"timing\">\n<thead><tr><th>Part</th>"
                   "<th>Minutes</th></tr></thead>\n<tbody>\n");
    rb_buf_printf(b, "<tr><td>Opening</td><td class=\"num\">%d</td></tr>\n",
                  p->opening.minutes);
    for (size_t i = 0; i < p->ncompetencies; i++) {
        rb_buf_puts(b, "<tr><td>");
        html_esc(b, p->competencies[i].competency->title);
        rb_buf_printf(b, "</td><td class=\"num\">%d</td></tr>\n", p->competencies[i].minutes);
    }
    rb_buf_printf(b, "<tr><td>Closing</td><td class=\"num\">%d</td></tr>\n</tbody>\n</table>\n",
                  p->closing.minutes);
    rb_buf_puts(b, "<div class=\"fill\"><span>Candidate</span><span>Interviewer</span>"
                   "<span>Date</span></div>\n</header>\n");
    html_script(b, "opening", "Opening", &p->opening);
    for (size_t i = 0; i < p->ncompetencies; i++)
        html_competency(b, i, &p->competencies[i]);
    html_script(b, "closing", "Closing", &p->closing);
    html_page_close(b, &page);
    return rb_buf_ok(b);
}
