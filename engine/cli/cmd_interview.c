/*
 * rubric interview: run a structured interview from a plan at the
 * terminal, or from a script of the same commands. Every action is saved
 * in the session journal before the screen moves on.
 */
#include <errno.h>
#include <signal.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/lineinput.h"

static const char help[] =
    "usage: rubric interview PLAN --candidate NAME --interviewer NAME\n"
    "                        [--session FILE] [--script FILE|-]\n"
    "       rubric interview --resume FILE [--interviewer NAME] [--script FILE|-]\n"
    "       rubric interview --answers FILE [-o OUT]\n"
    "\n"
    "Run a structured interview from a plan ('rubric plan'): the opening, each\n"
    "question with its probes and the behaviours to listen for, the closing. Type\n"
    "what the candidate says; it is saved at once. After each answer the engine\n"
    "shows which STAR elements and behaviours have no evidence yet and the probes\n"
    "that would draw them out. Ratings stay private to their interviewer.\n"
    "\n"
    "  --candidate NAME    the candidate\n"
    "  --interviewer NAME  you\n"
    "  --session FILE      the session file (default CANDIDATE--INTERVIEWER.session\n"
    "                      in the current folder); it is never overwritten\n"
    "  --resume FILE       continue a session after a crash or a closed terminal\n"
    "  --script FILE       read the commands from FILE ('-': standard input) instead\n"
    "                      of the terminal; the first error stops the script\n"
    "  --answers FILE      write a session's recorded answers (rubric.answers/1)\n"
    "  -o, --output F      with --answers: write to F instead of standard output\n"
    "\n"
    "Commands (a line that does not start with '/' is the candidate's words):\n"
    "  /next, /back, /jump N  move between items      /skip      skip this item\n"
    "  /probe N     what follows answers probe N        /answer    back to the answer\n"
    "  /undo        take back the last line             /note TEXT a private note\n"
    "  /observe N   behaviour N (or its id) was seen    /unobserve N\n"
    "  /rate N      rate the item on the scale (0 clears)\n"
    "  /suggest     what to ask next                   /ask       ask the suggested\n"
    "                                                              question too\n"
    "  /show        this item again    /status  where the interview stands\n"
    "  /summary     the interview so far                /help      these commands\n"
    "  /submit      end the interview; the session becomes final\n"
    "  /quit        stop for now (resume with --resume)\n"
    "  //TEXT       words that begin with '/'\n"
    "\n"
    "Times come from the clock, or from $RUBRIC_NOW (seconds since 1970) when set.\n";

typedef struct ui {
    const rb_library *lib;
    rb_session *s;
    rb_scorer *scorer;
    cli_input *in;
    bool interactive;
    int part;              /* where words go: -1 the answer, k probe k */
    bool submit_asked;     /* interactive: /submit once more confirms */
    bool quit;
    bool have_advice;      /* `advice` is for the current item */
    rb_suggestion advice;
} ui;

/* The last second a session may record: the end of the year 9999. */
#define LAST_SECOND 253402300799LL

/* $RUBRIC_NOW when set (checked by clock_check), else the clock. */
static int64_t clock_now(void)
{
    const char *env = getenv("RUBRIC_NOW");
    if (env && *env) {
        char *end;
        errno = 0;
        long long v = strtoll(env, &end, 10);
        if (!errno && !*end && v >= 0 && v <= LAST_SECOND)
            return v;
    }
    return (int64_t)time(NULL);
}

static bool clock_check(void)
{
    const char *env = getenv("RUBRIC_NOW");
    if (!env || !*env)
        return true;
    char *end;
    errno = 0;
    long long v = strtoll(env, &end, 10);
    return !errno && !*end && v >= 0 && v <= LAST_SECOND;
}

static const char *star_names[] = { "situation", "task", "action", "result" };

static void print_star(unsigned star)
{
    bool first = true;
    for (int k = 0; k < 4; k++)
        if (star & (1u << k)) {
            printf("%s%s", first ? "" : ", ", star_names[k]);
            first = false;
        }
}

static void print_minutes(double secs)
{
    long s = (long)secs;
    printf("%ld:%02ld", s / 60, s % 60);
}

