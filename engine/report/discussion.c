/*
 * The competency discussion planner: two assessments of one person set side
 * by side (see discussion.h for the groups), and its JSON form
 * (rubric.discussion/1). The Markdown and HTML pages are in
 * discussion_render.c.
 */
#include <stdlib.h>
#include <string.h>

#include "json/json_writer.h"
#include "report/discussion_internal.h"

typedef struct owned_discussion {
    rb_discussion d;  /* first: the public part */
    rb_discussion_row *rows;
    const rb_discussion_row **development;
} owned_discussion;

const char *rb_discussion_group_name(rb_discussion_group g)
{
    switch (g) {
    case RB_GROUP_STRENGTH: return "strength";
    case RB_GROUP_DEVELOPMENT: return "development";
    case RB_GROUP_TO_SETTLE: break;
    }
    return "to-settle";
}

void rb_discussion_free(rb_discussion *d)
{
    if (!d)
        return;
    owned_discussion *od = (owned_discussion *)d;
    free(od->rows);
    free(od->development);
    free(od);
}

static const rb_assessment_entry *entry_for(const rb_assessment *a, const rb_competency *c)
{
    for (size_t i = 0; i < a->ncompetencies; i++)
        if (a->competencies[i].competency == c && a->competencies[i].has_level)
            return &a->competencies[i];
    return NULL;
}

static void group_row(rb_discussion_row *r)
{
    r->group = RB_GROUP_TO_SETTLE;
    if (!r->self || !r->manager)
        return;
    int hi = r->self->level > r->manager->level ? r->self->level : r->manager->level;
    int lo = r->self->level < r->manager->level ? r->self->level : r->manager->level;
    if (hi == lo && lo >= r->target) {
        r->group = RB_GROUP_STRENGTH;
    } else if (hi < r->target) {
        r->group = RB_GROUP_DEVELOPMENT;
        r->gap_min = r->target - hi;
        r->gap_max = r->target - lo;
    }
}

/* Largest gap first, then the heavier competency, then the role's order. */
static int cmp_development(const void *pa, const void *pb)
{
    const rb_discussion_row *a = *(const rb_discussion_row *const *)pa;
    const rb_discussion_row *b = *(const rb_discussion_row *const *)pb;
    if (a->gap_min != b->gap_min)
        return a->gap_min > b->gap_min ? -1 : 1;
    if (a->gap_max != b->gap_max)
        return a->gap_max > b->gap_max ? -1 : 1;
    if (a->weight != b->weight)
        return a->weight > b->weight ? -1 : 1;
    return (a > b) - (a < b);
}

rb_discussion *rb_discussion_make(const rb_library *lib, const rb_process *process,
                                  const rb_assessment *a, const char *a_name,
                                  const rb_assessment *b, const char *b_name,
                                  rb_diags *diags)
{
    bool ok = true;
    if (strcmp(a->person, b->person) != 0) {
        rb_diags_add(diags, RB_ERROR, RB_DIAG_INPUT, NULL, 0, 0, NULL,
                     "'%s' is about %s and '%s' is about %s; a discussion needs two "
                     "assessments of the same person", a_name, a->person, b_name, b->person);
        ok = false;
    }
    if (a->by == b->by) {
        rb_diags_add(diags, RB_ERROR, RB_DIAG_INPUT, NULL, 0, 0, NULL,
                     "'%s' and '%s' are both %s; give the employee's self-assessment and "
                     "the manager's assessment", a_name, b_name,
                     a->by == RB_BY_SELF ? "self-assessments" : "assessments by a manager");
        ok = false;
    }
    if (a->role != b->role) {
        rb_diags_add(diags, RB_ERROR, RB_DIAG_INPUT, NULL, 0, 0, NULL,
                     "'%s' assesses role '%s' and '%s' role '%s'; assess the same role",
                     a_name, a->role->id, b_name, b->role->id);
        ok = false;
    }
    if (!ok)
        return NULL;
    owned_discussion *od = calloc(1, sizeof *od);
    const rb_role *role = a->role;
    if (od) {
        od->rows = calloc(role->nneeds + 1, sizeof *od->rows);
        od->development = calloc(role->nneeds + 1, sizeof *od->development);
    }
    if (!od || !od->rows || !od->development) {
        rb_discussion_free(od ? &od->d : NULL);
        rb_diags_add(diags, RB_ERROR, RB_DIAG_SYSTEM, NULL, 0, 0, NULL, "out of memory");
        return NULL;
    }
    rb_discussion *d = &od->d;
    d->role = role;
    d->process = process;
    d->self = a->by == RB_BY_SELF ? a : b;
    d->manager = a->by == RB_BY_SELF ? b : a;
    d->library_hash = rb_library_hash(lib);
    for (size_t i = 0; i < role->nneeds; i++) {
        rb_discussion_row *r = &od->rows[i];
        r->competency = role->needs[i].competency;
        r->target = role->needs[i].target;
        r->weight = role->needs[i].weight;
        r->self = entry_for(d->self, r->competency);
        r->manager = entry_for(d->manager, r->competency);
        group_row(r);
        if (r->group == RB_GROUP_DEVELOPMENT)
            od->development[d->ndevelopment++] = r;
    }
    qsort(od->development, d->ndevelopment, sizeof *od->development, cmp_development);
    d->rows = od->rows;
    d->nrows = role->nneeds;
    d->development = od->development;
    return d;
}

