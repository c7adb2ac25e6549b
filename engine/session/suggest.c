/*
 * What to ask next in a live interview: the STAR elements and the
 * behaviours of the question's level with no evidence yet, the probes most
 * likely to draw them out, and whether to move a level up or down.
 *
 * The scorer reads the session's answers so far. A probe is judged by the
 * STAR elements it asks about, from a short list of English question forms
 * ("how did you ...", "what was the outcome"; the answer cue lists do not
 * fit questions: "How did you deliver it?" is no result), and by the
 * missing behaviours its words touch, found by reading the probe as an
 * answer with "you" read as "I".
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "json/json_writer.h"
#include "rubric/session.h"
#include "session/session_internal.h"

static const struct {
    unsigned star;
    const char *form;
} question_forms[] = {
    { RB_STAR_SITUATION, "situation" }, { RB_STAR_SITUATION, "context" },
    { RB_STAR_SITUATION, "background" }, { RB_STAR_SITUATION, "where were you" },
    { RB_STAR_SITUATION, "who was" }, { RB_STAR_SITUATION, "when was" },
    { RB_STAR_SITUATION, "what made" },
    { RB_STAR_TASK, "goal" }, { RB_STAR_TASK, "task" }, { RB_STAR_TASK, "aim" },
    { RB_STAR_TASK, "your role" }, { RB_STAR_TASK, "responsib" },
    { RB_STAR_TASK, "have to" }, { RB_STAR_TASK, "asked to" },
    { RB_STAR_TASK, "expected" }, { RB_STAR_TASK, "objective" },
    { RB_STAR_TASK, "why did you" }, { RB_STAR_TASK, "why was" },
    { RB_STAR_ACTION, "how did you" }, { RB_STAR_ACTION, "what did you do" },
    { RB_STAR_ACTION, "what did you say" }, { RB_STAR_ACTION, "what steps" },
    { RB_STAR_ACTION, "what action" }, { RB_STAR_ACTION, "what did you try" },
    { RB_STAR_ACTION, "how do you" },
    { RB_STAR_RESULT, "result" }, { RB_STAR_RESULT, "outcome" },
    { RB_STAR_RESULT, "happen" }, { RB_STAR_RESULT, "impact" },
    { RB_STAR_RESULT, "differen" }, { RB_STAR_RESULT, "learn" },
    { RB_STAR_RESULT, "feedback" }, { RB_STAR_RESULT, "how did it go" },
    { RB_STAR_RESULT, "changed" }, { RB_STAR_RESULT, "respond" },
    { RB_STAR_RESULT, "react" }, { RB_STAR_RESULT, "gain" },
};

static unsigned forms_in(const char *text)
{
    char lower[1024];
    size_t n = 0;
    for (; text[n] && n + 1 < sizeof lower; n++)
        lower[n] = (char)tolower((unsigned char)text[n]);
    lower[n] = '\0';
    unsigned star = 0;
    for (size_t i = 0; i < sizeof question_forms / sizeof *question_forms; i++)
        if (strstr(lower, question_forms[i].form))
            star |= question_forms[i].star;
    return star;
}

/* The probe as an answer: "you" and "your" read as "I" and "my". */
static void as_answer(const char *probe, rb_buf *out)
{
    const char *p = probe;
    while (*p) {
        bool word_start = p == probe || !isalpha((unsigned char)p[-1]);
        if (word_start && strncmp(p, "your", 4) == 0 && !isalpha((unsigned char)p[4])) {
            rb_buf_puts(out, "my");
            p += 4;
        } else if (word_start && strncmp(p, "you", 3) == 0 && !isalpha((unsigned char)p[3])) {
            rb_buf_puts(out, "I");
            p += 3;
        } else {
            rb_buf_putc(out, *p++);
        }
    }
}

static unsigned popcount(unsigned x)
{
    unsigned n = 0;
    for (; x; x >>= 1)
        n += x & 1;
    return n;
}