static const rb_level *item_level(const rb_session_item *it)
{
    return rb_competency_level(it->competency, it->level);
}

static bool observed(const rb_session_item *it, const rb_behaviour *b)
{
    for (size_t i = 0; i < it->nobserved; i++)
        if (it->observed[i] == b)
            return true;
    return false;
}

static size_t item_count(const ui *u) { return rb_session_nitems(u->s); }

static const char *item_title(const rb_session_item *it)
{
    switch (it->kind) {
    case RB_ITEM_OPENING: return "Opening";
    case RB_ITEM_CLOSING: return "Closing";
    default: return it->competency->title;
    }
}

static void print_timing(const ui *u, size_t i)
{
    const rb_session_item *it = rb_session_item_at(u->s, i);
    double spent = rb_session_seconds(u->s, i, clock_now());
    print_minutes(spent);
    printf(" spent");
    if (it->minutes > 0) {
        double left = it->minutes * 60.0 - spent;
        printf(", ");
        if (left >= 0) {
            print_minutes(left);
            printf(" left of %d min", it->minutes);
        } else {
            print_minutes(-left);
            printf(" over %d min", it->minutes);
        }
    }
}

static void show_item(ui *u)
{
    size_t i = rb_session_current(u->s);
    const rb_session_item *it = rb_session_item_at(u->s, i);
    const rb_plan *plan = rb_session_plan(u->s);
    size_t width = cli_screen_width();
    char lead[32];
    if (u->interactive)
        fputs("\033[H\033[2J", stdout);
    printf("== %zu/%zu  %s", i + 1, item_count(u), item_title(it));
    if (it->kind == RB_ITEM_QUESTION)
        printf(", level %d (target %d)%s", it->level, it->planned->target,
               it->extra ? ", added" : "");
    printf("  [");
    print_timing(u, i);
    printf("]%s\n", it->skipped ? "  (skipped)" : "");
    if (it->kind != RB_ITEM_QUESTION) {
        const rb_plan_section *sec = it->kind == RB_ITEM_OPENING ? &plan->opening : &plan->closing;
        for (size_t l = 0; l < sec->nlines; l++)
            cli_print_wrapped("  - ", sec->lines[l], NULL, width);
        printf("Notes: %zu line%s. Type a note, or /next.\n", it->notes.nlines,
               it->notes.nlines == 1 ? "" : "s");
        return;
    }
    cli_print_wrapped("Q: ", it->question->text, NULL, width);
    if (it->nprobes) {
        printf("Probes:\n");
        for (size_t p = 0; p < it->nprobes; p++) {
            snprintf(lead, sizeof lead, "  %zu. ", p + 1);
            cli_print_wrapped(lead, it->question->probes[p].text,
                              it->probes[p].nlines ? "  [answered]" : NULL, width);
        }
    }
    const rb_level *lv = item_level(it);
    if (lv && lv->nbehaviours) {
        printf("Listen for (level %d):\n", it->level);
        for (size_t b = 0; b < lv->nbehaviours; b++) {
            snprintf(lead, sizeof lead, "  %zu. ", b + 1);
            cli_print_wrapped(lead, lv->behaviours[b].text,
                              observed(it, &lv->behaviours[b]) ? "  [observed]" : NULL,
                              width);
        }
    }
    const rb_scale *sc = it->competency->scale;
    printf("Rating: ");
    if (it->rating)
        printf("%d", it->rating);
    else
        printf("none");
    printf("  (");
    for (size_t l = 0; l < sc->nlevels; l++)
        printf("%s%d %s", l ? ", " : "", sc->levels[l].number, sc->levels[l].name);
    printf(")\n");
    printf("Answer: %zu line%s", it->answer.nlines, it->answer.nlines == 1 ? "" : "s");
    if (it->notes.nlines)
        printf("; notes: %zu line%s", it->notes.nlines, it->notes.nlines == 1 ? "" : "s");
    printf(". Typing goes to %s.\n", u->part < 0 ? "the answer" : "a probe's answer");
    if (u->part >= 0)
        printf("(probe %d: %s)\n", u->part + 1, it->question->probes[u->part].text);
}