/* ---- shared with the renderings ------------------------------------------ */

int discussion_difference(const rb_discussion_row *r)
{
    return r->self && r->manager ? r->manager->level - r->self->level : 0;
}

const char *discussion_agreement(const rb_discussion_row *r)
{
    if (!r->self && !r->manager)
        return "not-assessed";
    if (!r->self)
        return "manager-only";
    if (!r->manager)
        return "self-only";
    int diff = discussion_difference(r);
    return diff == 0 ? "agreed" : diff > 0 ? "manager-higher" : "self-higher";
}

/* ---- JSON ---------------------------------------------------------------- */

static void json_texts(jw *w, const char *key, const char *const *items, size_t n)
{
    jw_key(w, key);
    jw_array(w);
    for (size_t i = 0; i < n; i++)
        jw_string(w, items[i]);
    jw_end_array(w);
}

static void json_side(jw *w, const char *key, const rb_assessment_entry *e)
{
    jw_key(w, key);
    if (!e) {
        jw_null(w);
        return;
    }
    jw_object(w);
    jw_key(w, "level");
    jw_int(w, e->level);
    json_texts(w, "examples", e->examples, e->nexamples);
    jw_end_object(w);
}

static void json_assessor(jw *w, const char *key, const rb_assessment *a)
{
    jw_key(w, key);
    jw_object(w);
    jw_key(w, "assessor");
    jw_string(w, a->assessor);
    jw_key(w, "date");
    jw_string(w, a->date);
    jw_key(w, "library_hash");
    jw_string(w, a->library_hash);
    jw_end_object(w);
}

static void json_bank_item(jw *w, const rb_item *it)
{
    jw_object(w);
    jw_key(w, "kind");
    jw_string(w, rb_kind_name(it->kind));
    switch (it->kind) {
    case RB_KIND_BANK: {
        const rb_bank *k = it->ptr;
        jw_key(w, "id");
        jw_string(w, k->id);
        jw_key(w, "title");
        jw_string(w, k->title);
        jw_key(w, "questions");
        jw_array(w);
        for (size_t i = 0; i < k->nquestions; i++)
            jw_string(w, k->questions[i].text);
        jw_end_array(w);
        jw_key(w, "options");
        jw_array(w);
        for (size_t i = 0; i < k->noptions; i++) {
            jw_object(w);
            jw_key(w, "title");
            jw_string(w, k->options[i].title);
            jw_key(w, "description");
            jw_string(w, k->options[i].description);
            jw_end_object(w);
        }
        jw_end_array(w);
        break;
    }
    case RB_KIND_QUESTION:
        jw_key(w, "id");
        jw_string(w, ((const rb_question *)it->ptr)->id);
        jw_key(w, "text");
        jw_string(w, ((const rb_question *)it->ptr)->text);
        break;
    case RB_KIND_OPTION:
        jw_key(w, "id");
        jw_string(w, ((const rb_option *)it->ptr)->id);
        jw_key(w, "title");
        jw_string(w, ((const rb_option *)it->ptr)->title);
        jw_key(w, "description");
        jw_string(w, ((const rb_option *)it->ptr)->description);
        break;
    default: break;
    }
    jw_end_object(w);
}

