/*
 * Reading interview plans (rubric.plan/1). The syntax is checked strictly
 * first (json_syntax.c: line and column); then every field is checked for
 * type and range, and every id against the library: the role, each
 * competency (of the role), each question (of that competency, at the level
 * given) and each probe (of that question). The time budgets must sum to
 * the role's minutes. Each problem names the file, the line and the place in
 * the document (competencies[1].questions[0].id), and reading goes on to
 * find the others.
 */
#include <cjson/cJSON.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json/json_fields.h"
#include "json/json_syntax.h"
#include "report/plan_internal.h"

typedef struct reader {
    json_report rep;  /* where problems go */
    const rb_library *lib;
    arena *arena;
} reader;

/* A member that must be present with JSON type `want` (cJSON type bits). */
static const cJSON *member(reader *r, const cJSON *obj, const char *key, const char *path,
                           int want, const char *want_name)
{
    return json_member(&r->rep, obj, key, path, want, want_name, true);
}

/* A required, non-empty text of at most `max` bytes, copied. */
static const char *text_at(reader *r, const cJSON *v, const char *where, size_t max)
{
    if (!cJSON_IsString(v)) {
        json_problem(&r->rep, RB_ERROR, v, where, "must be text, not %s", json_kind(v));
        return NULL;
    }
    size_t l = strlen(v->valuestring);
    if (l == 0) {
        json_problem(&r->rep, RB_ERROR, v, where, "is empty");
        return NULL;
    }
    if (l > max) {
        json_problem(&r->rep, RB_ERROR, v, where, "is %zu bytes long; the limit is %zu", l, max);
        return NULL;
    }
    return arena_strndup(r->arena, v->valuestring, l);
}

static const char *text_of(reader *r, const cJSON *obj, const char *key, const char *path,
                           size_t max)
{
    const cJSON *v = member(r, obj, key, path, cJSON_String, "text");
    if (!v)
        return NULL;
    char where[256];
    snprintf(where, sizeof where, "%s%s%s", path, *path ? "." : "", key);
    return text_at(r, v, where, max);
}

/* A whole number in [lo, hi]; `fallback` when absent or wrong. */
static long long whole_of(reader *r, const cJSON *obj, const char *key, const char *path,
                          long long lo, long long hi, long long fallback)
{
    const cJSON *v = member(r, obj, key, path, cJSON_Number, "a whole number");
    if (!v)
        return fallback;
    char where[256];
    snprintf(where, sizeof where, "%s%s%s", path, *path ? "." : "", key);
    double d = v->valuedouble;
    if (!isfinite(d) || d != floor(d)) {
        json_problem(&r->rep, RB_ERROR, v, where, "must be a whole number, not a fraction");
        return fallback;
    }
    if (d < (double)lo || d > (double)hi) {
        json_problem(&r->rep, RB_ERROR, v, where, "%.17g is out of range (%lld to %lld)", d + 0.0, lo,
                hi);
        return fallback;
    }
    return (long long)d;
}

static const char *const top_keys[] = { "format", "library", "seed", "role", "opening",
                                        "competencies", "closing", NULL };
static const char *const role_keys[] = { "id", "title", "minutes", NULL };
static const char *const section_keys[] = { "minutes", "script", NULL };
static const char *const comp_keys[] = { "id", "title", "target", "weight", "minutes",
                                         "questions", NULL };
static const char *const question_keys[] = { "id", "level", "text", "probes", NULL };
static const char *const probe_keys[] = { "id", "text", NULL };

#define MAX_TEXT ((size_t)8 << 10)
#define MAX_LINES 50

