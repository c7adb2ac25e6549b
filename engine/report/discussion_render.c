/*
 * The competency discussion planner as Markdown and as a printable HTML
 * page. The process from the library gives the order: its description,
 * principles and referral note, then each step with its purpose, prompts,
 * questions, bank questions and growth options, and where the step says
 * so the comparison of the two assessments, the proposed strengths and
 * areas for development, and room for the follow-up meeting; then what to
 * record.
 *
 * HTML hooks for tools and tests: section.step (data-step), table.comparison
 * > tbody > tr (data-competency, data-agreement), div.differs
 * (data-competency), ul.examples (data-side), ul.strengths > li
 * (data-competency), table.development > tbody > tr (data-competency,
 * data-gap-min, data-gap-max), p.to-settle, div.follow-up, aside.referral,
 * div.record.
 */
#include <stdio.h>
#include <string.h>

#include "report/discussion_internal.h"
#include "report/html.h"
#include "report/md.h"

static const char *level_name(const rb_competency *c, int n)
{
    const rb_scale_level *sl = c->scale ? rb_scale_level_of(c->scale, n) : NULL;
    return sl ? sl->name : "";
}

/* "agreed", "differ by 2: the manager sees a higher level", ... */
static void agreement_words(rb_buf *b, const rb_discussion_row *r)
{
    if (!r->self && !r->manager) {
        rb_buf_puts(b, "not assessed");
        return;
    }
    if (!r->self || !r->manager) {
        rb_buf_printf(b, "only the %s assessed it", r->self ? "employee" : "manager");
        return;
    }
    int diff = discussion_difference(r);
    if (diff == 0)
        rb_buf_puts(b, "agreed");
    else
        rb_buf_printf(b, "differ by %d: the %s sees a higher level", diff < 0 ? -diff : diff,
                      diff > 0 ? "manager" : "employee");
}

static bool differs(const rb_discussion_row *r)
{
    return !r->self || !r->manager || r->self->level != r->manager->level;
}

/* ---- Markdown ------------------------------------------------------------ */

/* A list item whose text may hold line breaks: the lines after the first
 * are indented under it. */
static void md_item(rb_buf *b, const char *indent, const char *text)
{
    rb_buf_puts(b, indent);
    rb_buf_puts(b, "- ");
    for (;;) {
        size_t n = strcspn(text, "\n");
        md_text_n(b, text, n);
        if (!text[n])
            break;
        rb_buf_puts(b, "  \n");
        rb_buf_puts(b, indent);
        rb_buf_puts(b, "  ");
        text += n + 1;
    }
    rb_buf_putc(b, '\n');
}

static void md_level(rb_buf *b, const rb_competency *c, const rb_assessment_entry *e)
{
    if (!e) {
        rb_buf_puts(b, "—");
        return;
    }
    rb_buf_printf(b, "%d ", e->level);
    md_text(b, level_name(c, e->level));
}

static void md_examples(rb_buf *b, const rb_discussion_row *r, const char *indent)
{
    const rb_assessment_entry *sides[2] = { r->self, r->manager };
    for (int s = 0; s < 2; s++) {
        const rb_assessment_entry *e = sides[s];
        const char *who = s == 0 ? "Employee" : "Manager";
        rb_buf_puts(b, indent);
        if (!e) {
            rb_buf_printf(b, "- %s: not assessed\n", who);
            continue;
        }
        rb_buf_printf(b, "- %s's examples (level %d ", who, e->level);
        md_text(b, level_name(r->competency, e->level));
        rb_buf_puts(b, e->nexamples ? "):\n" : "): none given\n");
        char deeper[16];
        snprintf(deeper, sizeof deeper, "%s  ", indent);
        for (size_t k = 0; k < e->nexamples; k++)
            md_item(b, deeper, e->examples[k]);
    }
}