/* Score the unasked probes of `it` and keep the best few in `out`. */
static bool rank_probes(const rb_session *s, rb_scorer *scorer, const rb_session_item *it,
                        rb_suggestion *out)
{
    const rb_question *q = it->question;
    if (!q->nprobes)
        return true;
    rb_buf doc = { 0 }, text = { 0 };
    jw w;
    jw_init(&w, &doc, false);
    jw_object(&w);
    jw_key(&w, "format"); jw_string(&w, RB_ANSWERS_FORMAT);
    jw_key(&w, "candidate"); jw_object(&w); jw_key(&w, "id"); jw_string(&w, "probe");
    jw_end_object(&w);
    jw_key(&w, "role"); jw_string(&w, rb_session_plan(s)->role->id);
    jw_key(&w, "answers");
    jw_array(&w);
    for (size_t p = 0; p < q->nprobes; p++) {
        rb_buf_reset(&text);
        as_answer(q->probes[p].text, &text);
        jw_object(&w);
        jw_key(&w, "competency"); jw_string(&w, it->competency->id);
        jw_key(&w, "text"); jw_string_n(&w, rb_buf_str(&text), text.len);
        jw_end_object(&w);
    }
    jw_end_array(&w);
    jw_end_object(&w);
    bool ok = rb_buf_ok(&doc) && rb_buf_ok(&text);
    rb_buf_release(&text);
    rb_diags *d = ok ? rb_diags_new() : NULL;
    rb_interview *iv = d ? rb_interview_parse(session_library(s), "probes",
                                              0, doc.data, doc.len, d) : NULL;
    rb_buf_release(&doc);
    rb_sheet *sh = iv ? rb_score(scorer, iv, d) : NULL;
    if (!sh) {
        rb_interview_free(iv);
        rb_diags_free(d);
        return false;
    }
    const rb_competency_result *r = NULL;
    for (size_t i = 0; i < sh->nresults; i++)
        if (sh->results[i].competency == it->competency)
            r = &sh->results[i];
    int best_score[RB_SUGGEST_MAX_PROBES] = { 0 };
    for (size_t p = 0; p < q->nprobes; p++) {
        if (it->probes[p].nlines)
            continue;
        unsigned star = forms_in(q->probes[p].text) & out->star_missing;
        int score = 2 * (int)popcount(star);
        for (size_t m = 0; r && m < out->nmissing; m++)
            for (size_t e = 0; e < r->nevidence; e++)
                if (r->evidence[e].answer == p && r->evidence[e].behaviour == out->missing[m]) {
                    score++;
                    break;
                }
        if (score <= 0)
            continue;
        /* Insert in order, best first; earlier probes win ties. */
        size_t at = out->nprobes;
        while (at > 0 && best_score[at - 1] < score)
            at--;
        if (at >= RB_SUGGEST_MAX_PROBES)
            continue;
        size_t last = out->nprobes < RB_SUGGEST_MAX_PROBES ? out->nprobes : RB_SUGGEST_MAX_PROBES - 1;
        for (size_t k = last; k > at; k--) {
            best_score[k] = best_score[k - 1];
            out->probes[k] = out->probes[k - 1];
            out->probe_star[k] = out->probe_star[k - 1];
        }
        best_score[at] = score;
        out->probes[at] = p;
        out->probe_star[at] = star;
        if (out->nprobes < RB_SUGGEST_MAX_PROBES)
            out->nprobes++;
    }
    rb_sheet_free(sh);
    rb_interview_free(iv);
    rb_diags_free(d);
    return true;
}

/* The question to try at `level`: one the session already has, else the
 * competency's first question at that level. */
