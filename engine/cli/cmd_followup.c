/*
 * rubric followup: record progress on a development plan's actions and
 * show the history; list the plans whose follow-up meeting is due.
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"

static const char help[] =
    "usage: rubric followup PLAN [--action ID --status STATUS [--note TEXT]\n"
    "                             [--date YYYY-MM-DD]]\n"
    "       rubric followup --due [DIR]\n"
    "\n"
    "Follow up on a development plan made with 'rubric develop'. Without --action,\n"
    "show each action with its latest status and the history of what was\n"
    "reported. With --action, first record that the action is done, in progress\n"
    "or blocked (with a note and the date, today by default), then show the\n"
    "history.\n"
    "\n"
    "  --action ID      an action of the plan (a1, a2, ...)\n"
    "  --status STATUS  done, in-progress or blocked\n"
    "  --note TEXT      what happened, what is in the way\n"
    "  --date DATE      when (YYYY-MM-DD; not after today); default today\n"
    "  --due [DIR]      list the plans in DIR (default: the current folder; not\n"
    "                   its subfolders) whose follow-up meeting is today or past\n"
    "\n"
    "Progress is kept beside the plan, in PLAN.progress (plan.json ->\n"
    "plan.progress, readable by its owner only): an append-only journal in\n"
    "which nothing is ever overwritten, each report on disk before it is called\n"
    "saved. A report cut short by a crash is dropped with a warning; a damaged\n"
    "journal stops with an error saying where.\n"
    "\n"
    "Today's date is taken from RUBRIC_TODAY (YYYY-MM-DD) when it is set.\n"
    "\n"
    "Exit status: 0 ok (warnings allowed), 1 invalid input or a damaged journal,\n"
    "2 usage, 3 a file could not be read or written.\n";

/* ---- --due --------------------------------------------------------------------- */

typedef struct due_plan {
    char date[RB_DATE_TEXT];
    char *path;
    char *person;
    size_t nactions;
} due_plan;

static int by_date_then_path(const void *a, const void *b)
{
    const due_plan *x = a, *y = b;
    int c = strcmp(x->date, y->date);
    return c ? c : strcmp(x->path, y->path);
}

static int due(const char *dir, rb_date today)
{
    DIR *d = opendir(dir);
    if (!d)
        return cli_error(errno == ENOENT || errno == ENOTDIR ? EXIT_INVALID : EXIT_SYSTEM,
                         "cannot open the folder '%s': %s", dir, strerror(errno));
    rb_diags *diags = rb_diags_new();
    due_plan *list = NULL;
    size_t n = 0, cap = 0;
    int rc = diags ? EXIT_OK : EXIT_SYSTEM;
    struct dirent *de;
    while (rc == EXIT_OK && (de = readdir(d)) != NULL) {
        size_t len = strlen(de->d_name);
        if (len < 6 || strcmp(de->d_name + len - 5, ".json") != 0 || de->d_name[0] == '.')
            continue;
        size_t need = strlen(dir) + len + 2;
        char *path = malloc(need);
        if (!path) {
            rc = EXIT_SYSTEM;
            break;
        }
        if (strcmp(dir, ".") == 0)
            snprintf(path, need, "%s", de->d_name);
        else
            snprintf(path, need, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/",
                     de->d_name);
        /* Only development plans: other documents are skipped quietly, and
         * so is anything but a regular file (opening a FIFO would wait
         * forever). */
        struct stat st;
        if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
            free(path);
            continue;
        }
        FILE *f = fopen(path, "re");
        char head[4096];
        size_t got = f ? fread(head, 1, sizeof head - 1, f) : 0;
        if (f)
            fclose(f);
        head[got] = '\0';
        if (!strstr(head, "\"" RB_DEVPLAN_FORMAT "\"")) {
            free(path);
            continue;
        }
        rb_devplan *plan = rb_devplan_read(path, diags);
        if (!plan || plan->shared_view || !plan->followup) {
            rb_devplan_free(plan);
            free(path);
            continue;
        }
        rb_date when;
        if (rb_date_parse(plan->followup, &when) && rb_date_compare(when, today) <= 0) {
            if (n == cap) {
                size_t ncap = cap ? cap * 2 : 16;
                due_plan *p = realloc(list, ncap * sizeof *p);
                if (!p) {
                    rb_devplan_free(plan);
                    free(path);
                    rc = EXIT_SYSTEM;
                    break;
                }
                list = p;
                cap = ncap;
            }
            due_plan *e = &list[n++];
            snprintf(e->date, sizeof e->date, "%s", plan->followup);
            e->path = path;
            e->person = strdup(plan->person);
            e->nactions = plan->nactions;
            path = NULL;
            if (!e->person)
                rc = EXIT_SYSTEM;
        }
        free(path);
        rb_devplan_free(plan);
    }
    closedir(d);
    if (rc == EXIT_SYSTEM) {
        cli_error(EXIT_SYSTEM, "out of memory");
    } else {
        rb_diags_sort(diags);
        cli_print_diags(stderr, diags);
        if (rb_diags_errors(diags))
            rc = cli_exit_for(diags);
        if (n > 1)
            qsort(list, n, sizeof *list, by_date_then_path);
        char date[RB_DATE_TEXT];
        rb_date_format(today, date);
        if (!n)
            printf("No follow-up meetings due by %s in %s%s%s.\n", date,
                   strcmp(dir, ".") == 0 ? "the current folder" : "'",
                   strcmp(dir, ".") == 0 ? "" : dir, strcmp(dir, ".") == 0 ? "" : "'");
        for (size_t i = 0; i < n; i++)
            printf("%s  %s  %s (%zu action%s)\n", list[i].date, list[i].person, list[i].path,
                   list[i].nactions, list[i].nactions == 1 ? "" : "s");
    }
    for (size_t i = 0; i < n; i++) {
        free(list[i].path);
        free(list[i].person);
    }
    free(list);
    rb_diags_free(diags);
    return rc;
}