/* The first error of `d`, for a one-line message. */
static const char *first_error(const rb_diags *d)
{
    for (size_t i = 0; d && i < rb_diags_count(d); i++)
        if (rb_diags_at(d, i)->severity == RB_ERROR)
            return rb_diags_at(d, i)->message;
    return "out of memory";
}

/* False with the reason in `err` (only memory, or an engine fault, can
 * stop a suggestion). */
static bool compute_advice(ui *u, char *err, size_t errsize)
{
    size_t i = rb_session_current(u->s);
    rb_diags *d = rb_diags_new();
    bool ok = d && rb_session_suggest(u->s, u->scorer, i, &u->advice, d);
    u->have_advice = ok;
    if (!ok)
        snprintf(err, errsize, "cannot suggest what to ask next: %s", first_error(d));
    rb_diags_free(d);
    return ok;
}

static void show_advice(ui *u)
{
    const rb_session_item *it = rb_session_item_at(u->s, rb_session_current(u->s));
    const rb_suggestion *a = &u->advice;
    if (!a->star_missing && !a->nmissing) {
        printf("Evidence: every STAR element and every level %d behaviour has evidence.\n",
               it->level);
    } else {
        printf("No evidence yet:");
        if (a->star_missing) {
            printf(" ");
            print_star(a->star_missing);
        }
        if (a->nmissing) {
            const rb_level *lv = item_level(it);
            printf("%sbehaviour%s", a->star_missing ? "; " : " ", a->nmissing == 1 ? " " : "s ");
            for (size_t m = 0; m < a->nmissing; m++)
                for (size_t b = 0; lv && b < lv->nbehaviours; b++)
                    if (&lv->behaviours[b] == a->missing[m])
                        printf("%s%zu", m ? ", " : "", b + 1);
        }
        printf(".\n");
    }
    for (size_t p = 0; p < a->nprobes; p++) {
        printf("Ask: probe %zu, \"%s\"", a->probes[p] + 1,
               it->question->probes[a->probes[p]].text);
        if (a->probe_star[p]) {
            printf(" (");
            print_star(a->probe_star[p]);
            printf(")");
        }
        printf("\n");
    }
    if (a->advice != RB_ADVICE_NONE) {
        printf("Level %d looks %s: try the level %d question", it->level,
               a->advice == RB_ADVICE_HIGHER ? "met" : "not met", a->question_level);
        if (a->question_item != SIZE_MAX)
            printf(" (item %zu, /jump %zu)", a->question_item + 1, a->question_item + 1);
        else
            printf(" with /ask: \"%s\"", a->question->text);
        printf(".\n");
    }
}

static void show_status(ui *u)
{
    size_t cur = rb_session_current(u->s);
    int64_t now = clock_now();
    printf("%s, interviewed by %s. Items:\n", rb_session_candidate(u->s),
           rb_session_interviewer(u->s));
    for (size_t i = 0; i < item_count(u); i++) {
        const rb_session_item *it = rb_session_item_at(u->s, i);
        printf("%s %2zu. %s", i == cur ? ">" : " ", i + 1, item_title(it));
        if (it->kind == RB_ITEM_QUESTION)
            printf(" L%d%s", it->level, it->extra ? " (added)" : "");
        printf("  ");
        print_minutes(rb_session_seconds(u->s, i, now));
        if (it->minutes)
            printf("/%d:00", it->minutes);
        if (it->skipped)
            printf("  skipped");
        if (it->answer.nlines)
            printf("  answered");
        if (it->rating)
            printf("  rated %d", it->rating);
        printf("\n");
    }
}

/* The interview so far, per competency: the ratings given, what the
 * evidence suggests, the STAR elements heard. */
