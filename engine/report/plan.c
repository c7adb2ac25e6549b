/*
 * Interview plans (rubric.plan/1): for each competency of a role, in the
 * role's order, one question at the target level and one at the level above
 * (when the scale has one), chosen with a seeded PRNG; time budgets from the
 * role's minutes and the needs' weights; an opening and a closing script.
 *
 * Question choice: splitmix64 seeded with --seed. For each competency in the
 * role's order, then for the target level and the level above, one number is
 * drawn when that level has questions, and question (draw mod count) is
 * taken. The same seed and library give the same plan.
 *
 * Time: the opening and the closing get min(5, max(1, (minutes + 5) / 10))
 * minutes each (10%, rounded half up, for interviews under 50 minutes; 5
 * minutes otherwise). The rest is shared by weight with the largest
 * remainder method: each competency gets the whole part of its share, and
 * the minutes left go one each to the largest fractional parts (ties to the
 * earlier competency). The budgets sum exactly to the role's minutes.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "json/json_writer.h"
#include "report/plan_internal.h"

owned_plan *plan_alloc(void)
{
    owned_plan *op = calloc(1, sizeof *op);
    if (!op)
        return NULL;
    op->arena = arena_new();
    if (!op->arena) {
        free(op);
        return NULL;
    }
    return op;
}

void rb_plan_free(rb_plan *plan)
{
    if (!plan)
        return;
    owned_plan *op = (owned_plan *)plan;
    arena_free(op->arena);
    free(op);
}

static uint64_t splitmix64(uint64_t *state)
{
    uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static int reserve_minutes(int minutes)
{
    int r = (minutes + 5) / 10;
    return r < 1 ? 1 : r > 5 ? 5 : r;
}

/* Largest remainder: budgets[i] for weights[i], summing to `total`. */
static void share(int total, const rb_need *needs, size_t n, int *budgets, double *frac)
{
    double wsum = 0;
    for (size_t i = 0; i < n; i++)
        wsum += needs[i].weight;
    int given = 0;
    for (size_t i = 0; i < n; i++) {
        double q = wsum > 0 ? total * needs[i].weight / wsum : 0;
        double f = floor(q + 1e-9);
        budgets[i] = (int)f;
        frac[i] = q - f;
        given += budgets[i];
    }
    while (given < total && n) {
        size_t best = 0;
        for (size_t i = 1; i < n; i++)
            if (frac[i] > frac[best] + 1e-9)
                best = i;
        budgets[best]++;
        frac[best] = -1;
        given++;
    }
}

static const char *const closing_lines[] = {
    "Thank the candidate for their time and for the examples they shared.",
    "Invite their questions about the role, the team and the organisation; answer "
    "what you can and note anything that needs a reply later.",
    "Explain the next steps: when and how they will hear the outcome, and whom to "
    "contact in the meantime.",
    "Remind them that what they said stays confidential to this selection process.",
    "After they leave, rate each competency on your own from your notes before the "
    "panel compares ratings.",
};