/* ---- recording and history -------------------------------------------------------- */

static int history(const rb_devplan *plan, const char *journal, rb_diags *d)
{
    rb_progress *pr = rb_progress_read(plan, journal, d);
    cli_print_diags(stderr, d);
    if (!pr) {
        int rc = cli_exit_for(d);
        if (rc != EXIT_SYSTEM)
            fprintf(stderr, "%s: error: nothing shown: restore the journal from a backup, or "
                    "move it aside to start it afresh (the plan itself is intact)\n", journal);
        return rc == EXIT_OK ? EXIT_INVALID : rc;
    }
    rb_buf b = { 0 };
    int rc = rb_progress_history(plan, pr, &b) ? cli_write(NULL, &b)
                                                : cli_error(EXIT_SYSTEM, "out of memory");
    rb_buf_release(&b);
    rb_progress_free(pr);
    return rc;
}

static int record(const char *plan_path, const rb_devplan *plan, const char *journal,
                  const char *action, const char *status, const char *note,
                  const char *date_text, rb_date today)
{
    bool known = false;
    for (size_t i = 0; i < plan->nactions && !known; i++)
        known = strcmp(plan->actions[i].id, action) == 0;
    if (!known) {
        rb_buf ids = { 0 };
        for (size_t i = 0; i < plan->nactions; i++)
            rb_buf_printf(&ids, "%s%s", i ? ", " : "", plan->actions[i].id);
        int rc = plan->nactions
                     ? cli_error(EXIT_INVALID, "%s has no action '%s'; its actions are %s",
                                 plan_path, action, rb_buf_str(&ids))
                     : cli_error(EXIT_INVALID, "%s has no actions to follow up", plan_path);
        rb_buf_release(&ids);
        return rc;
    }
    rb_progress_entry e = { .action = action, .note = note };
    if (!rb_action_status_parse(status, &e.status) || e.status == RB_ACTION_OPEN)
        return cli_usage_error("followup", "unknown status '%s' (use done, in-progress or "
                               "blocked)", status);
    rb_date when = today, agreed;
    if (date_text && !rb_date_parse(date_text, &when))
        return cli_usage_error("followup", "--date '%s' is not a date; write it as YYYY-MM-DD",
                               date_text);
    char today_text[RB_DATE_TEXT];
    rb_date_format(today, today_text);
    rb_date_format(when, e.date);
    if (rb_date_compare(when, today) > 0)
        return cli_error(EXIT_INVALID, "--date %s is after today (%s); record progress once "
                         "it has happened", e.date, today_text);
    if (rb_date_parse(plan->agreed, &agreed) && rb_date_compare(when, agreed) < 0)
        return cli_error(EXIT_INVALID, "--date %s is before the plan was agreed (%s)", e.date,
                         plan->agreed);
    if (note) {
        size_t n = strlen(note);
        if (n == 0 || n > RB_DEVPLAN_MAX_TEXT || !rb_text_valid(note, n) ||
            !rb_text_plain(note, false))
            return cli_usage_error("followup", "--note must be one line of UTF-8 text of 1 "
                                   "to %zu bytes, without control characters",
                                   RB_DEVPLAN_MAX_TEXT);
    }
    rb_diags *d = rb_diags_new();
    if (!d)
        return cli_error(EXIT_SYSTEM, "out of memory");
    /* Read first: recovery drops a torn tail, and a damaged journal is
     * never appended to. */
    rb_progress *pr = rb_progress_read(plan, journal, d);
    int rc = EXIT_OK;
    if (!pr) {
        cli_print_diags(stderr, d);
        rc = cli_exit_for(d);
        if (rc != EXIT_SYSTEM)
            fprintf(stderr, "%s: error: nothing recorded: restore the journal from a backup, "
                    "or move it aside to start it afresh (the plan itself is intact)\n",
                    journal);
        rb_diags_free(d);
        return rc == EXIT_OK ? EXIT_INVALID : rc;
    }
    /* A torn report was dropped: say so now, the history will not. */
    cli_print_diags(stderr, d);
    rb_diags_free(d);
    rb_progress_free(pr);
    if (!(d = rb_diags_new()))
        return cli_error(EXIT_SYSTEM, "out of memory");
    if (!rb_progress_append(plan, plan_path, journal, &e, d)) {
        cli_print_diags(stderr, d);
        rc = cli_exit_for(d);
        rb_diags_free(d);
        return rc == EXIT_OK ? EXIT_INVALID : rc;
    }
    printf("Saved: %s %s on %s.\n\n", action,
           e.status == RB_ACTION_IN_PROGRESS ? "in progress" : status, e.date);
    rb_diags_free(d);
    d = rb_diags_new();
    if (!d)
        return cli_error(EXIT_SYSTEM, "out of memory");
    rc = history(plan, journal, d);
    rb_diags_free(d);
    return rc;
}