static bool show_summary(ui *u, char *err, size_t errsize)
{
    /* Nothing recorded yet: every competency is "not rated". */
    bool any = rb_session_answer_count(u->s) > 0;
    rb_diags *d = rb_diags_new();
    rb_interview *iv = any && d ? rb_session_interview(u->s, d) : NULL;
    rb_sheet *sh = iv ? rb_score(u->scorer, iv, d) : NULL;
    if (!d || (any && !sh)) {
        snprintf(err, errsize, "cannot sum up the interview: %s", first_error(d));
        rb_interview_free(iv);
        rb_diags_free(d);
        return false;
    }
    const rb_plan *plan = rb_session_plan(u->s);
    printf("Summary: %s for %s\n", rb_session_candidate(u->s), plan->role->title);
    for (size_t c = 0; c < plan->ncompetencies; c++) {
        const rb_plan_competency *pc = &plan->competencies[c];
        const rb_competency_result *r = NULL;
        for (size_t k = 0; sh && k < sh->nresults; k++)
            if (sh->results[k].competency == pc->competency)
                r = &sh->results[k];
        size_t asked = 0, skipped = 0;
        for (size_t i = 0; i < item_count(u); i++) {
            const rb_session_item *it = rb_session_item_at(u->s, i);
            if (it->kind == RB_ITEM_QUESTION && it->competency == pc->competency) {
                bool heard = it->answer.nlines > 0;
                for (size_t p = 0; p < it->nprobes && !heard; p++)
                    heard = it->probes[p].nlines > 0;
                asked += heard;
                skipped += it->skipped;
            }
        }
        printf("  %s (target %d): ", pc->competency->title, pc->target);
        if (r && r->rating)
            printf("rated %d", r->rating);
        else
            printf("not rated");
        printf("; evidence suggests ");
        if (r && r->suggested)
            printf("%d", r->suggested);
        else
            printf("too little to say");
        printf("; %zu answered, %zu skipped", asked, skipped);
        if (r && r->star) {
            printf("; heard ");
            print_star(r->star);
        }
        printf("\n");
    }
    rb_sheet_free(sh);
    rb_interview_free(iv);
    rb_diags_free(d);
    return true;
}

/* ---- commands ---------------------------------------------------------- */

typedef enum outcome { DONE, FAILED, SYSTEM } outcome;

/* A refused action is the user's to correct (FAILED); a failed save is
 * the system's (SYSTEM): nothing more can be saved until a resume. Every
 * action changes what the evidence says, so the last advice is stale. */
static outcome act(ui *u, rb_action a, char *err, size_t errsize)
{
    if (!rb_session_act(u->s, &a, clock_now(), err, errsize))
        return rb_session_broken(u->s) ? SYSTEM : FAILED;
    u->have_advice = false;
    return DONE;
}

static bool parse_number(const char *s, long lo, long hi, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    while (*end == ' ')
        end++;
    if (s == end || *end || errno || v < lo || v > hi)
        return false;
    *out = v;
    return true;
}

/* The behaviour named by a number in the item's list or by its id. */
static const char *behaviour_arg(const rb_session_item *it, const char *arg)
{
    long n;
    const rb_level *lv = item_level(it);
    if (lv && parse_number(arg, 1, (long)lv->nbehaviours, &n))
        return lv->behaviours[n - 1].id;
    return arg;
}

static outcome go_to(ui *u, size_t item, char *err, size_t errsize)
{
    outcome o = act(u, (rb_action){ .kind = RB_ACT_GOTO, .item = item }, err, errsize);
    if (o == DONE) {
        u->part = -1;
        u->have_advice = false;
        u->submit_asked = false;
        show_item(u);
    }
    return o;
}

