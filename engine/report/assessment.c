/*
 * Competency assessments (rubric.assessment/1): making one entry by entry
 * (as `rubric assess` does), writing it, and the extract a person may share
 * with their next-level leader.
 */
#include <stdlib.h>
#include <string.h>

#include "json/json_writer.h"
#include "report/assessment_internal.h"

owned_assessment *assessment_alloc(size_t n)
{
    owned_assessment *oa = calloc(1, sizeof *oa);
    if (!oa)
        return NULL;
    oa->arena = arena_new();
    if (oa->arena) {
        oa->entries = arena_alloc(oa->arena, (n + 1) * sizeof *oa->entries);
        oa->examples = arena_alloc(oa->arena, (n * RB_MAX_EXAMPLES + 1) * sizeof(char *));
    }
    if (!oa->arena || !oa->entries || !oa->examples) {
        arena_free(oa->arena);
        free(oa);
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        oa->entries[i].examples = oa->examples + i * RB_MAX_EXAMPLES;
    oa->a.competencies = oa->entries;
    oa->a.ncompetencies = n;
    return oa;
}

void rb_assessment_free(rb_assessment *a)
{
    if (!a)
        return;
    owned_assessment *oa = (owned_assessment *)a;
    arena_free(oa->arena);
    free(oa);
}

const char *rb_assessor_side_name(rb_assessor_side side)
{
    return side == RB_BY_MANAGER ? "manager" : "self";
}

bool rb_assessor_side_parse(const char *name, rb_assessor_side *side)
{
    if (strcmp(name, "self") == 0)
        *side = RB_BY_SELF;
    else if (strcmp(name, "manager") == 0)
        *side = RB_BY_MANAGER;
    else
        return false;
    return true;
}

bool rb_assessment_name_valid(const char *name)
{
    size_t n = strlen(name);
    if (n == 0 || n > RB_MAX_NAME || !utf8_valid(name, n))
        return false;
    bool visible = false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)name[i];
        if (c < 0x20 || c == 0x7f)
            return false;
        if (c != ' ')
            visible = true;
    }
    return visible;
}

rb_assessment *rb_assessment_new(const rb_library *lib, const rb_role *role,
                                 const char *person, rb_assessor_side by,
                                 const char *assessor, const char *date)
{
    owned_assessment *oa = assessment_alloc(role->nneeds);
    if (!oa)
        return NULL;
    rb_assessment *a = &oa->a;
    a->person = arena_strdup(oa->arena, person);
    a->by = by;
    a->assessor = by == RB_BY_SELF ? a->person : arena_strdup(oa->arena, assessor);
    a->role = role;
    a->date = arena_strdup(oa->arena, date);
    a->library_hash = arena_strdup(oa->arena, rb_library_hash(lib));
    if (!a->person || !a->assessor || !a->date || !a->library_hash) {
        rb_assessment_free(a);
        return NULL;
    }
    for (size_t i = 0; i < role->nneeds; i++)
        oa->entries[i].competency = role->needs[i].competency;
    return a;
}

bool rb_assessment_set_level(rb_assessment *a, size_t i, int level)
{
    owned_assessment *oa = (owned_assessment *)a;
    const rb_competency *c = oa->entries[i].competency;
    if (!c->scale || !rb_scale_level_of(c->scale, level))
        return false;
    oa->entries[i].level = level;
    oa->entries[i].has_level = true;
    return true;
}

bool rb_assessment_add_example(rb_assessment *a, size_t i, const char *text)
{
    owned_assessment *oa = (owned_assessment *)a;
    rb_assessment_entry *e = &oa->entries[i];
    if (e->nexamples >= RB_MAX_EXAMPLES)
        return false;
    char *copy = arena_strdup(oa->arena, text);
    if (!copy)
        return false;
    oa->examples[i * RB_MAX_EXAMPLES + e->nexamples++] = copy;
    return true;
}

bool rb_assessment_drop_example(rb_assessment *a, size_t i)
{
    owned_assessment *oa = (owned_assessment *)a;
    if (oa->entries[i].nexamples == 0)
        return false;
    oa->entries[i].nexamples--;
    return true;
}

void rb_assessment_set_share(rb_assessment *a, size_t i, bool share)
{
    ((owned_assessment *)a)->entries[i].share = share;
}

static bool write_json(const rb_assessment *a, bool shared_only, rb_buf *out)
{
    jw w;
    jw_init(&w, out, true);
    jw_object(&w);
    jw_key(&w, "format");
    jw_string(&w, RB_ASSESSMENT_FORMAT);
    if (shared_only || a->shared_view) {
        /* An extract says so: it may be made again from the assessment. */
        jw_key(&w, "view");
        jw_string(&w, "shared");
    }
    jw_key(&w, "person");
    jw_string(&w, a->person);
    jw_key(&w, "by");
    jw_string(&w, rb_assessor_side_name(a->by));
    jw_key(&w, "assessor");
    jw_string(&w, a->assessor);
    jw_key(&w, "role");
    jw_string(&w, a->role->id);
    jw_key(&w, "date");
    jw_string(&w, a->date);
    jw_key(&w, "library_hash");
    jw_string(&w, a->library_hash);
    jw_key(&w, "competencies");
    jw_array(&w);
    for (size_t i = 0; i < a->ncompetencies; i++) {
        const rb_assessment_entry *e = &a->competencies[i];
        if (shared_only && !e->share)
            continue;
        jw_object(&w);
        jw_key(&w, "competency");
        jw_string(&w, e->competency->id);
        jw_key(&w, "level");
        jw_int(&w, e->level);
        jw_key(&w, "examples");
        jw_array(&w);
        for (size_t k = 0; k < e->nexamples; k++)
            jw_string(&w, e->examples[k]);
        jw_end_array(&w);
        jw_key(&w, "share");
        jw_bool(&w, e->share);
        jw_end_object(&w);
    }
    jw_end_array(&w);
    jw_end_object(&w);
    rb_buf_putc(out, '\n');
    return rb_buf_ok(out);
}

bool rb_assessment_json(const rb_assessment *a, rb_buf *out)
{
    return write_json(a, false, out);
}

bool rb_assessment_shared_json(const rb_assessment *a, rb_buf *out)
{
    return write_json(a, true, out);
}
