/*
 * A development plan as a document to print or file: Markdown, and one
 * self-contained HTML page (no scripts, fonts or images from elsewhere).
 * Both start with the person marker line (records.h) and say, part by
 * part, whether the employee shares it with the next-level leader.
 *
 * HTML hooks for tools and tests: section.competency#c-<id> (data-target,
 * data-share), li.action (data-action, data-share), ul.barriers > li and
 * ul.support > li (data-share), p.timeframe and p.followup (data-share).
 */
#include <stdio.h>
#include <string.h>

#include "develop/devplan_internal.h"
#include "report/html.h"
#include "report/md.h"
#include "rubric/records.h"

static const char *mark(bool share)
{
    return share ? "shared with the next-level leader" : "private";
}

/* ---- Markdown ------------------------------------------------------------ */

static void md_items(rb_buf *b, const rb_devplan_item *items, size_t n, const char *none)
{
    if (!n) {
        rb_buf_printf(b, "%s\n", none);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        rb_buf_puts(b, "- ");
        md_text(b, items[i].text);
        rb_buf_printf(b, " _(%s)_\n", mark(items[i].share));
    }
}

static const rb_devplan_competency *find_competency(const rb_devplan *p, const char *id)
{
    for (size_t i = 0; id && i < p->ncompetencies; i++)
        if (strcmp(p->competencies[i].id, id) == 0)
            return &p->competencies[i];
    return NULL;
}

bool rb_devplan_markdown(const rb_devplan *p, rb_buf *b)
{
    rb_person_marker(b, p->person);
    rb_buf_puts(b, "# Development plan: ");
    md_text(b, p->person);
    rb_buf_puts(b, "\n\n");
    if (p->shared_view)
        rb_buf_puts(b, "**Shared with the next-level leader:** only the parts the employee "
                       "chose to share.\n\n");
    rb_buf_puts(b, "| | |\n|---|---|\n| Employee | ");
    md_text(b, p->person);
    rb_buf_puts(b, " |\n");
    if (p->manager) {
        rb_buf_puts(b, "| Manager | ");
        md_text(b, p->manager);
        rb_buf_puts(b, " |\n");
    }
    rb_buf_puts(b, "| Role | ");
    md_text(b, p->role_title);
    rb_buf_printf(b, " (`%s`) |\n| Agreed on | %s |\n", p->role_id, p->agreed);
    if (p->followup)
        rb_buf_printf(b, "| Follow-up meeting | %s |\n", p->followup);

    rb_buf_puts(b, "\n## Competencies to develop\n");
    if (!p->ncompetencies)
        rb_buf_puts(b, "\nNone shared.\n");
    for (size_t i = 0; i < p->ncompetencies; i++) {
        const rb_devplan_competency *c = &p->competencies[i];
        rb_buf_printf(b, "\n### %zu. ", i + 1);
        md_text(b, c->title);
        rb_buf_printf(b, "\n\nTarget level: **%d", c->target);
        if (c->target_name) {
            rb_buf_putc(b, ' ');
            md_text(b, c->target_name);
        }
        rb_buf_printf(b, "** · competency `%s` · _%s_\n\nActions:\n\n", c->id,
                      mark(c->share));
        bool any = false;
        for (size_t k = 0; k < p->nactions; k++) {
            const rb_devplan_action *a = &p->actions[k];
            if (!a->competency || strcmp(a->competency, c->id) != 0)
                continue;
            any = true;
            rb_buf_printf(b, "- [ ] **%s** ", a->id);
            md_text(b, a->text);
            rb_buf_printf(b, " _(%s)_\n", mark(a->share));
        }
        if (!any)
            rb_buf_puts(b, "None recorded.\n");
    }
    bool loose = false;
    for (size_t k = 0; k < p->nactions; k++)
        loose = loose || !find_competency(p, p->actions[k].competency);
    if (loose) {
        rb_buf_puts(b, "\n### Other actions\n\n");
        for (size_t k = 0; k < p->nactions; k++) {
            const rb_devplan_action *a = &p->actions[k];
            if (find_competency(p, a->competency))
                continue;
            rb_buf_printf(b, "- [ ] **%s** ", a->id);
            md_text(b, a->text);
            rb_buf_printf(b, " _(%s)_\n", mark(a->share));
        }
    }
    rb_buf_puts(b, "\n## Barriers and challenges\n\n");
    md_items(b, p->barriers, p->nbarriers, p->shared_view ? "None shared." : "None recorded.");
    rb_buf_puts(b, "\n## Support from the manager\n\n");
    md_items(b, p->support, p->nsupport, p->shared_view ? "None shared." : "None recorded.");
    rb_buf_puts(b, "\n## Timeframe\n\n");
    if (p->timeframe) {
        md_text(b, p->timeframe);
        rb_buf_printf(b, " _(%s)_\n", mark(p->timeframe_share));
    } else {
        rb_buf_puts(b, p->shared_view ? "Not shared.\n" : "Not recorded.\n");
    }
    rb_buf_puts(b, "\n## Follow-up\n\n");
    if (p->followup)
        rb_buf_printf(b, "Next meeting to review progress: **%s** _(%s)_\n", p->followup,
                      mark(p->followup_share));
    else
        rb_buf_puts(b, p->shared_view ? "Not shared.\n" : "Not recorded.\n");
    if (!p->shared_view)
        rb_buf_puts(b, "\nThis plan belongs to the employee. Only the parts marked "
                       "\"shared with the next-level leader\" go into `rubric share`.\n");
    return rb_buf_ok(b);
}