static int read_section(reader *r, const cJSON *root, const char *key, rb_plan_section *out)
{
    const cJSON *s = member(r, root, key, "", cJSON_Object, "an object");
    if (!s)
        return 0;
    json_check_keys(&r->rep, s, key, section_keys);
    out->minutes = (int)whole_of(r, s, "minutes", key, 0, 480, 0);
    char path[64];
    snprintf(path, sizeof path, "%s.script", key);
    const cJSON *lines = member(r, s, "script", key, cJSON_Array, "a list of texts");
    if (!lines)
        return out->minutes;
    size_t n = (size_t)cJSON_GetArraySize(lines), i = 0;
    if (n == 0 || n > MAX_LINES) {
        json_problem(&r->rep, RB_ERROR, lines, path, "has %zu lines; give 1 to %d", n, MAX_LINES);
        return out->minutes;
    }
    const char **ls = arena_alloc(r->arena, n * sizeof *ls);
    for (const cJSON *e = lines->child; e && ls; e = e->next, i++) {
        char where[96];
        snprintf(where, sizeof where, "%s[%zu]", path, i);
        ls[i] = text_at(r, e, where, MAX_TEXT);
    }
    out->lines = ls;
    out->nlines = ls ? n : 0;
    return out->minutes;
}

static void read_question(reader *r, const cJSON *q, const char *path,
                          const rb_competency *c, rb_plan_question *out)
{
    if (!cJSON_IsObject(q)) {
        json_problem(&r->rep, RB_ERROR, q, path, "must be an object, not %s", json_kind(q));
        return;
    }
    json_check_keys(&r->rep, q, path, question_keys);
    char where[256];
    snprintf(where, sizeof where, "%s.level", path);
    out->level = (int)whole_of(r, q, "level", path, -1000000, 1000000, 0);
    if (out->level && c && !rb_competency_level(c, out->level)) {
        json_problem(&r->rep, RB_ERROR, cJSON_GetObjectItemCaseSensitive(q, "level"), where,
                "competency '%s' has no level %d", c->id, out->level);
        out->level = 0;
    }
    text_of(r, q, "text", path, MAX_TEXT);
    const cJSON *id = member(r, q, "id", path, cJSON_String, "a question id (text)");
    snprintf(where, sizeof where, "%s.id", path);
    rb_item item;
    if (id) {
        if (!rb_library_find(r->lib, id->valuestring, &item))
            json_problem(&r->rep, RB_ERROR, id, where, "unknown question '%s'", id->valuestring);
        else if (item.kind != RB_KIND_QUESTION)
            json_problem(&r->rep, RB_ERROR, id, where, "'%s' is a %s, not a question", id->valuestring,
                    rb_kind_name(item.kind));
        else if (c && item.competency != c)
            json_problem(&r->rep, RB_ERROR, id, where, "question '%s' does not belong to competency "
                    "'%s'", id->valuestring, c->id);
        else if (out->level && item.level && item.level->number != out->level)
            json_problem(&r->rep, RB_ERROR, id, where, "question '%s' is at level %d, not %d",
                    id->valuestring, item.level->number, out->level);
        else
            out->question = item.ptr;
    }
    const cJSON *ps = member(r, q, "probes", path, cJSON_Array, "a list");
    if (!ps)
        return;
    size_t i = 0;
    for (const cJSON *e = ps->child; e; e = e->next, i++) {
        char pw[256];
        snprintf(pw, sizeof pw, "%s.probes[%zu]", path, i);
        if (!cJSON_IsObject(e)) {
            json_problem(&r->rep, RB_ERROR, e, pw, "must be an object, not %s", json_kind(e));
            continue;
        }
        json_check_keys(&r->rep, e, pw, probe_keys);
        text_of(r, e, "text", pw, MAX_TEXT);
        const cJSON *pid = member(r, e, "id", pw, cJSON_String, "a probe id (text)");
        if (!pid || !out->question)
            continue;
        bool found = false;
        for (size_t k = 0; k < out->question->nprobes && !found; k++)
            found = strcmp(out->question->probes[k].id, pid->valuestring) == 0;
        if (!found) {
            char iw[300];
            snprintf(iw, sizeof iw, "%s.id", pw);
            json_problem(&r->rep, RB_ERROR, pid, iw, "'%s' is not a probe of question '%s'",
                    pid->valuestring, out->question->id);
        }
    }
}

