/*
 * Progress on a development plan's actions, kept in an append-only journal
 * beside the plan (journal.h): nothing recorded is ever overwritten, each
 * report is on disk before it is called saved, and a report cut short by a
 * crash is dropped with a note instead of spoiling the others.
 *
 * Records are JSON objects:
 *   {"event":"plan","person":NAME,"plan":FILE}                 first record
 *   {"event":"progress","date":D,"action":ID,"status":S,"note":TEXT}
 * ("note" may be absent).
 */
#include <cjson/cJSON.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "develop/devplan_internal.h"
#include "json/json_syntax.h"
#include "json/json_writer.h"
#include "rubric/io.h"
#include "rubric/journal.h"

static const char *const status_names[] = { "open", "in-progress", "done", "blocked" };

const char *rb_action_status_name(rb_action_status s)
{
    return (unsigned)s < 4 ? status_names[s] : "open";
}

bool rb_action_status_parse(const char *s, rb_action_status *out)
{
    for (int i = 0; i < 4; i++) {
        if (strcmp(s, status_names[i]) == 0) {
            *out = (rb_action_status)i;
            return true;
        }
    }
    return false;
}

char *rb_progress_path(const char *plan_path)
{
    size_t n = strlen(plan_path);
    if (n > 5 && strcmp(plan_path + n - 5, ".json") == 0)
        n -= 5;
    char *p = malloc(n + sizeof ".progress");
    if (!p)
        return NULL;
    memcpy(p, plan_path, n);
    memcpy(p + n, ".progress", sizeof ".progress");
    return p;
}

typedef struct owned_progress {
    rb_progress pr;
    arena *arena;
    size_t cap;
    const rb_devplan *plan;
    const char *path;
    rb_diags *diags;
    bool bad;
    bool agreed_known;   /* reports cannot come before the plan was agreed */
    rb_date agreed;
} owned_progress;

static const rb_devplan_action *find_action(const rb_devplan *p, const char *id)
{
    for (size_t i = 0; i < p->nactions; i++)
        if (strcmp(p->actions[i].id, id) == 0)
            return &p->actions[i];
    return NULL;
}

