/*
 * Live interview sessions (see rubric/session.h). The state is the replay
 * of the journal's events; a live action is encoded as the same event,
 * checked by the same code (a dry run), saved, then applied.
 */
#include "rubric/session.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "json/json_fields.h"
#include "json/json_syntax.h"
#include "json/json_writer.h"
#include "rubric/io.h"
#include "rubric/journal.h"
#include "session/session_internal.h"
#include "util/util.h"

typedef struct textvec {
    char **lines;
    size_t n, cap;
    size_t bytes;
} textvec;

typedef struct item_state {
    rb_session_item pub;
    textvec answer, notes;
    textvec *probes;
    rb_session_text *probe_views;
    const rb_behaviour **observed;
    size_t nobserved, observed_cap;
} item_state;

struct rb_session {
    const rb_library *lib;
    char *path;
    char *plan_text;
    size_t plan_len;
    rb_plan *plan;
    char *candidate, *interviewer;
    int64_t started, submitted_at, last_t;
    bool submitted;
    bool broken;      /* a save failed: refuse further actions */
    rb_journal *journal;  /* NULL when loaded read-only */
    item_state *items;
    size_t nitems, cap;
    size_t current;
    size_t nevents;
};

/* ---- small helpers ---------------------------------------------------------- */

static void set_err(char *err, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void set_err(char *err, size_t size, const char *fmt, ...)
{
    if (!err || !size)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, size, fmt, ap);
    va_end(ap);
}

static bool text_push(textvec *t, const char *s)
{
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 8;
        char **p = realloc(t->lines, cap * sizeof *p);
        if (!p)
            return false;
        t->lines = p;
        t->cap = cap;
    }
    char *copy = strdup(s);
    if (!copy)
        return false;
    t->lines[t->n++] = copy;
    t->bytes += strlen(s) + 1;
    return true;
}

static void text_pop(textvec *t)
{
    if (!t->n)
        return;
    char *last = t->lines[--t->n];
    t->bytes -= strlen(last) + 1;
    free(last);
}

static void text_free(textvec *t)
{
    for (size_t i = 0; i < t->n; i++)
        free(t->lines[i]);
    free(t->lines);
}

static rb_session_text text_view(const textvec *t)
{
    rb_session_text v = { t->n, (const char *const *)t->lines };
    return v;
}

static void item_sync(item_state *it)
{
    it->pub.answer = text_view(&it->answer);
    it->pub.notes = text_view(&it->notes);
    for (size_t p = 0; p < it->pub.nprobes; p++)
        it->probe_views[p] = text_view(&it->probes[p]);
    it->pub.probes = it->probe_views;
    it->pub.nobserved = it->nobserved;
    it->pub.observed = it->observed;
}

static void item_free(item_state *it)
{
    text_free(&it->answer);
    text_free(&it->notes);
    for (size_t p = 0; p < it->pub.nprobes; p++)
        text_free(&it->probes[p]);
    free(it->probes);
    free(it->probe_views);
    free(it->observed);
}

/* Make room for one more item at `at`, shifting the rest up. */
static item_state *item_insert(rb_session *s, size_t at)
{
    if (s->nitems == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 4;
        item_state *p = realloc(s->items, cap * sizeof *p);
        if (!p)
            return NULL;
        s->items = p;
        s->cap = cap;
    }
    memmove(&s->items[at + 1], &s->items[at], (s->nitems - at) * sizeof *s->items);
    s->nitems++;
    item_state *it = &s->items[at];
    memset(it, 0, sizeof *it);
    return it;
}

static bool item_set_question(item_state *it, const rb_competency *c,
                              const rb_plan_competency *pc, const rb_question *q, int level)
{
    it->pub.kind = RB_ITEM_QUESTION;
    it->pub.competency = c;
    it->pub.planned = pc;
    it->pub.question = q;
    it->pub.level = level;
    it->pub.nprobes = q->nprobes;
    if (q->nprobes) {
        it->probes = calloc(q->nprobes, sizeof *it->probes);
        it->probe_views = calloc(q->nprobes, sizeof *it->probe_views);
        if (!it->probes || !it->probe_views)
            return false;
    }
    return true;
}

static bool build_items(rb_session *s)
{
    const rb_plan *plan = s->plan;
    item_state *it = item_insert(s, s->nitems);
    if (!it)
        return false;
    it->pub.kind = RB_ITEM_OPENING;
    it->pub.minutes = plan->opening.minutes;
    for (size_t c = 0; c < plan->ncompetencies; c++) {
        const rb_plan_competency *pc = &plan->competencies[c];
        for (size_t q = 0; q < pc->nquestions; q++) {
            if (s->nitems + 1 >= RB_SESSION_MAX_ITEMS)
                return false;
            it = item_insert(s, s->nitems);
            if (!it || !item_set_question(it, pc->competency, pc,
                                          pc->questions[q].question, pc->questions[q].level))
                return false;
            /* The competency's minutes shared by its questions, the first
             * taking what does not divide evenly. */
            int share = pc->nquestions ? pc->minutes / (int)pc->nquestions : 0;
            it->pub.minutes = share + (q == 0 ? pc->minutes - share * (int)pc->nquestions : 0);
            item_sync(it);
        }
    }
    it = item_insert(s, s->nitems);
    if (!it)
        return false;
    it->pub.kind = RB_ITEM_CLOSING;
    it->pub.minutes = plan->closing.minutes;
    for (size_t i = 0; i < s->nitems; i++)
        item_sync(&s->items[i]);
    return true;
}

