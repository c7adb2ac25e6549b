/*
 * Development plans as JSON (rubric.devplan/1): writing the whole plan or
 * the export of its shared parts, and reading either back strictly (every
 * problem with the file, the line and the place in the document).
 */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "develop/devplan_internal.h"
#include "json/json_fields.h"
#include "json/json_syntax.h"
#include "json/json_writer.h"
#include "rubric/io.h"

/* ---- writing ------------------------------------------------------------------ */

static bool competency_shared(const rb_devplan *p, const char *id)
{
    for (size_t i = 0; i < p->ncompetencies; i++)
        if (strcmp(p->competencies[i].id, id) == 0)
            return p->competencies[i].share;
    return false;
}

static void write_items(jw *w, const char *key, const rb_devplan_item *items, size_t n,
                        bool only_shared)
{
    jw_key(w, key);
    jw_array(w);
    for (size_t i = 0; i < n; i++) {
        if (only_shared && !items[i].share)
            continue;
        jw_object(w);
        jw_key(w, "text");
        jw_string(w, items[i].text);
        jw_key(w, "share");
        jw_bool(w, items[i].share);
        jw_end_object(w);
    }
    jw_end_array(w);
}

static bool write_plan(const rb_devplan *p, rb_buf *out, bool only_shared)
{
    jw w;
    jw_init(&w, out, true);
    jw_object(&w);
    jw_key(&w, "format");
    jw_string(&w, RB_DEVPLAN_FORMAT);
    jw_key(&w, "view");
    jw_string(&w, only_shared || p->shared_view ? "shared" : "full");
    jw_key(&w, "person");
    jw_string(&w, p->person);
    if (p->manager) {
        jw_key(&w, "manager");
        jw_string(&w, p->manager);
    }
    jw_key(&w, "role");
    jw_object(&w);
    jw_key(&w, "id");
    jw_string(&w, p->role_id);
    jw_key(&w, "title");
    jw_string(&w, p->role_title);
    jw_end_object(&w);
    jw_key(&w, "library");
    jw_string(&w, p->library);
    jw_key(&w, "agreed");
    jw_string(&w, p->agreed);

    jw_key(&w, "competencies");
    jw_array(&w);
    for (size_t i = 0; i < p->ncompetencies; i++) {
        const rb_devplan_competency *c = &p->competencies[i];
        if (only_shared && !c->share)
            continue;
        jw_object(&w);
        jw_key(&w, "id");
        jw_string(&w, c->id);
        jw_key(&w, "title");
        jw_string(&w, c->title);
        jw_key(&w, "target");
        jw_int(&w, c->target);
        jw_key(&w, "target_name");
        jw_string_or_null(&w, c->target_name);
        jw_key(&w, "share");
        jw_bool(&w, c->share);
        jw_end_object(&w);
    }
    jw_end_array(&w);
    write_items(&w, "barriers", p->barriers, p->nbarriers, only_shared);
    jw_key(&w, "actions");
    jw_array(&w);
    for (size_t i = 0; i < p->nactions; i++) {
        const rb_devplan_action *a = &p->actions[i];
        if (only_shared && !a->share)
            continue;
        jw_object(&w);
        jw_key(&w, "id");
        jw_string(&w, a->id);
        /* A shared action of a private competency does not say which one. */
        jw_key(&w, "competency");
        if (a->competency && (!only_shared || competency_shared(p, a->competency)))
            jw_string(&w, a->competency);
        else
            jw_null(&w);
        jw_key(&w, "text");
        jw_string(&w, a->text);
        jw_key(&w, "share");
        jw_bool(&w, a->share);
        jw_end_object(&w);
    }
    jw_end_array(&w);
    write_items(&w, "support", p->support, p->nsupport, only_shared);
    if (p->timeframe && (!only_shared || p->timeframe_share)) {
        jw_key(&w, "timeframe");
        jw_object(&w);
        jw_key(&w, "text");
        jw_string(&w, p->timeframe);
        jw_key(&w, "share");
        jw_bool(&w, p->timeframe_share);
        jw_end_object(&w);
    }
    if (p->followup && (!only_shared || p->followup_share)) {
        jw_key(&w, "followup");
        jw_object(&w);
        jw_key(&w, "date");
        jw_string(&w, p->followup);
        jw_key(&w, "share");
        jw_bool(&w, p->followup_share);
        jw_end_object(&w);
    }
    jw_end_object(&w);
    rb_buf_putc(out, '\n');
    return rb_buf_ok(out);
}