static void md_comparison(rb_buf *b, const rb_discussion *d)
{
    rb_buf_puts(b, "\n### Both assessments side by side\n\n"
                   "| Competency | Target | Employee | Manager | Agreement |\n"
                   "|---|---|---|---|---|\n");
    size_t ndiffer = 0;
    for (size_t i = 0; i < d->nrows; i++) {
        const rb_discussion_row *r = &d->rows[i];
        const rb_competency *c = r->competency;
        rb_buf_puts(b, "| ");
        md_text(b, c->title);
        rb_buf_printf(b, " | %d ", r->target);
        md_text(b, level_name(c, r->target));
        rb_buf_puts(b, " | ");
        md_level(b, c, r->self);
        rb_buf_puts(b, " | ");
        md_level(b, c, r->manager);
        rb_buf_puts(b, " | ");
        agreement_words(b, r);
        rb_buf_puts(b, " |\n");
        ndiffer += differs(r);
    }
    if (!ndiffer) {
        rb_buf_puts(b, "\nYour assessments agree on every competency.\n");
        return;
    }
    rb_buf_puts(b, "\nWhere your assessments differ, share your behavioural examples:\n");
    for (size_t i = 0; i < d->nrows; i++) {
        const rb_discussion_row *r = &d->rows[i];
        if (!differs(r))
            continue;
        rb_buf_puts(b, "\n#### ");
        md_text(b, r->competency->title);
        rb_buf_puts(b, "\n\n");
        md_examples(b, r, "");
    }
}

static void md_strengths(rb_buf *b, const rb_discussion *d)
{
    rb_buf_puts(b, "\n### Proposed areas of strength\n\n"
                   "Agreed, at or above the target level:\n\n");
    size_t n = 0;
    for (size_t i = 0; i < d->nrows; i++) {
        const rb_discussion_row *r = &d->rows[i];
        if (r->group != RB_GROUP_STRENGTH)
            continue;
        n++;
        rb_buf_puts(b, "- **");
        md_text(b, r->competency->title);
        rb_buf_printf(b, "**: level %d ", r->self->level);
        md_text(b, level_name(r->competency, r->self->level));
        rb_buf_printf(b, " (target %d)\n", r->target);
        md_examples(b, r, "  ");
    }
    if (!n)
        rb_buf_puts(b, "_None yet: no competency is agreed at or above its target._\n");
}

static void md_development(rb_buf *b, const rb_discussion *d)
{
    rb_buf_puts(b, "\n### Proposed areas for development\n\n");
    if (!d->ndevelopment) {
        rb_buf_puts(b, "_None: no competency is below its target in both assessments._\n");
    } else {
        rb_buf_puts(b, "Below the target level in both assessments, largest gap first:\n\n"
                       "| Competency | Target | Employee | Manager | Gap |\n"
                       "|---|---|---|---|---|\n");
        for (size_t i = 0; i < d->ndevelopment; i++) {
            const rb_discussion_row *r = d->development[i];
            rb_buf_puts(b, "| ");
            md_text(b, r->competency->title);
            rb_buf_printf(b, " | %d ", r->target);
            md_text(b, level_name(r->competency, r->target));
            rb_buf_puts(b, " | ");
            md_level(b, r->competency, r->self);
            rb_buf_puts(b, " | ");
            md_level(b, r->competency, r->manager);
            if (r->gap_min == r->gap_max)
                rb_buf_printf(b, " | %d |\n", r->gap_min);
            else
                rb_buf_printf(b, " | %d to %d |\n", r->gap_min, r->gap_max);
        }
        for (size_t i = 0; i < d->ndevelopment; i++) {
            const rb_discussion_row *r = d->development[i];
            rb_buf_puts(b, "\n**");
            md_text(b, r->competency->title);
            rb_buf_puts(b, "**\n\n");
            md_examples(b, r, "");
        }
    }
    size_t n = 0;
    for (size_t i = 0; i < d->nrows; i++) {
        const rb_discussion_row *r = &d->rows[i];
        if (r->group != RB_GROUP_TO_SETTLE)
            continue;
        rb_buf_puts(b, n++ ? ", " : "\nTo settle first (agree on a level): ");
        md_text(b, r->competency->title);
    }
    if (n)
        rb_buf_puts(b, ".\n");
}

/* Room to write the date and time; what the meeting is for is the step's
 * own words. */
static void md_follow_up(rb_buf *b)
{
    rb_buf_puts(b, "\n### Follow-up meeting\n\nDate: ____________ Time: ________\n");
}

static void md_list(rb_buf *b, const char *head, const char *mark,
                    const char *const *items, size_t n)
{
    if (!n)
        return;
    if (head)
        rb_buf_printf(b, "\n%s\n", head);
    rb_buf_putc(b, '\n');
    for (size_t i = 0; i < n; i++) {
        rb_buf_puts(b, mark);
        md_text(b, items[i]);
        rb_buf_putc(b, '\n');
    }
}