/* ---- HTML ------------------------------------------------------------------ */

static const char *const rules[] = {
    HTML_CSS_FORM_CARDS("section,header.plan"),
    "section section{box-shadow:none;border-radius:0;padding:0;margin:0 0 1rem;"
    "border-top:1px solid var(--line)}\n",
    ".meta{color:var(--muted)}\n",
    ".notice{border-left:4px solid var(--shared);background:var(--soft);padding:.4rem .75rem}\n",
    HTML_CSS_FORM_TABLE,
    "th{background:var(--soft);width:14rem}\n",
    ".mark{display:inline-block;margin-left:.5rem;padding:0 .4rem;border-radius:3px;"
    "font-size:.75rem;font-weight:600;border:1px solid var(--line);color:var(--muted)}\n",
    ".mark.shared{border-color:var(--shared);color:var(--shared)}\n",
    HTML_CSS_FORM_BOXES,
    ".id{font-family:ui-monospace,\"DejaVu Sans Mono\",monospace;font-size:.85rem;"
    "color:var(--muted);margin-right:.4rem}\n",
    /* More room than the house lines: these are for signatures. */
    ".fill{display:flex;gap:1.5rem;flex-wrap:wrap;margin-top:1rem}\n",
    ".fill span{flex:1;min-width:12rem;border-bottom:1px solid var(--ink);padding-top:1.5rem}\n",
    NULL,
};

static const char *const print_rules[] = {
    HTML_CSS_FORM_CARDS_PRINT("section,header.plan"),
    "h2,h3{break-after:avoid;page-break-after:avoid}\n",
    "tr,li{break-inside:avoid;page-break-inside:avoid}\n",
    NULL,
};

static const html_page page = {
    .palette = ";--shared:#1f7a4d",
    .width = "62rem",
    .personal = true,
    .rules = rules,
    .print = print_rules,
};

static void html_mark(rb_buf *b, bool share)
{
    rb_buf_printf(b, "<span class=\"mark%s\">%s</span>", share ? " shared" : "",
                  share ? "shared" : "private");
}

static void html_action(rb_buf *b, const rb_devplan_action *a)
{
    rb_buf_puts(b, "<li class=\"action\" data-action=\"");
    html_esc(b, a->id);
    rb_buf_printf(b, "\" data-share=\"%s\"><span class=\"box\"></span><span class=\"id\">",
                  a->share ? "true" : "false");
    html_esc(b, a->id);
    rb_buf_puts(b, "</span>");
    html_esc(b, a->text);
    html_mark(b, a->share);
    rb_buf_puts(b, "</li>\n");
}

static void html_items(rb_buf *b, const char *cls, const rb_devplan_item *items, size_t n,
                       bool shared_view)
{
    if (!n) {
        rb_buf_printf(b, "<p class=\"meta\">%s</p>\n", shared_view ? "None shared." :
                      "None recorded.");
        return;
    }
    rb_buf_printf(b, "<ul class=\"%s\">\n", cls);
    for (size_t i = 0; i < n; i++) {
        rb_buf_printf(b, "<li data-share=\"%s\">", items[i].share ? "true" : "false");
        html_esc(b, items[i].text);
        html_mark(b, items[i].share);
        rb_buf_puts(b, "</li>\n");
    }
    rb_buf_puts(b, "</ul>\n");
}