static int record_problem(owned_progress *op, uint64_t index, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int record_problem(owned_progress *op, uint64_t index, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    rb_diags_add(op->diags, RB_ERROR, RB_DIAG_INPUT, op->path, 0, 0, NULL,
                 "record %llu: %s; reading stopped", (unsigned long long)index + 1, msg);
    op->bad = true;
    return 1;
}

static const char *string_member(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

static const char *const plan_keys[] = { "event", "person", "plan", NULL };
static const char *const progress_keys[] = { "event", "date", "action", "status", "note", NULL };

/* The first field of `o` not in `known`, or NULL. A journal is read as
 * strictly as any document: a field this version does not know means it
 * was written by something else. */
static const char *unknown_field(const cJSON *o, const char *const *known)
{
    for (const cJSON *c = o->child; c; c = c->next) {
        size_t i = 0;
        while (known[i] && strcmp(c->string, known[i]) != 0)
            i++;
        if (!known[i])
            return c->string;
    }
    return NULL;
}

static int on_record(void *ctx, uint64_t index, const void *payload, size_t len)
{
    owned_progress *op = ctx;
    json_error je;
    cJSON *v = json_parse(payload, len, &je);
    if (!v)
        return record_problem(op, index, "not JSON (%s)", je.message);
    int rc = 0;
    const char *event = cJSON_IsObject(v) ? string_member(v, "event") : NULL;
    const char *unknown = NULL;
    if (!event) {
        rc = record_problem(op, index, "not a progress event");
    } else if (index == 0 && strcmp(event, "plan") != 0) {
        /* rb_progress_append always starts a journal with the plan record:
         * without it the journal does not say whose it is. */
        rc = record_problem(op, index, "the first record must name the person and the plan");
    } else if ((strcmp(event, "plan") == 0 || strcmp(event, "progress") == 0) &&
               (unknown = unknown_field(v, strcmp(event, "plan") == 0 ? plan_keys
                                                                     : progress_keys))) {
        rc = record_problem(op, index, "unknown field '%.40s'", unknown);
    } else if (strcmp(event, "plan") == 0) {
        const char *person = string_member(v, "person");
        const cJSON *plan = cJSON_GetObjectItemCaseSensitive(v, "plan");
        if (index != 0 || !person || (plan && !cJSON_IsString(plan)))
            rc = record_problem(op, index, "a misplaced or incomplete plan record");
        else if (op->plan->person && strcmp(person, op->plan->person) != 0)
            rc = record_problem(op, index, "the journal is about '%.80s', the plan about "
                                "'%.80s'", person, op->plan->person);
        else if (!(op->pr.person = arena_strdup(op->arena, person)))
            rc = record_problem(op, index, "out of memory");
    } else if (strcmp(event, "progress") == 0) {
        const char *date = string_member(v, "date");
        const char *action = string_member(v, "action");
        const char *status = string_member(v, "status");
        const cJSON *note = cJSON_GetObjectItemCaseSensitive(v, "note");
        rb_date d;
        rb_action_status st;
        if (!date || !rb_date_parse(date, &d))
            rc = record_problem(op, index, "no valid date");
        else if (!action || !find_action(op->plan, action))
            rc = record_problem(op, index, "action '%.40s' is not in the plan",
                                action ? action : "");
        else if (!status || !rb_action_status_parse(status, &st) || st == RB_ACTION_OPEN)
            rc = record_problem(op, index, "no valid status");
        else if (op->agreed_known && rb_date_compare(d, op->agreed) < 0)
            rc = record_problem(op, index, "its date %s is before the plan was agreed (%s)",
                                date, op->plan->agreed);
        else if (note && !cJSON_IsString(note))
            rc = record_problem(op, index, "the note is not text");
        else if (note && (!*note->valuestring ||
                          strlen(note->valuestring) > RB_DEVPLAN_MAX_TEXT))
            rc = record_problem(op, index, "the note is empty or over %zu bytes",
                                RB_DEVPLAN_MAX_TEXT);
        else if (note && !rb_text_plain(note->valuestring, true))
            rc = record_problem(op, index, "the note holds a control character");
        else {
            if (op->pr.n == op->cap) {
                size_t ncap = op->cap ? op->cap * 2 : 16;
                rb_progress_entry *e = arena_alloc(op->arena, ncap * sizeof *e);
                if (!e) {
                    cJSON_Delete(v);
                    return record_problem(op, index, "out of memory");
                }
                if (op->pr.n)
                    memcpy(e, op->pr.entries, op->pr.n * sizeof *e);
                op->pr.entries = e;
                op->cap = ncap;
            }
            rb_progress_entry *e = &op->pr.entries[op->pr.n];
            rb_date_format(d, e->date);
            e->action = arena_strdup(op->arena, action);
            e->status = st;
            e->note = note ? arena_strdup(op->arena, note->valuestring) : NULL;
            if (!e->action || (note && !e->note))
                rc = record_problem(op, index, "out of memory");
            else
                op->pr.n++;
        }
    } else {
        rc = record_problem(op, index, "unknown event '%.40s'", event);
    }
    cJSON_Delete(v);
    return rc;
}

rb_progress *rb_progress_read(const rb_devplan *plan, const char *path, rb_diags *diags)
{
    owned_progress *op = calloc(1, sizeof *op);
    if (!op || !(op->arena = arena_new())) {
        free(op);
        rb_diags_add(diags, RB_ERROR, RB_DIAG_SYSTEM, path, 0, 0, NULL, "out of memory");
        return NULL;
    }
    op->plan = plan;
    op->agreed_known = plan->agreed && rb_date_parse(plan->agreed, &op->agreed);
    op->path = path;
    op->diags = diags;
    struct stat st;
    if (lstat(path, &st) != 0) {
        if (errno == ENOENT)
            return &op->pr;  /* nothing recorded yet */
        rb_diags_add(diags, RB_ERROR, RB_DIAG_SYSTEM, path, 0, 0, NULL,
                     "cannot look at the progress journal: %s", strerror(errno));
        rb_progress_free(&op->pr);
        return NULL;
    }
    rb_journal_report rep;
    rb_journal_status s = rb_journal_recover(path, on_record, op, &rep);
    if (s == RB_JOURNAL_OK && rep.tail != RB_JOURNAL_TAIL_NONE)
        rb_diags_add(diags, RB_WARNING, RB_DIAG_INPUT, path, 0, 0, NULL, "%s",
                     rb_journal_text_after(path, rep.note));
    if (s == RB_JOURNAL_ERR_STOPPED && op->bad) {
        /* The record's problem is already reported. */
    } else if (s != RB_JOURNAL_OK) {
        rb_diags_add(diags, RB_ERROR, s == RB_JOURNAL_ERR_IO || s == RB_JOURNAL_ERR_NOMEM
                                          ? RB_DIAG_SYSTEM : RB_DIAG_INPUT,
                     path, 0, 0, NULL, "%s", rb_journal_text_after(path, rep.err.text));
    }
    if (s != RB_JOURNAL_OK) {
        rb_progress_free(&op->pr);
        return NULL;
    }
    return &op->pr;
}

void rb_progress_free(rb_progress *pr)
{
    owned_progress *op = (owned_progress *)pr;
    if (!op)
        return;
    arena_free(op->arena);
    free(op);
}

rb_action_status rb_progress_status(const rb_progress *pr, const char *id)
{
    rb_action_status st = RB_ACTION_OPEN;
    for (size_t i = 0; pr && i < pr->n; i++)
        if (strcmp(pr->entries[i].action, id) == 0)
            st = pr->entries[i].status;
    return st;
}

static bool append(rb_journal *j, const rb_buf *b, rb_diags *diags)
{
    rb_journal_err err;
    if (!rb_buf_ok(b)) {
        rb_diags_add(diags, RB_ERROR, RB_DIAG_SYSTEM, NULL, 0, 0, NULL, "out of memory");
        return false;
    }
    if (rb_journal_append(j, b->data, b->len, &err) != RB_JOURNAL_OK) {
        rb_diags_add(diags, RB_ERROR, RB_DIAG_SYSTEM, NULL, 0, 0, NULL, "%s; not saved",
                     err.text);
        return false;
    }
    return true;
}

bool rb_progress_append(const rb_devplan *plan, const char *plan_path, const char *path,
                        const rb_progress_entry *entry, rb_diags *diags)
{
    rb_date d;
    if (!find_action(plan, entry->action) || !rb_date_parse(entry->date, &d) ||
        entry->status == RB_ACTION_OPEN) {
        rb_diags_add(diags, RB_ERROR, RB_DIAG_INPUT, NULL, 0, 0, NULL,
                     "the progress entry is incomplete");
        return false;
    }
    rb_journal *j = NULL;
    rb_journal_err err;
    rb_journal_status s = rb_journal_open(path, RB_JOURNAL_CREATE, &j, &err);
    if (s != RB_JOURNAL_OK) {
        rb_diags_add(diags, RB_ERROR, s == RB_JOURNAL_ERR_IO || s == RB_JOURNAL_ERR_NOMEM
                                          ? RB_DIAG_SYSTEM : RB_DIAG_INPUT,
                     NULL, 0, 0, NULL, "%s", err.text);
        return false;
    }
    bool ok = true;
    rb_buf b = { 0 };
    jw w;
    if (rb_journal_records(j) == 0) {
        const char *base = strrchr(plan_path, '/');
        jw_init(&w, &b, false);
        jw_object(&w);
        jw_key(&w, "event");
        jw_string(&w, "plan");
        jw_key(&w, "person");
        jw_string(&w, plan->person);
        jw_key(&w, "plan");
        jw_string(&w, base ? base + 1 : plan_path);
        jw_end_object(&w);
        ok = append(j, &b, diags);
        rb_buf_reset(&b);
    }
    if (ok) {
        jw_init(&w, &b, false);
        jw_object(&w);
        jw_key(&w, "event");
        jw_string(&w, "progress");
        jw_key(&w, "date");
        jw_string(&w, entry->date);
        jw_key(&w, "action");
        jw_string(&w, entry->action);
        jw_key(&w, "status");
        jw_string(&w, rb_action_status_name(entry->status));
        if (entry->note) {
            jw_key(&w, "note");
            jw_string(&w, entry->note);
        }
        jw_end_object(&w);
        ok = append(j, &b, diags);
    }
    rb_buf_release(&b);
    if (rb_journal_close(j, &err) != RB_JOURNAL_OK && ok) {
        rb_diags_add(diags, RB_ERROR, RB_DIAG_SYSTEM, NULL, 0, 0, NULL, "%s", err.text);
        ok = false;
    }
    return ok;
}

static const char *status_words(rb_action_status s)
{
    switch (s) {
    case RB_ACTION_IN_PROGRESS: return "in progress";
    case RB_ACTION_DONE: return "done";
    case RB_ACTION_BLOCKED: return "blocked";
    case RB_ACTION_OPEN: break;
    }
    return "open";
}

bool rb_progress_history(const rb_devplan *p, const rb_progress *pr, rb_buf *out)
{
    rb_buf_printf(out, "Development plan for %s, agreed %s", p->person, p->agreed);
    if (p->followup)
        rb_buf_printf(out, "; follow-up meeting %s", p->followup);
    rb_buf_puts(out, "\n\nActions:\n");
    size_t counts[4] = { 0 };
    for (size_t i = 0; i < p->nactions; i++) {
        const rb_devplan_action *a = &p->actions[i];
        rb_action_status st = rb_progress_status(pr, a->id);
        counts[st]++;
        rb_buf_printf(out, "  %-4s %-12s %s\n", a->id, status_words(st), a->text);
    }
    if (!p->nactions)
        rb_buf_puts(out, "  none in the plan\n");
    rb_buf_printf(out, "  (%zu done, %zu in progress, %zu blocked, %zu open)\n",
                  counts[RB_ACTION_DONE], counts[RB_ACTION_IN_PROGRESS],
                  counts[RB_ACTION_BLOCKED], counts[RB_ACTION_OPEN]);
    rb_buf_puts(out, "\nHistory:\n");
    if (!pr || !pr->n)
        rb_buf_puts(out, "  nothing recorded yet\n");
    for (size_t i = 0; pr && i < pr->n; i++) {
        const rb_progress_entry *e = &pr->entries[i];
        if (!e->note) {
            rb_buf_printf(out, "  %s  %-4s %s\n", e->date, e->action, status_words(e->status));
            continue;
        }
        rb_buf_printf(out, "  %s  %-4s %-12s ", e->date, e->action, status_words(e->status));
        for (const char *c = e->note; *c; c++)
            rb_buf_putc(out, (unsigned char)*c < 0x20 ? ' ' : *c);
        rb_buf_putc(out, '\n');
    }
    return rb_buf_ok(out);
}