bool rb_devplan_json(const rb_devplan *plan, rb_buf *out)
{
    return write_plan(plan, out, false);
}

bool rb_devplan_shared_json(const rb_devplan *plan, rb_buf *out)
{
    return write_plan(plan, out, true);
}

/* ---- reading ------------------------------------------------------------------- */

typedef struct reader {
    json_report rep;
    owned_devplan *op;
} reader;

static void at(char *where, size_t size, const char *path, const char *key)
{
    snprintf(where, size, "%s%s%s", path, *path ? "." : "", key);
}

/* A member of type `want` (cJSON type bits); NULL and a problem when it is
 * missing (if `required`) or of another type. */
static const cJSON *member(reader *r, const cJSON *obj, const char *key, const char *path,
                           int want, const char *want_name, bool required)
{
    return json_member(&r->rep, obj, key, path, want, want_name, required);
}

static const char *text_of(reader *r, const cJSON *obj, const char *key, const char *path,
                           size_t max, bool required)
{
    const cJSON *v = member(r, obj, key, path, cJSON_String, "text", required);
    if (!v)
        return NULL;
    char where[256];
    at(where, sizeof where, path, key);
    size_t l = strlen(v->valuestring);
    if (l == 0) {
        json_problem(&r->rep, RB_ERROR, v, where, "is empty");
        return NULL;
    }
    if (l > max) {
        json_problem(&r->rep, RB_ERROR, v, where, "is %zu bytes long; the limit is %zu", l, max);
        return NULL;
    }
    /* Plans are shown at the terminal ('develop show', 'followup'): no
     * escape sequences, and names and ids stay on one line. */
    bool one_line = max <= RB_DEVPLAN_MAX_NAME;
    if (!rb_text_plain(v->valuestring, !one_line)) {
        json_problem(&r->rep, RB_ERROR, v, where, one_line
                     ? "holds a control character or a line break; write it on one line"
                     : "holds a control character; only line breaks and tabs are allowed");
        return NULL;
    }
    const char *s = arena_strndup(r->op->arena, v->valuestring, l);
    if (!s)
        json_problem(&r->rep, RB_ERROR, v, where, "out of memory");
    return s;
}

static bool bool_of(reader *r, const cJSON *obj, const char *path)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, "share");
    char where[256];
    at(where, sizeof where, path, "share");
    if (!v) {
        json_problem(&r->rep, RB_ERROR, obj, path, "'share' is missing");
        return false;
    }
    if (!cJSON_IsBool(v)) {
        json_problem(&r->rep, RB_ERROR, v, where, "must be true or false, not %s", json_kind(v));
        return false;
    }
    return cJSON_IsTrue(v);
}

static const char *date_of(reader *r, const cJSON *obj, const char *key, const char *path)
{
    const cJSON *v = member(r, obj, key, path, cJSON_String, "a date (text)", true);
    if (!v)
        return NULL;
    rb_date d;
    if (!rb_date_parse(v->valuestring, &d)) {
        char where[256];
        at(where, sizeof where, path, key);
        json_problem(&r->rep, RB_ERROR, v, where, "'%.40s' is not a date YYYY-MM-DD",
                     v->valuestring);
        return NULL;
    }
    const char *s = arena_strdup(r->op->arena, v->valuestring);
    if (!s)
        json_problem(&r->rep, RB_ERROR, v, NULL, "out of memory");
    return s;
}

/* The list `key` with at most `max` entries; *n gets its size. */
static const cJSON *list_of(reader *r, const cJSON *root, const char *key, size_t max,
                            size_t *n)
{
    *n = 0;
    const cJSON *v = member(r, root, key, "", cJSON_Array, "a list", true);
    if (!v)
        return NULL;
    size_t count = (size_t)cJSON_GetArraySize(v);
    if (count > max) {
        json_problem(&r->rep, RB_ERROR, v, key, "has %zu entries; the limit is %zu", count, max);
        return NULL;
    }
    *n = count;
    return v;
}