static void md_bank_items(rb_buf *b, const rb_step *st)
{
    if (!st->nbank_items)
        return;
    rb_buf_puts(b, "\nFrom the question banks:\n\n");
    for (size_t i = 0; i < st->nbank_items; i++) {
        const rb_item *it = &st->bank_items[i];
        if (it->kind == RB_KIND_QUESTION) {
            md_item(b, "", ((const rb_question *)it->ptr)->text);
        } else if (it->kind == RB_KIND_OPTION) {
            const rb_option *o = it->ptr;
            rb_buf_puts(b, "- **");
            md_text(b, o->title);
            rb_buf_puts(b, ":** ");
            md_text(b, o->description);
            rb_buf_putc(b, '\n');
        } else if (it->kind == RB_KIND_BANK) {
            const rb_bank *k = it->ptr;
            rb_buf_puts(b, "- **");
            md_text(b, k->title);
            rb_buf_puts(b, "**");
            if (k->description) {
                rb_buf_puts(b, ": ");
                md_text(b, k->description);
            }
            rb_buf_putc(b, '\n');
            for (size_t q = 0; q < k->nquestions; q++)
                md_item(b, "  ", k->questions[q].text);
            for (size_t o = 0; o < k->noptions; o++) {
                rb_buf_puts(b, "  - **");
                md_text(b, k->options[o].title);
                rb_buf_puts(b, ":** ");
                md_text(b, k->options[o].description);
                rb_buf_putc(b, '\n');
            }
        }
    }
}

static void md_referral(rb_buf *b, const char *text)
{
    if (!text)
        return;
    rb_buf_puts(b, "\n> **Referral.** ");
    md_text(b, text);
    rb_buf_putc(b, '\n');
}

static void md_step(rb_buf *b, const rb_discussion *d, size_t index, const rb_step *st)
{
    rb_buf_printf(b, "\n## Step %zu. ", index + 1);
    md_text(b, st->title);
    rb_buf_putc(b, '\n');
    if (st->purpose) {
        rb_buf_putc(b, '\n');
        md_text(b, st->purpose);
        rb_buf_putc(b, '\n');
    }
    md_list(b, NULL, "- [ ] ", st->prompts, st->nprompts);
    md_list(b, "Ask:", "- ", st->questions, st->nquestions);
    md_bank_items(b, st);
    for (size_t i = 0; i < st->nshows; i++) {
        switch (st->shows[i]) {
        case RB_SHOW_COMPARISON: md_comparison(b, d); break;
        case RB_SHOW_STRENGTHS: md_strengths(b, d); break;
        case RB_SHOW_DEVELOPMENT: md_development(b, d); break;
        case RB_SHOW_FOLLOW_UP: md_follow_up(b); break;
        }
    }
    md_referral(b, st->referral);
    for (size_t i = 0; i < st->nrecord; i++) {
        rb_buf_puts(b, "\n**");
        md_text(b, st->record[i]);
        rb_buf_puts(b, "**\n\n> &nbsp;\n>\n> &nbsp;\n");
    }
}

bool rb_discussion_markdown(const rb_discussion *d, rb_buf *b)
{
    const rb_process *p = d->process;
    rb_person_marker(b, d->self->person);
    rb_buf_puts(b, "# Competency discussion planner: ");
    md_text(b, d->self->person);
    rb_buf_puts(b, "\n\nRole: **");
    md_text(b, d->role->title);
    rb_buf_printf(b, "** (`%s`) · Process: **", d->role->id);
    md_text(b, p->title);
    rb_buf_printf(b, "** (`%s`) · Library `%s`\n\n", p->id, d->library_hash);
    rb_buf_puts(b, "| Assessment | By | Date |\n|---|---|---|\n");
    const rb_assessment *as[2] = { d->self, d->manager };
    for (int i = 0; i < 2; i++) {
        rb_buf_printf(b, "| %s | ", i == 0 ? "Self-assessment" : "Manager's assessment");
        md_text(b, as[i]->assessor);
        rb_buf_printf(b, " | %s |\n", as[i]->date);
    }
    rb_buf_puts(b, "\nDate of the discussion: ____________\n");
    if (p->description) {
        rb_buf_putc(b, '\n');
        md_text(b, p->description);
        rb_buf_putc(b, '\n');
    }
    if (p->nprinciples) {
        rb_buf_putc(b, '\n');
        md_text(b, p->principles_title ? p->principles_title : "Principles");
        rb_buf_puts(b, ":\n");
        md_list(b, NULL, "- ", p->principles, p->nprinciples);
    }
    md_referral(b, p->referral);
    for (size_t i = 0; i < p->nsteps; i++)
        md_step(b, d, i, &p->steps[i]);
    return rb_buf_ok(b);
}

