/*
 * Entering a development plan one line at a time: the line commands of
 * `rubric develop`, the same from a person at the terminal or from a
 * script. Each line either changes the plan or is refused with a message
 * and leaves it unchanged.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "develop/devplan_internal.h"
#include "rubric/io.h"

const char rb_devplan_commands_help[] =
    "  /competency ID    add a competency to develop (or go back to one); the\n"
    "                    commands /target and /action below apply to it\n"
    "  /target N         the level to reach, on the competency's scale\n"
    "  /action TEXT      something the employee will do for this competency\n"
    "  /barrier TEXT     a challenge that may get in the way\n"
    "  /support TEXT     what the manager will do to help\n"
    "  /timeframe TEXT   when the actions should be done, e.g. by the end of June\n"
    "  /followup DATE    the follow-up meeting, as YYYY-MM-DD\n"
    "  /share [PART]     let the next-level leader see a part; without PART the\n"
    "                    last thing entered. PART: all, competencies, barriers,\n"
    "                    actions, support, timeframe, followup, a competency id\n"
    "                    or an action id (a1). Nothing is shared unless marked.\n"
    "  /private [PART]   keep a part between the employee and the manager again\n"
    "  /show             the plan so far\n"
    "  /help             this list\n"
    "  /done             check the plan and save it\n"
    "  /quit             leave without saving\n"
    "Lines starting with # and blank lines are ignored.\n";

struct rb_devplan_editor {
    owned_devplan *op;
    const rb_library *lib;
    const rb_role *role;
    rb_date today;
    bool part_share[RB_PART_COUNT];  /* the mark new items of a part get */
    long current;                    /* the competency being worked on, or -1 */
    bool has_last;                   /* the last thing entered, for /share */
    rb_devplan_part last_part;
    size_t last_index;
    unsigned next_action;
};

/* ---- plans in memory -------------------------------------------------------- */

owned_devplan *devplan_alloc(void)
{
    owned_devplan *op = calloc(1, sizeof *op);
    if (!op)
        return NULL;
    op->arena = arena_new();
    if (!op->arena) {
        free(op);
        return NULL;
    }
    return op;
}

void devplan_release(owned_devplan *op)
{
    if (!op)
        return;
    arena_free(op->arena);
    free(op);
}

void rb_devplan_free(rb_devplan *plan)
{
    devplan_release((owned_devplan *)plan);
}

bool devplan_grow(owned_devplan *op, void **items, size_t n, size_t *cap, size_t size)
{
    if (n < *cap)
        return true;
    size_t ncap = *cap ? *cap * 2 : 4;
    void *p = arena_alloc(op->arena, ncap * size);
    if (!p)
        return false;
    if (n)
        memcpy(p, *items, n * size);
    *items = p;
    *cap = ncap;
    return true;
}

static const char *const part_names[RB_PART_COUNT] = {
    "competencies", "barriers", "actions", "support", "timeframe", "followup",
};

const char *devplan_part_name(rb_devplan_part part)
{
    return part < RB_PART_COUNT ? part_names[part] : "";
}

/* ---- the editor ---------------------------------------------------------------- */

rb_devplan_editor *rb_devplan_editor_new(const rb_library *lib, const rb_role *role,
                                         const char *person, const char *manager,
                                         rb_date today)
{
    rb_devplan_editor *ed = calloc(1, sizeof *ed);
    if (!ed)
        return NULL;
    ed->op = devplan_alloc();
    if (!ed->op) {
        free(ed);
        return NULL;
    }
    ed->lib = lib;
    ed->role = role;
    ed->today = today;
    ed->current = -1;
    ed->next_action = 1;
    rb_devplan *p = &ed->op->plan;
    arena *a = ed->op->arena;
    char date[RB_DATE_TEXT];
    rb_date_format(today, date);
    p->person = arena_strdup(a, person);
    p->manager = manager ? arena_strdup(a, manager) : NULL;
    p->role_id = arena_strdup(a, role->id);
    p->role_title = arena_strdup(a, role->title);
    p->library = arena_strdup(a, rb_library_hash(lib));
    p->agreed = arena_strdup(a, date);
    if (!p->person || (manager && !p->manager) || !p->role_id || !p->role_title ||
        !p->library || !p->agreed) {
        rb_devplan_editor_free(ed);
        return NULL;
    }
    return ed;
}