static const char *const top_keys[] = { "format", "view", "person", "manager", "role",
                                        "library", "agreed", "competencies", "barriers",
                                        "actions", "support", "timeframe", "followup", NULL };
static const char *const role_keys[] = { "id", "title", NULL };
static const char *const comp_keys[] = { "id", "title", "target", "target_name", "share",
                                          NULL };
static const char *const item_keys[] = { "text", "share", NULL };
static const char *const action_keys[] = { "id", "competency", "text", "share", NULL };
static const char *const followup_keys[] = { "date", "share", NULL };

/* An id of the library (a role's, a competency's): lowercase letters,
 * digits and single hyphens inside. Checked because a plan file is
 * untrusted and ids are printed as they are (in Markdown code spans). */
static bool library_id_ok(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > 200 || s[0] == '-' || s[n - 1] == '-')
        return false;
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-') ||
            (ch == '-' && s[i + 1] == '-'))
            return false;
    }
    return true;
}

static void check_library_id(reader *r, const cJSON *obj, const char *path, const char *id)
{
    if (!id || library_id_ok(id))
        return;
    char where[256];
    at(where, sizeof where, path, "id");
    json_problem(&r->rep, RB_ERROR, cJSON_GetObjectItemCaseSensitive(obj, "id"), where,
                 "'%.60s' is not an id of the library (lowercase letters, digits and "
                 "hyphens)", id);
}

static void read_competency(reader *r, const cJSON *o, const char *path,
                            rb_devplan_competency *out)
{
    if (!cJSON_IsObject(o)) {
        json_problem(&r->rep, RB_ERROR, o, path, "must be an object, not %s", json_kind(o));
        return;
    }
    json_check_keys(&r->rep, o, path, comp_keys);
    out->id = text_of(r, o, "id", path, 200, true);
    check_library_id(r, o, path, out->id);
    out->title = text_of(r, o, "title", path, RB_DEVPLAN_MAX_TEXT, true);
    const cJSON *t = member(r, o, "target", path, cJSON_Number, "a level number", true);
    if (t) {
        double v = t->valuedouble;
        char where[256];
        at(where, sizeof where, path, "target");
        if (!isfinite(v) || v != floor(v) || v < 1 || v > 1000)
            json_problem(&r->rep, RB_ERROR, t, where, "must be a level number, a whole number "
                         "from 1 to 1000");
        else
            out->target = (int)v;
    }
    const cJSON *tn = cJSON_GetObjectItemCaseSensitive(o, "target_name");
    if (!tn || !cJSON_IsNull(tn))
        out->target_name = text_of(r, o, "target_name", path, RB_DEVPLAN_MAX_TEXT, true);
    out->share = bool_of(r, o, path);
}

static rb_devplan_item *read_items(reader *r, const cJSON *root, const char *key, size_t *n)
{
    const cJSON *list = list_of(r, root, key, RB_DEVPLAN_MAX_ITEMS, n);
    if (!list || !*n)
        return NULL;
    rb_devplan_item *items = arena_alloc(r->op->arena, *n * sizeof *items);
    if (!items) {
        json_problem(&r->rep, RB_ERROR, list, key, "out of memory");
        *n = 0;
        return NULL;
    }
    size_t i = 0;
    for (const cJSON *e = list->child; e; e = e->next, i++) {
        char path[64];
        snprintf(path, sizeof path, "%s[%zu]", key, i);
        if (!cJSON_IsObject(e)) {
            json_problem(&r->rep, RB_ERROR, e, path, "must be an object, not %s", json_kind(e));
            continue;
        }
        json_check_keys(&r->rep, e, path, item_keys);
        items[i].text = text_of(r, e, "text", path, RB_DEVPLAN_MAX_TEXT, true);
        items[i].share = bool_of(r, e, path);
    }
    return items;
}