rb_plan *rb_plan_make(const rb_library *lib, const rb_role *role, unsigned long long seed)
{
    owned_plan *op = plan_alloc();
    if (!op)
        return NULL;
    arena *a = op->arena;
    rb_plan *p = &op->plan;
    p->role = role;
    p->library_hash = rb_library_hash(lib);
    p->seed = seed;
    int reserve = reserve_minutes(role->minutes);
    size_t n = role->nneeds;
    rb_plan_competency *cs = arena_alloc(a, (n + 1) * sizeof *cs);
    int *budgets = arena_alloc(a, (n + 1) * sizeof *budgets);
    double *frac = arena_alloc(a, (n + 1) * sizeof *frac);
    const char **open = arena_alloc(a, 7 * sizeof *open);
    const char **close = arena_alloc(a, 5 * sizeof *close);
    if (!cs || !budgets || !frac || !open || !close)
        goto fail;
    share(role->minutes - 2 * reserve, role->needs, n, budgets, frac);
    uint64_t state = seed;
    for (size_t i = 0; i < n; i++) {
        const rb_need *need = &role->needs[i];
        rb_plan_competency *pc = &cs[i];
        pc->competency = need->competency;
        pc->target = need->target;
        pc->weight = need->weight;
        pc->minutes = budgets[i];
        rb_plan_question *qs = arena_alloc(a, 2 * sizeof *qs);
        if (!qs)
            goto fail;
        for (int level = need->target; level <= need->target + 1; level++) {
            const rb_level *lv = rb_competency_level(need->competency, level);
            if (!lv || lv->nquestions == 0)
                continue;
            uint64_t draw = splitmix64(&state);
            qs[pc->nquestions].level = level;
            qs[pc->nquestions].question = &lv->questions[draw % lv->nquestions];
            pc->nquestions++;
        }
        pc->questions = qs;
    }
    p->competencies = cs;
    p->ncompetencies = n;

    open[0] = "Welcome the candidate, introduce yourself and anyone else on the "
              "panel, and thank them for coming.";
    open[1] = "Check that the room is private and that nothing will interrupt: no "
              "calls, no messages, no one walking in.";
    open[2] = arena_printf(a, "Explain the purpose and the process: a conversation of "
                           "about %d minutes on %zu competenc%s the role needs. Each "
                           "question asks for one real situation they handled: what "
                           "it was, what they did themselves and how it turned out. "
                           "Follow-up questions ask for detail, not for a trick answer.",
                           role->minutes, n, n == 1 ? "y" : "ies");
    open[3] = "Say that you will take notes so that the assessment rests on what they "
              "said, not on memory.";
    open[4] = "Explain confidentiality: their answers and your notes are used only for "
              "this selection and are seen only by the people who make the decision.";
    open[5] = "Put them at ease: they may take a moment to think, ask for a question "
              "again, or use an example from outside work.";
    open[6] = "Tell them there will be time for their own questions at the end, and ask "
              "whether anything is unclear before you start.";
    for (size_t i = 0; i < 5; i++)
        close[i] = closing_lines[i];
    if (!open[2])
        goto fail;
    p->opening = (rb_plan_section){ reserve, 7, open };
    p->closing = (rb_plan_section){ reserve, 5, close };
    return p;
fail:
    rb_plan_free(p);
    return NULL;
}

static void section_json(jw *w, const char *key, const rb_plan_section *s)
{
    jw_key(w, key);
    jw_object(w);
    jw_key(w, "minutes");
    jw_int(w, s->minutes);
    jw_key(w, "script");
    jw_array(w);
    for (size_t i = 0; i < s->nlines; i++)
        jw_string(w, s->lines[i]);
    jw_end_array(w);
    jw_end_object(w);
}

bool rb_plan_json(const rb_plan *p, rb_buf *out)
{
    jw w;
    jw_init(&w, out, true);
    jw_object(&w);
    jw_key(&w, "format");
    jw_string(&w, RB_PLAN_FORMAT);
    jw_key(&w, "library");
    jw_string(&w, p->library_hash);
    jw_key(&w, "seed");
    jw_int(&w, (long long)p->seed);
    jw_key(&w, "role");
    jw_object(&w);
    jw_key(&w, "id");
    jw_string(&w, p->role->id);
    jw_key(&w, "title");
    jw_string(&w, p->role->title);
    jw_key(&w, "minutes");
    jw_int(&w, p->role->minutes);
    jw_end_object(&w);
    section_json(&w, "opening", &p->opening);
    jw_key(&w, "competencies");
    jw_array(&w);
    for (size_t i = 0; i < p->ncompetencies; i++) {
        const rb_plan_competency *pc = &p->competencies[i];
        jw_object(&w);
        jw_key(&w, "id");
        jw_string(&w, pc->competency->id);
        jw_key(&w, "title");
        jw_string(&w, pc->competency->title);
        jw_key(&w, "target");
        jw_int(&w, pc->target);
        jw_key(&w, "weight");
        jw_number(&w, pc->weight);
        jw_key(&w, "minutes");
        jw_int(&w, pc->minutes);
        jw_key(&w, "questions");
        jw_array(&w);
        for (size_t q = 0; q < pc->nquestions; q++) {
            const rb_question *qu = pc->questions[q].question;
            jw_object(&w);
            jw_key(&w, "id");
            jw_string(&w, qu->id);
            jw_key(&w, "level");
            jw_int(&w, pc->questions[q].level);
            jw_key(&w, "text");
            jw_string(&w, qu->text);
            jw_key(&w, "probes");
            jw_array(&w);
            for (size_t k = 0; k < qu->nprobes; k++) {
                jw_object(&w);
                jw_key(&w, "id");
                jw_string(&w, qu->probes[k].id);
                jw_key(&w, "text");
                jw_string(&w, qu->probes[k].text);
                jw_end_object(&w);
            }
            jw_end_array(&w);
            jw_end_object(&w);
        }
        jw_end_array(&w);
        jw_end_object(&w);
    }
    jw_end_array(&w);
    section_json(&w, "closing", &p->closing);
    jw_end_object(&w);
    rb_buf_putc(out, '\n');
    return rb_buf_ok(out);
}