bool rb_devplan_html(const rb_devplan *p, rb_buf *b)
{
    rb_person_marker(b, p->person);
    html_page_open(b, &page);
    rb_buf_puts(b, "Development plan: ");
    html_esc(b, p->person);
    html_page_body(b, &page);
    rb_buf_puts(b, "<header class=\"plan\">\n<p class=\"kicker\">Development plan</p>\n<h1>");
    html_esc(b, p->person);
    rb_buf_puts(b, "</h1>\n");
    if (p->shared_view)
        rb_buf_puts(b, "<p class=\"notice\">Shared with the next-level leader: only the parts "
                       "the employee chose to share.</p>\n");
    rb_buf_puts(b, "<table class=\"facts\">\n<tbody>\n<tr><th>Employee</th><td>");
    html_esc(b, p->person);
    rb_buf_puts(b, "</td></tr>\n");
    if (p->manager) {
        rb_buf_puts(b, "<tr><th>Manager</th><td>");
        html_esc(b, p->manager);
        rb_buf_puts(b, "</td></tr>\n");
    }
    rb_buf_puts(b, "<tr><th>Role</th><td>");
    html_esc(b, p->role_title);
    rb_buf_puts(b, " <code>");
    html_esc(b, p->role_id);
    rb_buf_printf(b, "</code></td></tr>\n<tr><th>Agreed on</th><td>%s</td></tr>\n", p->agreed);
    if (p->followup)
        rb_buf_printf(b, "<tr><th>Follow-up meeting</th><td>%s</td></tr>\n", p->followup);
    rb_buf_puts(b, "</tbody>\n</table>\n</header>\n");

    rb_buf_puts(b, "<section class=\"competencies\">\n<h2>Competencies to develop</h2>\n");
    if (!p->ncompetencies)
        rb_buf_puts(b, "<p class=\"meta\">None shared.</p>\n");
    for (size_t i = 0; i < p->ncompetencies; i++) {
        const rb_devplan_competency *c = &p->competencies[i];
        rb_buf_puts(b, "<section class=\"competency\" id=\"c-");
        html_esc(b, c->id);
        rb_buf_printf(b, "\" data-target=\"%d\" data-share=\"%s\">\n<h3>%zu. ", c->target,
                      c->share ? "true" : "false", i + 1);
        html_esc(b, c->title);
        html_mark(b, c->share);
        rb_buf_printf(b, "</h3>\n<p class=\"meta\">Target level <strong>%d", c->target);
        if (c->target_name) {
            rb_buf_putc(b, ' ');
            html_esc(b, c->target_name);
        }
        rb_buf_puts(b, "</strong> · competency <code>");
        html_esc(b, c->id);
        rb_buf_puts(b, "</code></p>\n<ul class=\"check actions\">\n");
        bool any = false;
        for (size_t k = 0; k < p->nactions; k++) {
            const rb_devplan_action *a = &p->actions[k];
            if (a->competency && strcmp(a->competency, c->id) == 0) {
                html_action(b, a);
                any = true;
            }
        }
        rb_buf_puts(b, "</ul>\n");
        if (!any)
            rb_buf_puts(b, "<p class=\"meta\">No actions recorded.</p>\n");
        rb_buf_puts(b, "</section>\n");
    }
    bool loose = false;
    for (size_t k = 0; k < p->nactions; k++)
        loose = loose || !find_competency(p, p->actions[k].competency);
    if (loose) {
        rb_buf_puts(b, "<h3>Other actions</h3>\n<ul class=\"check actions\">\n");
        for (size_t k = 0; k < p->nactions; k++)
            if (!find_competency(p, p->actions[k].competency))
                html_action(b, &p->actions[k]);
        rb_buf_puts(b, "</ul>\n");
    }
    rb_buf_puts(b, "</section>\n<section class=\"barriers\">\n<h2>Barriers and challenges</h2>\n");
    html_items(b, "barriers", p->barriers, p->nbarriers, p->shared_view);
    rb_buf_puts(b, "</section>\n<section class=\"support\">\n<h2>Support from the manager</h2>\n");
    html_items(b, "support", p->support, p->nsupport, p->shared_view);
    rb_buf_puts(b, "</section>\n<section class=\"timing\">\n<h2>Timeframe and follow-up</h2>\n");
    if (p->timeframe) {
        rb_buf_printf(b, "<p class=\"timeframe\" data-share=\"%s\">",
                      p->timeframe_share ? "true" : "false");
        html_esc(b, p->timeframe);
        html_mark(b, p->timeframe_share);
        rb_buf_puts(b, "</p>\n");
    }
    if (p->followup) {
        rb_buf_printf(b, "<p class=\"followup\" data-share=\"%s\">Next meeting to review "
                      "progress: <strong>%s</strong>", p->followup_share ? "true" : "false",
                      p->followup);
        html_mark(b, p->followup_share);
        rb_buf_puts(b, "</p>\n");
    }
    if (!p->timeframe && !p->followup)
        rb_buf_printf(b, "<p class=\"meta\">%s</p>\n", p->shared_view ? "Not shared." :
                      "Not recorded.");
    rb_buf_puts(b, "<div class=\"fill\"><span>Employee</span><span>Manager</span>"
                   "<span>Date</span></div>\n</section>\n");
    if (!p->shared_view)
        rb_buf_puts(b, "<p class=\"meta\">This plan belongs to the employee. Only the parts "
                       "marked \"shared\" go into <code>rubric share</code>.</p>\n");
    html_page_close(b, &page);
    return rb_buf_ok(b);
}