const rb_devplan *rb_devplan_editor_plan(const rb_devplan_editor *ed)
{
    return &ed->op->plan;
}

void rb_devplan_editor_free(rb_devplan_editor *ed)
{
    if (!ed)
        return;
    devplan_release(ed->op);
    free(ed);
}

static rb_edit_status refuse(rb_diags *d, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static rb_edit_status refuse(rb_diags *d, const char *fmt, ...)
{
    char msg[768];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    rb_diags_add(d, RB_ERROR, RB_DIAG_INPUT, NULL, 0, 0, NULL, "%s", msg);
    return RB_EDIT_ERROR;
}

static void warn(rb_diags *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void warn(rb_diags *d, const char *fmt, ...)
{
    char msg[768];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    rb_diags_add(d, RB_WARNING, RB_DIAG_INPUT, NULL, 0, 0, NULL, "%s", msg);
}

static const rb_need *role_need(const rb_role *role, const rb_competency *c)
{
    for (size_t i = 0; i < role->nneeds; i++)
        if (role->needs[i].competency == c)
            return &role->needs[i];
    return NULL;
}

static const char *level_name(const rb_competency *c, int n)
{
    const rb_scale_level *sl = c->scale ? rb_scale_level_of(c->scale, n) : NULL;
    return sl ? sl->name : NULL;
}

static void remember(rb_devplan_editor *ed, rb_devplan_part part, size_t index)
{
    ed->has_last = true;
    ed->last_part = part;
    ed->last_index = index;
}

/* A text argument: present, short enough. NULL (and the refusal in diags)
 * otherwise. */
static bool text_ok(rb_diags *d, const char *cmd, const char *arg, const char *what)
{
    if (!*arg) {
        refuse(d, "%s needs a text: %s", cmd, what);
        return false;
    }
    size_t len = strlen(arg);
    if (len > RB_DEVPLAN_MAX_TEXT) {
        refuse(d, "the text is %zu bytes long; the limit is %zu", len, RB_DEVPLAN_MAX_TEXT);
        return false;
    }
    return true;
}

static rb_edit_status cmd_competency(rb_devplan_editor *ed, const char *arg, rb_diags *d,
                                     rb_buf *reply)
{
    rb_devplan *p = &ed->op->plan;
    if (!*arg)
        return refuse(d, "/competency needs a competency id, e.g. /competency communication "
                         "(see 'rubric list' for the competencies)");
    for (size_t i = 0; i < p->ncompetencies; i++) {
        if (strcmp(p->competencies[i].id, arg) == 0) {
            ed->current = (long)i;
            remember(ed, RB_PART_COMPETENCIES, i);
            rb_buf_printf(reply, "back to competency %zu: %s\n", i + 1, p->competencies[i].title);
            return RB_EDIT_OK;
        }
    }
    rb_item item;
    if (!rb_library_find(ed->lib, arg, &item)) {
        const char *near = rb_library_suggest(ed->lib, arg);
        if (near)
            return refuse(d, "unknown competency '%s' (did you mean '%s'?)", arg, near);
        return refuse(d, "unknown competency '%s' (see 'rubric list' for the competencies)", arg);
    }
    if (item.kind != RB_KIND_COMPETENCY)
        return refuse(d, "'%s' is a %s, not a competency", arg, rb_kind_name(item.kind));
    if (p->ncompetencies >= RB_DEVPLAN_MAX_COMPETENCIES)
        return refuse(d, "the plan already has %d competencies, the most it can hold",
                      RB_DEVPLAN_MAX_COMPETENCIES);
    const rb_competency *c = item.ptr;
    owned_devplan *op = ed->op;
    void *items = p->competencies;
    if (!devplan_grow(op, &items, p->ncompetencies, &op->cap_competencies,
                      sizeof *p->competencies))
        return RB_EDIT_NOMEM;
    p->competencies = items;
    rb_devplan_competency *pc = &p->competencies[p->ncompetencies];
    memset(pc, 0, sizeof *pc);
    pc->id = arena_strdup(op->arena, c->id);
    pc->title = arena_strdup(op->arena, c->title);
    if (!pc->id || !pc->title)
        return RB_EDIT_NOMEM;
    pc->share = ed->part_share[RB_PART_COMPETENCIES];
    ed->current = (long)p->ncompetencies;
    remember(ed, RB_PART_COMPETENCIES, p->ncompetencies);
    p->ncompetencies++;
    const rb_need *need = role_need(ed->role, c);
    if (!need)
        warn(d, "role '%s' does not list competency '%s'; it is in the plan all the same",
             ed->role->id, c->id);
    rb_buf_printf(reply, "competency %zu: %s", p->ncompetencies, c->title);
    if (c->nlevels)
        rb_buf_printf(reply, "; set its target with /target N (levels %d to %d",
                      c->levels[0].number, c->levels[c->nlevels - 1].number);
    if (need)
        rb_buf_printf(reply, "; the role's target is %d", need->target);
    rb_buf_puts(reply, c->nlevels ? ")\n" : "\n");
    return RB_EDIT_OK;
}

static bool parse_int(const char *s, long *out)
{
    if (!*s)
        return false;
    errno = 0;
    char *end;
    long v = strtol(s, &end, 10);
    if (errno || *end || end == s || !(s[0] == '-' || s[0] == '+' || (s[0] >= '0' && s[0] <= '9')))
        return false;
    *out = v;
    return true;
}

static rb_edit_status cmd_target(rb_devplan_editor *ed, const char *arg, rb_diags *d,
                                 rb_buf *reply)
{
    rb_devplan *p = &ed->op->plan;
    if (ed->current < 0)
        return refuse(d, "choose a competency first with /competency ID");
    if (!*arg)
        return refuse(d, "/target needs a level number, e.g. /target 3");
    rb_devplan_competency *pc = &p->competencies[ed->current];
    rb_item item;
    const rb_competency *c = NULL;
    if (rb_library_find(ed->lib, pc->id, &item) && item.kind == RB_KIND_COMPETENCY)
        c = item.ptr;
    long n;
    if (!parse_int(arg, &n))
        return refuse(d, "'%.40s' is not a level number; give a whole number such as 3", arg);
    if (!c || n < INT_MIN || n > INT_MAX || !rb_competency_level(c, (int)n)) {
        if (c && c->nlevels)
            return refuse(d, "competency '%s' has no level %ld; its levels are %d to %d", pc->id,
                          n, c->levels[0].number, c->levels[c->nlevels - 1].number);
        return refuse(d, "competency '%s' has no level %ld", pc->id, n);
    }
    const char *name = level_name(c, (int)n);
    pc->target = (int)n;
    pc->target_name = name ? arena_strdup(ed->op->arena, name) : NULL;
    if (name && !pc->target_name)
        return RB_EDIT_NOMEM;
    remember(ed, RB_PART_COMPETENCIES, (size_t)ed->current);
    rb_buf_printf(reply, "target for %s: level %d%s%s%s\n", pc->title, pc->target,
                  name ? " (" : "", name ? name : "", name ? ")" : "");
    return RB_EDIT_OK;
}

static rb_edit_status add_item(rb_devplan_editor *ed, rb_devplan_part part, const char *cmd,
                               const char *arg, const char *what, rb_diags *d, rb_buf *reply)
{
    rb_devplan *p = &ed->op->plan;
    owned_devplan *op = ed->op;
    if (!text_ok(d, cmd, arg, what))
        return RB_EDIT_ERROR;
    rb_devplan_item **items = part == RB_PART_BARRIERS ? &p->barriers : &p->support;
    size_t *n = part == RB_PART_BARRIERS ? &p->nbarriers : &p->nsupport;
    size_t *cap = part == RB_PART_BARRIERS ? &op->cap_barriers : &op->cap_support;
    if (*n >= RB_DEVPLAN_MAX_ITEMS)
        return refuse(d, "the plan already has %d %s items, the most it can hold",
                      RB_DEVPLAN_MAX_ITEMS, part_names[part]);
    void *v = *items;
    if (!devplan_grow(op, &v, *n, cap, sizeof **items))
        return RB_EDIT_NOMEM;
    *items = v;
    rb_devplan_item *it = &(*items)[*n];
    it->text = arena_strdup(op->arena, arg);
    if (!it->text)
        return RB_EDIT_NOMEM;
    it->share = ed->part_share[part];
    remember(ed, part, *n);
    (*n)++;
    rb_buf_printf(reply, "%s %zu noted\n", part == RB_PART_BARRIERS ? "barrier" : "support",
                  *n);
    return RB_EDIT_OK;
}

static rb_edit_status cmd_action(rb_devplan_editor *ed, const char *arg, rb_diags *d,
                                 rb_buf *reply)
{
    rb_devplan *p = &ed->op->plan;
    owned_devplan *op = ed->op;
    if (ed->current < 0)
        return refuse(d, "choose a competency first with /competency ID; each action "
                         "develops one competency");
    if (!text_ok(d, "/action", arg, "what the employee will do"))
        return RB_EDIT_ERROR;
    if (p->nactions >= RB_DEVPLAN_MAX_ITEMS)
        return refuse(d, "the plan already has %d actions, the most it can hold",
                      RB_DEVPLAN_MAX_ITEMS);
    void *v = p->actions;
    if (!devplan_grow(op, &v, p->nactions, &op->cap_actions, sizeof *p->actions))
        return RB_EDIT_NOMEM;
    p->actions = v;
    rb_devplan_action *a = &p->actions[p->nactions];
    a->id = arena_printf(op->arena, "a%u", ed->next_action);
    a->competency = p->competencies[ed->current].id;
    a->text = arena_strdup(op->arena, arg);
    if (!a->id || !a->text)
        return RB_EDIT_NOMEM;
    a->share = ed->part_share[RB_PART_ACTIONS];
    ed->next_action++;
    remember(ed, RB_PART_ACTIONS, p->nactions);
    p->nactions++;
    rb_buf_printf(reply, "action %s for %s\n", a->id, p->competencies[ed->current].title);
    return RB_EDIT_OK;
}

static rb_edit_status cmd_timeframe(rb_devplan_editor *ed, const char *arg, rb_diags *d,
                                    rb_buf *reply)
{
    rb_devplan *p = &ed->op->plan;
    if (!text_ok(d, "/timeframe", arg, "when the actions should be done, e.g. "
                 "/timeframe by the end of June"))
        return RB_EDIT_ERROR;
    bool again = p->timeframe != NULL;
    p->timeframe = arena_strdup(ed->op->arena, arg);
    if (!p->timeframe)
        return RB_EDIT_NOMEM;
    if (!again)
        p->timeframe_share = ed->part_share[RB_PART_TIMEFRAME];
    remember(ed, RB_PART_TIMEFRAME, 0);
    rb_buf_printf(reply, "timeframe %s\n", again ? "changed" : "noted");
    return RB_EDIT_OK;
}

static rb_edit_status cmd_followup(rb_devplan_editor *ed, const char *arg, rb_diags *d,
                                   rb_buf *reply)
{
    rb_devplan *p = &ed->op->plan;
    if (!*arg)
        return refuse(d, "/followup needs the date of the follow-up meeting, as YYYY-MM-DD");
    rb_date date;
    if (!rb_date_parse(arg, &date))
        return refuse(d, "'%.40s' is not a date; write the follow-up date as YYYY-MM-DD, "
                         "e.g. 2025-06-30", arg);
    char today[RB_DATE_TEXT], text[RB_DATE_TEXT];
    rb_date_format(ed->today, today);
    rb_date_format(date, text);
    if (rb_date_compare(date, ed->today) < 0)
        return refuse(d, "the follow-up date %s is before today (%s); choose a later date",
                      text, today);
    bool again = p->followup != NULL;
    p->followup = arena_strdup(ed->op->arena, text);
    if (!p->followup)
        return RB_EDIT_NOMEM;
    if (!again)
        p->followup_share = ed->part_share[RB_PART_FOLLOWUP];
    remember(ed, RB_PART_FOLLOWUP, 0);
    rb_buf_printf(reply, "follow-up meeting on %s\n", text);
    return RB_EDIT_OK;
}

/* Set the mark of every item of `part` (and of those added later). */
static size_t mark_part(rb_devplan_editor *ed, rb_devplan_part part, bool share)
{
    rb_devplan *p = &ed->op->plan;
    ed->part_share[part] = share;
    switch (part) {
    case RB_PART_COMPETENCIES:
        for (size_t i = 0; i < p->ncompetencies; i++)
            p->competencies[i].share = share;
        return p->ncompetencies;
    case RB_PART_BARRIERS:
        for (size_t i = 0; i < p->nbarriers; i++)
            p->barriers[i].share = share;
        return p->nbarriers;
    case RB_PART_ACTIONS:
        for (size_t i = 0; i < p->nactions; i++)
            p->actions[i].share = share;
        return p->nactions;
    case RB_PART_SUPPORT:
        for (size_t i = 0; i < p->nsupport; i++)
            p->support[i].share = share;
        return p->nsupport;
    case RB_PART_TIMEFRAME:
        p->timeframe_share = share;
        return p->timeframe ? 1 : 0;
    case RB_PART_FOLLOWUP:
        p->followup_share = share;
        return p->followup ? 1 : 0;
    case RB_PART_COUNT:
        break;
    }
    return 0;
}

static void mark_one(rb_devplan_editor *ed, rb_devplan_part part, size_t i, bool share)
{
    rb_devplan *p = &ed->op->plan;
    switch (part) {
    case RB_PART_COMPETENCIES: p->competencies[i].share = share; break;
    case RB_PART_BARRIERS: p->barriers[i].share = share; break;
    case RB_PART_ACTIONS: p->actions[i].share = share; break;
    case RB_PART_SUPPORT: p->support[i].share = share; break;
    case RB_PART_TIMEFRAME: p->timeframe_share = share; break;
    case RB_PART_FOLLOWUP: p->followup_share = share; break;
    case RB_PART_COUNT: break;
    }
}

/* A part's name, singular or plural. */
static bool part_of_word(const char *w, rb_devplan_part *out)
{
    static const char *const singular[RB_PART_COUNT] = {
        "competency", "barrier", "action", "support", "timeframe", "followup",
    };
    for (int i = 0; i < RB_PART_COUNT; i++) {
        if (strcmp(w, part_names[i]) == 0 || strcmp(w, singular[i]) == 0) {
            *out = (rb_devplan_part)i;
            return true;
        }
    }
    return false;
}

static rb_edit_status cmd_share(rb_devplan_editor *ed, const char *arg, bool share,
                                rb_diags *d, rb_buf *reply)
{
    rb_devplan *p = &ed->op->plan;
    const char *mark = share ? "shared with the next-level leader" : "private";
    rb_devplan_part part;
    if (!*arg) {
        if (!ed->has_last)
            return refuse(d, "nothing entered yet; name a part: %s all, competencies, "
                             "barriers, actions, support, timeframe, followup, a competency "
                             "id or an action id", share ? "/share" : "/private");
        mark_one(ed, ed->last_part, ed->last_index, share);
        switch (ed->last_part) {
        case RB_PART_COMPETENCIES:
            rb_buf_printf(reply, "%s: competency %s\n", mark,
                          p->competencies[ed->last_index].id);
            break;
        case RB_PART_ACTIONS:
            rb_buf_printf(reply, "%s: action %s\n", mark, p->actions[ed->last_index].id);
            break;
        case RB_PART_BARRIERS:
        case RB_PART_SUPPORT:
            rb_buf_printf(reply, "%s: %s %zu\n", mark,
                          ed->last_part == RB_PART_BARRIERS ? "barrier" : "support",
                          ed->last_index + 1);
            break;
        default:
            rb_buf_printf(reply, "%s: %s\n", mark, part_names[ed->last_part]);
            break;
        }
        return RB_EDIT_OK;
    }
    if (strcmp(arg, "all") == 0) {
        for (int i = 0; i < RB_PART_COUNT; i++)
            mark_part(ed, (rb_devplan_part)i, share);
        rb_buf_printf(reply, "%s: the whole plan\n", mark);
        return RB_EDIT_OK;
    }
    if (part_of_word(arg, &part)) {
        size_t n = mark_part(ed, part, share);
        rb_buf_printf(reply, "%s: %s (%zu now, and any added later)\n", mark, part_names[part],
                      n);
        return RB_EDIT_OK;
    }
    for (size_t i = 0; i < p->ncompetencies; i++) {
        if (strcmp(p->competencies[i].id, arg) == 0) {
            p->competencies[i].share = share;
            rb_buf_printf(reply, "%s: competency %s\n", mark, arg);
            return RB_EDIT_OK;
        }
    }
    for (size_t i = 0; i < p->nactions; i++) {
        if (strcmp(p->actions[i].id, arg) == 0) {
            p->actions[i].share = share;
            rb_buf_printf(reply, "%s: action %s\n", mark, arg);
            return RB_EDIT_OK;
        }
    }
    return refuse(d, "'%.60s' is not a part of this plan; name all, competencies, barriers, "
                     "actions, support, timeframe, followup, a competency of the plan or an "
                     "action id such as a1", arg);
}

static const char *shared_word(bool share)
{
    return share ? "shared" : "private";
}

/* The plan so far, as plain text for the terminal. */
static void show(const rb_devplan_editor *ed, rb_buf *out)
{
    const rb_devplan *p = &ed->op->plan;
    rb_buf_printf(out, "Development plan for %s (%s), agreed %s\n", p->person, p->role_title,
                  p->agreed);
    if (!p->ncompetencies)
        rb_buf_puts(out, "  no competencies yet\n");
    for (size_t i = 0; i < p->ncompetencies; i++) {
        const rb_devplan_competency *c = &p->competencies[i];
        rb_buf_printf(out, "  %s%zu. %s (%s)", (long)i == ed->current ? "*" : " ", i + 1,
                      c->title, c->id);
        if (c->target)
            rb_buf_printf(out, ", target %d", c->target);
        else
            rb_buf_puts(out, ", no target yet");
        rb_buf_printf(out, " [%s]\n", shared_word(c->share));
        for (size_t k = 0; k < p->nactions; k++)
            if (strcmp(p->actions[k].competency, c->id) == 0)
                rb_buf_printf(out, "       %s: %s [%s]\n", p->actions[k].id,
                              p->actions[k].text, shared_word(p->actions[k].share));
    }
    for (size_t i = 0; i < p->nbarriers; i++)
        rb_buf_printf(out, "  barrier %zu: %s [%s]\n", i + 1, p->barriers[i].text,
                      shared_word(p->barriers[i].share));
    for (size_t i = 0; i < p->nsupport; i++)
        rb_buf_printf(out, "  support %zu: %s [%s]\n", i + 1, p->support[i].text,
                      shared_word(p->support[i].share));
    if (p->timeframe)
        rb_buf_printf(out, "  timeframe: %s [%s]\n", p->timeframe,
                      shared_word(p->timeframe_share));
    else
        rb_buf_puts(out, "  no timeframe yet\n");
    if (p->followup)
        rb_buf_printf(out, "  follow-up: %s [%s]\n", p->followup,
                      shared_word(p->followup_share));
    else
        rb_buf_puts(out, "  no follow-up date yet\n");
}

static rb_edit_status cmd_done(rb_devplan_editor *ed, rb_diags *d, rb_buf *reply)
{
    const rb_devplan *p = &ed->op->plan;
    size_t before = rb_diags_errors(d);
    if (!p->ncompetencies)
        refuse(d, "the plan has no competency to develop; add two or three with "
                  "/competency ID");
    for (size_t i = 0; i < p->ncompetencies; i++)
        if (!p->competencies[i].target)
            refuse(d, "competency '%s' has no target level; give one with /competency %s "
                      "then /target N", p->competencies[i].id, p->competencies[i].id);
    if (!p->timeframe)
        refuse(d, "the plan has no timeframe; give one with /timeframe TEXT, e.g. "
                  "/timeframe by the end of June");
    if (!p->followup)
        refuse(d, "the plan has no follow-up date; give one with /followup YYYY-MM-DD");
    if (rb_diags_errors(d) > before)
        return RB_EDIT_ERROR;
    if (p->ncompetencies == 1)
        warn(d, "the plan has 1 competency to develop; two or three are recommended");
    else if (p->ncompetencies > 3)
        warn(d, "the plan has %zu competencies to develop; two or three are recommended, "
                "so that each gets attention", p->ncompetencies);
    for (size_t i = 0; i < p->ncompetencies; i++) {
        bool any = false;
        for (size_t k = 0; k < p->nactions && !any; k++)
            any = strcmp(p->actions[k].competency, p->competencies[i].id) == 0;
        if (!any)
            warn(d, "competency '%s' has no actions; add some with /competency %s then "
                    "/action TEXT", p->competencies[i].id, p->competencies[i].id);
    }
    rb_buf_puts(reply, "the plan is complete\n");
    return RB_EDIT_DONE;
}

typedef enum command_id {
    C_COMPETENCY, C_TARGET, C_ACTION, C_BARRIER, C_SUPPORT, C_TIMEFRAME, C_FOLLOWUP,
    C_SHARE, C_PRIVATE, C_SHOW, C_HELP, C_DONE, C_QUIT, C_COUNT,
} command_id;

static const char *const command_names[C_COUNT] = {
    "/competency", "/target", "/action", "/barrier", "/support", "/timeframe", "/followup",
    "/share", "/private", "/show", "/help", "/done", "/quit",
};

rb_edit_status rb_devplan_edit(rb_devplan_editor *ed, const char *line, rb_diags *d,
                               rb_buf *reply)
{
    while (*line == ' ' || *line == '\t')
        line++;
    size_t len = strlen(line);
    while (len && (line[len - 1] == ' ' || line[len - 1] == '\t'))
        len--;
    if (len == 0 || line[0] == '#')
        return RB_EDIT_OK;
    /* Plans are shown at the terminal and written to JSON that is read
     * back strictly: what is typed must be text, without escape codes. */
    if (!rb_text_valid(line, len))
        return refuse(d, "the line is not UTF-8 text; type it again or save the script as "
                         "UTF-8");
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)line[i] < 0x20 && line[i] != '\t') || line[i] == 0x7f)
            return refuse(d, "the line holds a control character (byte 0x%02X); type plain "
                             "text", (unsigned)(unsigned char)line[i]);
    if (line[0] != '/')
        return refuse(d, "'%.40s%s' is not a command: lines start with a command such as "
                         "/action TEXT (type /help for the list)", line, len > 40 ? "..." : "");
    size_t wlen = strcspn(line, " \t");
    if (wlen > len)
        wlen = len;
    char word[32];
    if (wlen >= sizeof word)
        return refuse(d, "unknown command '%.20s...'; type /help for the list", line);
    memcpy(word, line, wlen);
    word[wlen] = '\0';
    const char *rest = line + wlen, *end = line + len;
    while (rest < end && (*rest == ' ' || *rest == '\t'))
        rest++;
    size_t alen = len - (size_t)(rest - line);
    char *arg = malloc(alen + 1);
    if (!arg)
        return RB_EDIT_NOMEM;
    memcpy(arg, rest, alen);
    arg[alen] = '\0';

    int id = -1;
    for (int i = 0; i < C_COUNT && id < 0; i++)
        if (strcmp(word, command_names[i]) == 0)
            id = i;
    rb_edit_status st = RB_EDIT_OK;
    bool takes_arg = id >= 0 && id <= C_PRIVATE;
    if (id < 0) {
        const char *near = closest_word(word, command_names, C_COUNT);
        if (near)
            st = refuse(d, "unknown command '%s' (did you mean '%s'?); type /help for the list",
                        word, near);
        else
            st = refuse(d, "unknown command '%s'; type /help for the list", word);
    } else if (!takes_arg && *arg) {
        st = refuse(d, "%s takes nothing after it", word);
    } else {
        switch ((command_id)id) {
        case C_COMPETENCY: st = cmd_competency(ed, arg, d, reply); break;
        case C_TARGET: st = cmd_target(ed, arg, d, reply); break;
        case C_ACTION: st = cmd_action(ed, arg, d, reply); break;
        case C_BARRIER:
            st = add_item(ed, RB_PART_BARRIERS, word, arg, "a challenge that may get in the "
                          "way", d, reply);
            break;
        case C_SUPPORT:
            st = add_item(ed, RB_PART_SUPPORT, word, arg, "what the manager will do to help",
                          d, reply);
            break;
        case C_TIMEFRAME: st = cmd_timeframe(ed, arg, d, reply); break;
        case C_FOLLOWUP: st = cmd_followup(ed, arg, d, reply); break;
        case C_SHARE: st = cmd_share(ed, arg, true, d, reply); break;
        case C_PRIVATE: st = cmd_share(ed, arg, false, d, reply); break;
        case C_SHOW: show(ed, reply); break;
        case C_HELP: rb_buf_puts(reply, rb_devplan_commands_help); break;
        case C_DONE: st = cmd_done(ed, d, reply); break;
        case C_QUIT: st = RB_EDIT_QUIT; break;
        case C_COUNT: break;
        }
    }
    free(arg);
    if (!rb_buf_ok(reply))
        return RB_EDIT_NOMEM;
    return st;
}
