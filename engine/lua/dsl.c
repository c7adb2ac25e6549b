/*
 * The rubric language: constructor functions that rubric files call, and
 * the reading of their bodies into the model.
 *
 * `competency "id" { ... }` is two calls: competency("id") returns a
 * pending object that remembers the line it was written on; calling that
 * object with the body table records the definition. Children (levels,
 * behaviours, questions, options, needs) are kept as objects and read when
 * their parent is read, because their ids depend on the parent's.
 *
 * Problems are recorded as diagnostics and reading goes on, so one run
 * shows every mistake. All reads of author tables are raw: no metamethod
 * of author code runs here.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lua/lua_internal.h"
#include "rubric/buf.h"
#include "rubric/io.h"
#include "text/text.h"

#define OBJ_META "rubric.object"
#define MAX_TEXT ((size_t)20000)
#define MAX_ID 64
#define MAX_NEEDS 100
#define MAX_STEPS 50

enum okind { O_SCALE, O_COMPETENCY, O_LEVEL, O_BEHAVIOUR, O_QUESTION, O_BANK,
             O_OPTION, O_ROLE, O_NEED, O_EXAMPLES, O_EXAMPLE, O_CUES, O_PROCESS,
             O_STEP };

static const char *const okind_names[] = {
    "scale", "competency", "level", "behaviour", "question", "bank", "option",
    "role", "need", "examples", "example", "cues", "process", "step",
};

typedef struct obj {
    enum okind kind;
    bool called;  /* has its body */
    bool used;    /* already read into a parent */
    int line;
    const char *file;
} obj;

/* Where a definition was written and how messages name it. */
typedef struct ctx {
    loader *ld;
    lua_State *L;
    const char *file;
    int line;
    char what[400];
} ctx;

/* Name the definition for messages (long names are cut, never overflow). */
static void set_what(ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void set_what(ctx *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->what, sizeof c->what, fmt, ap);
    va_end(ap);
}

