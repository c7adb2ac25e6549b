/*
 * Plain-text renderings for the terminal and for printing. A competency
 * becomes the interview guide page an interviewer holds: per level what to
 * listen for, what to ask and how to probe, then the rating scale and room
 * for notes.
 */
#include <stdio.h>
#include <string.h>

#include "rubric/report.h"

#define WIDTH 78

static size_t cp_len(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            c++;
    return c;
}

/* Word-wrap `s` to WIDTH columns: the first line starts with `first`, the
 * following ones with `indent`. */
static void wrap(rb_buf *b, const char *first, const char *indent, const char *s)
{
    rb_buf_puts(b, first);
    size_t col = cp_len(first, strlen(first));
    size_t ind = cp_len(indent, strlen(indent));
    bool line_empty = true;
    while (*s) {
        while (*s == ' ')
            s++;
        if (!*s)
            break;
        size_t wl = strcspn(s, " ");
        size_t wcols = cp_len(s, wl);
        if (!line_empty && col + 1 + wcols > WIDTH) {
            rb_buf_putc(b, '\n');
            rb_buf_puts(b, indent);
            col = ind;
            line_empty = true;
        }
        if (!line_empty) {
            rb_buf_putc(b, ' ');
            col++;
        }
        rb_buf_append(b, s, wl);
        col += wcols;
        line_empty = false;
        s += wl;
    }
    rb_buf_putc(b, '\n');
}

static void rule(rb_buf *b, char ch)
{
    for (int i = 0; i < WIDTH; i++)
        rb_buf_putc(b, ch);
    rb_buf_putc(b, '\n');
}

static void text_competency(rb_buf *b, const rb_competency *c)
{
    rule(b, '=');
    wrap(b, "INTERVIEW GUIDE: ", "  ", c->title);
    rule(b, '=');
    wrap(b, "", "", c->definition);
    rb_buf_printf(b, "Competency id: %s\n\n", c->id);
    rb_buf_puts(b, "Candidate: ____________________  Interviewer: ____________________\n");
    rb_buf_puts(b, "Date: ____________\n");
    for (size_t i = 0; i < c->nlevels; i++) {
        const rb_level *lv = &c->levels[i];
        const rb_scale_level *sl =
            c->scale ? rb_scale_level_of(c->scale, lv->number) : NULL;
        rb_buf_putc(b, '\n');
        rule(b, '-');
        rb_buf_printf(b, "LEVEL %d%s%s\n", lv->number, sl ? " - " : "", sl ? sl->name : "");
        rule(b, '-');
        wrap(b, "", "", lv->summary ? lv->summary : sl ? sl->descriptor : "");
        rb_buf_puts(b, "\nListen for:\n");
        for (size_t k = 0; k < lv->nbehaviours; k++)
            wrap(b, "  [ ] ", "      ", lv->behaviours[k].text);
        for (size_t q = 0; q < lv->nquestions; q++) {
            const rb_question *qu = &lv->questions[q];
            char head[32];
            snprintf(head, sizeof head, "\nAsk %zu: ", q + 1);
            wrap(b, head, "       ", qu->text);
            for (size_t p = 0; p < qu->nprobes; p++)
                wrap(b, "  probe: ", "         ", qu->probes[p].text);
            rb_buf_puts(b, "  notes: ____________________________________________________________\n");
            rb_buf_puts(b, "         ____________________________________________________________\n");
        }
    }
    if (c->scale) {
        rb_buf_putc(b, '\n');
        rule(b, '=');
        rb_buf_puts(b, "RATING (circle one)\n");
        rule(b, '=');
        for (size_t i = 0; i < c->scale->nlevels; i++) {
            const rb_scale_level *sl = &c->scale->levels[i];
            char head[96];
            snprintf(head, sizeof head, "( %d ) %s: ", sl->number, sl->name);
            wrap(b, head, "      ", sl->descriptor);
        }
        rb_buf_puts(b, "\nBehaviours observed and supporting quotes:\n");
        for (int i = 0; i < 4; i++)
            rb_buf_puts(b, "______________________________________________________________________________\n");
    }
}

static void text_scale(rb_buf *b, const rb_scale *s)
{
    rb_buf_printf(b, "%s (%s)\n", s->title, s->id);
    if (s->description)
        wrap(b, "", "", s->description);
    rb_buf_putc(b, '\n');
    for (size_t i = 0; i < s->nlevels; i++) {
        char head[96];
        snprintf(head, sizeof head, "%d %s: ", s->levels[i].number, s->levels[i].name);
        wrap(b, head, "    ", s->levels[i].descriptor);
    }
}