static bool action_id_ok(const char *s)
{
    if (s[0] != 'a' || s[1] < '1' || s[1] > '9')
        return false;
    size_t n = strlen(s);
    if (n > 7)
        return false;
    for (size_t i = 2; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

static void read_actions(reader *r, const cJSON *root, rb_devplan *p)
{
    size_t n;
    const cJSON *list = list_of(r, root, "actions", RB_DEVPLAN_MAX_ITEMS, &n);
    if (!list || !n)
        return;
    rb_devplan_action *as = arena_alloc(r->op->arena, n * sizeof *as);
    if (!as) {
        json_problem(&r->rep, RB_ERROR, list, "actions", "out of memory");
        return;
    }
    size_t i = 0;
    for (const cJSON *e = list->child; e; e = e->next, i++) {
        char path[64], where[96];
        snprintf(path, sizeof path, "actions[%zu]", i);
        if (!cJSON_IsObject(e)) {
            json_problem(&r->rep, RB_ERROR, e, path, "must be an object, not %s", json_kind(e));
            continue;
        }
        json_check_keys(&r->rep, e, path, action_keys);
        rb_devplan_action *a = &as[i];
        const cJSON *idv = cJSON_GetObjectItemCaseSensitive(e, "id");
        a->id = text_of(r, e, "id", path, 16, true);
        snprintf(where, sizeof where, "%s.id", path);
        if (a->id && !action_id_ok(a->id)) {
            json_problem(&r->rep, RB_ERROR, idv, where, "'%s' is not an action id such as a1",
                         a->id);
            a->id = NULL;
        }
        for (size_t k = 0; a->id && k < i; k++)
            if (as[k].id && strcmp(as[k].id, a->id) == 0)
                json_problem(&r->rep, RB_ERROR, idv, where, "action '%s' appears twice", a->id);
        const cJSON *cv = cJSON_GetObjectItemCaseSensitive(e, "competency");
        snprintf(where, sizeof where, "%s.competency", path);
        if (cv && cJSON_IsNull(cv) && p->shared_view) {
            a->competency = NULL;
        } else {
            a->competency = text_of(r, e, "competency", path, 200, true);
            bool known = false;
            for (size_t k = 0; a->competency && k < p->ncompetencies; k++)
                known = known || (p->competencies[k].id &&
                                  strcmp(p->competencies[k].id, a->competency) == 0);
            /* An export without competencies may name none: a shared
             * action of a private competency says null. */
            if (a->competency && !known && (p->ncompetencies || p->shared_view))
                json_problem(&r->rep, RB_ERROR, cv, where, "competency '%s' is not one of the "
                             "plan's competencies", a->competency);
        }
        a->text = text_of(r, e, "text", path, RB_DEVPLAN_MAX_TEXT, true);
        a->share = bool_of(r, e, path);
    }
    p->actions = as;
    p->nactions = n;
}

rb_devplan *rb_devplan_parse(const char *source, const char *text, size_t len,
                             rb_diags *diags)
{
    reader r = { { source, 0, diags, 0 }, NULL };
    cJSON *root = json_parse_root(&r.rep, text, len);
    if (!root)
        return NULL;
    r.op = devplan_alloc();
    if (!r.op) {
        cJSON_Delete(root);
        rb_diags_add(diags, RB_ERROR, RB_DIAG_SYSTEM, source, 0, 0, NULL, "out of memory");
        return NULL;
    }
    rb_devplan *p = &r.op->plan;
    if (!json_check_format(&r.rep, root, RB_DEVPLAN_FORMAT))
        goto done;  /* not a plan: the rest would only be noise */
    json_check_keys(&r.rep, root, "", top_keys);

    const cJSON *view = member(&r, root, "view", "", cJSON_String, "text", true);
    if (view) {
        if (strcmp(view->valuestring, "shared") == 0)
            p->shared_view = true;
        else if (strcmp(view->valuestring, "full") != 0)
            json_problem(&r.rep, RB_ERROR, view, "view", "expected \"full\" or \"shared\", not "
                         "\"%.40s\"", view->valuestring);
    }
    p->person = text_of(&r, root, "person", "", RB_DEVPLAN_MAX_NAME, true);
    p->manager = text_of(&r, root, "manager", "", RB_DEVPLAN_MAX_NAME, false);
    const cJSON *role = member(&r, root, "role", "", cJSON_Object, "an object", true);
    if (role) {
        json_check_keys(&r.rep, role, "role", role_keys);
        p->role_id = text_of(&r, role, "id", "role", 200, true);
        check_library_id(&r, role, "role", p->role_id);
        p->role_title = text_of(&r, role, "title", "role", RB_DEVPLAN_MAX_TEXT, true);
    }
    p->library = text_of(&r, root, "library", "", 100, true);
    p->agreed = date_of(&r, root, "agreed", "");

    size_t n;
    const cJSON *cs = list_of(&r, root, "competencies", RB_DEVPLAN_MAX_COMPETENCIES, &n);
    if (cs && n == 0 && !p->shared_view)
        json_problem(&r.rep, RB_ERROR, cs, "competencies", "is empty; a plan develops at least "
                     "one competency");
    if (cs && n) {
        p->competencies = arena_alloc(r.op->arena, n * sizeof *p->competencies);
        if (p->competencies) {
            size_t i = 0;
            for (const cJSON *e = cs->child; e; e = e->next, i++) {
                char path[48];
                snprintf(path, sizeof path, "competencies[%zu]", i);
                read_competency(&r, e, path, &p->competencies[i]);
                for (size_t k = 0; p->competencies[i].id && k < i; k++)
                    if (p->competencies[k].id &&
                        strcmp(p->competencies[k].id, p->competencies[i].id) == 0)
                        json_problem(&r.rep, RB_ERROR, e, path, "competency '%s' appears twice",
                                     p->competencies[i].id);
            }
            p->ncompetencies = n;
        } else {
            json_problem(&r.rep, RB_ERROR, cs, "competencies", "out of memory");
        }
    }
    p->barriers = read_items(&r, root, "barriers", &p->nbarriers);
    read_actions(&r, root, p);
    p->support = read_items(&r, root, "support", &p->nsupport);

    const cJSON *tf = member(&r, root, "timeframe", "", cJSON_Object, "an object",
                             !p->shared_view);
    if (tf) {
        json_check_keys(&r.rep, tf, "timeframe", item_keys);
        p->timeframe = text_of(&r, tf, "text", "timeframe", RB_DEVPLAN_MAX_TEXT, true);
        p->timeframe_share = bool_of(&r, tf, "timeframe");
    }
    const cJSON *fu = member(&r, root, "followup", "", cJSON_Object, "an object",
                             !p->shared_view);
    if (fu) {
        json_check_keys(&r.rep, fu, "followup", followup_keys);
        p->followup = date_of(&r, fu, "date", "followup");
        p->followup_share = bool_of(&r, fu, "followup");
        rb_date when, agreed;
        if (p->followup && p->agreed && rb_date_parse(p->followup, &when) &&
            rb_date_parse(p->agreed, &agreed) && rb_date_compare(when, agreed) < 0)
            json_problem(&r.rep, RB_ERROR, cJSON_GetObjectItemCaseSensitive(fu, "date"),
                         "followup.date", "%s is before the day the plan was agreed (%s)",
                         p->followup, p->agreed);
    }
    if (p->shared_view) {
        /* An export holds only what the owner marked to share. */
        bool leak = false;
        for (size_t i = 0; i < p->ncompetencies; i++)
            leak = leak || !p->competencies[i].share;
        for (size_t i = 0; i < p->nbarriers; i++)
            leak = leak || !p->barriers[i].share;
        for (size_t i = 0; i < p->nactions; i++)
            leak = leak || !p->actions[i].share;
        for (size_t i = 0; i < p->nsupport; i++)
            leak = leak || !p->support[i].share;
        leak = leak || (tf && !p->timeframe_share) || (fu && !p->followup_share);
        if (leak)
            json_problem(&r.rep, RB_ERROR, view, "view", "a shared export holds a part that is "
                         "not marked to share");
    }
done:
    cJSON_Delete(root);
    if (r.rep.errors) {
        devplan_release(r.op);
        return NULL;
    }
    return p;
}

rb_devplan *rb_devplan_read(const char *path, rb_diags *diags)
{
    char *text;
    size_t len;
    if (!json_read_document(path, RB_MAX_DEVPLAN_FILE, diags, &text, &len))
        return NULL;
    rb_devplan *p = rb_devplan_parse(path, text, len, diags);
    free(text);
    return p;
}