static const rb_behaviour *find_behaviour(const rb_competency *c, const char *id)
{
    for (size_t l = 0; l < c->nlevels; l++)
        for (size_t b = 0; b < c->levels[l].nbehaviours; b++)
            if (strcmp(c->levels[l].behaviours[b].id, id) == 0)
                return &c->levels[l].behaviours[b];
    return NULL;
}

static const rb_question *find_question(const rb_competency *c, const char *id, int *level)
{
    for (size_t l = 0; l < c->nlevels; l++)
        for (size_t q = 0; q < c->levels[l].nquestions; q++)
            if (strcmp(c->levels[l].questions[q].id, id) == 0) {
                *level = c->levels[l].number;
                return &c->levels[l].questions[q];
            }
    return NULL;
}

/* ---- events ------------------------------------------------------------------
 * Every record is one JSON object: "event" names it, "t" is the time in
 * seconds since the epoch, the other members depend on the event. */

typedef enum event_kind {
    EV_START, EV_RESUME, EV_GOTO, EV_SKIP, EV_SAY, EV_UNSAY, EV_NOTE, EV_OBSERVE,
    EV_UNOBSERVE, EV_RATE, EV_ASK, EV_SUBMIT, EV_COUNT
} event_kind;

static const char *const event_names[EV_COUNT] = {
    "start", "resume", "goto", "skip", "say", "unsay", "note", "observe",
    "unobserve", "rate", "ask", "submit",
};

static bool get_int(const cJSON *obj, const char *key, long long lo, long long hi,
                    long long *out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!cJSON_IsNumber(v))
        return false;
    double d = v->valuedouble;
    if (!(d >= (double)lo && d <= (double)hi) || d != (double)(long long)d)
        return false;
    *out = (long long)d;
    return true;
}