static void text_role(rb_buf *b, const rb_role *r)
{
    rb_buf_printf(b, "%s (%s), interview of %d minutes\n", r->title, r->id, r->minutes);
    if (r->description)
        wrap(b, "", "", r->description);
    rb_buf_puts(b, "\nCompetencies (target level, weight):\n");
    for (size_t i = 0; i < r->nneeds; i++) {
        const rb_need *n = &r->needs[i];
        const rb_scale_level *sl = n->competency->scale
            ? rb_scale_level_of(n->competency->scale, n->target) : NULL;
        rb_buf_printf(b, "  %-40s %d %-14s %g\n", n->competency->title, n->target,
                      sl ? sl->name : "", n->weight);
    }
}

static void text_bank(rb_buf *b, const rb_bank *k)
{
    rb_buf_printf(b, "%s (%s)\n", k->title, k->id);
    if (k->description)
        wrap(b, "", "", k->description);
    if (k->nquestions)
        rb_buf_puts(b, "\nQuestions:\n");
    for (size_t i = 0; i < k->nquestions; i++) {
        wrap(b, "  - ", "    ", k->questions[i].text);
        for (size_t p = 0; p < k->questions[i].nprobes; p++)
            wrap(b, "      * ", "        ", k->questions[i].probes[p].text);
    }
    if (k->noptions)
        rb_buf_puts(b, "\nOptions:\n");
    for (size_t i = 0; i < k->noptions; i++) {
        char head[128];
        snprintf(head, sizeof head, "  %s: ", k->options[i].title);
        wrap(b, head, "    ", k->options[i].description);
    }
}

/* What a step draws on from the banks: a whole bank by title, a question or
 * an option by its text. */
static void text_bank_item(rb_buf *b, const rb_item *it)
{
    char head[160];
    switch (it->kind) {
    case RB_KIND_BANK: {
        const rb_bank *k = it->ptr;
        snprintf(head, sizeof head, "    bank %s: ", k->id);
        wrap(b, head, "      ", k->title);
        break;
    }
    case RB_KIND_QUESTION:
        wrap(b, "    ask: ", "         ", ((const rb_question *)it->ptr)->text);
        break;
    case RB_KIND_OPTION: {
        const rb_option *o = it->ptr;
        snprintf(head, sizeof head, "    option %s: ", o->title);
        wrap(b, head, "      ", o->description);
        break;
    }
    default: break;
    }
}

static void text_process(rb_buf *b, const rb_process *p)
{
    rb_buf_printf(b, "%s (%s), %zu step%s\n", p->title, p->id, p->nsteps,
                  p->nsteps == 1 ? "" : "s");
    if (p->description)
        wrap(b, "", "", p->description);
    if (p->nprinciples)
        rb_buf_printf(b, "\n%s:\n", p->principles_title ? p->principles_title : "Principles");
    for (size_t i = 0; i < p->nprinciples; i++)
        wrap(b, "  - ", "    ", p->principles[i]);
    if (p->referral)
        wrap(b, "\nReferral: ", "  ", p->referral);
    for (size_t i = 0; i < p->nsteps; i++) {
        const rb_step *st = &p->steps[i];
        char head[64];
        snprintf(head, sizeof head, "\nStep %zu. ", i + 1);
        wrap(b, head, "  ", st->title);
        rb_buf_printf(b, "  id: %s\n", st->id);
        if (st->purpose)
            wrap(b, "  ", "  ", st->purpose);
        for (size_t k = 0; k < st->nprompts; k++)
            wrap(b, "  - ", "    ", st->prompts[k]);
        for (size_t k = 0; k < st->nquestions; k++)
            wrap(b, "  ask: ", "       ", st->questions[k]);
        if (st->nbank_items)
            rb_buf_puts(b, "  from the banks:\n");
        for (size_t k = 0; k < st->nbank_items; k++)
            text_bank_item(b, &st->bank_items[k]);
        if (st->nshows) {
            rb_buf_puts(b, "  shows:");
            for (size_t k = 0; k < st->nshows; k++)
                rb_buf_printf(b, "%s %s", k ? "," : "", rb_show_name(st->shows[k]));
            rb_buf_putc(b, '\n');
        }
        for (size_t k = 0; k < st->nrecord; k++)
            wrap(b, "  record: ", "    ", st->record[k]);
        if (st->referral)
            wrap(b, "  referral: ", "    ", st->referral);
    }
}

bool rb_render_text(const rb_library *lib, const rb_item *item, rb_buf *out)
{
    (void)lib;
    switch (item->kind) {
    case RB_KIND_COMPETENCY: text_competency(out, item->ptr); break;
    case RB_KIND_SCALE: text_scale(out, item->ptr); break;
    case RB_KIND_ROLE: text_role(out, item->ptr); break;
    case RB_KIND_BANK: text_bank(out, item->ptr); break;
    case RB_KIND_PROCESS: text_process(out, item->ptr); break;
    default: return false;
    }
    return rb_buf_ok(out);
}
