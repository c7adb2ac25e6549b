/*
 * Reading recorded answers (rubric.answers/1). Every value is checked for
 * type, range and size, every id against the library; each problem is
 * reported with the file, the line and the place in the document
 * (answers[2].competency), and reading goes on to find the others.
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
#include "rubric/answers.h"
#include "util/util.h"

typedef struct reader {
    json_report rep;  /* where problems go */
    const rb_library *lib;
    arena *arena;
} reader;

typedef struct owned_interview {
    rb_interview iv;  /* first: the public part */
    arena *arena;
} owned_interview;


/* A text field: NULL when absent (reported when required) or wrong. */
static const char *text_of(reader *r, const cJSON *obj, const char *key, const char *path,
                           bool required, size_t max, size_t *len)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    char where[256];
    snprintf(where, sizeof where, "%s%s%s", path, *path ? "." : "", key);
    if (!v || cJSON_IsNull(v)) {
        if (required)
            json_problem(&r->rep, RB_ERROR, obj, path[0] ? path : NULL, "'%s' is missing", key);
        return NULL;
    }
    if (!cJSON_IsString(v)) {
        json_problem(&r->rep, RB_ERROR, v, where, "must be text, not %s", json_kind(v));
        return NULL;
    }
    size_t l = strlen(v->valuestring);
    if (l > max) {
        json_problem(&r->rep, RB_ERROR, v, where, "is %zu bytes long; the limit is %zu", l, max);
        return NULL;
    }
    /* UTF-8: the scanner checked the whole document, and cJSON writes
     * \u escapes as UTF-8 (refusing lone surrogates). */
    if (required && l == 0) {
        json_problem(&r->rep, RB_ERROR, v, where, "is empty");
        return NULL;
    }
    if (len)
        *len = l;
    char *copy = arena_strndup(r->arena, v->valuestring, l);
    if (!copy)
        json_problem(&r->rep, RB_ERROR, v, where, "out of memory");
    return copy;
}