static outcome run_line(ui *u, const char *line, char *err, size_t errsize)
{
    size_t cur = rb_session_current(u->s);
    const rb_session_item *it = rb_session_item_at(u->s, cur);
    size_t n_items = item_count(u);
    if (line[0] != '/' || line[1] == '/') {
        const char *text = line[0] == '/' ? line + 1 : line;
        if (!*text)
            return DONE;
        bool note = it->kind != RB_ITEM_QUESTION;
        outcome o = act(u, (rb_action){ .kind = note ? RB_ACT_NOTE : RB_ACT_SAY, .item = cur,
                                         .part = u->part + 1, .text = text }, err, errsize);
        if (o != DONE)
            return o;
        if (note) {
            printf("Noted.\n");
            return o;
        }
        if (!compute_advice(u, err, errsize))
            return SYSTEM;
        show_advice(u);
        return DONE;
    }
    char name[32];
    size_t k = 0;
    const char *p = line + 1;
    while (*p && *p != ' ' && k + 1 < sizeof name)
        name[k++] = *p++;
    name[k] = '\0';
    while (*p == ' ')
        p++;
    const char *arg = p;
    long n;
    if (strcmp(name, "next") == 0 || strcmp(name, "n") == 0) {
        if (cur + 1 >= n_items) {
            snprintf(err, errsize, "this is the last item; /summary, then /submit");
            return FAILED;
        }
        return go_to(u, cur + 1, err, errsize);
    }
    if (strcmp(name, "back") == 0 || strcmp(name, "b") == 0) {
        if (cur == 0) {
            snprintf(err, errsize, "this is the first item");
            return FAILED;
        }
        return go_to(u, cur - 1, err, errsize);
    }
    if (strcmp(name, "jump") == 0 || strcmp(name, "j") == 0) {
        if (!parse_number(arg, 1, (long)n_items, &n)) {
            snprintf(err, errsize, "/jump takes an item number from 1 to %zu", n_items);
            return FAILED;
        }
        return go_to(u, (size_t)n - 1, err, errsize);
    }
    if (strcmp(name, "skip") == 0) {
        outcome o = act(u, (rb_action){ .kind = RB_ACT_SKIP, .item = cur }, err, errsize);
        if (o == DONE) {
            u->part = -1;
            u->have_advice = false;
            show_item(u);
        }
        return o;
    }
    if (strcmp(name, "probe") == 0 || strcmp(name, "p") == 0) {
        if (it->kind != RB_ITEM_QUESTION || !it->nprobes) {
            snprintf(err, errsize, "this item has no probes");
            return FAILED;
        }
        if (!parse_number(arg, 1, (long)it->nprobes, &n)) {
            snprintf(err, errsize, "/probe takes a probe number from 1 to %zu", it->nprobes);
            return FAILED;
        }
        u->part = (int)n - 1;
        printf("Typing goes to probe %ld: %s\n", n, it->question->probes[n - 1].text);
        return DONE;
    }
    if (strcmp(name, "answer") == 0 || strcmp(name, "a") == 0) {
        u->part = -1;
        printf("Typing goes to the answer.\n");
        return DONE;
    }
    if (strcmp(name, "undo") == 0) {
        outcome o = act(u, (rb_action){ .kind = RB_ACT_UNSAY, .item = cur, .part = u->part + 1 },
                        err, errsize);
        if (o == DONE)
            printf("Took back the last line.\n");
        return o;
    }
    if (strcmp(name, "note") == 0) {
        if (!*arg) {
            snprintf(err, errsize, "/note takes the note's text");
            return FAILED;
        }
        outcome o = act(u, (rb_action){ .kind = RB_ACT_NOTE, .item = cur, .text = arg },
                        err, errsize);
        if (o == DONE)
            printf("Noted.\n");
        return o;
    }
    if (strcmp(name, "observe") == 0 || strcmp(name, "o") == 0 ||
        strcmp(name, "unobserve") == 0) {
        bool un = name[0] == 'u';
        if (!*arg) {
            snprintf(err, errsize, "/%s takes a behaviour's number or id", name);
            return FAILED;
        }
        const rb_level *lv = it->kind == RB_ITEM_QUESTION ? item_level(it) : NULL;
        if (lv && strspn(arg, "0123456789") == strlen(arg) &&
            !parse_number(arg, 1, (long)lv->nbehaviours, &n)) {
            snprintf(err, errsize, "/%s takes a behaviour's number from 1 to %zu, or its id",
                     name, lv->nbehaviours);
            return FAILED;
        }
        const char *id = lv ? behaviour_arg(it, arg) : arg;
        outcome o = act(u, (rb_action){ .kind = un ? RB_ACT_UNOBSERVE : RB_ACT_OBSERVE,
                                         .item = cur, .id = id }, err, errsize);
        if (o == DONE)
            printf("%s %s.\n", un ? "No longer observed:" : "Observed:", id);
        return o;
    }
    if (strcmp(name, "rate") == 0 || strcmp(name, "r") == 0) {
        if (!parse_number(arg, 0, 1000, &n)) {
            snprintf(err, errsize, "/rate takes a level number (0 clears the rating)");
            return FAILED;
        }
        outcome o = act(u, (rb_action){ .kind = RB_ACT_RATE, .item = cur, .level = (int)n },
                        err, errsize);
        if (o == DONE) {
            if (n)
                printf("Rated %ld.\n", n);
            else
                printf("Rating cleared.\n");
        }
        return o;
    }
    if (strcmp(name, "suggest") == 0) {
        if (it->kind != RB_ITEM_QUESTION) {
            snprintf(err, errsize, "suggestions are for questions");
            return FAILED;
        }
        if (!compute_advice(u, err, errsize))
            return SYSTEM;
        show_advice(u);
        return DONE;
    }
    if (strcmp(name, "ask") == 0) {
        if (it->kind == RB_ITEM_QUESTION && !u->have_advice && !compute_advice(u, err, errsize))
            return SYSTEM;
        if (it->kind != RB_ITEM_QUESTION || u->advice.advice == RB_ADVICE_NONE ||
            !u->advice.question) {
            snprintf(err, errsize, "there is no question to add here; /suggest says when "
                     "a level up or down is worth trying");
            return FAILED;
        }
        if (u->advice.question_item != SIZE_MAX)
            return go_to(u, u->advice.question_item, err, errsize);
        outcome o = act(u, (rb_action){ .kind = RB_ACT_ASK, .item = cur,
                                         .id = u->advice.question->id }, err, errsize);
        if (o != DONE)
            return o;
        return go_to(u, cur + 1, err, errsize);
    }
    if (strcmp(name, "show") == 0) {
        show_item(u);
        return DONE;
    }
    if (strcmp(name, "status") == 0) {
        show_status(u);
        return DONE;
    }
    if (strcmp(name, "summary") == 0) {
        return show_summary(u, err, errsize) ? DONE : SYSTEM;
    }
    if (strcmp(name, "help") == 0 || strcmp(name, "h") == 0 || strcmp(name, "?") == 0) {
        const char *cmds = strstr(help, "Commands");
        fwrite(cmds, 1, (size_t)(strstr(cmds, "\n\nTimes") - cmds) + 1, stdout);
        return DONE;
    }
    if (strcmp(name, "submit") == 0) {
        if (u->interactive && !u->submit_asked) {
            if (!show_summary(u, err, errsize))
                return SYSTEM;
            printf("Type /submit again to end the interview; the session then becomes "
                   "final.\n");
            u->submit_asked = true;
            return DONE;
        }
        outcome o = act(u, (rb_action){ .kind = RB_ACT_SUBMIT }, err, errsize);
        if (o == DONE) {
            printf("Submitted. The session %s is final; score it with 'rubric score %s'.\n",
                   rb_session_path(u->s), rb_session_path(u->s));
            u->quit = true;
        }
        return o;
    }
    if (strcmp(name, "quit") == 0 || strcmp(name, "q") == 0) {
        u->quit = true;
        return DONE;
    }
    snprintf(err, errsize, "unknown command '/%s' (/help lists the commands; start a line "
             "with // for words that begin with '/')", name);
    return FAILED;
}