static void read_competency(reader *r, const cJSON *o, const char *path,
                            rb_plan_competency *out)
{
    if (!cJSON_IsObject(o)) {
        json_problem(&r->rep, RB_ERROR, o, path, "must be an object, not %s", json_kind(o));
        return;
    }
    json_check_keys(&r->rep, o, path, comp_keys);
    const cJSON *id = member(r, o, "id", path, cJSON_String, "a competency id (text)");
    char where[128];
    snprintf(where, sizeof where, "%s.id", path);
    rb_item item;
    if (id) {
        if (rb_library_find(r->lib, id->valuestring, &item) &&
            item.kind == RB_KIND_COMPETENCY) {
            out->competency = item.ptr;
        } else {
            const char *near = rb_library_suggest(r->lib, id->valuestring);
            if (near)
                json_problem(&r->rep, RB_ERROR, id, where, "unknown competency '%s' (did you mean "
                        "'%s'?)", id->valuestring, near);
            else
                json_problem(&r->rep, RB_ERROR, id, where, "unknown competency '%s'", id->valuestring);
        }
    }
    const rb_competency *c = out->competency;
    text_of(r, o, "title", path, MAX_TEXT);
    out->target = (int)whole_of(r, o, "target", path, -1000000, 1000000, 0);
    if (c && out->target && !rb_competency_level(c, out->target)) {
        snprintf(where, sizeof where, "%s.target", path);
        json_problem(&r->rep, RB_ERROR, cJSON_GetObjectItemCaseSensitive(o, "target"), where,
                "competency '%s' has no level %d", c->id, out->target);
    }
    const cJSON *w = member(r, o, "weight", path, cJSON_Number, "a number");
    if (w) {
        if (!isfinite(w->valuedouble) || w->valuedouble <= 0 || w->valuedouble > 100) {
            snprintf(where, sizeof where, "%s.weight", path);
            json_problem(&r->rep, RB_ERROR, w, where, "must be above 0 and at most 100");
        } else {
            out->weight = w->valuedouble;
        }
    }
    out->minutes = (int)whole_of(r, o, "minutes", path, 0, 480, 0);
    const cJSON *qs = member(r, o, "questions", path, cJSON_Array, "a list");
    if (!qs)
        return;
    size_t n = (size_t)cJSON_GetArraySize(qs), i = 0;
    if (n > 2) {
        snprintf(where, sizeof where, "%s.questions", path);
        json_problem(&r->rep, RB_ERROR, qs, where, "has %zu questions; a plan asks at most 2 per "
                "competency", n);
        return;
    }
    rb_plan_question *pq = arena_alloc(r->arena, (n + 1) * sizeof *pq);
    for (const cJSON *q = qs->child; q && pq; q = q->next, i++) {
        char qp[160];
        snprintf(qp, sizeof qp, "%s.questions[%zu]", path, i);
        read_question(r, q, qp, c, &pq[i]);
    }
    out->questions = pq;
    out->nquestions = pq ? n : 0;
}