/* ---- HTML ------------------------------------------------------------------ */

static const char *const rules[] = {
    HTML_CSS_FORM_CARDS("section,header.planner"),
    "h4{font-size:.95rem;margin:.9rem 0 .3rem}\n",
    ".meta,.purpose{color:var(--muted)}\n",
    HTML_CSS_FORM_FILL,
    HTML_CSS_FORM_TABLE,
    "th{background:var(--soft)}\n",
    "td.num{text-align:right}\n",
    "tr[data-agreement=agreed]{background:var(--good)}\n",
    "tr.differ{background:var(--differ)}\n",
    "table.development tbody tr{background:var(--gap)}\n",
    HTML_CSS_FORM_BOXES,
    "ul.examples{margin:.2rem 0 .6rem}\n",
    ".side{font-weight:600}\n",
    "aside.referral{border-left:4px solid var(--accent);background:var(--soft);"
    "padding:.5rem .9rem;margin:.8rem 0}\n",
    ".record{border:1px dashed var(--line);border-radius:4px;min-height:5rem;"
    "margin:.3rem 0 1rem;padding:.3rem .5rem;color:var(--muted);font-size:.8rem}\n",
    NULL,
};

static const char *const print_rules[] = {
    HTML_CSS_FORM_CARDS_PRINT("section,header.planner"),
    "tr[data-agreement=agreed],tr.differ,table.development tbody tr{"
    "-webkit-print-color-adjust:exact;print-color-adjust:exact}\n",
    "h2,h3,h4{break-after:avoid;page-break-after:avoid}\n",
    "tr,li,.record,aside{break-inside:avoid;page-break-inside:avoid}\n",
    NULL,
};

static const html_page page = {
    .palette = ";--good:#e7f4ea;--gap:#fdf0e4;--differ:#fff7d6",
    .width = "62rem",
    .rules = rules,
    .print = print_rules,
    .personal = true,
};

static void html_level(rb_buf *b, const rb_competency *c, const rb_assessment_entry *e)
{
    if (!e) {
        rb_buf_puts(b, "—");
        return;
    }
    rb_buf_printf(b, "%d ", e->level);
    html_esc(b, level_name(c, e->level));
}

static void html_examples(rb_buf *b, const rb_discussion_row *r)
{
    const rb_assessment_entry *sides[2] = { r->self, r->manager };
    for (int s = 0; s < 2; s++) {
        const rb_assessment_entry *e = sides[s];
        const char *who = s == 0 ? "Employee" : "Manager";
        rb_buf_printf(b, "<p><span class=\"side\">%s</span>", who);
        if (!e) {
            rb_buf_puts(b, ": not assessed</p>\n");
            continue;
        }
        rb_buf_printf(b, " (level %d ", e->level);
        html_esc(b, level_name(r->competency, e->level));
        rb_buf_puts(b, e->nexamples ? "):</p>\n" : "): no examples given</p>\n");
        if (!e->nexamples)
            continue;
        rb_buf_printf(b, "<ul class=\"examples\" data-side=\"%s\">\n",
                      s == 0 ? "self" : "manager");
        for (size_t k = 0; k < e->nexamples; k++) {
            rb_buf_puts(b, "<li>");
            html_esc_lines(b, e->examples[k]);
            rb_buf_puts(b, "</li>\n");
        }
        rb_buf_puts(b, "</ul>\n");
    }
}

