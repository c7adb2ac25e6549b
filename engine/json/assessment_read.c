/*
 * Reading competency assessments (rubric.assessment/1). The syntax is
 * checked strictly first (json_syntax.c: line and column, duplicate keys);
 * then every field for type, size and range, and every id against the
 * library: the role, and each competency (one the role needs, given once)
 * with a level on its scale. Each problem names the file, the line and the
 * place in the document (competencies[1].level), and reading goes on to
 * find the others.
 */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json/json_fields.h"
#include "json/json_syntax.h"
#include "report/assessment_internal.h"
#include "rubric/date.h"
#include "rubric/io.h"

typedef struct reader {
    json_report rep;  /* where problems go */
    const rb_library *lib;
    arena *arena;
} reader;

static const char *const top_keys[] = { "format", "view", "person", "by", "assessor",
                                        "role", "date", "library_hash", "competencies",
                                        NULL };
static const char *const entry_keys[] = { "competency", "level", "examples", "share",
                                          NULL };

/* A member that must be present with JSON type `want` (cJSON type bits). */
static const cJSON *member(reader *r, const cJSON *obj, const char *key, const char *path,
                           int want, const char *want_name)
{
    return json_member(&r->rep, obj, key, path, want, want_name, true);
}

/* A person's name: the person assessed or the assessor. */
static const char *name_of(reader *r, const cJSON *root, const char *key)
{
    const cJSON *v = member(r, root, key, "", cJSON_String, "a name (text)");
    if (!v)
        return NULL;
    if (!rb_assessment_name_valid(v->valuestring)) {
        json_problem(&r->rep, RB_ERROR, v, key, "must be a name of 1 to %zu bytes without "
                     "control characters", RB_MAX_NAME);
        return NULL;
    }
    return arena_strdup(r->arena, v->valuestring);
}

static const rb_role *role_of(reader *r, const cJSON *root)
{
    const cJSON *v = member(r, root, "role", "", cJSON_String, "a role id (text)");
    if (!v)
        return NULL;
    rb_item item;
    if (rb_library_find(r->lib, v->valuestring, &item) && item.kind == RB_KIND_ROLE)
        return item.ptr;
    const char *near = rb_library_suggest(r->lib, v->valuestring);
    if (near)
        json_problem(&r->rep, RB_ERROR, v, "role", "unknown role '%s' (did you mean '%s'?)",
                     v->valuestring, near);
    else
        json_problem(&r->rep, RB_ERROR, v, "role", "unknown role '%s'; run 'rubric list' to "
                     "see the roles", v->valuestring);
    return NULL;
}

/* The position of competency `id` among the role's needs, or -1. */
static long need_index(const rb_role *role, const char *id)
{
    for (size_t i = 0; i < role->nneeds; i++)
        if (strcmp(role->needs[i].competency->id, id) == 0)
            return (long)i;
    return -1;
}

static void read_examples(reader *r, const cJSON *e, const char *path,
                          owned_assessment *oa, size_t slot)
{
    const cJSON *xs = member(r, e, "examples", path, cJSON_Array, "a list of texts");
    if (!xs)
        return;
    char where[96];
    snprintf(where, sizeof where, "%s.examples", path);
    int n = cJSON_GetArraySize(xs);
    if (n > RB_MAX_EXAMPLES) {
        json_problem(&r->rep, RB_ERROR, xs, where, "has %d examples; the limit is %d", n,
                     RB_MAX_EXAMPLES);
        return;
    }
    size_t k = 0;
    for (const cJSON *x = xs->child; x; x = x->next, k++) {
        char xw[112];
        snprintf(xw, sizeof xw, "%s[%zu]", where, k);
        if (!cJSON_IsString(x)) {
            json_problem(&r->rep, RB_ERROR, x, xw, "must be text, not %s", json_kind(x));
            continue;
        }
        size_t len = strlen(x->valuestring);
        size_t blank = strspn(x->valuestring, " \t\r\n");
        if (blank == len) {
            json_problem(&r->rep, RB_ERROR, x, xw, "is empty");
            continue;
        }
        if (len > RB_MAX_EXAMPLE) {
            json_problem(&r->rep, RB_ERROR, x, xw, "is %zu bytes long; the limit is %zu", len,
                         RB_MAX_EXAMPLE);
            continue;
        }
        if (!rb_text_plain(x->valuestring, true)) {
            json_problem(&r->rep, RB_ERROR, x, xw, "holds a control character; only line "
                         "breaks and tabs are allowed");
            continue;
        }
        if (!rb_assessment_add_example(&oa->a, slot, x->valuestring))
            json_problem(&r->rep, RB_ERROR, x, xw, "out of memory");
    }
}