/* Ctrl-C at the terminal: everything entered is already on disk, so say
 * how to go on and leave. (libedit restores the terminal before passing
 * the signal on.) Only async-signal-safe calls here. */
static char interrupted_message[600];
static size_t interrupted_length;

static void on_interrupt(int sig)
{
    (void)sig;
    ssize_t w = write(STDOUT_FILENO, interrupted_message, interrupted_length);
    (void)w;
    _exit(130);
}

static void catch_interrupt(const char *path)
{
    int n = snprintf(interrupted_message, sizeof interrupted_message,
                     "\nInterrupted. Everything entered is saved; continue with "
                     "'rubric interview --resume %s'.\n", path);
    if (n <= 0 || (size_t)n >= sizeof interrupted_message)
        return;
    interrupted_length = (size_t)n;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_interrupt;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
}

static int run(ui *u)
{
    if (u->interactive)
        catch_interrupt(rb_session_path(u->s));
    char err[1200];
    show_item(u);
    while (!u->quit) {
        char prompt[64];
        size_t cur = rb_session_current(u->s);
        const rb_session_item *it = rb_session_item_at(u->s, cur);
        snprintf(prompt, sizeof prompt, "[%zu/%zu %s]> ", cur + 1, item_count(u),
                 it->kind != RB_ITEM_QUESTION ? "notes"
                 : u->part < 0 ? "answer" : "probe");
        const char *line;
        /* What the last action showed is out before the next line is read,
         * also when the output is a file or a pipe. */
        fflush(stdout);
        cli_input_status st = cli_input_read(u->in, prompt, &line);
        if (st == CLI_INPUT_EOF)
            break;
        if (st == CLI_INPUT_ERROR)
            return cli_error(EXIT_SYSTEM, "cannot read %s: %s", cli_input_name(u->in),
                             strerror(errno));
        outcome o;
        if (st == CLI_INPUT_TOO_LONG) {
            snprintf(err, sizeof err, "the line is longer than %zu KiB; split it",
                     CLI_MAX_INPUT_LINE >> 10);
            o = FAILED;
        } else if (st == CLI_INPUT_BAD_TEXT) {
            snprintf(err, sizeof err, "the line is not valid UTF-8 text");
            o = FAILED;
        } else {
            o = run_line(u, line, err, sizeof err);
        }
        if (o == SYSTEM) {
            fflush(stdout);
            if (rb_session_broken(u->s))
                fprintf(stderr, "%s: error: %s; what was saved before is intact: continue "
                        "with 'rubric interview --resume %s'\n", rb_session_path(u->s), err,
                        rb_session_path(u->s));
            else
                fprintf(stderr, "%s: error: %s\n", rb_session_path(u->s), err);
            return EXIT_SYSTEM;
        }
        if (o == FAILED) {
            if (!u->interactive) {
                fflush(stdout);
                fprintf(stderr, "%s:%ld: error: %s\n", cli_input_name(u->in),
                        cli_input_lineno(u->in), err);
                return EXIT_INVALID;
            }
            printf("error: %s\n", err);
        }
    }
    if (!rb_session_submitted(u->s))
        printf("Saved, not submitted. Continue with 'rubric interview --resume %s'.\n",
               rb_session_path(u->s));
    return EXIT_OK;
}