rb_plan *rb_plan_parse(const rb_library *lib, const char *source, const char *text,
                       size_t len, rb_diags *diags)
{
    reader r = { { source, 0, diags, 0 }, lib, NULL };
    cJSON *root = json_parse_root(&r.rep, text, len);
    if (!root)
        return NULL;
    owned_plan *op = plan_alloc();
    if (!op) {
        cJSON_Delete(root);
        rb_diags_add(diags, RB_ERROR, RB_DIAG_SYSTEM, source, 0, 0, NULL, "out of memory");
        return NULL;
    }
    r.arena = op->arena;
    rb_plan *p = &op->plan;
    json_check_format(&r.rep, root, RB_PLAN_FORMAT);
    if (r.rep.errors)
        goto done;  /* not a plan: the rest would only be noise */
    json_check_keys(&r.rep, root, "", top_keys);

    const cJSON *lh = cJSON_GetObjectItemCaseSensitive(root, "library");
    p->library_hash = text_of(&r, root, "library", "", 80);
    if (p->library_hash && strcmp(p->library_hash, rb_library_hash(lib)) != 0)
        json_problem(&r.rep, RB_WARNING, lh, "library", "the plan was made from library %s; the "
                "kit is printed from library %s", p->library_hash, rb_library_hash(lib));
    p->seed = (unsigned long long)whole_of(&r, root, "seed", "", 0,
                                           (long long)RB_PLAN_MAX_SEED, 0);

    const cJSON *role = member(&r, root, "role", "", cJSON_Object, "an object");
    int role_minutes = 0;
    if (role) {
        json_check_keys(&r.rep, role, "role", role_keys);
        text_of(&r, role, "title", "role", MAX_TEXT);
        role_minutes = (int)whole_of(&r, role, "minutes", "role", 5, 480, 0);
        const cJSON *id = member(&r, role, "id", "role", cJSON_String, "a role id (text)");
        rb_item item;
        if (id) {
            if (rb_library_find(lib, id->valuestring, &item) && item.kind == RB_KIND_ROLE) {
                p->role = item.ptr;
            } else {
                const char *near = rb_library_suggest(lib, id->valuestring);
                if (near)
                    json_problem(&r.rep, RB_ERROR, id, "role.id", "unknown role '%s' (did you mean "
                            "'%s'?)", id->valuestring, near);
                else
                    json_problem(&r.rep, RB_ERROR, id, "role.id", "unknown role '%s'",
                            id->valuestring);
            }
        }
    }
    int total = read_section(&r, root, "opening", &p->opening);
    total += read_section(&r, root, "closing", &p->closing);

    const cJSON *cs = member(&r, root, "competencies", "", cJSON_Array, "a list");
    if (cs) {
        size_t n = (size_t)cJSON_GetArraySize(cs), i = 0;
        if (n == 0 || n > 100) {
            json_problem(&r.rep, RB_ERROR, cs, "competencies", "has %zu entries; give 1 to 100", n);
        } else {
            rb_plan_competency *pcs = arena_alloc(r.arena, n * sizeof *pcs);
            for (const cJSON *c = cs->child; c && pcs; c = c->next, i++) {
                char path[48];
                snprintf(path, sizeof path, "competencies[%zu]", i);
                read_competency(&r, c, path, &pcs[i]);
                total += pcs[i].minutes;
                const rb_competency *comp = pcs[i].competency;
                bool of_role = !p->role || !comp;
                for (size_t k = 0; p->role && comp && k < p->role->nneeds; k++)
                    of_role = of_role || p->role->needs[k].competency == comp;
                for (size_t k = 0; k < i && comp; k++)
                    if (pcs[k].competency == comp)
                        json_problem(&r.rep, RB_ERROR, c, path, "competency '%s' is planned twice",
                                comp->id);
                if (!of_role)
                    json_problem(&r.rep, RB_ERROR, c, path, "role '%s' does not need competency "
                            "'%s'", p->role->id, comp->id);
            }
            p->competencies = pcs;
            p->ncompetencies = pcs ? n : 0;
        }
    }
    if (!r.rep.errors && role_minutes && total != role_minutes)
        json_problem(&r.rep, RB_ERROR, role, "role.minutes", "the time budgets add up to %d "
                "minutes, not %d", total, role_minutes);
done:
    cJSON_Delete(root);
    if (r.rep.errors) {
        rb_plan_free(p);
        return NULL;
    }
    return p;
}

char *rb_plan_read_text(const char *path, size_t *len, rb_diags *diags)
{
    char *text;
    return json_read_document(path, RB_MAX_PLAN_FILE, diags, &text, len) ? text : NULL;
}

rb_plan *rb_plan_read(const rb_library *lib, const char *path, rb_diags *diags)
{
    char *text;
    size_t len;
    if (!json_read_document(path, RB_MAX_PLAN_FILE, diags, &text, &len))
        return NULL;
    rb_plan *p = rb_plan_parse(lib, path, text, len, diags);
    free(text);
    return p;
}
