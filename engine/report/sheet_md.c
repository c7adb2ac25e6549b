/*
 * The scoring sheet as Markdown. Every level estimate shows the evidence
 * behind it: quote, behaviour, level.
 */
#include <stdio.h>
#include <string.h>

#include "report/md.h"
#include "rubric/report.h"
#include "rubric/score.h"

const char *rb_flag_name(unsigned flag)
{
    switch (flag) {
    case RB_FLAG_RATING_FAR: return "rating-far-from-evidence";
    case RB_FLAG_RATING_UNSUPPORTED: return "rating-without-evidence";
    case RB_FLAG_NO_RESULT: return "answer-without-result";
    case RB_FLAG_HYPOTHETICAL: return "hypothetical-answers";
    case RB_FLAG_COLLECTIVE: return "we-not-i";
    case RB_FLAG_PATTERN_LIMIT: return "pattern-too-costly";
    case RB_FLAG_POLICY_ERROR: return "scoring-function-failed";
    default: return "unknown";
    }
}

const char *rb_flag_text(unsigned flag)
{
    switch (flag) {
    case RB_FLAG_RATING_FAR:
        return "the rating and the suggested level are two or more levels apart";
    case RB_FLAG_RATING_UNSUPPORTED:
        return "the rating has no supporting evidence at its level";
    case RB_FLAG_NO_RESULT:
        return "an answer describes no result";
    case RB_FLAG_HYPOTHETICAL:
        return "answers say what the candidate would do more than what they did";
    case RB_FLAG_COLLECTIVE:
        return "answers say \"we\" and never \"I\": the candidate's own part is unclear";
    case RB_FLAG_PATTERN_LIMIT:
        return "an evidence pattern was too costly to finish on an answer";
    case RB_FLAG_POLICY_ERROR:
        return "the rubric's scoring function failed; the default policy stands";
    default:
        return "";
    }
}

static const char *level_name(const rb_competency *c, int n)
{
    const rb_scale_level *sl = c->scale ? rb_scale_level_of(c->scale, n) : NULL;
    return sl ? sl->name : "";
}

static void star_line(rb_buf *b, unsigned star)
{
    static const struct { unsigned bit; const char *name; } els[] = {
        { RB_STAR_SITUATION, "situation" }, { RB_STAR_TASK, "task" },
        { RB_STAR_ACTION, "action" }, { RB_STAR_RESULT, "result" },
    };
    rb_buf_puts(b, "STAR:");
    for (size_t i = 0; i < 4; i++)
        rb_buf_printf(b, " %s %s", els[i].name, star & els[i].bit ? "✓" : "✗ (missing)");
    rb_buf_putc(b, '\n');
}

static void level_cell(rb_buf *b, const rb_competency *c, int n)
{
    if (n)
        rb_buf_printf(b, "%d %s", n, level_name(c, n));
    else
        rb_buf_puts(b, "—");
}