static void html_comparison(rb_buf *b, const rb_discussion *d)
{
    rb_buf_puts(b, "<h3>Both assessments side by side</h3>\n<table class=\"comparison\">\n"
                   "<thead><tr><th>Competency</th><th>Target</th><th>Employee</th>"
                   "<th>Manager</th><th>Agreement</th></tr></thead>\n<tbody>\n");
    size_t ndiffer = 0;
    for (size_t i = 0; i < d->nrows; i++) {
        const rb_discussion_row *r = &d->rows[i];
        const rb_competency *c = r->competency;
        rb_buf_puts(b, "<tr data-competency=\"");
        html_esc(b, c->id);
        rb_buf_printf(b, "\" data-agreement=\"%s\"%s><td>", discussion_agreement(r),
                      differs(r) ? " class=\"differ\"" : "");
        html_esc(b, c->title);
        rb_buf_printf(b, "</td><td>%d ", r->target);
        html_esc(b, level_name(c, r->target));
        rb_buf_puts(b, "</td><td>");
        html_level(b, c, r->self);
        rb_buf_puts(b, "</td><td>");
        html_level(b, c, r->manager);
        rb_buf_puts(b, "</td><td>");
        agreement_words(b, r);
        rb_buf_puts(b, "</td></tr>\n");
        ndiffer += differs(r);
    }
    rb_buf_puts(b, "</tbody>\n</table>\n");
    if (!ndiffer) {
        rb_buf_puts(b, "<p>Your assessments agree on every competency.</p>\n");
        return;
    }
    rb_buf_puts(b, "<p>Where your assessments differ, share your behavioural examples:</p>\n");
    for (size_t i = 0; i < d->nrows; i++) {
        const rb_discussion_row *r = &d->rows[i];
        if (!differs(r))
            continue;
        rb_buf_puts(b, "<div class=\"differs\" data-competency=\"");
        html_esc(b, r->competency->id);
        rb_buf_puts(b, "\">\n<h4>");
        html_esc(b, r->competency->title);
        rb_buf_puts(b, "</h4>\n");
        html_examples(b, r);
        rb_buf_puts(b, "</div>\n");
    }
}

static void html_strengths(rb_buf *b, const rb_discussion *d)
{
    rb_buf_puts(b, "<h3>Proposed areas of strength</h3>\n"
                   "<p class=\"meta\">Agreed, at or above the target level.</p>\n");
    size_t n = 0;
    for (size_t i = 0; i < d->nrows; i++) {
        const rb_discussion_row *r = &d->rows[i];
        if (r->group != RB_GROUP_STRENGTH)
            continue;
        rb_buf_puts(b, n++ ? "" : "<ul class=\"strengths\">\n");
        rb_buf_puts(b, "<li data-competency=\"");
        html_esc(b, r->competency->id);
        rb_buf_puts(b, "\"><strong>");
        html_esc(b, r->competency->title);
        rb_buf_printf(b, "</strong>: level %d ", r->self->level);
        html_esc(b, level_name(r->competency, r->self->level));
        rb_buf_printf(b, " (target %d)\n", r->target);
        html_examples(b, r);
        rb_buf_puts(b, "</li>\n");
    }
    if (n)
        rb_buf_puts(b, "</ul>\n");
    else
        rb_buf_puts(b, "<p><em>None yet: no competency is agreed at or above its "
                       "target.</em></p>\n");
}