int cmd_followup(int argc, char **argv)
{
    static const opt_spec specs[] = {
        { "action", 0, true }, { "status", 0, true }, { "note", 0, true },
        { "date", 0, true }, { "due", 0, false }, { "help", 'h', false },
        { NULL, 0, false },
    };
    opt_parser p = { argc, argv, 1, specs, "followup", false };
    const char *action = NULL, *status = NULL, *note = NULL, *date = NULL, *path = NULL, *v;
    bool want_due = false;
    int o;
    while ((o = cli_next_opt(&p, &v)) != OPT_END) {
        switch (o) {
        case OPT_ERROR: return EXIT_USAGE;
        case OPT_ARG:
            if (path)
                return cli_usage_error("followup", "unexpected argument '%s'", v);
            path = v;
            break;
        case 0: action = v; break;
        case 1: status = v; break;
        case 2: note = v; break;
        case 3: date = v; break;
        case 4: want_due = true; break;
        case 5: fputs(help, stdout); return EXIT_OK;
        }
    }
    rb_date today;
    int rc;
    if (want_due) {
        if (action || status || note || date)
            return cli_usage_error("followup", "--due lists plans; it takes no --action, "
                                   "--status, --note or --date");
        rc = cli_today(&today);
        return rc != EXIT_OK ? rc : due(path ? path : ".", today);
    }
    if (!path)
        return cli_usage_error("followup", "missing PLAN file (made with 'rubric develop'), "
                               "or --due");
    if (!action && (status || note || date))
        return cli_usage_error("followup", "--status, --note and --date need --action ID");
    if (action && !status)
        return cli_usage_error("followup", "--action needs --status done, in-progress or "
                               "blocked");
    rc = cli_today(&today);
    if (rc != EXIT_OK)
        return rc;
    rb_diags *d = rb_diags_new();
    if (!d)
        return cli_error(EXIT_SYSTEM, "out of memory");
    rb_devplan *plan = rb_devplan_read(path, d);
    rc = cli_read_done(d, plan != NULL);
    if (!plan)
        return rc;
    if (plan->shared_view) {
        rb_devplan_free(plan);
        return cli_error(EXIT_INVALID, "%s is the shared export of a plan; follow up on the "
                         "employee's own plan", path);
    }
    char *journal = rb_progress_path(path);
    if (!journal) {
        rb_devplan_free(plan);
        return cli_error(EXIT_SYSTEM, "out of memory");
    }
    if (action) {
        rc = record(path, plan, journal, action, status, note, date, today);
    } else {
        d = rb_diags_new();
        rc = d ? history(plan, journal, d) : cli_error(EXIT_SYSTEM, "out of memory");
        rb_diags_free(d);
    }
    free(journal);
    rb_devplan_free(plan);
    return rc;
}