static bool valid_date(const char *s)
{
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return false;
    int m = (s[5] - '0') * 10 + (s[6] - '0');
    int d = (s[8] - '0') * 10 + (s[9] - '0');
    return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/* The id in `v` must name something of `kind` in the library. */
static bool lookup(reader *r, const cJSON *v, const char *where, rb_kind kind,
                   rb_item *out)
{
    if (!cJSON_IsString(v)) {
        json_problem(&r->rep, RB_ERROR, v, where, "must be an id (text), not %s", json_kind(v));
        return false;
    }
    if (rb_library_find(r->lib, v->valuestring, out) && out->kind == kind)
        return true;
    const char *near = kind == RB_KIND_COMPETENCY || kind == RB_KIND_ROLE
                           ? rb_library_suggest(r->lib, v->valuestring) : NULL;
    if (rb_library_find(r->lib, v->valuestring, out))
        json_problem(&r->rep, RB_ERROR, v, where, "'%s' is a %s, not a %s", v->valuestring,
                rb_kind_name(out->kind), rb_kind_name(kind));
    else if (near)
        json_problem(&r->rep, RB_ERROR, v, where, "unknown %s '%s' (did you mean '%s'?)",
                rb_kind_name(kind), v->valuestring, near);
    else
        json_problem(&r->rep, RB_ERROR, v, where, "unknown %s '%s'", rb_kind_name(kind),
                v->valuestring);
    return false;
}

static const char *const top_keys[] = { "format", "library", "candidate", "role",
                                        "interviewer", "date", "answers", NULL };
static const char *const candidate_keys[] = { "id", "name", NULL };
static const char *const answer_keys[] = { "competency", "question", "text", "probes",
                                           "rating", "observed", "notes", NULL };
static const char *const probe_keys[] = { "probe", "text", NULL };

static void read_answer(reader *r, const cJSON *a, const char *path, rb_answer *out)
{
    out->line = json_line(a);
    if (!cJSON_IsObject(a)) {
        json_problem(&r->rep, RB_ERROR, a, path, "must be an object, not %s", json_kind(a));
        return;
    }
    json_check_keys(&r->rep, a, path, answer_keys);
    char where[128];
    rb_item item;
    const cJSON *q = cJSON_GetObjectItemCaseSensitive(a, "question");
    if (q && !cJSON_IsNull(q)) {
        snprintf(where, sizeof where, "%s.question", path);
        if (lookup(r, q, where, RB_KIND_QUESTION, &item)) {
            out->question = item.ptr;
            out->competency = item.competency;
            if (!out->competency)
                json_problem(&r->rep, RB_ERROR, q, where, "'%s' is a question of a bank, not of a "
                        "competency", q->valuestring);
        }
    }
    const cJSON *c = cJSON_GetObjectItemCaseSensitive(a, "competency");
    snprintf(where, sizeof where, "%s.competency", path);
    if (c && !cJSON_IsNull(c)) {
        if (lookup(r, c, where, RB_KIND_COMPETENCY, &item)) {
            if (out->competency && out->competency != item.ptr)
                json_problem(&r->rep, RB_ERROR, c, where, "question '%s' belongs to competency '%s', "
                        "not '%s'", out->question->id, out->competency->id,
                        ((const rb_competency *)item.ptr)->id);
            out->competency = item.ptr;
        }
    } else if (!out->question) {
        json_problem(&r->rep, RB_ERROR, a, path, "'competency' is missing (or name a 'question')");
    }
    /* The text may be empty when the answer holds something else: an
     * interviewer who rated, observed or noted, or who heard only the
     * probes' answers, has recorded an answer too. Checked at the end. */
    const cJSON *text = cJSON_GetObjectItemCaseSensitive(a, "text");
    out->text = text_of(r, a, "text", path, false, RB_MAX_ANSWER_TEXT, &out->len);
    if (!text || cJSON_IsNull(text))
        json_problem(&r->rep, RB_ERROR, a, path[0] ? path : NULL, "'text' is missing");
    out->notes = text_of(r, a, "notes", path, false, RB_MAX_ANSWER_TEXT, NULL);

    const cJSON *rt = cJSON_GetObjectItemCaseSensitive(a, "rating");
    snprintf(where, sizeof where, "%s.rating", path);
    if (rt && !cJSON_IsNull(rt)) {
        if (!cJSON_IsNumber(rt) || !isfinite(rt->valuedouble) ||
            rt->valuedouble != floor(rt->valuedouble)) {
            json_problem(&r->rep, RB_ERROR, rt, where, "must be a whole number (a level), not %s",
                    cJSON_IsNumber(rt) ? "a fraction" : json_kind(rt));
        } else if (rt->valuedouble < 1) {
            json_problem(&r->rep, RB_ERROR, rt, where, "must be a level number, from 1 (%g is "
                         "not a level; leave the rating out for none)", rt->valuedouble + 0.0);
        } else if (fabs(rt->valuedouble) > 1e6 ||
                   (out->competency && out->competency->scale &&
                    !rb_scale_level_of(out->competency->scale, (int)rt->valuedouble))) {
            const rb_scale *s = out->competency ? out->competency->scale : NULL;
            if (s)
                json_problem(&r->rep, RB_ERROR, rt, where, "level %g is not on scale '%s' (levels %d "
                        "to %d)", rt->valuedouble + 0.0, s->id, s->levels[0].number,
                        s->levels[s->nlevels - 1].number);
            else
                json_problem(&r->rep, RB_ERROR, rt, where, "level %g is not a level", rt->valuedouble);
        } else {
            out->rating = (int)rt->valuedouble;
        }
    }

    const cJSON *ob = cJSON_GetObjectItemCaseSensitive(a, "observed");
    snprintf(where, sizeof where, "%s.observed", path);
    if (ob && !cJSON_IsNull(ob)) {
        if (!cJSON_IsArray(ob)) {
            json_problem(&r->rep, RB_ERROR, ob, where, "must be a list of behaviour ids, not %s",
                    json_kind(ob));
        } else {
            size_t n = (size_t)cJSON_GetArraySize(ob), k = 0;
            const rb_behaviour **bs = arena_alloc(r->arena, (n + 1) * sizeof *bs);
            size_t i = 0;
            for (const cJSON *e = ob->child; e && bs; e = e->next, i++) {
                char ew[160];
                snprintf(ew, sizeof ew, "%s[%zu]", where, i);
                if (lookup(r, e, ew, RB_KIND_BEHAVIOUR, &item)) {
                    if (out->competency && item.competency != out->competency)
                        json_problem(&r->rep, RB_ERROR, e, ew, "behaviour '%s' belongs to "
                                "competency '%s', not '%s'", e->valuestring,
                                item.competency->id, out->competency->id);
                    else
                        bs[k++] = item.ptr;
                }
            }
            out->observed = bs;
            out->nobserved = k;
        }
    }

    const cJSON *ps = cJSON_GetObjectItemCaseSensitive(a, "probes");
    snprintf(where, sizeof where, "%s.probes", path);
    if (ps && !cJSON_IsNull(ps)) {
        if (!cJSON_IsArray(ps)) {
            json_problem(&r->rep, RB_ERROR, ps, where, "must be a list, not %s", json_kind(ps));
            return;
        }
        size_t n = (size_t)cJSON_GetArraySize(ps), k = 0, i = 0;
        rb_probe_answer *pa = arena_alloc(r->arena, (n + 1) * sizeof *pa);
        for (const cJSON *e = ps->child; e && pa; e = e->next, i++) {
            char ew[160];
            snprintf(ew, sizeof ew, "%s[%zu]", where, i);
            if (!cJSON_IsObject(e)) {
                json_problem(&r->rep, RB_ERROR, e, ew, "must be an object, not %s", json_kind(e));
                continue;
            }
            json_check_keys(&r->rep, e, ew, probe_keys);
            const cJSON *pid = cJSON_GetObjectItemCaseSensitive(e, "probe");
            char pw[180];
            snprintf(pw, sizeof pw, "%s.probe", ew);
            const rb_probe *probe = NULL;
            if (pid && !cJSON_IsNull(pid) && lookup(r, pid, pw, RB_KIND_PROBE, &item)) {
                probe = item.ptr;
                size_t ql = out->question ? strlen(out->question->id) : 0;
                if (out->question && (strncmp(probe->id, out->question->id, ql) != 0 ||
                                      probe->id[ql] != '.'))
                    json_problem(&r->rep, RB_ERROR, pid, pw, "probe '%s' belongs to question '%.*s', "
                            "not '%s'", pid->valuestring,
                            (int)(strrchr(probe->id, '.') - probe->id), probe->id,
                            out->question->id);
                else if (out->competency && item.competency != out->competency)
                    json_problem(&r->rep, RB_ERROR, pid, pw, "probe '%s' belongs to competency "
                            "'%s', not '%s'", pid->valuestring,
                            item.competency ? item.competency->id : "?",
                            out->competency->id);
            }
            size_t len = 0;
            const char *t = text_of(r, e, "text", ew, true, RB_MAX_ANSWER_TEXT, &len);
            if (t)
                pa[k++] = (rb_probe_answer){ probe, t, len };
        }
        out->probes = pa;
        out->nprobes = k;
    }
    if (out->text && !out->len && !out->nprobes && !out->rating && !out->nobserved &&
        !(out->notes && *out->notes)) {
        snprintf(where, sizeof where, "%s.text", path);
        json_problem(&r->rep, RB_ERROR, text, where, "is empty; record what was said, or the "
                     "answers to its probes, a rating, an observed behaviour or a note");
    }
}

rb_interview *rb_interview_parse(const rb_library *lib, const char *source, int line0,
                                 const char *text, size_t len, rb_diags *diags)
{
    reader r = { { source, line0, diags, 0 }, lib, NULL };
    if (len > RB_MAX_ANSWERS_FILE) {
        rb_diags_add(diags, RB_ERROR, RB_DIAG_INPUT, source, line0 + 1, 0, NULL,
                     "the document is %zu bytes; the limit is %zu MiB", len,
                     RB_MAX_ANSWERS_FILE >> 20);
        return NULL;
    }
    cJSON *root = json_parse_root(&r.rep, text, len);
    if (!root)
        return NULL;
    owned_interview *oi = calloc(1, sizeof *oi);
    r.arena = oi ? arena_new() : NULL;
    if (!r.arena) {
        free(oi);
        cJSON_Delete(root);
        rb_diags_add(diags, RB_ERROR, RB_DIAG_SYSTEM, source, 0, 0, NULL, "out of memory");
        return NULL;
    }
    oi->arena = r.arena;
    rb_interview *iv = &oi->iv;
    iv->source = arena_strdup(r.arena, source);
    if (!cJSON_IsObject(root)) {
        json_problem(&r.rep, RB_ERROR, root, NULL, "the document must be a JSON object, not %s",
                json_kind(root));
        goto done;
    }
    json_check_keys(&r.rep, root, "", top_keys);
    const cJSON *fmt = cJSON_GetObjectItemCaseSensitive(root, "format");
    if (!fmt)
        json_problem(&r.rep, RB_ERROR, root, NULL, "'format' is missing; add \"format\": \"%s\"",
                RB_ANSWERS_FORMAT);
    else if (!cJSON_IsString(fmt))
        json_problem(&r.rep, RB_ERROR, fmt, "format", "expected \"%s\", not %s", RB_ANSWERS_FORMAT,
                json_kind(fmt));
    else if (strcmp(fmt->valuestring, RB_ANSWERS_FORMAT) != 0)
        json_problem(&r.rep, RB_ERROR, fmt, "format", "expected \"%s\", not \"%.60s\"",
                RB_ANSWERS_FORMAT, fmt->valuestring);

    const cJSON *cand = cJSON_GetObjectItemCaseSensitive(root, "candidate");
    if (!cand)
        json_problem(&r.rep, RB_ERROR, root, NULL, "'candidate' is missing");
    else if (!cJSON_IsObject(cand))
        json_problem(&r.rep, RB_ERROR, cand, "candidate", "must be an object, not %s", json_kind(cand));
    else {
        json_check_keys(&r.rep, cand, "candidate", candidate_keys);
        iv->candidate_id = text_of(&r, cand, "id", "candidate", true, 200, NULL);
        iv->candidate_name = text_of(&r, cand, "name", "candidate", false, 200, NULL);
    }
    const cJSON *role = cJSON_GetObjectItemCaseSensitive(root, "role");
    rb_item item;
    if (!role)
        json_problem(&r.rep, RB_ERROR, root, NULL, "'role' is missing");
    else if (lookup(&r, role, "role", RB_KIND_ROLE, &item))
        iv->role = item.ptr;
    iv->interviewer = text_of(&r, root, "interviewer", "", false, 200, NULL);
    iv->date = text_of(&r, root, "date", "", false, 10, NULL);
    if (iv->date && !valid_date(iv->date))
        json_problem(&r.rep, RB_ERROR, cJSON_GetObjectItemCaseSensitive(root, "date"), "date",
                "'%s' is not a date in the form YYYY-MM-DD", iv->date);
    iv->library_hash = text_of(&r, root, "library", "", false, 80, NULL);
    if (iv->library_hash && strcmp(iv->library_hash, rb_library_hash(lib)) != 0)
        json_problem(&r.rep, RB_WARNING, cJSON_GetObjectItemCaseSensitive(root, "library"), "library",
                "the answers were recorded against library %s; they are scored with "
                "library %s", iv->library_hash, rb_library_hash(lib));

    const cJSON *answers = cJSON_GetObjectItemCaseSensitive(root, "answers");
    if (!answers) {
        json_problem(&r.rep, RB_ERROR, root, NULL, "'answers' is missing");
    } else if (!cJSON_IsArray(answers)) {
        json_problem(&r.rep, RB_ERROR, answers, "answers", "must be a list, not %s", json_kind(answers));
    } else {
        size_t n = (size_t)cJSON_GetArraySize(answers);
        if (n == 0)
            json_problem(&r.rep, RB_ERROR, answers, "answers", "is empty; record at least one answer");
        else if (n > RB_MAX_ANSWERS)
            json_problem(&r.rep, RB_ERROR, answers, "answers", "has %zu answers; the limit is %d", n,
                    RB_MAX_ANSWERS);
        else {
            rb_answer *as = arena_alloc(r.arena, n * sizeof *as);
            size_t i = 0;
            for (const cJSON *a = answers->child; a && as; a = a->next, i++) {
                char path[32];
                snprintf(path, sizeof path, "answers[%zu]", i);
                read_answer(&r, a, path, &as[i]);
            }
            iv->answers = as;
            iv->nanswers = as ? n : 0;
        }
    }
done:
    cJSON_Delete(root);
    if (r.rep.errors) {
        rb_interview_free(iv);
        return NULL;
    }
    return iv;
}

rb_interview *rb_interview_read(const rb_library *lib, const char *path, rb_diags *diags)
{
    char *text;
    size_t len;
    if (!json_read_document(path, RB_MAX_ANSWERS_FILE, diags, &text, &len))
        return NULL;
    rb_interview *iv = rb_interview_parse(lib, path, 0, text, len, diags);
    free(text);
    return iv;
}

void rb_interview_free(rb_interview *iv)
{
    if (!iv)
        return;
    owned_interview *oi = (owned_interview *)iv;
    arena_free(oi->arena);
    free(oi);
}

rb_interview *rb_interview_example(const rb_example *ex)
{
    owned_interview *oi = calloc(1, sizeof *oi);
    arena *a = oi ? arena_new() : NULL;
    rb_answer *an = a ? arena_alloc(a, sizeof *an) : NULL;
    if (!an) {
        arena_free(a);
        free(oi);
        return NULL;
    }
    oi->arena = a;
    an->competency = ex->competency;
    an->text = ex->answer;
    an->len = strlen(ex->answer);
    an->line = ex->loc.line;
    oi->iv.source = ex->loc.file;
    oi->iv.candidate_id = ex->id;
    oi->iv.answers = an;
    oi->iv.nanswers = 1;
    return &oi->iv;
}