static void read_entry(reader *r, const cJSON *e, const char *path, owned_assessment *oa,
                       const cJSON **seen)
{
    if (!cJSON_IsObject(e)) {
        json_problem(&r->rep, RB_ERROR, e, path, "must be an object, not %s", json_kind(e));
        return;
    }
    json_check_keys(&r->rep, e, path, entry_keys);
    const rb_role *role = oa->a.role;
    char where[96];
    snprintf(where, sizeof where, "%s.competency", path);
    const cJSON *id = member(r, e, "competency", path, cJSON_String,
                             "a competency id (text)");
    long slot = -1;
    if (id && role) {
        rb_item item;
        slot = need_index(role, id->valuestring);
        if (slot >= 0 && seen[slot]) {
            json_problem(&r->rep, RB_ERROR, id, where, "competency '%s' is assessed twice "
                         "(also at line %d)", id->valuestring, json_line(seen[slot]));
            slot = -1;
        } else if (slot >= 0) {
            seen[slot] = e;
        } else if (rb_library_find(r->lib, id->valuestring, &item) &&
                   item.kind == RB_KIND_COMPETENCY) {
            /* The role changed since the assessment was made: what is
             * still needed can be discussed; this entry cannot. */
            json_problem(&r->rep, RB_WARNING, id, where, "role '%s' no longer needs "
                         "competency '%s'; the entry is left out", role->id,
                         id->valuestring);
        } else {
            const char *near = rb_library_suggest(r->lib, id->valuestring);
            if (near)
                json_problem(&r->rep, RB_ERROR, id, where, "unknown competency '%s' (did you "
                             "mean '%s'?)", id->valuestring, near);
            else
                json_problem(&r->rep, RB_ERROR, id, where, "unknown competency '%s'",
                             id->valuestring);
        }
    }
    const cJSON *lv = member(r, e, "level", path, cJSON_Number, "a whole number");
    if (lv && slot >= 0) {
        snprintf(where, sizeof where, "%s.level", path);
        const rb_competency *c = role->needs[slot].competency;
        double d = lv->valuedouble;
        if (!isfinite(d) || d != floor(d)) {
            json_problem(&r->rep, RB_ERROR, lv, where, "must be a whole number, not a "
                         "fraction");
        } else if (d < -1000000 || d > 1000000 ||
                   !rb_assessment_set_level(&oa->a, (size_t)slot, (int)d)) {
            const rb_scale *s = c->scale;
            if (s && s->nlevels)
                json_problem(&r->rep, RB_ERROR, lv, where, "competency '%s' has no level %.17g "
                             "(levels %d to %d)", c->id, d + 0.0, s->levels[0].number,
                             s->levels[s->nlevels - 1].number);
            else
                json_problem(&r->rep, RB_ERROR, lv, where, "competency '%s' has no level %.17g",
                             c->id, d + 0.0);
        }
    }
    const cJSON *share = cJSON_GetObjectItemCaseSensitive(e, "share");
    if (!share)
        json_problem(&r->rep, RB_ERROR, e, path, "'share' is missing");
    else if (!cJSON_IsBool(share)) {
        snprintf(where, sizeof where, "%s.share", path);
        json_problem(&r->rep, RB_ERROR, share, where, "must be true or false, not %s",
                     json_kind(share));
    } else if (slot >= 0) {
        rb_assessment_set_share(&oa->a, (size_t)slot, cJSON_IsTrue(share));
    }
    if (slot >= 0)
        read_examples(r, e, path, oa, (size_t)slot);
    else if (!cJSON_GetObjectItemCaseSensitive(e, "examples"))
        json_problem(&r->rep, RB_ERROR, e, path, "'examples' is missing");
}

/* Keep only the entries the document gave, in the role's order. */
static void compact(owned_assessment *oa, const cJSON **seen, size_t n)
{
    size_t out = 0;
    for (size_t i = 0; i < n; i++)
        if (seen[i])
            oa->entries[out++] = oa->entries[i];
    oa->a.ncompetencies = out;
}

