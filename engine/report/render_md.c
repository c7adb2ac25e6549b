/*
 * Markdown renderings. A competency reads like the source rubric document:
 * title, definition, then per level its descriptor, behaviours, questions
 * and probing questions.
 */
#include <string.h>

#include "rubric/report.h"

/* Text with Markdown's active characters escaped. */
static void md_text(rb_buf *b, const char *s)
{
    for (; *s; s++) {
        if (strchr("\\`*_[]<>|", *s))
            rb_buf_putc(b, '\\');
        rb_buf_putc(b, *s);
    }
}

static const char *level_text(const rb_competency *c, const rb_level *lv)
{
    if (lv->summary)
        return lv->summary;
    const rb_scale_level *sl = c->scale ? rb_scale_level_of(c->scale, lv->number) : NULL;
    return sl ? sl->descriptor : "";
}

static void md_questions(rb_buf *b, const rb_question *qs, size_t n, const char *probes_label)
{
    for (size_t i = 0; i < n; i++) {
        rb_buf_puts(b, "- ");
        md_text(b, qs[i].text);
        rb_buf_putc(b, '\n');
        if (qs[i].nprobes) {
            rb_buf_printf(b, "\n  %s\n\n", probes_label);
            for (size_t k = 0; k < qs[i].nprobes; k++) {
                rb_buf_puts(b, "  * ");
                md_text(b, qs[i].probes[k].text);
                rb_buf_putc(b, '\n');
            }
            if (i + 1 < n)
                rb_buf_putc(b, '\n');
        }
    }
}

static void md_competency(rb_buf *b, const rb_competency *c)
{
    rb_buf_puts(b, "# ");
    md_text(b, c->title);
    rb_buf_puts(b, "\n\n");
    md_text(b, c->definition);
    rb_buf_puts(b, "\n\n");
    rb_buf_printf(b, "Id: `%s` · Scale: ", c->id);
    if (c->scale) {
        md_text(b, c->scale->title);
        rb_buf_printf(b, " (`%s`)", c->scale->id);
    }
    rb_buf_puts(b, "\n");
    for (size_t i = 0; i < c->nlevels; i++) {
        const rb_level *lv = &c->levels[i];
        const rb_scale_level *sl =
            c->scale ? rb_scale_level_of(c->scale, lv->number) : NULL;
        rb_buf_printf(b, "\n## Level %d. ", lv->number);
        md_text(b, level_text(c, lv));
        rb_buf_puts(b, "\n\n");
        if (sl) {
            rb_buf_puts(b, "*");
            md_text(b, sl->name);
            if (lv->summary) {
                rb_buf_puts(b, ": ");
                md_text(b, sl->descriptor);
            }
            rb_buf_puts(b, "*\n\n");
        }
        rb_buf_puts(b, "### Behaviours\n\n");
        for (size_t k = 0; k < lv->nbehaviours; k++) {
            rb_buf_puts(b, "- ");
            md_text(b, lv->behaviours[k].text);
            rb_buf_putc(b, '\n');
        }
        if (lv->nquestions) {
            rb_buf_puts(b, "\n### Questions\n\n");
            md_questions(b, lv->questions, lv->nquestions, "Probing questions:");
        }
    }
}

static void md_scale(rb_buf *b, const rb_scale *s)
{
    rb_buf_puts(b, "# ");
    md_text(b, s->title);
    rb_buf_printf(b, "\n\nId: `%s`\n\n", s->id);
    if (s->description) {
        md_text(b, s->description);
        rb_buf_puts(b, "\n\n");
    }
    for (size_t i = 0; i < s->nlevels; i++) {
        rb_buf_printf(b, "- **Level %d. ", s->levels[i].number);
        md_text(b, s->levels[i].name);
        rb_buf_puts(b, ".** ");
        md_text(b, s->levels[i].descriptor);
        rb_buf_putc(b, '\n');
    }
}

static void md_role(rb_buf *b, const rb_role *r)
{
    rb_buf_puts(b, "# ");
    md_text(b, r->title);
    rb_buf_printf(b, "\n\nId: `%s` · Interview: %d minutes\n\n", r->id, r->minutes);
    if (r->description) {
        md_text(b, r->description);
        rb_buf_puts(b, "\n\n");
    }
    rb_buf_puts(b, "| Competency | Target level | Weight |\n|---|---|---|\n");
    for (size_t i = 0; i < r->nneeds; i++) {
        const rb_need *n = &r->needs[i];
        const rb_scale_level *sl = n->competency->scale
            ? rb_scale_level_of(n->competency->scale, n->target) : NULL;
        rb_buf_puts(b, "| ");
        md_text(b, n->competency->title);
        rb_buf_printf(b, " (`%s`) | %d", n->competency->id, n->target);
        if (sl) {
            rb_buf_puts(b, " — ");
            md_text(b, sl->name);
        }
        rb_buf_printf(b, " | %g |\n", n->weight);
    }
}