static void html_development(rb_buf *b, const rb_discussion *d)
{
    rb_buf_puts(b, "<h3>Proposed areas for development</h3>\n");
    if (!d->ndevelopment) {
        rb_buf_puts(b, "<p><em>None: no competency is below its target in both "
                       "assessments.</em></p>\n");
    } else {
        rb_buf_puts(b, "<p class=\"meta\">Below the target level in both assessments, "
                       "largest gap first.</p>\n<table class=\"development\">\n<thead><tr>"
                       "<th>Competency</th><th>Target</th><th>Employee</th><th>Manager</th>"
                       "<th>Gap</th></tr></thead>\n<tbody>\n");
        for (size_t i = 0; i < d->ndevelopment; i++) {
            const rb_discussion_row *r = d->development[i];
            rb_buf_puts(b, "<tr data-competency=\"");
            html_esc(b, r->competency->id);
            rb_buf_printf(b, "\" data-gap-min=\"%d\" data-gap-max=\"%d\"><td>", r->gap_min,
                          r->gap_max);
            html_esc(b, r->competency->title);
            rb_buf_printf(b, "</td><td>%d ", r->target);
            html_esc(b, level_name(r->competency, r->target));
            rb_buf_puts(b, "</td><td>");
            html_level(b, r->competency, r->self);
            rb_buf_puts(b, "</td><td>");
            html_level(b, r->competency, r->manager);
            if (r->gap_min == r->gap_max)
                rb_buf_printf(b, "</td><td class=\"num\">%d</td></tr>\n", r->gap_min);
            else
                rb_buf_printf(b, "</td><td class=\"num\">%d to %d</td></tr>\n", r->gap_min,
                              r->gap_max);
        }
        rb_buf_puts(b, "</tbody>\n</table>\n");
        for (size_t i = 0; i < d->ndevelopment; i++) {
            const rb_discussion_row *r = d->development[i];
            rb_buf_puts(b, "<h4>");
            html_esc(b, r->competency->title);
            rb_buf_puts(b, "</h4>\n");
            html_examples(b, r);
        }
    }
    size_t n = 0;
    for (size_t i = 0; i < d->nrows; i++) {
        const rb_discussion_row *r = &d->rows[i];
        if (r->group != RB_GROUP_TO_SETTLE)
            continue;
        rb_buf_puts(b, n++ ? ", " : "<p class=\"to-settle\">To settle first (agree on a "
                                    "level): ");
        html_esc(b, r->competency->title);
    }
    if (n)
        rb_buf_puts(b, ".</p>\n");
}

static void html_follow_up(rb_buf *b)
{
    rb_buf_puts(b, "<h3>Follow-up meeting</h3>\n<div class=\"follow-up\"><div class=\"fill\">"
                   "<span>Date</span><span>Time</span></div></div>\n");
}

static void html_list(rb_buf *b, const char *head, const char *cls, bool boxes,
                      const char *const *items, size_t n)
{
    if (!n)
        return;
    if (head)
        rb_buf_printf(b, "<p>%s</p>\n", head);
    rb_buf_printf(b, "<ul class=\"%s\">\n", cls);
    for (size_t i = 0; i < n; i++) {
        rb_buf_puts(b, boxes ? "<li><span class=\"box\"></span>" : "<li>");
        html_esc(b, items[i]);
        rb_buf_puts(b, "</li>\n");
    }
    rb_buf_puts(b, "</ul>\n");
}

static void html_bank_items(rb_buf *b, const rb_step *st)
{
    if (!st->nbank_items)
        return;
    rb_buf_puts(b, "<p>From the question banks:</p>\n<ul class=\"bank-items\">\n");
    for (size_t i = 0; i < st->nbank_items; i++) {
        const rb_item *it = &st->bank_items[i];
        if (it->kind == RB_KIND_QUESTION) {
            rb_buf_puts(b, "<li>");
            html_esc(b, ((const rb_question *)it->ptr)->text);
            rb_buf_puts(b, "</li>\n");
        } else if (it->kind == RB_KIND_OPTION) {
            const rb_option *o = it->ptr;
            rb_buf_puts(b, "<li><strong>");
            html_esc(b, o->title);
            rb_buf_puts(b, ":</strong> ");
            html_esc(b, o->description);
            rb_buf_puts(b, "</li>\n");
        } else if (it->kind == RB_KIND_BANK) {
            const rb_bank *k = it->ptr;
            rb_buf_puts(b, "<li><strong>");
            html_esc(b, k->title);
            rb_buf_puts(b, "</strong>");
            if (k->description) {
                rb_buf_puts(b, ": ");
                html_esc(b, k->description);
            }
            rb_buf_puts(b, "\n<ul>\n");
            for (size_t q = 0; q < k->nquestions; q++) {
                rb_buf_puts(b, "<li>");
                html_esc(b, k->questions[q].text);
                rb_buf_puts(b, "</li>\n");
            }
            for (size_t o = 0; o < k->noptions; o++) {
                rb_buf_puts(b, "<li><strong>");
                html_esc(b, k->options[o].title);
                rb_buf_puts(b, ":</strong> ");
                html_esc(b, k->options[o].description);
                rb_buf_puts(b, "</li>\n");
            }
            rb_buf_puts(b, "</ul></li>\n");
        }
    }
    rb_buf_puts(b, "</ul>\n");
}