rb_assessment *rb_assessment_parse(const rb_library *lib, const char *source,
                                   const char *text, size_t len, rb_diags *diags)
{
    reader r = { { source, 0, diags, 0 }, lib, NULL };
    cJSON *root = json_parse_root(&r.rep, text, len);
    if (!root)
        return NULL;
    owned_assessment *oa = NULL;
    const cJSON **seen = NULL;
    if (!json_check_format(&r.rep, root, RB_ASSESSMENT_FORMAT))
        goto done;  /* not an assessment: the rest would only be noise */
    json_check_keys(&r.rep, root, "", top_keys);

    const rb_role *role = role_of(&r, root);
    size_t n = role ? role->nneeds : 0;
    oa = assessment_alloc(n);
    seen = calloc(n + 1, sizeof *seen);
    if (!oa || !seen) {
        rb_diags_add(diags, RB_ERROR, RB_DIAG_SYSTEM, source, 0, 0, NULL, "out of memory");
        r.rep.errors++;
        goto done;
    }
    r.arena = oa->arena;
    rb_assessment *a = &oa->a;
    a->role = role;
    for (size_t i = 0; i < n; i++)
        oa->entries[i].competency = role->needs[i].competency;

    const cJSON *view = cJSON_GetObjectItemCaseSensitive(root, "view");
    if (view) {
        if (cJSON_IsString(view) && strcmp(view->valuestring, "shared") == 0)
            a->shared_view = true;
        else if (!cJSON_IsString(view) || strcmp(view->valuestring, "full") != 0)
            json_problem(&r.rep, RB_ERROR, view, "view", "expected \"full\" or \"shared\"");
    }
    a->person = name_of(&r, root, "person");
    const cJSON *by = member(&r, root, "by", "", cJSON_String, "\"self\" or \"manager\"");
    bool by_ok = by && rb_assessor_side_parse(by->valuestring, &a->by);
    if (by && !by_ok)
        json_problem(&r.rep, RB_ERROR, by, "by", "must be \"self\" or \"manager\", not "
                     "\"%.60s\"", by->valuestring);
    a->assessor = name_of(&r, root, "assessor");
    if (by_ok && a->person && a->assessor) {
        const cJSON *as = cJSON_GetObjectItemCaseSensitive(root, "assessor");
        bool same = strcmp(a->person, a->assessor) == 0;
        if (a->by == RB_BY_SELF && !same)
            json_problem(&r.rep, RB_ERROR, as, "assessor", "a self-assessment is made by the "
                         "person assessed ('%s'), not '%s'", a->person, a->assessor);
        else if (a->by == RB_BY_MANAGER && same)
            json_problem(&r.rep, RB_ERROR, as, "assessor", "a manager's assessment is made by "
                         "someone other than the person assessed ('%s')", a->person);
    }
    const cJSON *date = member(&r, root, "date", "", cJSON_String, "a date (text)");
    rb_date parsed;
    if (date && !rb_date_parse(date->valuestring, &parsed))
        json_problem(&r.rep, RB_ERROR, date, "date", "must be a date written YYYY-MM-DD, not "
                     "\"%.40s\"", date->valuestring);
    else if (date)
        a->date = arena_strdup(oa->arena, date->valuestring);
    const cJSON *lh = member(&r, root, "library_hash", "", cJSON_String, "text");
    if (lh && (strlen(lh->valuestring) == 0 || strlen(lh->valuestring) > 80)) {
        json_problem(&r.rep, RB_ERROR, lh, "library_hash", "must be a library hash such as "
                     "\"sha256:...\"");
    } else if (lh) {
        a->library_hash = arena_strdup(oa->arena, lh->valuestring);
        if (strcmp(lh->valuestring, rb_library_hash(lib)) != 0)
            json_problem(&r.rep, RB_WARNING, lh, "library_hash", "the assessment was made "
                         "with library %s; it is read with library %s", lh->valuestring,
                         rb_library_hash(lib));
    }
    const cJSON *cs = member(&r, root, "competencies", "", cJSON_Array, "a list");
    if (cs) {
        size_t i = 0;
        if (!cs->child && !a->shared_view)
            json_problem(&r.rep, RB_ERROR, cs, "competencies", "is empty; assess at least "
                         "one competency of the role");
        for (const cJSON *e = cs->child; e && i < 1000; e = e->next, i++) {
            char path[48];
            snprintf(path, sizeof path, "competencies[%zu]", i);
            read_entry(&r, e, path, oa, seen);
        }
    }
    if (!r.rep.errors)
        compact(oa, seen, n);
    for (size_t i = 0; !r.rep.errors && a->shared_view && i < a->ncompetencies; i++)
        if (!a->competencies[i].share)
            json_problem(&r.rep, RB_ERROR, view, "view", "a shared extract holds competency "
                         "'%s', which is not marked to share", a->competencies[i].competency->id);
done:
    free(seen);
    cJSON_Delete(root);
    if (r.rep.errors) {
        if (oa)
            rb_assessment_free(&oa->a);
        return NULL;
    }
    return &oa->a;
}

rb_assessment *rb_assessment_read(const rb_library *lib, const char *path, rb_diags *diags)
{
    char *text;
    size_t len;
    if (!json_read_document(path, RB_MAX_ASSESSMENT_FILE, diags, &text, &len))
        return NULL;
    rb_assessment *a = rb_assessment_parse(lib, path, text, len, diags);
    free(text);
    return a;
}