/* CANDIDATE--INTERVIEWER.session, both as slugs. */
static void default_session_name(const char *candidate, const char *interviewer,
                                 char *out, size_t size)
{
    char a[200], b[200];
    rb_name_slug(candidate, a, sizeof a);
    rb_name_slug(interviewer, b, sizeof b);
    snprintf(out, size, "%s--%s.session", a, b);
}

static int write_answers(const rb_library *lib, const char *path, const char *interviewer,
                         const char *output)
{
    rb_diags *d = rb_diags_new();
    if (!d)
        return cli_error(EXIT_SYSTEM, "out of memory");
    rb_session *s = rb_session_load(lib, path, d);
    cli_print_diags(stderr, d);
    int rc = s ? EXIT_OK : cli_exit_for(d);
    rb_diags_free(d);
    if (!s)
        return rc;
    if (interviewer && strcmp(interviewer, rb_session_interviewer(s)) != 0) {
        fprintf(stderr, "%s: error: this is %s's session, not %s's; each interviewer keeps "
                "their own\n", path, rb_session_interviewer(s), interviewer);
        rb_session_free(s);
        return EXIT_INVALID;
    }
    rb_buf b = { 0 };
    if (!rb_session_answers_json(s, &b))
        rc = cli_error(EXIT_SYSTEM, "out of memory");
    else
        rc = cli_write_mode(output, &b, 0600);
    rb_buf_release(&b);
    rb_session_free(s);
    return rc;
}