static void html_referral(rb_buf *b, const char *text)
{
    if (!text)
        return;
    rb_buf_puts(b, "<aside class=\"referral\"><strong>Referral.</strong> ");
    html_esc(b, text);
    rb_buf_puts(b, "</aside>\n");
}

static void html_step(rb_buf *b, const rb_discussion *d, size_t index, const rb_step *st)
{
    rb_buf_puts(b, "<section class=\"step\" data-step=\"");
    html_esc(b, st->id);
    rb_buf_printf(b, "\">\n<h2>Step %zu. ", index + 1);
    html_esc(b, st->title);
    rb_buf_puts(b, "</h2>\n");
    if (st->purpose) {
        rb_buf_puts(b, "<p class=\"purpose\">");
        html_esc(b, st->purpose);
        rb_buf_puts(b, "</p>\n");
    }
    html_list(b, NULL, "check prompts", true, st->prompts, st->nprompts);
    html_list(b, "Ask:", "questions", false, st->questions, st->nquestions);
    html_bank_items(b, st);
    for (size_t i = 0; i < st->nshows; i++) {
        switch (st->shows[i]) {
        case RB_SHOW_COMPARISON: html_comparison(b, d); break;
        case RB_SHOW_STRENGTHS: html_strengths(b, d); break;
        case RB_SHOW_DEVELOPMENT: html_development(b, d); break;
        case RB_SHOW_FOLLOW_UP: html_follow_up(b); break;
        }
    }
    html_referral(b, st->referral);
    for (size_t i = 0; i < st->nrecord; i++) {
        rb_buf_puts(b, "<h4>");
        html_esc(b, st->record[i]);
        rb_buf_puts(b, "</h4>\n<div class=\"record\"></div>\n");
    }
    rb_buf_puts(b, "</section>\n");
}

bool rb_discussion_html(const rb_discussion *d, rb_buf *b)
{
    const rb_process *p = d->process;
    rb_person_marker(b, d->self->person);
    html_page_open(b, &page);
    rb_buf_puts(b, "Competency discussion planner: ");
    html_esc(b, d->self->person);
    html_page_body(b, &page);
    rb_buf_puts(b, "<header class=\"planner\">\n"
                   "<p class=\"kicker\">Competency discussion planner</p>\n<h1>");
    html_esc(b, d->self->person);
    rb_buf_puts(b, "</h1>\n<p class=\"meta\">Role <strong>");
    html_esc(b, d->role->title);
    rb_buf_puts(b, "</strong> (<code>");
    html_esc(b, d->role->id);
    rb_buf_puts(b, "</code>) · process <strong>");
    html_esc(b, p->title);
    rb_buf_puts(b, "</strong> · library <code>");
    html_esc(b, d->library_hash);
    rb_buf_puts(b, "</code></p>\n<table class=\"assessments\">\n<thead><tr><th>Assessment</th>"
                   "<th>By</th><th>Date</th></tr></thead>\n<tbody>\n");
    const rb_assessment *as[2] = { d->self, d->manager };
    for (int i = 0; i < 2; i++) {
        rb_buf_printf(b, "<tr data-side=\"%s\"><td>%s</td><td>", i == 0 ? "self" : "manager",
                      i == 0 ? "Self-assessment" : "Manager's assessment");
        html_esc(b, as[i]->assessor);
        rb_buf_puts(b, "</td><td>");
        html_esc(b, as[i]->date);
        rb_buf_puts(b, "</td></tr>\n");
    }
    rb_buf_puts(b, "</tbody>\n</table>\n<div class=\"fill\"><span>Date of the discussion"
                   "</span></div>\n");
    if (p->description) {
        rb_buf_puts(b, "<p>");
        html_esc(b, p->description);
        rb_buf_puts(b, "</p>\n");
    }
    if (p->nprinciples) {
        rb_buf_puts(b, "<p>");
        html_esc(b, p->principles_title ? p->principles_title : "Principles");
        rb_buf_puts(b, ":</p>\n");
        html_list(b, NULL, "principles", false, p->principles, p->nprinciples);
    }
    html_referral(b, p->referral);
    rb_buf_puts(b, "</header>\n");
    for (size_t i = 0; i < p->nsteps; i++)
        html_step(b, d, i, &p->steps[i]);
    html_page_close(b, &page);
    return rb_buf_ok(b);
}