static void err(const ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void warn(const ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void vdiag(const ctx *c, rb_severity sev, const char *detail, const char *fmt,
                  va_list ap) __attribute__((format(printf, 4, 0)));
static void vdiag(const ctx *c, rb_severity sev, const char *detail, const char *fmt,
                  va_list ap)
{
    char msg[1024];
    vsnprintf(msg, sizeof msg, fmt, ap);
    loader_diag(c->ld, sev, c->file, c->line, detail, "%s", msg);
}

static void err(const ctx *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vdiag(c, RB_ERROR, NULL, fmt, ap);
    va_end(ap);
}

static void warn(const ctx *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vdiag(c, RB_WARNING, NULL, fmt, ap);
    va_end(ap);
}

static void err_detail(const ctx *c, const char *detail, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void err_detail(const ctx *c, const char *detail, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vdiag(c, RB_ERROR, detail, fmt, ap);
    va_end(ap);
}

static void warn_detail(const ctx *c, const char *detail, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void warn_detail(const ctx *c, const char *detail, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vdiag(c, RB_WARNING, detail, fmt, ap);
    va_end(ap);
}

static arena *A(const ctx *c)
{
    return c->ld->lib->arena;
}

static void *alloc_or_die(const ctx *c, size_t n)
{
    void *p = arena_alloc(A(c), n ? n : 1);
    if (!p)
        luaL_error(c->L, "out of memory");
    return p;
}

static obj *to_obj(lua_State *L, int idx)
{
    return luaL_testudata(L, idx, OBJ_META);
}

static const char *value_kind(lua_State *L, int idx)
{
    obj *o = to_obj(L, idx);
    if (o)
        return okind_names[o->kind];
    switch (lua_type(L, idx)) {
    case LUA_TSTRING: return "text";
    case LUA_TNUMBER: return "number";
    case LUA_TBOOLEAN: return "true/false value";
    case LUA_TTABLE: return "table";
    case LUA_TFUNCTION: return "function";
    case LUA_TNIL: return "nothing";
    default: return lua_typename(L, lua_type(L, idx));
    }
}

/* ---- ids ---------------------------------------------------------------- */

static bool valid_id(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > MAX_ID || s[0] == '-' || s[n - 1] == '-')
        return false;
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-'))
            return false;
        if (ch == '-' && s[i + 1] == '-')
            return false;
    }
    return true;
}

/* "Problem Solving & Analysis" -> "problem-solving-analysis" */
static char *slug(const ctx *c, const char *title)
{
    size_t n = strlen(title);
    char *out = alloc_or_die(c, n + 1);
    size_t k = 0;
    bool dash = false;
    for (size_t i = 0; i < n && k < MAX_ID; i++) {
        unsigned char ch = (unsigned char)title[i];
        if (ch < 0x80 && isalnum(ch)) {
            if (dash && k > 0)
                out[k++] = '-';
            dash = false;
            if (k < MAX_ID)
                out[k++] = (char)tolower(ch);
        } else if (ch != '\'' && ch < 0x80) {
            dash = true;
        }
    }
    while (k > 0 && out[k - 1] == '-')
        k--;
    out[k] = '\0';
    return out;
}

static void check_id(const ctx *c, const char *id, const char *of)
{
    if (!valid_id(id)) {
        char *s = slug(c, id);
        if (*s)
            err(c, "invalid id '%s' for %s: use lowercase letters, digits and "
                   "single hyphens, e.g. '%s'", id, of, s);
        else
            err(c, "invalid id '%s' for %s: use lowercase letters, digits and "
                   "single hyphens", id, of);
    }
}

/* ---- fields ------------------------------------------------------------- */

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Report keys of table `t` that are not in `names` (and, unless the table
 * may hold a list, any list entries). */
/* The field whose list holds entries of kind `k`. */
static const char *list_of_kind(enum okind k)
{
    switch (k) {
    case O_BEHAVIOUR: return "behaviours";
    case O_QUESTION: return "questions";
    case O_OPTION: return "options";
    case O_NEED: return "needs";
    case O_EXAMPLE: return "examples";
    case O_STEP: return "steps";
    default: return "its list";
    }
}

static void check_fields(const ctx *c, int t, const char *const *names, bool list_ok)
{
    lua_State *L = c->L;
    size_t nnames = 0;
    while (names[nnames])
        nnames++;
    const char *unknown[32];
    size_t nunknown = 0;
    bool extra_list = false;
    const obj *stray = NULL;  /* a constructor written where a field belongs */
    lua_Integer len = (lua_Integer)lua_rawlen(L, t);
    lua_pushnil(L);
    while (lua_next(L, t)) {
        const obj *o = lua_type(L, -2) != LUA_TSTRING ? to_obj(L, -1) : NULL;
        lua_pop(L, 1);
        if (lua_type(L, -1) == LUA_TSTRING) {
            const char *k = lua_tostring(L, -1);
            bool known = false;
            for (size_t i = 0; i < nnames && !known; i++)
                known = strcmp(k, names[i]) == 0;
            if (!known && nunknown < 32)
                unknown[nunknown++] = arena_strdup(A(c), k);
        } else if (lua_isinteger(L, -1)) {
            lua_Integer i = lua_tointeger(L, -1);
            if (!list_ok || i < 1 || i > len) {
                extra_list = true;
                if (o && (!stray || o->line < stray->line))
                    stray = o;
            }
        } else {
            extra_list = true;
        }
    }
    qsort(unknown, nunknown, sizeof(char *), cmp_str);
    for (size_t i = 0; i < nunknown; i++) {
        if (!unknown[i])
            continue;
        const char *best = closest_word(unknown[i], names, nnames);
        if (best)
            err(c, "unknown field '%s' in %s (did you mean '%s'?)", unknown[i],
                c->what, best);
        else
            err(c, "unknown field '%s' in %s", unknown[i], c->what);
    }
    /* Point at the stray entry itself when it is a constructor: say a step
     * inside the body of a process, after its steps = { ... } closed. */
    ctx at = *c;
    if (stray) {
        at.file = stray->file;
        at.line = stray->line;
    }
    bool has_list = false;
    for (size_t i = 0; stray && i < nnames; i++)
        has_list = has_list || strcmp(names[i], list_of_kind(stray->kind)) == 0;
    if (extra_list && stray && !list_ok && has_list) {
        err(&at, "this %s is inside %s but in none of its lists: move it into %s = { ... }",
            okind_names[stray->kind], c->what, list_of_kind(stray->kind));
    } else if (extra_list && stray && !list_ok) {
        err(&at, "a %s does not belong in %s", okind_names[stray->kind], c->what);
    } else if (extra_list) {
        if (list_ok)
            err(&at, "unexpected entry in %s: list entries must come one after "
                     "another, and other entries need a field name", c->what);
        else
            err(c, "unexpected list entry in %s: every entry needs a field name, "
                   "as in title = \"...\"", c->what);
    }
}

/* Copy text into the library, checking it is non-empty UTF-8 of sane size. */
static const char *copy_text(const ctx *c, int idx, const char *field)
{
    size_t len;
    const char *s = lua_tolstring(c->L, idx, &len);
    if (len > MAX_TEXT) {
        err(c, "%s of %s is %zu bytes long; the limit is %zu", field, c->what, len,
            MAX_TEXT);
        return NULL;
    }
    if (!utf8_valid(s, len)) {
        err(c, "%s of %s is not valid UTF-8", field, c->what);
        return NULL;
    }
    size_t i = 0;
    while (i < len && isspace((unsigned char)s[i]))
        i++;
    if (i == len) {
        err(c, "%s of %s is empty", field, c->what);
        return NULL;
    }
    if (strlen(s) != len) {
        err(c, "%s of %s contains a NUL byte", field, c->what);
        return NULL;
    }
    /* Everything here is shown at a terminal and in documents: no escape
     * codes, and names that head a line stay on one. */
    bool one_line = strcmp(field, "title") == 0 || strcmp(field, "name") == 0 ||
                    strcmp(field, "id") == 0 || strcmp(field, "principles_title") == 0;
    if (!rb_text_plain(s, !one_line)) {
        err(c, one_line ? "%s of %s holds a line break or a control character; write it on "
                          "one line of plain text"
                        : "%s of %s holds a control character; only line breaks and tabs "
                          "are allowed", field, c->what);
        return NULL;
    }
    char *p = arena_strndup(A(c), s, len);
    if (!p)
        luaL_error(c->L, "out of memory");
    return p;
}

/* The text field `name` of table `t`, or NULL (reported when required). */
static const char *text_field(const ctx *c, int t, const char *name, bool required)
{
    lua_State *L = c->L;
    lua_pushstring(L, name);
    lua_rawget(L, t);
    const char *r = NULL;
    if (lua_isnil(L, -1)) {
        if (required)
            err(c, "%s has no %s; add %s = \"...\"", c->what, name, name);
    } else if (lua_type(L, -1) != LUA_TSTRING) {
        err(c, "%s of %s must be text, not a %s", name, c->what, value_kind(L, -1));
    } else {
        r = copy_text(c, lua_gettop(L), name);
    }
    lua_pop(L, 1);
    return r;
}

/* A number field; `integer` demands a whole number. Returns false (and
 * leaves *out alone) when absent or wrong. */
static bool number_field(const ctx *c, int t, const char *name, bool required,
                         bool integer, double lo, double hi, double *out)
{
    lua_State *L = c->L;
    lua_pushstring(L, name);
    lua_rawget(L, t);
    bool ok = false;
    if (lua_isnil(L, -1)) {
        if (required)
            err(c, "%s has no %s; add %s = ...", c->what, name, name);
    } else if (lua_type(L, -1) != LUA_TNUMBER) {
        err(c, "%s of %s must be a number, not a %s", name, c->what, value_kind(L, -1));
    } else {
        double v = lua_tonumber(L, -1);
        if (!isfinite(v)) {
            err(c, "%s of %s must be a finite number", name, c->what);
        } else if (integer && v != floor(v)) {
            err(c, "%s of %s must be a whole number, not %g", name, c->what, v);
        } else if (!(v >= lo && v <= hi)) {
            if (integer)
                err(c, "%s of %s must be between %d and %d, not %g", name, c->what,
                    (int)lo, (int)hi, v);
            else
                err(c, "%s of %s must be between %g and %g, not %g", name, c->what,
                    lo, hi, v);
        } else {
            *out = v;
            ok = true;
        }
    }
    lua_pop(L, 1);
    return ok;
}

/* Push field `name` of table `t` if it is a table; returns its index or 0. */
static int list_field(const ctx *c, int t, const char *name, bool required,
                      const char *example)
{
    lua_State *L = c->L;
    lua_pushstring(L, name);
    lua_rawget(L, t);
    if (lua_type(L, -1) == LUA_TTABLE)
        return lua_gettop(L);
    if (lua_isnil(L, -1)) {
        if (required)
            err(c, "%s has no %s; add %s = { %s }", c->what, name, name, example);
    } else {
        err(c, "%s of %s must be a list in braces, as in %s = { %s }, not a %s",
            name, c->what, name, example, value_kind(L, -1));
    }
    lua_pop(L, 1);
    return 0;
}

/* A list of plain texts (terms, probes). */
static const char **text_list(const ctx *c, int t, const char *name, size_t *n)
{
    lua_State *L = c->L;
    *n = 0;
    int lt = list_field(c, t, name, false, "\"...\", \"...\"");
    if (!lt)
        return NULL;
    size_t len = lua_rawlen(L, lt);
    const char **items = alloc_or_die(c, (len + 1) * sizeof(char *));
    for (size_t i = 1; i <= len; i++) {
        lua_rawgeti(L, lt, (lua_Integer)i);
        if (lua_type(L, -1) != LUA_TSTRING) {
            err(c, "entry %zu of %s of %s must be text, not a %s", i, name, c->what,
                value_kind(L, -1));
        } else {
            char field[64];
            snprintf(field, sizeof field, "entry %zu of %s", i, name);
            const char *s = copy_text(c, lua_gettop(L), field);
            if (s)
                items[(*n)++] = s;
        }
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    return items;
}

/* Push the body table of a called object at `idx`; returns its index. */
static int push_body(lua_State *L, int idx)
{
    lua_getiuservalue(L, idx, 2);
    return lua_gettop(L);
}

/* The object's argument (id, text or level number) pushed on the stack. */
static int push_arg(lua_State *L, int idx)
{
    lua_getiuservalue(L, idx, 1);
    return lua_gettop(L);
}

static void set_ctx(ctx *c, const obj *o, const ctx *parent)
{
    c->ld = parent->ld;
    c->L = parent->L;
    c->file = o->file;
    c->line = o->line;
}

/* ---- behaviours, questions ------------------------------------------------ */

static const char *const behaviour_fields[] = { "id", "weight", "evidence", "terms", NULL };
static const char *const question_fields[] = { "id", "probes", NULL };

static void read_patterns(const ctx *c, int body, rb_behaviour *b)
{
    lua_State *L = c->L;
    int lt = list_field(c, body, "evidence", false, "[[pattern]]");
    if (!lt)
        return;
    size_t len = lua_rawlen(L, lt);
    rb_pattern *ps = alloc_or_die(c, (len + 1) * sizeof(rb_pattern));
    size_t n = 0;
    for (size_t i = 1; i <= len; i++) {
        lua_rawgeti(L, lt, (lua_Integer)i);
        if (lua_type(L, -1) != LUA_TSTRING) {
            err(c, "evidence pattern %zu of %s must be text, not a %s", i, c->what,
                value_kind(L, -1));
            lua_pop(L, 1);
            continue;
        }
        size_t plen;
        const char *src = lua_tolstring(L, -1, &plen);
        char msg[256];
        size_t off;
        size_t blank = 0;
        while (blank < plen && isspace((unsigned char)src[blank]))
            blank++;
        if (blank == plen) {
            err(c, "evidence pattern %zu of %s is empty; it would match every answer",
                i, c->what);
        } else if (!utf8_valid(src, plen)) {
            err(c, "evidence pattern %zu of %s is not valid UTF-8", i, c->what);
        } else if (!regex_check(src, plen, msg, sizeof msg, &off)) {
            /* Show the pattern with a caret under the offending character. */
            rb_buf d = { 0 };
            rb_buf_puts(&d, "    ");
            for (size_t k = 0; k < plen && k < 200; k++)
                rb_buf_putc(&d, (src[k] == '\n' || src[k] == '\t') ? ' ' : src[k]);
            rb_buf_puts(&d, "\n    ");
            size_t col = utf8_count(src, off < plen ? off : plen);
            for (size_t k = 0; k < col && k < 200; k++)
                rb_buf_putc(&d, ' ');
            rb_buf_putc(&d, '^');
            const char *detail = arena_strdup(A(c), rb_buf_str(&d));
            rb_buf_release(&d);
            err_detail(c, detail,
                       "evidence pattern %zu of %s does not compile: %s at character %zu",
                       i, c->what, msg, col + 1);
        } else {
            size_t at;
            if (regex_nested_repeat(src, plen, &at)) {
                rb_buf d = { 0 };
                rb_buf_printf(&d, "    %.*s\n    %*s^", (int)(plen < 200 ? plen : 200),
                              src, (int)utf8_count(src, at), "");
                const char *detail = arena_strdup(A(c), rb_buf_str(&d));
                rb_buf_release(&d);
                warn_detail(c, detail,
                            "evidence pattern %zu of %s repeats a group that itself "
                            "repeats, which can take very long on some answers; "
                            "remove the inner or the outer repeat", i, c->what);
            }
            ps[n].source = arena_strndup(A(c), src, plen);
            ps[n].loc = (rb_loc){ c->file, c->line };
            n++;
        }
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    b->patterns = ps;
    b->npatterns = n;
}

/* Read behaviour entry at stack index `idx` into *b. */
static void read_behaviour(const ctx *lc, int idx, size_t pos, const char *prefix,
                           rb_behaviour *b)
{
    lua_State *L = lc->L;
    ctx c = *lc;
    set_what(&c, "behaviour %zu of %s", pos, lc->what);
    b->weight = 1.0;
    const char *local = NULL;
    if (lua_type(L, idx) == LUA_TSTRING) {
        b->text = copy_text(&c, idx, "text");
    } else {
        obj *o = to_obj(L, idx);
        set_ctx(&c, o, lc);
        o->used = true;
        int arg = push_arg(L, idx);
        b->text = copy_text(&c, arg, "text");
        lua_pop(L, 1);
        if (o->called) {
            int body = push_body(L, idx);
            check_fields(&c, body, behaviour_fields, false);
            local = text_field(&c, body, "id", false);
            if (local)
                check_id(&c, local, c.what);
            number_field(&c, body, "weight", false, false, 0.001, 100, &b->weight);
            read_patterns(&c, body, b);
            b->terms = text_list(&c, body, "terms", &b->nterms);
            lua_pop(L, 1);
        }
    }
    b->loc = (rb_loc){ c.file, c.line };
    if (local)
        b->id = arena_printf(A(&c), "%s.%s", prefix, local);
    else
        b->id = arena_printf(A(&c), "%s.b%zu", prefix, pos);
}

static void read_question(const ctx *lc, int idx, size_t pos, const char *prefix,
                          bool want_probes, rb_question *q)
{
    lua_State *L = lc->L;
    ctx c = *lc;
    set_what(&c, "question %zu of %s", pos, lc->what);
    const char *local = NULL;
    if (lua_type(L, idx) == LUA_TSTRING) {
        q->text = copy_text(&c, idx, "text");
    } else {
        obj *o = to_obj(L, idx);
        set_ctx(&c, o, lc);
        o->used = true;
        int arg = push_arg(L, idx);
        q->text = copy_text(&c, arg, "text");
        lua_pop(L, 1);
        if (o->called) {
            int body = push_body(L, idx);
            check_fields(&c, body, question_fields, false);
            local = text_field(&c, body, "id", false);
            if (local)
                check_id(&c, local, c.what);
            size_t n;
            const char **texts = text_list(&c, body, "probes", &n);
            rb_probe *probes = alloc_or_die(&c, (n + 1) * sizeof(rb_probe));
            q->id = local ? arena_printf(A(&c), "%s.%s", prefix, local)
                          : arena_printf(A(&c), "%s.q%zu", prefix, pos);
            for (size_t i = 0; i < n; i++) {
                probes[i].id = arena_printf(A(&c), "%s.p%zu", q->id, i + 1);
                probes[i].text = texts[i];
            }
            q->probes = probes;
            q->nprobes = n;
            lua_pop(L, 1);
        }
    }
    if (!q->id)
        q->id = arena_printf(A(&c), "%s.q%zu", prefix, pos);
    q->loc = (rb_loc){ c.file, c.line };
    if (q->nprobes == 0 && want_probes)
        warn(&c, "%s has no probing questions; add probes = { \"...\" } to help "
                 "interviewers draw out evidence", c.what);
}

/* Is the value at idx an entry of kind `k` (a string also counts when
 * `string_ok`)? Reports otherwise. */
static bool entry_ok(const ctx *c, int idx, enum okind k, bool string_ok,
                     const char *listname, size_t pos)
{
    lua_State *L = c->L;
    if (string_ok && lua_type(L, idx) == LUA_TSTRING)
        return true;
    obj *o = to_obj(L, idx);
    if (o && o->kind == k) {
        if (o->used) {
            err(c, "entry %zu of %s of %s is already used elsewhere; each %s "
                   "can be used once", pos, listname, c->what, okind_names[k]);
            return false;
        }
        return true;
    }
    if (lua_isnil(L, idx))
        err(c, "entry %zu of %s of %s is missing (nil): a list may not have gaps; remove "
               "the empty entry", pos, listname, c->what);
    else
        err(c, "entry %zu of %s of %s must be %s%s, not a %s", pos, listname, c->what,
            string_ok ? "text or " : "", okind_names[k], value_kind(L, idx));
    return false;
}

static rb_question *read_questions(const ctx *c, int lt, const char *prefix,
                                   bool want_probes, size_t *n)
{
    lua_State *L = c->L;
    size_t len = lua_rawlen(L, lt);
    rb_question *qs = alloc_or_die(c, (len + 1) * sizeof(rb_question));
    *n = 0;
    for (size_t i = 1; i <= len; i++) {
        lua_rawgeti(L, lt, (lua_Integer)i);
        if (entry_ok(c, lua_gettop(L), O_QUESTION, true, "questions", i)) {
            read_question(c, lua_gettop(L), i, prefix, want_probes, &qs[*n]);
            (*n)++;
        }
        lua_pop(L, 1);
    }
    return qs;
}

/* ---- levels ------------------------------------------------------------ */

static const char *const comp_level_fields[] = { "summary", "behaviours", "questions", NULL };
static const char *const scale_level_fields[] = { "name", "descriptor", NULL };

static void read_comp_level(const ctx *cc, int idx, const char *comp_id, rb_level *lv)
{
    lua_State *L = cc->L;
    obj *o = to_obj(L, idx);
    ctx c;
    set_ctx(&c, o, cc);
    set_what(&c, "level %d of %s", lv->number, cc->what);
    lv->loc = (rb_loc){ c.file, c.line };
    int body = push_body(L, idx);
    check_fields(&c, body, comp_level_fields, false);
    lv->summary = text_field(&c, body, "summary", false);
    char *prefix = arena_printf(A(&c), "%s.L%d", comp_id, lv->number);
    if (!prefix)
        luaL_error(L, "out of memory");

    int bt = list_field(&c, body, "behaviours", true, "\"...\", \"...\"");
    if (bt) {
        size_t len = lua_rawlen(L, bt);
        rb_behaviour *bs = alloc_or_die(&c, (len + 1) * sizeof(rb_behaviour));
        size_t n = 0;
        for (size_t i = 1; i <= len; i++) {
            lua_rawgeti(L, bt, (lua_Integer)i);
            if (entry_ok(&c, lua_gettop(L), O_BEHAVIOUR, true, "behaviours", i))
                read_behaviour(&c, lua_gettop(L), i, prefix, &bs[n++]);
            lua_pop(L, 1);
        }
        lv->behaviours = bs;
        lv->nbehaviours = n;
        if (len == 0)
            err(&c, "%s has no behaviours; list at least one under behaviours = "
                    "{ ... }", c.what);
        lua_pop(L, 1);
    }
    int qt = list_field(&c, body, "questions", false, "question \"...\" { ... }");
    if (qt) {
        lv->questions = read_questions(&c, qt, prefix, true, &lv->nquestions);
        lua_pop(L, 1);
    }
    if (lv->nquestions == 0)
        warn(&c, "%s has no questions; add questions = { question \"...\" { "
                 "probes = { ... } } }", c.what);
    lua_pop(L, 1);
}

static void read_scale_level(const ctx *sc, int idx, rb_scale_level *sl)
{
    lua_State *L = sc->L;
    obj *o = to_obj(L, idx);
    ctx c;
    set_ctx(&c, o, sc);
    set_what(&c, "level %d of %s", sl->number, sc->what);
    sl->loc = (rb_loc){ c.file, c.line };
    int body = push_body(L, idx);
    check_fields(&c, body, scale_level_fields, false);
    sl->name = text_field(&c, body, "name", true);
    sl->descriptor = text_field(&c, body, "descriptor", true);
    lua_pop(L, 1);
}

/* Collect the level objects in the list part of a body: checks kind, body,
 * duplicates. Returns the number of good levels; their stack-free
 * positions in the body are put in `pos` and numbers in `nums`. */
static size_t collect_levels(const ctx *c, int body, size_t **pos, int **nums)
{
    lua_State *L = c->L;
    size_t len = lua_rawlen(L, body);
    *pos = alloc_or_die(c, (len + 1) * sizeof(size_t));
    *nums = alloc_or_die(c, (len + 1) * sizeof(int));
    int *lines = alloc_or_die(c, (len + 1) * sizeof(int));
    size_t n = 0;
    for (size_t i = 1; i <= len; i++) {
        lua_rawgeti(L, body, (lua_Integer)i);
        obj *o = to_obj(L, -1);
        if (!o || o->kind != O_LEVEL) {
            err(c, "unexpected %s in %s: only level(N) { ... } entries go in the "
                   "list part", value_kind(L, -1), c->what);
        } else {
            ctx lc = *c;
            lc.line = o->line;
            lc.file = o->file;
            push_arg(L, -1);
            int number = (int)lua_tointeger(L, -1);
            lua_pop(L, 1);
            bool ok = true;
            if (!o->called) {
                err(&lc, "level %d of %s has no body; write level(%d) { ... }", number,
                    c->what, number);
                ok = false;
            } else if (o->used) {
                err(&lc, "level %d of %s is already used elsewhere; each level(N) "
                         "{ ... } can be used once", number, c->what);
                ok = false;
            }
            for (size_t k = 0; k < n && ok; k++) {
                if ((*nums)[k] == number) {
                    err(&lc, "level %d is defined twice in %s (also at line %d)",
                        number, c->what, lines[k]);
                    ok = false;
                }
            }
            if (ok) {
                o->used = true;
                (*pos)[n] = i;
                (*nums)[n] = number;
                lines[n] = o->line;
                n++;
            }
        }
        lua_pop(L, 1);
    }
    return n;
}

/* ---- top-level definitions --------------------------------------------- */

static const char *const scale_fields[] = { "title", "description", NULL };
static const char *const comp_fields[] = { "title", "definition", "scale", "scoring", NULL };
static const char *const scoring_fields[] = { "coverage", "min_evidence", "min_strength", NULL };
static const char *const bank_fields[] = { "title", "description", "questions", "options", NULL };
static const char *const option_fields[] = { "title", "description", NULL };
static const char *const role_fields[] = { "title", "description", "minutes", "needs", NULL };
static const char *const need_fields[] = { "target", "weight", NULL };

/* The id of a top-level definition: given, or derived from the title. */
static const char *definition_id(ctx *c, int arg, int body, const char *kind)
{
    lua_State *L = c->L;
    const char *id = NULL;
    set_what(c, "this %s", kind);
    if (lua_type(L, arg) == LUA_TSTRING) {
        id = copy_text(c, arg, "id");
    } else {
        lua_pushliteral(L, "title");
        lua_rawget(L, body);
        if (lua_type(L, -1) == LUA_TSTRING) {
            id = slug(c, lua_tostring(L, -1));
            if (!*id) {
                set_what(c, "%s", kind);
                err(c, "cannot make an id from the title of this %s; write "
                       "%s \"some-id\" { ... }", kind, kind);
                id = NULL;
            }
        }
        lua_pop(L, 1);
    }
    if (id) {
        char a[16];
        snprintf(a, sizeof a, "a %s", kind);
        check_id(c, id, a);
        set_what(c, "%s '%s'", kind, id);
    } else {
        set_what(c, "%s", kind);
    }
    return id;
}

static int compare_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static void define_scale(ctx *c, int self, int body)
{
    lua_State *L = c->L;
    int arg = push_arg(L, self);
    rb_scale *s = alloc_or_die(c, sizeof *s);
    s->id = definition_id(c, arg, body, "scale");
    s->loc = (rb_loc){ c->file, c->line };
    check_fields(c, body, scale_fields, true);
    s->title = text_field(c, body, "title", true);
    s->description = text_field(c, body, "description", false);
    size_t *pos;
    int *nums;
    size_t n = collect_levels(c, body, &pos, &nums);
    rb_scale_level *levels = alloc_or_die(c, (n + 1) * sizeof *levels);
    int *sorted = alloc_or_die(c, (n + 1) * sizeof(int));
    memcpy(sorted, nums, n * sizeof(int));
    qsort(sorted, n, sizeof(int), compare_int);
    for (size_t k = 0; k < n; k++) {
        /* Store in ascending order of number. */
        size_t src = 0;
        while (nums[src] != sorted[k])
            src++;
        lua_rawgeti(L, body, (lua_Integer)pos[src]);
        levels[k].number = sorted[k];
        read_scale_level(c, lua_gettop(L), &levels[k]);
        lua_pop(L, 1);
    }
    if (n == 0 && lua_rawlen(L, body) == 0)
        err(c, "%s has no levels; add level(1) { name = \"...\", descriptor = "
               "\"...\" } and the others", c->what);
    for (size_t k = 1; k < n; k++)
        if (sorted[k] != sorted[k - 1] + 1)
            err(c, "%s has no level %d between levels %d and %d; number levels "
                   "without gaps", c->what, sorted[k - 1] + 1, sorted[k - 1],
                sorted[k]);
    s->levels = levels;
    s->nlevels = n;
    lua_pop(L, 1);
    if (s->id && !ptrvec_push(A(c), &c->ld->lib->scales, s))
        luaL_error(L, "out of memory");
}

/* Lua source with comments dropped and white space collapsed, string
 * literals kept as written: what a function says, not how it is laid out. */
static void normalise_code(const char *p, size_t n, rb_buf *out)
{
    size_t i = 0;
    bool space = false;
    while (i < n) {
        char ch = p[i];
        /* long bracket: [[ ]], [==[ ]==], also after -- */
        bool comment = ch == '-' && i + 1 < n && p[i + 1] == '-';
        size_t j = comment ? i + 2 : i;
        size_t level = 0;
        bool longb = false;
        if (j < n && p[j] == '[') {
            size_t k = j + 1;
            while (k < n && p[k] == '=')
                k++;
            if (k < n && p[k] == '[') {
                longb = true;
                level = k - j - 1;
                j = k + 1;
            }
        }
        if (longb) {
            size_t k = j;
            while (k < n) {
                if (p[k] == ']') {
                    size_t m = k + 1, eq = 0;
                    while (m < n && p[m] == '=') {
                        m++;
                        eq++;
                    }
                    if (eq == level && m < n && p[m] == ']') {
                        k = m + 1;
                        break;
                    }
                }
                k++;
            }
            if (!comment) {
                if (space && out->len)
                    rb_buf_putc(out, ' ');
                rb_buf_append(out, p + i, (k > n ? n : k) - i);
            }
            space = comment || space;
            if (!comment)
                space = false;
            i = k;
            continue;
        }
        if (comment) {
            while (i < n && p[i] != '\n')
                i++;
            space = true;
            continue;
        }
        if (ch == '"' || ch == '\'') {
            size_t k = i + 1;
            while (k < n && p[k] != ch && p[k] != '\n')
                k += p[k] == '\\' ? 2 : 1;
            k = k < n ? k + 1 : n;
            if (space && out->len)
                rb_buf_putc(out, ' ');
            rb_buf_append(out, p + i, k - i);
            space = false;
            i = k;
            continue;
        }
        if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
            space = true;
            i++;
            continue;
        }
        if (space && out->len)
            rb_buf_putc(out, ' ');
        space = false;
        rb_buf_putc(out, ch);
        i++;
    }
}

/* What the function captured from around it, for the hash. */
static void captured_values(lua_State *L, int fn, rb_buf *out)
{
    luaL_checkstack(L, 4, NULL);
    for (int i = 1;; i++) {
        const char *name = lua_getupvalue(L, fn, i);
        if (!name)
            break;
        int v = lua_gettop(L);
        rb_buf_printf(out, "|%s=", name);
        if (strcmp(name, "_ENV") == 0)
            rb_buf_puts(out, "env");
        else if (lua_type(L, v) == LUA_TNUMBER)
            rb_buf_printf(out, "%.17g", lua_tonumber(L, v));
        else if (lua_type(L, v) == LUA_TSTRING)
            rb_buf_printf(out, "%zu:%s", (size_t)lua_rawlen(L, v), lua_tostring(L, v));
        else if (lua_type(L, v) == LUA_TBOOLEAN)
            rb_buf_puts(out, lua_toboolean(L, v) ? "true" : "false");
        else
            rb_buf_puts(out, luaL_typename(L, v));
        lua_pop(L, 1);
    }
}

static void read_scoring(ctx *c, int body, comp_def *cd)
{
    lua_State *L = c->L;
    rb_scoring *sc = &cd->c.scoring;
    sc->kind = RB_SCORING_DEFAULT;
    sc->coverage = RB_DEFAULT_COVERAGE;
    sc->min_evidence = RB_DEFAULT_MIN_EVIDENCE;
    sc->min_strength = RB_DEFAULT_MIN_STRENGTH;
    sc->loc = (rb_loc){ c->file, c->line };
    lua_pushliteral(L, "scoring");
    lua_rawget(L, body);
    int t = lua_gettop(L);
    if (lua_type(L, t) == LUA_TTABLE) {
        ctx sctx = *c;
        set_what(&sctx, "scoring of %s", c->what);
        sc->kind = RB_SCORING_PARAMETERS;
        check_fields(&sctx, t, scoring_fields, false);
        number_field(&sctx, t, "coverage", false, false, 0, 1, &sc->coverage);
        double me = sc->min_evidence;
        if (number_field(&sctx, t, "min_evidence", false, true, 1, 20, &me))
            sc->min_evidence = (int)me;
        number_field(&sctx, t, "min_strength", false, false, 0, 1, &sc->min_strength);
    } else if (lua_type(L, t) == LUA_TFUNCTION) {
        sc->kind = RB_SCORING_FUNCTION;
        lua_Debug ar;
        lua_pushvalue(L, t);
        lua_getinfo(L, ">S", &ar);
        /* Keep the function's text for export, and its whole file for the
         * content hash. The file is still in memory when it is being run
         * (or includes the running one); otherwise read it again. */
        const char *text = NULL;
        size_t tlen = 0;
        char *owned = NULL;
        const char *file = ar.source[0] == '@' ? ar.source + 1 : NULL;
        for (file_run *f = c->ld->current; f && file; f = f->outer)
            if (strcmp(file, f->display) == 0) {
                text = f->text;
                tlen = f->len;
                file = f->display;
                break;
            }
        if (!text && file &&
            read_file_limited(file, c->ld->opt.max_file_size, &owned, &tlen) == READ_OK)
            text = owned;
        if (text && ar.linedefined > 0) {
            const char *p = text, *end = text + tlen;
            int line = 1;
            while (p < end && line < ar.linedefined)
                if (*p++ == '\n')
                    line++;
            const char *start = p;
            while (p < end && line <= ar.lastlinedefined)
                if (*p++ == '\n')
                    line++;
            sc->function_text = arena_strndup(A(c), start, (size_t)(p - start));
            sc->loc = (rb_loc){ arena_strdup(A(c), file), ar.linedefined };
        }
        free(owned);
        rb_buf code = { 0 };
        if (sc->function_text)
            normalise_code(sc->function_text, strlen(sc->function_text), &code);
        captured_values(L, t, &code);
        cd->hook_code = arena_strndup(A(c), rb_buf_str(&code), code.len);
        rb_buf_release(&code);
        lua_pushvalue(L, t);
        sc->hook = luaL_ref(L, LUA_REGISTRYINDEX);
    } else if (!lua_isnil(L, t)) {
        err(c, "scoring of %s must be a table of parameters or a function, not a %s",
            c->what, value_kind(L, t));
    }
    lua_pop(L, 1);
}

static void define_competency(ctx *c, int self, int body)
{
    lua_State *L = c->L;
    int arg = push_arg(L, self);
    comp_def *cd = alloc_or_die(c, sizeof *cd);
    rb_competency *comp = &cd->c;
    comp->id = definition_id(c, arg, body, "competency");
    comp->loc = (rb_loc){ c->file, c->line };
    check_fields(c, body, comp_fields, true);
    comp->title = text_field(c, body, "title", true);
    comp->definition = text_field(c, body, "definition", true);
    lua_pushliteral(L, "scale");
    lua_rawget(L, body);
    if (lua_isnil(L, -1))
        err(c, "%s has no scale; add scale = \"proficiency\" (or another scale's id)",
            c->what);
    else if (lua_type(L, -1) != LUA_TSTRING)
        err(c, "scale of %s must be the id of a scale, not a %s", c->what,
            value_kind(L, -1));
    else
        cd->scale_id = copy_text(c, lua_gettop(L), "scale");
    lua_pop(L, 1);
    read_scoring(c, body, cd);

    size_t *pos;
    int *nums;
    size_t n = collect_levels(c, body, &pos, &nums);
    rb_level *levels = alloc_or_die(c, (n + 1) * sizeof *levels);
    const char *id = comp->id ? comp->id : "?";
    for (size_t k = 0; k < n; k++) {
        lua_rawgeti(L, body, (lua_Integer)pos[k]);
        levels[k].number = nums[k];
        read_comp_level(c, lua_gettop(L), id, &levels[k]);
        lua_pop(L, 1);
    }
    if (n == 0 && lua_rawlen(L, body) == 0)
        err(c, "%s has no levels; add level(1) { behaviours = { ... } } and one for "
               "every level of its scale", c->what);
    comp->levels = levels;
    comp->nlevels = n;
    lua_pop(L, 1);
    if (comp->id && !ptrvec_push(A(c), &c->ld->lib->competencies, cd))
        luaL_error(L, "out of memory");
}

static void define_bank(ctx *c, int self, int body)
{
    lua_State *L = c->L;
    int arg = push_arg(L, self);
    rb_bank *b = alloc_or_die(c, sizeof *b);
    b->id = definition_id(c, arg, body, "bank");
    b->loc = (rb_loc){ c->file, c->line };
    check_fields(c, body, bank_fields, false);
    b->title = text_field(c, body, "title", true);
    b->description = text_field(c, body, "description", false);
    const char *id = b->id ? b->id : "?";
    int qt = list_field(c, body, "questions", false, "\"...\", \"...\"");
    if (qt) {
        b->questions = read_questions(c, qt, id, false, &b->nquestions);
        lua_pop(L, 1);
    }
    int ot = list_field(c, body, "options", false, "option \"id\" { ... }");
    if (ot) {
        size_t len = lua_rawlen(L, ot);
        rb_option *opts = alloc_or_die(c, (len + 1) * sizeof *opts);
        size_t n = 0;
        for (size_t i = 1; i <= len; i++) {
            lua_rawgeti(L, ot, (lua_Integer)i);
            int idx = lua_gettop(L);
            if (entry_ok(c, idx, O_OPTION, false, "options", i)) {
                obj *o = to_obj(L, idx);
                ctx oc;
                set_ctx(&oc, o, c);
                o->used = true;
                rb_option *op = &opts[n++];
                op->loc = (rb_loc){ oc.file, oc.line };
                set_what(&oc, "option %zu of %s", i, c->what);
                push_arg(L, idx);
                const char *local = copy_text(&oc, lua_gettop(L), "id");
                lua_pop(L, 1);
                set_what(&oc, "option '%s' of %s",
                         local ? local : "?", c->what);
                if (local)
                    check_id(&oc, local, oc.what);
                op->id = arena_printf(A(c), "%s.%s", id, local ? local : "?");
                if (!o->called) {
                    err(&oc, "%s has no body; write option \"%s\" { title = \"...\", "
                             "description = \"...\" }", oc.what, local ? local : "id");
                } else {
                    int ob = push_body(L, idx);
                    check_fields(&oc, ob, option_fields, false);
                    op->title = text_field(&oc, ob, "title", true);
                    op->description = text_field(&oc, ob, "description", true);
                    lua_pop(L, 1);
                }
            }
            lua_pop(L, 1);
        }
        b->options = opts;
        b->noptions = n;
        lua_pop(L, 1);
    }
    if (b->nquestions == 0 && b->noptions == 0)
        err(c, "%s has no questions or options; add questions = { ... } or "
               "options = { ... }", c->what);
    lua_pop(L, 1);
    if (b->id && !ptrvec_push(A(c), &c->ld->lib->banks, b))
        luaL_error(L, "out of memory");
}

static void define_role(ctx *c, int self, int body)
{
    lua_State *L = c->L;
    int arg = push_arg(L, self);
    role_def *rd = alloc_or_die(c, sizeof *rd);
    rb_role *r = &rd->r;
    r->id = definition_id(c, arg, body, "role");
    r->loc = (rb_loc){ c->file, c->line };
    check_fields(c, body, role_fields, false);
    r->title = text_field(c, body, "title", true);
    r->description = text_field(c, body, "description", false);
    double minutes = 0;
    if (number_field(c, body, "minutes", true, true, 5, 480, &minutes))
        r->minutes = (int)minutes;
    int nt = list_field(c, body, "needs", true, "need \"competency-id\" { target = 3 }");
    if (nt) {
        size_t len = lua_rawlen(L, nt);
        bool too_many = len > MAX_NEEDS;
        if (too_many) {
            err(c, "%s needs %zu competencies; the limit is %d", c->what, len, MAX_NEEDS);
            len = 0;
        }
        rd->needs = alloc_or_die(c, (len + 1) * sizeof(need_def));
        for (size_t i = 1; i <= len; i++) {
            lua_rawgeti(L, nt, (lua_Integer)i);
            int idx = lua_gettop(L);
            if (entry_ok(c, idx, O_NEED, false, "needs", i)) {
                obj *o = to_obj(L, idx);
                ctx nc;
                set_ctx(&nc, o, c);
                o->used = true;
                need_def *nd = &rd->needs[rd->nneeds++];
                nd->loc = (rb_loc){ nc.file, nc.line };
                nd->weight = 1.0;
                set_what(&nc, "need %zu of %s", i, c->what);
                push_arg(L, idx);
                nd->competency_id = copy_text(&nc, lua_gettop(L), "competency");
                lua_pop(L, 1);
                set_what(&nc, "need '%s' of %s",
                         nd->competency_id ? nd->competency_id : "?", c->what);
                if (!o->called) {
                    err(&nc, "%s has no body; write need \"%s\" { target = 3 }",
                        nc.what, nd->competency_id ? nd->competency_id : "id");
                } else {
                    int nb = push_body(L, idx);
                    check_fields(&nc, nb, need_fields, false);
                    double v;
                    if (number_field(&nc, nb, "target", true, true, -1e9, 1e9, &v)) {
                        nd->target = (int)v;
                        nd->has_target = true;
                    }
                    number_field(&nc, nb, "weight", false, false, 0.001, 100, &nd->weight);
                    lua_pop(L, 1);
                }
            }
            lua_pop(L, 1);
        }
        if (len == 0 && !too_many)
            err(c, "%s needs no competencies; list them under needs = { need "
                   "\"competency-id\" { target = 3 } }", c->what);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    if (r->id && !ptrvec_push(A(c), &c->ld->lib->roles, rd))
        luaL_error(L, "out of memory");
}

static const char *const example_fields[] = { "level", "tolerance", "answer", "note", NULL };
static const char *const cue_fields[] = { "situation", "task", "action", "result",
                                          "individual", "collective", "past",
                                          "hypothetical", "stop_words", NULL };

/* examples "competency-id" { example { ... }, ... } */
static void define_examples(ctx *c, int self, int body)
{
    lua_State *L = c->L;
    int arg = push_arg(L, self);
    const char *comp = NULL;
    set_what(c, "examples");
    if (lua_type(L, arg) == LUA_TSTRING)
        comp = copy_text(c, arg, "competency");
    else
        err(c, "examples must name their competency, as in examples \"some-id\" { ... }");
    lua_pop(L, 1);
    set_what(c, "examples for '%s'", comp ? comp : "?");
    check_fields(c, body, (const char *const[]){ NULL }, true);
    size_t len = lua_rawlen(L, body);
    if (len == 0)
        err(c, "%s has no examples; add example { level = 1, answer = [[...]] }",
            c->what);
    rb_library *lib = c->ld->lib;
    size_t position = 0;
    for (size_t k = 0; comp && k < lib->examples.len; k++) {
        const example_def *prev = lib->examples.items[k];
        if (prev->competency_id && strcmp(prev->competency_id, comp) == 0)
            position++;
    }
    for (size_t i = 1; i <= len; i++) {
        lua_rawgeti(L, body, (lua_Integer)i);
        int idx = lua_gettop(L);
        if (entry_ok(c, idx, O_EXAMPLE, false, "examples", i)) {
            obj *o = to_obj(L, idx);
            o->used = true;
            ctx ec;
            set_ctx(&ec, o, c);
            set_what(&ec, "example %zu of %s", i, c->what);
            example_def *ed = alloc_or_die(c, sizeof *ed);
            ed->competency_id = comp;
            ed->e.loc = (rb_loc){ ec.file, ec.line };
            ed->e.id = arena_printf(A(c), "%s.e%zu", comp ? comp : "?", ++position);
            int eb = push_body(L, idx);
            check_fields(&ec, eb, example_fields, false);
            double v = 0;
            if (number_field(&ec, eb, "level", true, true, 1, 1000, &v))
                ed->e.level = (int)v;
            v = 0;
            if (number_field(&ec, eb, "tolerance", false, true, 0, 10, &v))
                ed->e.tolerance = (int)v;
            ed->e.answer = text_field(&ec, eb, "answer", true);
            ed->e.note = text_field(&ec, eb, "note", false);
            lua_pop(L, 1);
            if (!ptrvec_push(A(c), &lib->examples, ed))
                luaL_error(L, "out of memory");
        }
        lua_pop(L, 1);
    }
}

static void cue_list(ctx *c, int body, const char *name, rb_cue_list *out)
{
    size_t n;
    const char **items = text_list(c, body, name, &n);
    out->items = items;
    out->n = n;
}

/* cues { situation = { ... }, ... }: one set per library. */
static void define_cues(ctx *c, int body)
{
    rb_library *lib = c->ld->lib;
    set_what(c, "cues");
    if (lib->cues) {
        err(c, "the library already has cues (at %s:%d); keep one cues { ... }",
            lib->cues->loc.file, lib->cues->loc.line);
        return;
    }
    check_fields(c, body, cue_fields, false);
    rb_cues *cu = alloc_or_die(c, sizeof *cu);
    cu->loc = (rb_loc){ c->file, c->line };
    cue_list(c, body, "situation", &cu->situation);
    cue_list(c, body, "task", &cu->task);
    cue_list(c, body, "action", &cu->action);
    cue_list(c, body, "result", &cu->result);
    cue_list(c, body, "individual", &cu->individual);
    cue_list(c, body, "collective", &cu->collective);
    cue_list(c, body, "past", &cu->past);
    cue_list(c, body, "hypothetical", &cu->hypothetical);
    cue_list(c, body, "stop_words", &cu->stop_words);
    lib->cues = cu;
}

/* ---- discussion processes ---------------------------------------------- */

static const char *const process_fields[] = { "title", "description", "principles",
                                              "principles_title", "referral", "steps",
                                              NULL };
static const char *const step_fields[] = { "id", "purpose", "prompts", "questions",
                                           "banks", "shows", "record", "referral", NULL };
/* In rb_show order. */
static const char *const show_names[] = { "comparison", "strengths", "development",
                                          "follow-up", NULL };

/* shows = { "comparison", ... }: what the step shows from the assessments. */
static void read_shows(const ctx *c, int body, rb_step *st)
{
    lua_State *L = c->L;
    size_t n;
    const char **names = text_list(c, body, "shows", &n);
    rb_show *shows = alloc_or_die(c, (n + 1) * sizeof *shows);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        size_t w = 0;
        while (show_names[w] && strcmp(show_names[w], names[i]) != 0)
            w++;
        if (!show_names[w]) {
            const char *best = closest_word(names[i], show_names, w);
            if (best)
                err(c, "%s shows '%s', which is not known (did you mean '%s'?); use "
                       "comparison, strengths, development or follow-up", c->what,
                    names[i], best);
            else
                err(c, "%s shows '%s', which is not known; use comparison, strengths, "
                       "development or follow-up", c->what, names[i]);
            continue;
        }
        bool twice = false;
        for (size_t j = 0; j < k && !twice; j++)
            twice = shows[j] == (rb_show)w;
        if (twice) {
            err(c, "%s shows '%s' twice; list it once", c->what, names[i]);
            continue;
        }
        shows[k++] = (rb_show)w;
    }
    (void)L;
    st->shows = shows;
    st->nshows = k;
}

static void read_step(const ctx *pc, int idx, size_t pos, const char *prefix,
                      rb_step *st, step_refs *refs)
{
    lua_State *L = pc->L;
    obj *o = to_obj(L, idx);
    ctx c;
    set_ctx(&c, o, pc);
    o->used = true;
    set_what(&c, "step %zu of %s", pos, pc->what);
    st->loc = (rb_loc){ c.file, c.line };
    push_arg(L, idx);
    st->title = copy_text(&c, lua_gettop(L), "title");
    lua_pop(L, 1);
    const char *local = NULL;
    if (o->called) {
        int body = push_body(L, idx);
        check_fields(&c, body, step_fields, false);
        local = text_field(&c, body, "id", false);
        if (local)
            check_id(&c, local, c.what);
        st->purpose = text_field(&c, body, "purpose", false);
        st->prompts = text_list(&c, body, "prompts", &st->nprompts);
        st->questions = text_list(&c, body, "questions", &st->nquestions);
        st->record = text_list(&c, body, "record", &st->nrecord);
        refs->ids = text_list(&c, body, "banks", &refs->n);
        read_shows(&c, body, st);
        st->referral = text_field(&c, body, "referral", false);
        lua_pop(L, 1);
    }
    st->id = local ? arena_printf(A(&c), "%s.%s", prefix, local)
                   : arena_printf(A(&c), "%s.s%zu", prefix, pos);
    if (!st->purpose && !st->nprompts && !st->nquestions && !refs->n && !st->nshows &&
        !st->nrecord && !st->referral)
        err(&c, "%s has nothing to show; give it a purpose, prompts, questions, banks, "
                "shows or record = { ... }", c.what);
}

/* process "id" { title = ..., steps = { step "..." { ... }, ... } } */
static void define_process(ctx *c, int self, int body)
{
    lua_State *L = c->L;
    int arg = push_arg(L, self);
    process_def *pd = alloc_or_die(c, sizeof *pd);
    rb_process *p = &pd->p;
    p->id = definition_id(c, arg, body, "process");
    p->loc = (rb_loc){ c->file, c->line };
    check_fields(c, body, process_fields, false);
    p->title = text_field(c, body, "title", true);
    p->description = text_field(c, body, "description", false);
    p->principles = text_list(c, body, "principles", &p->nprinciples);
    p->principles_title = text_field(c, body, "principles_title", false);
    p->referral = text_field(c, body, "referral", false);
    const char *id = p->id ? p->id : "?";
    int st = list_field(c, body, "steps", true, "step \"...\" { ... }");
    if (st) {
        size_t len = lua_rawlen(L, st);
        bool too_many = len > MAX_STEPS;
        if (too_many) {
            err(c, "%s has %zu steps; the limit is %d", c->what, len, MAX_STEPS);
            len = 0;
        }
        pd->steps = alloc_or_die(c, (len + 1) * sizeof *pd->steps);
        pd->refs = alloc_or_die(c, (len + 1) * sizeof *pd->refs);
        memset(pd->steps, 0, (len + 1) * sizeof *pd->steps);
        memset(pd->refs, 0, (len + 1) * sizeof *pd->refs);
        size_t n = 0;
        for (size_t i = 1; i <= len; i++) {
            lua_rawgeti(L, st, (lua_Integer)i);
            if (entry_ok(c, lua_gettop(L), O_STEP, false, "steps", i)) {
                read_step(c, lua_gettop(L), i, id, &pd->steps[n], &pd->refs[n]);
                n++;
            }
            lua_pop(L, 1);
        }
        if (lua_rawlen(L, st) == 0)
            err(c, "%s has no steps; list at least one under steps = { step \"...\" "
                   "{ ... } }", c->what);
        p->steps = pd->steps;
        p->nsteps = n;
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    if (p->id && !ptrvec_push(A(c), &c->ld->lib->processes, pd))
        luaL_error(L, "out of memory");
}

/* ---- the Lua-facing functions ---------------------------------------------- */

static obj *new_obj(lua_State *L, enum okind kind, int argidx)
{
    obj *o = lua_newuserdatauv(L, sizeof(obj), 2);
    memset(o, 0, sizeof *o);
    o->kind = kind;
    loader_where(L, &o->file, &o->line);
    luaL_setmetatable(L, OBJ_META);
    lua_pushvalue(L, argidx);
    lua_setiuservalue(L, -2, 1);
    return o;
}

static void define_now(lua_State *L, obj *o, int self, int body)
{
    loader *ld = loader_of(L);
    if (ld->stop)
        luaL_error(L, "loading stopped");
    rb_library *lib = ld->lib;
    if (lib->scales.len + lib->competencies.len + lib->roles.len + lib->banks.len +
            lib->examples.len + lib->processes.len >= LOADER_MAX_DEFINITIONS)
        luaL_error(L, "the library has more than %d definitions; split it into "
                      "smaller libraries", LOADER_MAX_DEFINITIONS);
    ctx c = { .ld = ld, .L = L, .file = o->file, .line = o->line };
    luaL_checkstack(L, 40, NULL);
    switch (o->kind) {
    case O_SCALE: define_scale(&c, self, body); break;
    case O_COMPETENCY: define_competency(&c, self, body); break;
    case O_BANK: define_bank(&c, self, body); break;
    case O_ROLE: define_role(&c, self, body); break;
    case O_EXAMPLES: define_examples(&c, self, body); break;
    case O_CUES: define_cues(&c, body); break;
    case O_PROCESS: define_process(&c, self, body); break;
    default: break;
    }
    o->used = true;
    if (arena_bytes(ld->lib->arena) > LOADER_MAX_MODEL_BYTES)
        luaL_error(L, "the library is larger than %d MiB; split it into "
                      "smaller libraries", (int)(LOADER_MAX_MODEL_BYTES >> 20));
}

static bool is_top_level(enum okind k)
{
    return k == O_SCALE || k == O_COMPETENCY || k == O_BANK || k == O_ROLE ||
           k == O_EXAMPLES || k == O_CUES || k == O_PROCESS;
}

/* pending(body) */
static int obj_call(lua_State *L)
{
    obj *o = luaL_checkudata(L, 1, OBJ_META);
    const char *name = okind_names[o->kind];
    if (o->called)
        return luaL_error(L, "this %s already has its { ... } part", name);
    if (lua_type(L, 2) != LUA_TTABLE) {
        if (o->kind == O_LEVEL)
            return luaL_error(L, "level(N) must be followed by a table: write "
                                 "level(N) { ... }");
        return luaL_error(L, "%s \"...\" must be followed by a table in braces, "
                             "not a %s", name, value_kind(L, 2));
    }
    lua_settop(L, 2);
    lua_pushvalue(L, 2);
    lua_setiuservalue(L, 1, 2);
    o->called = true;
    if (is_top_level(o->kind))
        define_now(L, o, 1, 2);
    lua_settop(L, 1);
    return 1;
}

static int constructor(lua_State *L, enum okind kind)
{
    const char *name = okind_names[kind];
    int t = lua_type(L, 1);
    if (kind == O_LEVEL) {
        /* Level 0 would read as "no rating" wherever ratings are kept:
         * a scale with a "not shown" level numbers it 1. */
        if (!lua_isinteger(L, 1) || lua_tointeger(L, 1) < 1 || lua_tointeger(L, 1) > 1000)
            return luaL_error(L, "level expects a whole number from 1 to 1000, as in "
                                 "level(2) { ... } (levels count from 1: number a "
                                 "'not shown' level 1)");
        new_obj(L, kind, 1);
        return 1;
    }
    if (t == LUA_TSTRING) {
        new_obj(L, kind, 1);
        return 1;
    }
    if (t == LUA_TTABLE && kind == O_EXAMPLES)
        return luaL_error(L, "examples must name their competency, as in "
                             "examples \"some-id\" { ... }");
    if (t == LUA_TTABLE && is_top_level(kind)) {
        /* The id is left out: competency { title = ..., ... } */
        lua_pushnil(L);
        obj *o = new_obj(L, kind, lua_gettop(L));
        lua_pushvalue(L, 1);
        lua_setiuservalue(L, -2, 2);
        o->called = true;
        define_now(L, o, lua_gettop(L), 1);
        return 1;
    }
    if (kind == O_STEP)
        return luaL_error(L, "step expects its title, as in step \"Prepare\" { ... }");
    if (kind == O_BEHAVIOUR || kind == O_QUESTION)
        return luaL_error(L, "%s expects its text, as in %s \"...\" { ... }", name, name);
    return luaL_error(L, "%s expects an id, as in %s \"some-id\" { ... }", name, name);
}

static int l_scale(lua_State *L) { return constructor(L, O_SCALE); }
static int l_competency(lua_State *L) { return constructor(L, O_COMPETENCY); }
static int l_level(lua_State *L) { return constructor(L, O_LEVEL); }
static int l_behaviour(lua_State *L) { return constructor(L, O_BEHAVIOUR); }
static int l_question(lua_State *L) { return constructor(L, O_QUESTION); }
static int l_bank(lua_State *L) { return constructor(L, O_BANK); }
static int l_option(lua_State *L) { return constructor(L, O_OPTION); }
static int l_role(lua_State *L) { return constructor(L, O_ROLE); }
static int l_need(lua_State *L) { return constructor(L, O_NEED); }
static int l_examples(lua_State *L) { return constructor(L, O_EXAMPLES); }
static int l_cues(lua_State *L) { return constructor(L, O_CUES); }
static int l_process(lua_State *L) { return constructor(L, O_PROCESS); }
static int l_step(lua_State *L) { return constructor(L, O_STEP); }

/* example { level = N, answer = [[...]] }: the body comes at once. */
static int l_example(lua_State *L)
{
    if (lua_type(L, 1) != LUA_TTABLE)
        return luaL_error(L, "example expects a table, as in example { level = 2, "
                             "answer = [[...]] }");
    lua_pushnil(L);
    obj *o = new_obj(L, O_EXAMPLE, lua_gettop(L));
    lua_pushvalue(L, 1);
    lua_setiuservalue(L, -2, 2);
    o->called = true;
    return 1;
}

static int obj_tostring(lua_State *L)
{
    obj *o = luaL_checkudata(L, 1, OBJ_META);
    lua_pushfstring(L, "%s defined at %s:%d", okind_names[o->kind], o->file, o->line);
    return 1;
}

void dsl_open(lua_State *L)
{
    luaL_newmetatable(L, OBJ_META);
    lua_pushcfunction(L, obj_call);
    lua_setfield(L, -2, "__call");
    lua_pushcfunction(L, obj_tostring);
    lua_setfield(L, -2, "__tostring");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 1);
}

void dsl_register(lua_State *L, int env)
{
    static const luaL_Reg fns[] = {
        { "scale", l_scale },       { "competency", l_competency },
        { "level", l_level },       { "behaviour", l_behaviour },
        { "question", l_question }, { "bank", l_bank },
        { "option", l_option },     { "role", l_role },
        { "need", l_need },         { "include", loader_include },
        { "examples", l_examples }, { "example", l_example },
        { "cues", l_cues },         { "process", l_process },
        { "step", l_step },
        { NULL, NULL },
    };
    for (const luaL_Reg *f = fns; f->name; f++) {
        lua_pushcfunction(L, f->func);
        lua_setfield(L, env, f->name);
    }
}