bool rb_sheet_markdown(const rb_sheet *sh, rb_buf *b)
{
    const rb_interview *iv = sh->interview;
    rb_buf_puts(b, "# Scoring sheet: ");
    md_text(b, iv->candidate_name ? iv->candidate_name : iv->candidate_id);
    rb_buf_printf(b, " (%s)\n\n", iv->candidate_id);
    rb_buf_puts(b, "Role: ");
    md_text(b, iv->role->title);
    if (iv->interviewer) {
        rb_buf_puts(b, " · Interviewer: ");
        md_text(b, iv->interviewer);
    }
    if (iv->date)
        rb_buf_printf(b, " · Date: %s", iv->date);
    rb_buf_printf(b, "\n\n**Overall fit: %.0f%%** · strengths: %zu · areas for "
                  "development: %zu\n\n", sh->fit * 100, sh->strengths, sh->developments);
    if (iv->library_hash && strcmp(iv->library_hash, rb_library_hash(sh->library)) != 0)
        rb_buf_printf(b, "> Recorded with library %s, scored with %s.\n\n",
                      iv->library_hash, rb_library_hash(sh->library));

    rb_buf_puts(b, "| Competency | Target | Suggested | Confidence | Rating | Final | Gap |\n"
                   "|---|---|---|---|---|---|---|\n");
    for (size_t i = 0; i < sh->nresults; i++) {
        const rb_competency_result *r = &sh->results[i];
        const rb_competency *c = r->competency;
        rb_buf_puts(b, "| ");
        md_text(b, c->title);
        rb_buf_puts(b, " | ");
        if (r->need)
            level_cell(b, c, r->need->target);
        else
            rb_buf_puts(b, "—");
        rb_buf_puts(b, " | ");
        if (r->suggested)
            level_cell(b, c, r->suggested);
        else
            rb_buf_puts(b, "insufficient evidence");
        rb_buf_printf(b, " | %.2f | ", r->confidence);
        level_cell(b, c, r->rating);
        rb_buf_puts(b, " | ");
        level_cell(b, c, r->final_level);
        if (r->need && r->final_level)
            rb_buf_printf(b, " | %+d |\n", r->gap);
        else
            rb_buf_puts(b, " | — |\n");
    }

    for (size_t i = 0; i < sh->nresults; i++) {
        const rb_competency_result *r = &sh->results[i];
        const rb_competency *c = r->competency;
        rb_buf_puts(b, "\n## ");
        md_text(b, c->title);
        rb_buf_puts(b, "\n\n");
        if (!r->nanswers) {
            rb_buf_puts(b, "No answers were recorded for this competency.\n");
            continue;
        }
        if (r->suggested)
            rb_buf_printf(b, "Suggested level **%d %s** (confidence %.2f)", r->suggested,
                          level_name(c, r->suggested), r->confidence);
        else
            rb_buf_printf(b, "Suggested level: **insufficient evidence** (%zu evidence "
                          "item%s; %d needed)", r->nevidence, r->nevidence == 1 ? "" : "s",
                          c->scoring.min_evidence);
        if (r->rating)
            rb_buf_printf(b, " · interviewer rating **%d %s**", r->rating,
                          level_name(c, r->rating));
        if (r->need)
            rb_buf_printf(b, " · target %d", r->need->target);
        rb_buf_puts(b, "\n\n");
        star_line(b, r->star);
        if (r->policy_note) {
            rb_buf_puts(b, "\nScoring function: ");
            md_text(b, r->policy_note);
            rb_buf_putc(b, '\n');
        }
        for (unsigned f = 1; f <= RB_FLAG_POLICY_ERROR; f <<= 1)
            if (r->flags & f)
                rb_buf_printf(b, "\n⚑ **%s**: %s\n", rb_flag_name(f), rb_flag_text(f));
        rb_buf_puts(b, "\n| Level | Coverage | Credited |\n|---|---|---|\n");
        for (size_t l = 0; l < r->nlevels; l++)
            rb_buf_printf(b, "| %d %s | %.0f%% | %s |\n", r->levels[l].number,
                          level_name(c, r->levels[l].number), r->levels[l].coverage * 100,
                          r->levels[l].credited ? "yes" : "no");
        if (r->nevidence) {
            rb_buf_puts(b, "\n### Evidence\n");
            int level = -1000000;
            const rb_behaviour *beh = NULL;
            for (size_t e = 0; e < r->nevidence; e++) {
                const rb_evidence *ev = &r->evidence[e];
                if (ev->level != level) {
                    level = ev->level;
                    rb_buf_printf(b, "\n**Level %d %s**\n\n", level, level_name(c, level));
                    beh = NULL;
                }
                if (ev->behaviour != beh) {
                    beh = ev->behaviour;
                    rb_buf_puts(b, "- ");
                    md_text(b, beh->text);
                    rb_buf_printf(b, " (`%s`)\n", beh->id);
                }
                if (ev->kind == RB_EVIDENCE_OBSERVED) {
                    rb_buf_printf(b, "  - observed by the interviewer (answer %zu)\n",
                                  ev->answer + 1);
                    continue;
                }
                size_t len;
                const char *text = rb_evidence_text(sh->interview, ev, &len);
                rb_buf_puts(b, "  - “");
                md_text_n(b, text + ev->start, ev->end - ev->start);
                rb_buf_printf(b, "” (answer %zu%s, %s, strength %.2f)\n", ev->answer + 1,
                              ev->part >= 0 ? ", probe" : "",
                              ev->kind == RB_EVIDENCE_PATTERN ? "pattern" : "words",
                              ev->strength);
            }
        }
        bool notes = false;
        for (size_t a = 0; a < iv->nanswers; a++) {
            const rb_answer *an = &iv->answers[a];
            if (an->competency != c || !an->notes)
                continue;
            if (!notes)
                rb_buf_puts(b, "\n### Interviewer's notes\n\n");
            notes = true;
            rb_buf_puts(b, "- ");
            md_text(b, an->notes);
            rb_buf_putc(b, '\n');
        }
    }

    rb_buf_puts(b, "\n## Strengths\n\n");
    size_t n = 0;
    for (size_t i = 0; i < sh->nresults; i++) {
        const rb_competency_result *r = &sh->results[i];
        if (r->need && r->final_level && r->gap >= 0) {
            rb_buf_puts(b, "- ");
            md_text(b, r->competency->title);
            rb_buf_printf(b, ": level %d, target %d\n", r->final_level, r->need->target);
            n++;
        }
    }
    if (!n)
        rb_buf_puts(b, "None at or above target.\n");
    rb_buf_puts(b, "\n## Areas for development\n\n");
    n = 0;
    for (size_t i = 0; i < sh->nresults; i++) {
        const rb_competency_result *r = &sh->results[i];
        if (r->need && !(r->final_level && r->gap >= 0)) {
            rb_buf_puts(b, "- ");
            md_text(b, r->competency->title);
            if (r->final_level)
                rb_buf_printf(b, ": level %d, target %d (gap %d)\n", r->final_level,
                              r->need->target, r->gap);
            else
                rb_buf_printf(b, ": no level (insufficient evidence), target %d\n",
                              r->need->target);
            n++;
        }
    }
    if (!n)
        rb_buf_puts(b, "None: every competency is at or above target.\n");
    return rb_buf_ok(b);
}