static const char *get_text(const cJSON *obj, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* A name is one line of UTF-8 text without control characters (C0, DEL
 * or C1), so that it shows on a terminal as what it is. */
static bool name_ok(const char *s)
{
    size_t n = s ? strlen(s) : 0;
    return n && n <= RB_SESSION_MAX_NAME && rb_text_valid(s, n) && rb_text_plain(s, false);
}

static bool apply_start(rb_session *s, const cJSON *ev, rb_diags *diags,
                        char *err, size_t errsize)
{
    const char *format = get_text(ev, "format");
    const char *cand = get_text(ev, "candidate"), *intv = get_text(ev, "interviewer");
    const char *plan = get_text(ev, "plan");
    if (!format || strcmp(format, RB_SESSION_FORMAT) != 0) {
        set_err(err, errsize, "not a %s session (the first record's format is %s)",
                RB_SESSION_FORMAT, format ? format : "missing");
        return false;
    }
    if (!name_ok(cand) || !name_ok(intv) || !plan) {
        set_err(err, errsize, "the first record lacks the candidate, the interviewer or the plan");
        return false;
    }
    const cJSON *pv = cJSON_GetObjectItemCaseSensitive(ev, "plan");
    size_t plan_len = strlen(pv->valuestring);
    rb_diags *pd = rb_diags_new();
    if (!pd)
        return false;
    char source[64];
    snprintf(source, sizeof source, "the session's plan");
    s->plan = rb_plan_parse(s->lib, source, plan, plan_len, pd);
    if (!s->plan) {
        const rb_diag *d = rb_diags_count(pd) ? rb_diags_at(pd, 0) : NULL;
        set_err(err, errsize, "its plan does not fit the library: %s",
                d ? d->message : "out of memory");
        rb_diags_free(pd);
        return false;
    }
    /* A plan made from another version of the library is worth saying. */
    for (size_t i = 0; diags && i < rb_diags_count(pd); i++) {
        const rb_diag *d = rb_diags_at(pd, i);
        rb_diags_add(diags, d->severity, d->kind, s->path, 0, 0, NULL, "%s", d->message);
    }
    rb_diags_free(pd);
    s->plan_text = strdup(plan);
    s->candidate = strdup(cand);
    s->interviewer = strdup(intv);
    if (!s->plan_text || !s->candidate || !s->interviewer || !build_items(s)) {
        set_err(err, errsize, "out of memory, or more than %d items", RB_SESSION_MAX_ITEMS);
        return false;
    }
    s->plan_len = plan_len;
    return true;
}

/* Check one event against the state and, unless `dry`, apply it. The
 * first event must be "start" (handled by apply_start). */
static bool apply_event(rb_session *s, const cJSON *ev, bool dry, rb_diags *diags,
                        char *err, size_t errsize)
{
    const char *name = get_text(ev, "event");
    long long t;
    if (!cJSON_IsObject(ev) || !name) {
        set_err(err, errsize, "a record that is not an event");
        return false;
    }
    event_kind kind = EV_COUNT;
    for (int k = 0; k < EV_COUNT; k++)
        if (strcmp(name, event_names[k]) == 0)
            kind = (event_kind)k;
    if (kind == EV_COUNT) {
        set_err(err, errsize, "unknown event '%s'", name);
        return false;
    }
    if (!get_int(ev, "t", 0, 253402300799LL, &t)) {
        set_err(err, errsize, "the %s event has no valid time", name);
        return false;
    }
    if (!s->plan) {
        if (kind != EV_START) {
            set_err(err, errsize, "the session does not begin with a start event");
            return false;
        }
        if (dry)
            return true;
        if (!apply_start(s, ev, diags, err, errsize))
            return false;
        s->started = s->last_t = t;
        s->nevents++;
        return true;
    }
    if (kind == EV_START) {
        set_err(err, errsize, "a second start event");
        return false;
    }
    if (s->submitted) {
        set_err(err, errsize, "the session was submitted and is final");
        return false;
    }

    long long item_no = (long long)s->current;
    item_state *it = NULL;
    if (kind != EV_RESUME && kind != EV_SUBMIT) {
        if (!get_int(ev, "item", 0, (long long)s->nitems - 1, &item_no)) {
            /* Events count items from 0; people, from 1. */
            set_err(err, errsize, "the %s event names no item of the plan (\"item\" from 0 "
                    "to %zu)", name, s->nitems - 1);
            return false;
        }
        it = &s->items[item_no];
    }
    long long probe = -1;
    const cJSON *pj = cJSON_GetObjectItemCaseSensitive(ev, "probe");
    if ((kind == EV_SAY || kind == EV_UNSAY) && pj) {
        if (it->pub.kind != RB_ITEM_QUESTION || !it->pub.nprobes ||
            !get_int(ev, "probe", 0, (long long)it->pub.nprobes - 1, &probe)) {
            set_err(err, errsize, "item %lld has no probe %s", item_no + 1,
                    cJSON_IsNumber(pj) ? "of that number" : "given");
            return false;
        }
    }
    textvec *target = NULL;
    const char *text = NULL;
    const rb_behaviour *behaviour = NULL;
    const rb_question *asked = NULL;
    int asked_level = 0;
    long long level = 0;

    switch (kind) {
    case EV_SAY:
    case EV_NOTE:
        text = get_text(ev, "text");
        if (!text || !*text) {
            set_err(err, errsize, "nothing to record");
            return false;
        }
        if (kind == EV_SAY && it->pub.kind != RB_ITEM_QUESTION) {
            set_err(err, errsize, "the %s has no answer to record; use a note",
                    it->pub.kind == RB_ITEM_OPENING ? "opening" : "closing");
            return false;
        }
        target = kind == EV_NOTE ? &it->notes
               : probe >= 0 ? &it->probes[probe] : &it->answer;
        if (target->bytes + strlen(text) + 1 > RB_MAX_ANSWER_TEXT) {
            set_err(err, errsize, "this text would pass the limit of %zu KiB for one answer "
                    "or its notes; go on in a probe's answer or the notes",
                    RB_MAX_ANSWER_TEXT >> 10);
            return false;
        }
        break;
    case EV_UNSAY:
        target = probe >= 0 ? &it->probes[probe] : &it->answer;
        if (!target->n) {
            set_err(err, errsize, "nothing to take back");
            return false;
        }
        break;
    case EV_OBSERVE:
    case EV_UNOBSERVE: {
        const char *id = get_text(ev, "behaviour");
        if (it->pub.kind != RB_ITEM_QUESTION) {
            set_err(err, errsize, "behaviours are observed on questions, not the %s",
                    it->pub.kind == RB_ITEM_OPENING ? "opening" : "closing");
            return false;
        }
        behaviour = id ? find_behaviour(it->pub.competency, id) : NULL;
        if (!behaviour) {
            set_err(err, errsize, "'%s' is not a behaviour of %s", id ? id : "",
                    it->pub.competency->id);
            return false;
        }
        bool seen = false;
        for (size_t i = 0; i < it->nobserved; i++)
            seen |= it->observed[i] == behaviour;
        if (seen == (kind == EV_OBSERVE)) {
            set_err(err, errsize, "%s is %s marked as observed", behaviour->id,
                    seen ? "already" : "not");
            return false;
        }
        break;
    }
    case EV_RATE: {
        if (it->pub.kind != RB_ITEM_QUESTION) {
            set_err(err, errsize, "ratings are given on questions, not the %s",
                    it->pub.kind == RB_ITEM_OPENING ? "opening" : "closing");
            return false;
        }
        const rb_scale *sc = it->pub.competency->scale;
        int lo = sc->levels[0].number, hi = sc->levels[sc->nlevels - 1].number;
        if (!get_int(ev, "level", 0, hi, &level) || (level != 0 && level < lo)) {
            set_err(err, errsize, "a rating is a level from %d to %d of %s (0 clears it)",
                    lo, hi, sc->title);
            return false;
        }
        break;
    }
    case EV_ASK: {
        const char *id = get_text(ev, "question");
        if (it->pub.kind != RB_ITEM_QUESTION) {
            set_err(err, errsize, "questions are asked from a question item");
            return false;
        }
        asked = id ? find_question(it->pub.competency, id, &asked_level) : NULL;
        if (!asked) {
            set_err(err, errsize, "'%s' is not a question of %s", id ? id : "",
                    it->pub.competency->id);
            return false;
        }
        for (size_t i = 0; i < s->nitems; i++)
            if (s->items[i].pub.question == asked) {
                set_err(err, errsize, "%s is already item %zu", asked->id, i + 1);
                return false;
            }
        if (s->nitems >= RB_SESSION_MAX_ITEMS) {
            set_err(err, errsize, "a session holds at most %d items", RB_SESSION_MAX_ITEMS);
            return false;
        }
        break;
    }
    default:
        break;
    }
    if (dry)
        return true;

    /* Time spent goes to the item that was current until now; the gap
     * before a resume is time the session was not running. */
    if (kind != EV_RESUME && t > s->last_t)
        s->items[s->current].pub.seconds += (double)(t - s->last_t);
    s->last_t = t;
    s->nevents++;

    switch (kind) {
    case EV_GOTO:
        s->current = (size_t)item_no;
        break;
    case EV_SKIP:
        it->pub.skipped = true;
        if ((size_t)item_no + 1 < s->nitems)
            s->current = (size_t)item_no + 1;
        break;
    case EV_SAY:
    case EV_NOTE:
        if (!text_push(target, text))
            return false;
        if (kind == EV_SAY)
            it->pub.skipped = false;
        break;
    case EV_UNSAY:
        text_pop(target);
        break;
    case EV_OBSERVE:
        if (it->nobserved == it->observed_cap) {
            size_t cap = it->observed_cap ? it->observed_cap * 2 : 4;
            const rb_behaviour **p = realloc(it->observed, cap * sizeof *p);
            if (!p)
                return false;
            it->observed = p;
            it->observed_cap = cap;
        }
        it->observed[it->nobserved++] = behaviour;
        break;
    case EV_UNOBSERVE:
        for (size_t i = 0; i < it->nobserved; i++)
            if (it->observed[i] == behaviour) {
                memmove(&it->observed[i], &it->observed[i + 1],
                        (it->nobserved - i - 1) * sizeof *it->observed);
                it->nobserved--;
                break;
            }
        break;
    case EV_RATE:
        it->pub.rating = (int)level;
        break;
    case EV_ASK: {
        const rb_plan_competency *pc = it->pub.planned;
        const rb_competency *c = it->pub.competency;
        item_state *added = item_insert(s, (size_t)item_no + 1);
        if (!added)
            return false;
        if (!item_set_question(added, c, pc, asked, asked_level))
            return false;
        added->pub.extra = true;
        if (s->current > (size_t)item_no)
            s->current++;
        /* The items may have moved: every view is refreshed, and `it` is
         * stale. */
        for (size_t i = 0; i < s->nitems; i++)
            item_sync(&s->items[i]);
        it = NULL;
        break;
    }
    case EV_SUBMIT:
        s->submitted = true;
        s->submitted_at = t;
        break;
    default:
        break;
    }
    if (it)
        item_sync(it);
    return true;
}

/* Encode an action as its event. */
static bool encode_action(const rb_session *s, const rb_action *a, int64_t now, rb_buf *out)
{
    static const event_kind kinds[] = {
        [RB_ACT_GOTO] = EV_GOTO, [RB_ACT_SKIP] = EV_SKIP, [RB_ACT_SAY] = EV_SAY,
        [RB_ACT_UNSAY] = EV_UNSAY, [RB_ACT_NOTE] = EV_NOTE, [RB_ACT_OBSERVE] = EV_OBSERVE,
        [RB_ACT_UNOBSERVE] = EV_UNOBSERVE, [RB_ACT_RATE] = EV_RATE, [RB_ACT_ASK] = EV_ASK,
        [RB_ACT_SUBMIT] = EV_SUBMIT,
    };
    if ((unsigned)a->kind > RB_ACT_SUBMIT)
        return false;
    (void)s;
    jw w;
    jw_init(&w, out, false);
    jw_object(&w);
    jw_key(&w, "event");
    jw_string(&w, event_names[kinds[a->kind]]);
    jw_key(&w, "t");
    jw_int(&w, now);
    if (a->kind != RB_ACT_SUBMIT) {
        jw_key(&w, "item");
        jw_int(&w, (long long)a->item);
    }
    if ((a->kind == RB_ACT_SAY || a->kind == RB_ACT_UNSAY) && a->part > 0) {
        jw_key(&w, "probe");
        jw_int(&w, a->part - 1);
    }
    if (a->kind == RB_ACT_SAY || a->kind == RB_ACT_NOTE) {
        jw_key(&w, "text");
        jw_string(&w, a->text ? a->text : "");
    }
    if (a->kind == RB_ACT_OBSERVE || a->kind == RB_ACT_UNOBSERVE) {
        jw_key(&w, "behaviour");
        jw_string(&w, a->id ? a->id : "");
    }
    if (a->kind == RB_ACT_ASK) {
        jw_key(&w, "question");
        jw_string(&w, a->id ? a->id : "");
    }
    if (a->kind == RB_ACT_RATE) {
        jw_key(&w, "level");
        jw_int(&w, a->level);
    }
    jw_end_object(&w);
    return rb_buf_ok(out);
}

/* The journal's message without its leading "path: ". */
static const char *journal_text(const char *path, const rb_journal_err *je)
{
    return rb_journal_text_after(path, je->text);
}

static void journal_message(const rb_session *s, char *err, size_t errsize,
                            const rb_journal_err *je)
{
    set_err(err, errsize, "%s", journal_text(s->path, je));
}

/* Save one event and apply it (the event was checked already). */
static bool record(rb_session *s, const char *payload, size_t len, char *err, size_t errsize)
{
    json_error je;
    cJSON *ev = json_parse(payload, len, &je);
    if (!ev) {
        /* The event was encoded here, from text already checked. */
        set_err(err, errsize, "the action could not be encoded (%s)", je.message);
        return false;
    }
    bool ok = apply_event(s, ev, true, NULL, err, errsize);
    if (ok) {
        rb_journal_err jerr;
        if (rb_journal_append(s->journal, payload, len, &jerr) != RB_JOURNAL_OK) {
            journal_message(s, err, errsize, &jerr);
            if (jerr.status != RB_JOURNAL_ERR_LIMIT)
                s->broken = true;
            ok = false;
        } else if (!apply_event(s, ev, false, NULL, err, errsize)) {
            /* Saved but not applied: only memory can do this. Resuming
             * replays the journal. */
            s->broken = true;
            set_err(err, errsize, "out of memory after saving; resume the session");
            ok = false;
        }
    }
    cJSON_Delete(ev);
    return ok;
}

bool rb_session_act(rb_session *s, const rb_action *a, int64_t now, char *err, size_t errsize)
{
    if (!s->journal) {
        set_err(err, errsize, "the session was opened for reading only");
        return false;
    }
    if (s->broken) {
        set_err(err, errsize, "an earlier save failed; close and resume the session");
        return false;
    }
    if (s->submitted) {
        set_err(err, errsize, "the session was submitted and is final");
        return false;
    }
    rb_buf b = { 0 };
    if (!encode_action(s, a, now, &b)) {
        rb_buf_release(&b);
        set_err(err, errsize, "out of memory");
        return false;
    }
    bool ok = record(s, b.data, b.len, err, errsize);
    rb_buf_release(&b);
    return ok;
}

/* ---- creating, resuming, loading ------------------------------------------ */

static rb_session *session_new(const rb_library *lib, const char *path)
{
    rb_session *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->lib = lib;
    s->path = strdup(path);
    if (!s->path) {
        free(s);
        return NULL;
    }
    return s;
}

void rb_session_free(rb_session *s)
{
    if (!s)
        return;
    if (s->journal)
        rb_journal_close(s->journal, NULL);
    for (size_t i = 0; i < s->nitems; i++)
        item_free(&s->items[i]);
    free(s->items);
    rb_plan_free(s->plan);
    free(s->plan_text);
    free(s->candidate);
    free(s->interviewer);
    free(s->path);
    free(s);
}

static void input_error(rb_diags *diags, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void input_error(rb_diags *diags, const char *path, const char *fmt, ...)
{
    char msg[1200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    rb_diags_add(diags, RB_ERROR, RB_DIAG_INPUT, path, 0, 0, NULL, "%s", msg);
}

static void system_error(rb_diags *diags, const char *path, const char *msg)
{
    rb_diags_add(diags, RB_ERROR, RB_DIAG_SYSTEM, path, 0, 0, NULL, "%s", msg);
}

rb_session *rb_session_create(const rb_library *lib, const char *path,
                              const char *plan_text, size_t plan_len,
                              const char *plan_source, const char *candidate,
                              const char *interviewer, int64_t now, rb_diags *diags)
{
    if (!name_ok(candidate) || !name_ok(interviewer)) {
        input_error(diags, path, "the candidate's and the interviewer's names must be "
                    "1 to %d bytes of text on one line, without control characters",
                    RB_SESSION_MAX_NAME);
        return NULL;
    }
    /* Check the plan first, so that a bad plan leaves no session file. */
    rb_plan *check = rb_plan_parse(lib, plan_source, plan_text, plan_len, diags);
    if (!check)
        return NULL;
    rb_plan_free(check);
    rb_buf b = { 0 };
    jw w;
    jw_init(&w, &b, false);
    jw_object(&w);
    jw_key(&w, "event"); jw_string(&w, "start");
    jw_key(&w, "format"); jw_string(&w, RB_SESSION_FORMAT);
    jw_key(&w, "t"); jw_int(&w, now);
    jw_key(&w, "candidate"); jw_string(&w, candidate);
    jw_key(&w, "interviewer"); jw_string(&w, interviewer);
    jw_key(&w, "plan"); jw_string_n(&w, plan_text, plan_len);
    jw_end_object(&w);
    /* The first record holds the plan, escaped: too big a plan is refused
     * before any file exists. */
    if (rb_buf_ok(&b) && b.len > RB_JOURNAL_MAX_RECORD) {
        input_error(diags, plan_source, "the plan is too large to start a session with: "
                    "written into the session it takes %zu KiB, over the %zu KiB a "
                    "record may hold", b.len >> 10, RB_JOURNAL_MAX_RECORD >> 10);
        rb_buf_release(&b);
        return NULL;
    }
    rb_session *s = rb_buf_ok(&b) ? session_new(lib, path) : NULL;
    if (!s) {
        rb_buf_release(&b);
        system_error(diags, path, "out of memory");
        return NULL;
    }
    rb_journal_err je;
    rb_journal_status st = rb_journal_open(path, RB_JOURNAL_CREATE | RB_JOURNAL_EXCL,
                                           &s->journal, &je);
    if (st != RB_JOURNAL_OK) {
        if (st == RB_JOURNAL_ERR_EXISTS)
            input_error(diags, path, "the file already exists; continue that session with "
                        "'rubric interview --resume %s', or choose another file", path);
        else
            system_error(diags, path, journal_text(path, &je));
        rb_buf_release(&b);
        rb_session_free(s);
        return NULL;
    }
    char err[1100];
    if (!record(s, b.data, b.len, err, sizeof err)) {
        /* A session that never started is no session: remove the file we
         * created, so that a second try does not find it "already
         * there" and a resume does not find it empty. */
        rb_journal_err de;
        rb_journal *j = s->journal;
        s->journal = NULL;
        if (rb_journal_discard(j, &de) != RB_JOURNAL_OK)
            system_error(diags, path, journal_text(path, &de));
        system_error(diags, path, err[0] ? err : "the session could not be started");
        rb_buf_release(&b);
        rb_session_free(s);
        return NULL;
    }
    rb_buf_release(&b);
    return s;
}

typedef struct replay_ctx {
    rb_session *s;
    rb_diags *diags;
    bool failed;
} replay_ctx;

static int replay_record(void *ctx, uint64_t index, const void *payload, size_t len)
{
    replay_ctx *r = ctx;
    json_error je;
    cJSON *ev = json_parse(payload, len, &je);
    char err[600];
    bool ok;
    if (!ev) {
        snprintf(err, sizeof err, "not a JSON event (%s at column %d)", je.message, je.column);
        ok = false;
    } else {
        ok = apply_event(r->s, ev, false, r->diags, err, sizeof err);
        cJSON_Delete(ev);
    }
    if (!ok) {
        input_error(r->diags, r->s->path, "record %" PRIu64 ": %s", index + 1, err);
        r->failed = true;
        return 1;
    }
    return 0;
}

static bool replay(rb_session *s, bool repair, char *note, size_t note_size, rb_diags *diags)
{
    replay_ctx r = { s, diags, false };
    rb_journal_report rep;
    rb_journal_status st = repair ? rb_journal_recover(s->path, replay_record, &r, &rep)
                                  : rb_journal_read(s->path, replay_record, &r, &rep);
    if (note && note_size)
        snprintf(note, note_size, "%s", rep.tail != RB_JOURNAL_TAIL_NONE ? rep.note : "");
    if (r.failed)
        return false;
    if (st == RB_JOURNAL_ERR_CORRUPT) {
        input_error(diags, s->path, "the file is damaged at byte offset %" PRIu64
                    " (record %" PRIu64 "); the records before it are intact, but the "
                    "session cannot go on from a damaged file (rubric does not guess what "
                    "the damaged part held): restore it from a backup",
                    rep.err.offset,
                    rep.err.record + 1);
        return false;
    }
    if (st == RB_JOURNAL_ERR_BUSY) {
        input_error(diags, s->path, "the session is open in another 'rubric interview'; "
                    "finish there first");
        return false;
    }
    if (st != RB_JOURNAL_OK) {
        if (st == RB_JOURNAL_ERR_HEADER || st == RB_JOURNAL_ERR_LIMIT)
            input_error(diags, s->path, "%s", journal_text(s->path, &rep.err));
        else
            system_error(diags, s->path, journal_text(s->path, &rep.err));
        return false;
    }
    if (!s->plan) {
        input_error(diags, s->path, "the session has no records (it was never started)");
        return false;
    }
    return true;
}

rb_session *rb_session_resume(const rb_library *lib, const char *path,
                              const char *interviewer, int64_t now, char *note,
                              size_t note_size, rb_diags *diags)
{
    /* Whose the session is, and whether it may go on, is read without
     * writing: recovery (which may cut a torn tail) comes after. */
    if (interviewer) {
        rb_diags *quiet = rb_diags_new();
        rb_session *peek = quiet ? rb_session_load(lib, path, quiet) : NULL;
        bool other = peek && !peek->submitted && strcmp(interviewer, peek->interviewer) != 0;
        if (other)
            input_error(diags, path, "this is %s's session, not %s's; each interviewer keeps "
                        "their own", peek->interviewer, interviewer);
        rb_session_free(peek);
        rb_diags_free(quiet);
        if (other)
            return NULL;
    }
    rb_session *s = session_new(lib, path);
    if (!s) {
        system_error(diags, path, "out of memory");
        return NULL;
    }
    if (!replay(s, true, note, note_size, diags)) {
        rb_session_free(s);
        return NULL;
    }
    if (s->submitted) {
        input_error(diags, path, "the session was submitted and is final; "
                    "score it with 'rubric score %s'", path);
        rb_session_free(s);
        return NULL;
    }
    rb_journal_err je;
    if (rb_journal_open(path, 0, &s->journal, &je) != RB_JOURNAL_OK) {
        if (je.status == RB_JOURNAL_ERR_BUSY)
            input_error(diags, path, "the session is open in another 'rubric interview'; "
                        "finish there first");
        else
            system_error(diags, path, journal_text(path, &je));
        rb_session_free(s);
        return NULL;
    }
    /* Recovery and this open each took the lock: records another process
     * added in between would be missing from the state. */
    if (rb_journal_records(s->journal) != s->nevents) {
        input_error(diags, path, "the session changed while it was being opened (is it "
                    "open in another 'rubric interview'?); try again");
        rb_session_free(s);
        return NULL;
    }
    char payload[96], err[512];
    int n = snprintf(payload, sizeof payload, "{\"event\":\"resume\",\"t\":%" PRId64 "}", now);
    if (!record(s, payload, (size_t)n, err, sizeof err)) {
        system_error(diags, path, err);
        rb_session_free(s);
        return NULL;
    }
    return s;
}

rb_session *rb_session_load(const rb_library *lib, const char *path, rb_diags *diags)
{
    rb_session *s = session_new(lib, path);
    if (!s) {
        system_error(diags, path, "out of memory");
        return NULL;
    }
    char note[1100];
    if (!replay(s, false, note, sizeof note, diags)) {
        rb_session_free(s);
        return NULL;
    }
    if (note[0])
        rb_diags_add(diags, RB_WARNING, RB_DIAG_INPUT, path, 0, 0, NULL,
                     "the last record is incomplete and was ignored (resume the "
                     "session to repair it)");
    return s;
}

/* ---- reading the state ------------------------------------------------------ */

const rb_plan *rb_session_plan(const rb_session *s) { return s->plan; }
const rb_library *session_library(const rb_session *s) { return s->lib; }
const char *rb_session_path(const rb_session *s) { return s->path; }
bool rb_session_broken(const rb_session *s) { return s->broken; }
const char *rb_session_candidate(const rb_session *s) { return s->candidate; }
const char *rb_session_interviewer(const rb_session *s) { return s->interviewer; }
int64_t rb_session_started(const rb_session *s) { return s->started; }
bool rb_session_submitted(const rb_session *s) { return s->submitted; }
int64_t rb_session_submitted_at(const rb_session *s) { return s->submitted ? s->submitted_at : 0; }
size_t rb_session_nitems(const rb_session *s) { return s->nitems; }
size_t rb_session_current(const rb_session *s) { return s->current; }
size_t rb_session_events(const rb_session *s) { return s->nevents; }

const rb_session_item *rb_session_item_at(const rb_session *s, size_t i)
{
    return i < s->nitems ? &s->items[i].pub : NULL;
}

double rb_session_seconds(const rb_session *s, size_t i, int64_t now)
{
    if (i >= s->nitems)
        return 0;
    double secs = s->items[i].pub.seconds;
    if (i == s->current && !s->submitted && now > s->last_t)
        secs += (double)(now - s->last_t);
    return secs;
}

/* ---- as recorded answers ---------------------------------------------------- */

static bool item_has_content(const item_state *it)
{
    if (it->pub.kind != RB_ITEM_QUESTION)
        return false;
    if (it->answer.n || it->notes.n || it->nobserved || it->pub.rating)
        return true;
    for (size_t p = 0; p < it->pub.nprobes; p++)
        if (it->probes[p].n)
            return true;
    return false;
}

static void write_lines(jw *w, const textvec *t)
{
    rb_buf joined = { 0 };
    for (size_t i = 0; i < t->n; i++) {
        if (i)
            rb_buf_putc(&joined, '\n');
        rb_buf_puts(&joined, t->lines[i]);
    }
    jw_string_n(w, joined.data ? joined.data : "", joined.len);
    if (!rb_buf_ok(&joined))
        w->out->failed = true;
    rb_buf_release(&joined);
}

static bool answers_json(const rb_session *s, rb_buf *out, bool pretty, size_t *item_of,
                         size_t *nanswers)
{
    jw w;
    jw_init(&w, out, pretty);
    char id[RB_SESSION_MAX_NAME * 2 + 4], date[16];
    rb_name_slug(s->candidate, id, sizeof id);
    time_t started = (time_t)s->started;
    struct tm tm;
    if (!gmtime_r(&started, &tm) || !strftime(date, sizeof date, "%Y-%m-%d", &tm))
        snprintf(date, sizeof date, "1970-01-01");
    jw_object(&w);
    jw_key(&w, "format"); jw_string(&w, RB_ANSWERS_FORMAT);
    jw_key(&w, "library"); jw_string(&w, s->plan->library_hash);
    jw_key(&w, "candidate");
    jw_object(&w);
    jw_key(&w, "id"); jw_string(&w, id);
    jw_key(&w, "name"); jw_string(&w, s->candidate);
    jw_end_object(&w);
    jw_key(&w, "role"); jw_string(&w, s->plan->role->id);
    jw_key(&w, "interviewer"); jw_string(&w, s->interviewer);
    jw_key(&w, "date"); jw_string(&w, date);
    jw_key(&w, "answers");
    jw_array(&w);
    size_t n = 0;
    for (size_t i = 0; i < s->nitems; i++) {
        const item_state *it = &s->items[i];
        if (!item_has_content(it))
            continue;
        if (item_of)
            item_of[n] = i;
        n++;
        jw_object(&w);
        jw_key(&w, "competency"); jw_string(&w, it->pub.competency->id);
        jw_key(&w, "question"); jw_string(&w, it->pub.question->id);
        jw_key(&w, "text");
        write_lines(&w, &it->answer);
        bool any_probe = false;
        for (size_t p = 0; p < it->pub.nprobes; p++)
            any_probe |= it->probes[p].n > 0;
        if (any_probe) {
            jw_key(&w, "probes");
            jw_array(&w);
            for (size_t p = 0; p < it->pub.nprobes; p++) {
                if (!it->probes[p].n)
                    continue;
                jw_object(&w);
                jw_key(&w, "probe"); jw_string(&w, it->pub.question->probes[p].id);
                jw_key(&w, "text");
                write_lines(&w, &it->probes[p]);
                jw_end_object(&w);
            }
            jw_end_array(&w);
        }
        if (it->pub.rating) {
            jw_key(&w, "rating"); jw_int(&w, it->pub.rating);
        }
        if (it->nobserved) {
            jw_key(&w, "observed");
            jw_array(&w);
            for (size_t b = 0; b < it->nobserved; b++)
                jw_string(&w, it->observed[b]->id);
            jw_end_array(&w);
        }
        if (it->notes.n) {
            jw_key(&w, "notes");
            write_lines(&w, &it->notes);
        }
        jw_end_object(&w);
    }
    jw_end_array(&w);
    jw_end_object(&w);
    if (pretty)
        rb_buf_putc(out, '\n');
    if (nanswers)
        *nanswers = n;
    return rb_buf_ok(out);
}

bool rb_session_answers_json(const rb_session *s, rb_buf *out)
{
    return answers_json(s, out, true, NULL, NULL);
}

size_t session_answer_count(const rb_session *s)
{
    size_t n = 0;
    for (size_t i = 0; i < s->nitems; i++)
        n += item_has_content(&s->items[i]);
    return n;
}

rb_interview *session_interview(const rb_session *s, size_t *item_of, rb_diags *diags)
{
    if (!session_answer_count(s)) {
        input_error(diags, s->path, "nothing was recorded in the session: no question was "
                    "answered, rated, observed or noted");
        return NULL;
    }
    rb_buf b = { 0 };
    rb_interview *iv = NULL;
    if (!answers_json(s, &b, false, item_of, NULL)) {
        system_error(diags, s->path, "out of memory");
    } else {
        /* The answers are the session's own, so a problem reading them
         * back is the engine's: say what it is rather than hide it. */
        rb_diags *d = rb_diags_new();
        if (!d)
            system_error(diags, s->path, "out of memory");
        else if (!(iv = rb_interview_parse(s->lib, s->path, 0, b.data, b.len, d)))
            for (size_t i = 0; i < rb_diags_count(d); i++) {
                const rb_diag *x = rb_diags_at(d, i);
                if (x->severity == RB_ERROR)
                    rb_diags_add(diags, RB_ERROR, x->kind, s->path, 0, 0, NULL,
                                 "the session's answers cannot be read: %s", x->message);
            }
        rb_diags_free(d);
    }
    rb_buf_release(&b);
    return iv;
}

rb_interview *rb_session_interview(const rb_session *s, rb_diags *diags)
{
    return session_interview(s, NULL, diags);
}

size_t rb_session_answer_count(const rb_session *s)
{
    return session_answer_count(s);
}

bool rb_session_file(const char *path)
{
    /* Never blocks: a FIFO or a device is no session (and is then refused
     * by whichever reader takes the file). */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return false;
    struct stat st;
    char magic[4];
    bool yes = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
               read(fd, magic, 4) == 4 && memcmp(magic, RB_JOURNAL_MAGIC, 4) == 0;
    close(fd);
    return yes;
}

rb_interview *rb_session_read_submitted(const rb_library *lib, const char *path,
                                        rb_diags *diags)
{
    rb_session *s = rb_session_load(lib, path, diags);
    if (!s)
        return NULL;
    rb_interview *iv = NULL;
    if (!s->submitted)
        input_error(diags, path, "the session is not submitted yet; finish it with "
                    "'rubric interview --resume %s' and /submit", path);
    else
        iv = session_interview(s, NULL, diags);
    rb_session_free(s);
    return iv;
}