static void json_step(jw *w, const rb_step *st)
{
    jw_object(w);
    jw_key(w, "id");
    jw_string(w, st->id);
    jw_key(w, "title");
    jw_string(w, st->title);
    jw_key(w, "purpose");
    jw_string_or_null(w, st->purpose);
    json_texts(w, "prompts", st->prompts, st->nprompts);
    json_texts(w, "questions", st->questions, st->nquestions);
    jw_key(w, "bank_items");
    jw_array(w);
    for (size_t i = 0; i < st->nbank_items; i++)
        json_bank_item(w, &st->bank_items[i]);
    jw_end_array(w);
    jw_key(w, "shows");
    jw_array(w);
    for (size_t i = 0; i < st->nshows; i++)
        jw_string(w, rb_show_name(st->shows[i]));
    jw_end_array(w);
    json_texts(w, "record", st->record, st->nrecord);
    jw_key(w, "referral");
    jw_string_or_null(w, st->referral);
    jw_end_object(w);
}

bool rb_discussion_json(const rb_discussion *d, rb_buf *out)
{
    jw w;
    jw_init(&w, out, true);
    jw_object(&w);
    jw_key(&w, "format");
    jw_string(&w, RB_DISCUSSION_FORMAT);
    jw_key(&w, "person");
    jw_string(&w, d->self->person);
    jw_key(&w, "role");
    jw_object(&w);
    jw_key(&w, "id");
    jw_string(&w, d->role->id);
    jw_key(&w, "title");
    jw_string(&w, d->role->title);
    jw_end_object(&w);
    jw_key(&w, "library_hash");
    jw_string(&w, d->library_hash);
    json_assessor(&w, "self", d->self);
    json_assessor(&w, "manager", d->manager);
    jw_key(&w, "competencies");
    jw_array(&w);
    for (size_t i = 0; i < d->nrows; i++) {
        const rb_discussion_row *r = &d->rows[i];
        jw_object(&w);
        jw_key(&w, "competency");
        jw_string(&w, r->competency->id);
        jw_key(&w, "title");
        jw_string(&w, r->competency->title);
        jw_key(&w, "target");
        jw_int(&w, r->target);
        jw_key(&w, "weight");
        jw_number(&w, r->weight);
        json_side(&w, "self", r->self);
        json_side(&w, "manager", r->manager);
        jw_key(&w, "agreement");
        jw_string(&w, discussion_agreement(r));
        jw_key(&w, "difference");
        if (r->self && r->manager)
            jw_int(&w, discussion_difference(r));
        else
            jw_null(&w);
        jw_key(&w, "group");
        jw_string(&w, rb_discussion_group_name(r->group));
        jw_end_object(&w);
    }
    jw_end_array(&w);
    jw_key(&w, "strengths");
    jw_array(&w);
    for (size_t i = 0; i < d->nrows; i++)
        if (d->rows[i].group == RB_GROUP_STRENGTH)
            jw_string(&w, d->rows[i].competency->id);
    jw_end_array(&w);
    jw_key(&w, "development");
    jw_array(&w);
    for (size_t i = 0; i < d->ndevelopment; i++) {
        const rb_discussion_row *r = d->development[i];
        jw_object(&w);
        jw_key(&w, "competency");
        jw_string(&w, r->competency->id);
        jw_key(&w, "target");
        jw_int(&w, r->target);
        jw_key(&w, "gap_min");
        jw_int(&w, r->gap_min);
        jw_key(&w, "gap_max");
        jw_int(&w, r->gap_max);
        jw_end_object(&w);
    }
    jw_end_array(&w);
    jw_key(&w, "to_settle");
    jw_array(&w);
    for (size_t i = 0; i < d->nrows; i++)
        if (d->rows[i].group == RB_GROUP_TO_SETTLE)
            jw_string(&w, d->rows[i].competency->id);
    jw_end_array(&w);
    const rb_process *p = d->process;
    jw_key(&w, "process");
    jw_object(&w);
    jw_key(&w, "id");
    jw_string(&w, p->id);
    jw_key(&w, "title");
    jw_string(&w, p->title);
    jw_key(&w, "description");
    jw_string_or_null(&w, p->description);
    json_texts(&w, "principles", p->principles, p->nprinciples);
    jw_key(&w, "principles_title");
    jw_string_or_null(&w, p->principles_title);
    jw_key(&w, "referral");
    jw_string_or_null(&w, p->referral);
    jw_key(&w, "steps");
    jw_array(&w);
    for (size_t i = 0; i < p->nsteps; i++)
        json_step(&w, &p->steps[i]);
    jw_end_array(&w);
    jw_end_object(&w);
    jw_end_object(&w);
    rb_buf_putc(out, '\n');
    return rb_buf_ok(out);
}