static void md_bank(rb_buf *b, const rb_bank *k)
{
    rb_buf_puts(b, "# ");
    md_text(b, k->title);
    rb_buf_printf(b, "\n\nId: `%s`\n\n", k->id);
    if (k->description) {
        md_text(b, k->description);
        rb_buf_puts(b, "\n\n");
    }
    if (k->nquestions) {
        rb_buf_puts(b, "## Questions\n\n");
        md_questions(b, k->questions, k->nquestions, "Follow-up questions:");
    }
    if (k->noptions) {
        if (k->nquestions)
            rb_buf_putc(b, '\n');
        rb_buf_puts(b, "## Options\n\n");
        for (size_t i = 0; i < k->noptions; i++) {
            rb_buf_puts(b, "- **");
            md_text(b, k->options[i].title);
            rb_buf_puts(b, ":** ");
            md_text(b, k->options[i].description);
            rb_buf_putc(b, '\n');
        }
    }
}

static void md_bank_item(rb_buf *b, const rb_item *it)
{
    switch (it->kind) {
    case RB_KIND_BANK: {
        const rb_bank *k = it->ptr;
        rb_buf_puts(b, "- Bank: ");
        md_text(b, k->title);
        rb_buf_printf(b, " (`%s`)\n", k->id);
        break;
    }
    case RB_KIND_QUESTION:
        rb_buf_puts(b, "- ");
        md_text(b, ((const rb_question *)it->ptr)->text);
        rb_buf_putc(b, '\n');
        break;
    case RB_KIND_OPTION: {
        const rb_option *o = it->ptr;
        rb_buf_puts(b, "- **");
        md_text(b, o->title);
        rb_buf_puts(b, ":** ");
        md_text(b, o->description);
        rb_buf_putc(b, '\n');
        break;
    }
    default: break;
    }
}

static void md_list(rb_buf *b, const char *head, const char *const *items, size_t n)
{
    if (!n)
        return;
    rb_buf_printf(b, "\n%s\n\n", head);
    for (size_t i = 0; i < n; i++) {
        rb_buf_puts(b, "- ");
        md_text(b, items[i]);
        rb_buf_putc(b, '\n');
    }
}

static void md_process(rb_buf *b, const rb_process *p)
{
    rb_buf_puts(b, "# ");
    md_text(b, p->title);
    rb_buf_printf(b, "\n\nId: `%s` · %zu step%s\n", p->id, p->nsteps,
                  p->nsteps == 1 ? "" : "s");
    if (p->description) {
        rb_buf_putc(b, '\n');
        md_text(b, p->description);
        rb_buf_putc(b, '\n');
    }
    if (p->nprinciples) {
        rb_buf_putc(b, '\n');
        md_text(b, p->principles_title ? p->principles_title : "Principles");
        rb_buf_puts(b, ":\n\n");
        for (size_t i = 0; i < p->nprinciples; i++) {
            rb_buf_puts(b, "- ");
            md_text(b, p->principles[i]);
            rb_buf_putc(b, '\n');
        }
    }
    if (p->referral) {
        rb_buf_puts(b, "\n> **Referral.** ");
        md_text(b, p->referral);
        rb_buf_putc(b, '\n');
    }
    for (size_t i = 0; i < p->nsteps; i++) {
        const rb_step *st = &p->steps[i];
        rb_buf_printf(b, "\n## Step %zu. ", i + 1);
        md_text(b, st->title);
        rb_buf_printf(b, "\n\nId: `%s`", st->id);
        if (st->nshows) {
            rb_buf_puts(b, " · shows:");
            for (size_t k = 0; k < st->nshows; k++)
                rb_buf_printf(b, "%s %s", k ? "," : "", rb_show_name(st->shows[k]));
        }
        rb_buf_putc(b, '\n');
        if (st->purpose) {
            rb_buf_putc(b, '\n');
            md_text(b, st->purpose);
            rb_buf_putc(b, '\n');
        }
        md_list(b, "Prompts:", st->prompts, st->nprompts);
        md_list(b, "Ask:", st->questions, st->nquestions);
        if (st->nbank_items) {
            rb_buf_puts(b, "\nFrom the banks:\n\n");
            for (size_t k = 0; k < st->nbank_items; k++)
                md_bank_item(b, &st->bank_items[k]);
        }
        md_list(b, "Record:", st->record, st->nrecord);
        if (st->referral) {
            rb_buf_puts(b, "\n> **Referral.** ");
            md_text(b, st->referral);
            rb_buf_putc(b, '\n');
        }
    }
}

bool rb_render_markdown(const rb_library *lib, const rb_item *item, rb_buf *out)
{
    (void)lib;
    switch (item->kind) {
    case RB_KIND_COMPETENCY: md_competency(out, item->ptr); break;
    case RB_KIND_SCALE: md_scale(out, item->ptr); break;
    case RB_KIND_ROLE: md_role(out, item->ptr); break;
    case RB_KIND_BANK: md_bank(out, item->ptr); break;
    case RB_KIND_PROCESS: md_process(out, item->ptr); break;
    default: return false;
    }
    return rb_buf_ok(out);
}