int cmd_interview(int argc, char **argv)
{
    static const opt_spec specs[] = {
        { "candidate", 0, true }, { "interviewer", 0, true }, { "session", 0, true },
        { "resume", 0, true }, { "script", 0, true }, { "answers", 0, true },
        { "output", 'o', true }, { "library", 0, true }, { "help", 'h', false },
        { NULL, 0, false },
    };
    opt_parser p = { argc, argv, 1, specs, "interview", false };
    const char *candidate = NULL, *interviewer = NULL, *session = NULL, *resume = NULL;
    const char *script = NULL, *answers = NULL, *output = NULL, *library = NULL;
    const char *plan_path = NULL, *v;
    int o;
    while ((o = cli_next_opt(&p, &v)) != OPT_END) {
        switch (o) {
        case OPT_ERROR: return EXIT_USAGE;
        case OPT_ARG:
            if (plan_path)
                return cli_usage_error("interview", "unexpected argument '%s'", v);
            plan_path = v;
            break;
        case 0: candidate = v; break;
        case 1: interviewer = v; break;
        case 2: session = v; break;
        case 3: resume = v; break;
        case 4: script = v; break;
        case 5: answers = v; break;
        case 6: output = v; break;
        case 7: library = v; break;
        case 8: fputs(help, stdout); return EXIT_OK;
        }
    }
    if (answers) {
        if (plan_path || resume || candidate || session || script)
            return cli_usage_error("interview", "--answers takes only a session file, "
                                   "--interviewer and -o");
    } else if (resume) {
        if (plan_path || candidate || session)
            return cli_usage_error("interview", "--resume FILE continues a session; it "
                                   "takes no plan, --candidate or --session");
        if (output)
            return cli_usage_error("interview", "-o goes with --answers");
    } else {
        if (!plan_path)
            return cli_usage_error("interview", "missing the plan (make one with "
                                   "'rubric plan --role ROLE -o PLAN')");
        if (!candidate)
            return cli_usage_error("interview", "missing --candidate NAME");
        if (!interviewer)
            return cli_usage_error("interview", "missing --interviewer NAME");
        if (output)
            return cli_usage_error("interview", "-o goes with --answers");
    }

    if (!clock_check())
        return cli_usage_error("interview", "$RUBRIC_NOW must be a time in seconds since "
                               "1970, from 0 to %lld", LAST_SECOND);

    rb_library *lib;
    int rc = cli_load(library, &lib);
    if (rc != EXIT_OK)
        return rc;
    if (answers) {
        rc = write_answers(lib, answers, interviewer, output);
        rb_library_free(lib);
        return rc;
    }

    ui u = { .lib = lib, .part = -1 };
    rb_diags *d = rb_diags_new();
    if (!d) {
        rb_library_free(lib);
        return cli_error(EXIT_SYSTEM, "out of memory");
    }
    /* The input first: a script that cannot be read must not leave a
     * new session behind. */
    u.in = cli_input_open(script);
    if (!u.in) {
        rc = cli_error(EXIT_SYSTEM, "cannot read '%s': %s", script ? script : "<stdin>",
                       strerror(errno));
        goto out;
    }
    u.interactive = cli_input_interactive(u.in);
    if (resume) {
        char note[1200];
        u.s = rb_session_resume(lib, resume, interviewer, clock_now(), note, sizeof note, d);
        if (u.s && note[0])
            fprintf(stderr, "%s: warning: %s\n", resume, rb_journal_text_after(resume, note));
    } else {
        char name[512];
        if (!session) {
            default_session_name(candidate, interviewer, name, sizeof name);
            session = name;
        }
        size_t plan_len = 0;
        char *plan_text = rb_plan_read_text(plan_path, &plan_len, d);
        u.s = plan_text ? rb_session_create(lib, session, plan_text, plan_len, plan_path, candidate,
                                            interviewer, clock_now(), d)
                        : NULL;
        free(plan_text);
        if (u.s && !u.interactive)
            printf("Session %s started.\n", session);
    }
    cli_print_diags(stderr, d);
    if (!u.s) {
        rc = cli_exit_for(d);
        goto out;
    }
    u.scorer = rb_scorer_new(lib, d);
    if (!u.scorer) {
        rc = cli_error(EXIT_SYSTEM, "out of memory");
        goto out;
    }
    rc = run(&u);
out:
    rb_scorer_free(u.scorer);
    rb_session_free(u.s);
    cli_input_close(u.in);
    rb_diags_free(d);
    rb_library_free(lib);
    return rc;
}