static void pick_question(const rb_session *s, const rb_competency *c, int level,
                          rb_suggestion *out)
{
    const rb_level *lv = rb_competency_level(c, level);
    if (!lv)
        return;
    for (size_t i = 0; i < rb_session_nitems(s); i++) {
        const rb_session_item *other = rb_session_item_at(s, i);
        if (other->kind == RB_ITEM_QUESTION && other->competency == c &&
            other->level == level) {
            out->question = other->question;
            out->question_level = level;
            out->question_item = i;
            return;
        }
    }
    if (lv->nquestions) {
        out->question = &lv->questions[0];
        out->question_level = level;
    }
}

static size_t words_in(const rb_session_text *t)
{
    size_t n = 0;
    for (size_t l = 0; l < t->nlines; l++) {
        bool in_word = false;
        for (const char *p = t->lines[l]; *p; p++) {
            bool space = isspace((unsigned char)*p);
            if (!space && !in_word)
                n++;
            in_word = !space;
        }
    }
    return n;
}

bool rb_session_suggest(const rb_session *s, rb_scorer *scorer, size_t i,
                        rb_suggestion *out, rb_diags *diags)
{
    memset(out, 0, sizeof *out);
    out->question_item = SIZE_MAX;
    const rb_session_item *it = rb_session_item_at(s, i);
    if (!it || it->kind != RB_ITEM_QUESTION)
        return false;
    /* Nothing recorded yet: nothing to score, everything is missing. */
    bool any = session_answer_count(s) > 0;
    size_t *item_of = calloc(rb_session_nitems(s) + 1, sizeof *item_of);
    rb_interview *iv = item_of && any ? session_interview(s, item_of, diags) : NULL;
    rb_sheet *sh = iv ? rb_score(scorer, iv, diags) : NULL;
    if (!item_of || (any && !sh)) {
        rb_sheet_free(sh);
        rb_interview_free(iv);
        free(item_of);
        return false;
    }
    const rb_competency *c = it->competency;
    const rb_competency_result *r = NULL;
    for (size_t k = 0; sh && k < sh->nresults; k++)
        if (sh->results[k].competency == c)
            r = &sh->results[k];
    unsigned star = 0;
    size_t words = words_in(&it->answer);
    for (size_t p = 0; p < it->nprobes; p++)
        words += words_in(&it->probes[p]);
    for (size_t a = 0; iv && a < iv->nanswers; a++)
        if (item_of[a] == i)
            star = sh->readings[a].star;
    out->star_missing = RB_STAR_ALL & ~star;
    out->suggested = r ? r->suggested : 0;

    const rb_level *lv = rb_competency_level(c, it->level);
    const rb_level_result *lr = NULL;
    for (size_t k = 0; r && k < r->nlevels; k++)
        if (r->levels[k].number == it->level)
            lr = &r->levels[k];
    for (size_t b = 0; lv && b < lv->nbehaviours; b++) {
        bool seen = false;
        for (size_t e = 0; r && e < r->nevidence && !seen; e++)
            seen = r->evidence[e].behaviour == &lv->behaviours[b];
        if (!seen && out->nmissing < sizeof out->missing / sizeof *out->missing)
            out->missing[out->nmissing++] = &lv->behaviours[b];
    }

    /* A level up when this level is credited from a whole story (an action
     * and a result); a level down when a whole story of some length shows
     * less than half of what the level needs. */
    bool whole_story = (star & (RB_STAR_ACTION | RB_STAR_RESULT)) ==
                       (RB_STAR_ACTION | RB_STAR_RESULT);
    if (lr && whole_story && lr->credited)
        out->advice = RB_ADVICE_HIGHER;
    else if (whole_story && words >= 60 &&
             (!lr || lr->coverage < c->scoring.coverage / 2))
        out->advice = RB_ADVICE_LOWER;
    if (out->advice != RB_ADVICE_NONE) {
        pick_question(s, c, it->level + (out->advice == RB_ADVICE_HIGHER ? 1 : -1), out);
        if (!out->question)
            out->advice = RB_ADVICE_NONE;
    }
    rb_sheet_free(sh);
    rb_interview_free(iv);
    free(item_of);
    return rank_probes(s, scorer, it, out);
}
