/*
 * rubric assess: one side's assessment of a person's competencies for a
 * role (the employee's own, or their manager's), at the terminal or from a
 * script of the same commands. The employee and the manager each assess
 * alone, into separate files, before they discuss (rubric discuss).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/lineinput.h"

static const char help[] =
    "usage: rubric assess --role ROLE --person NAME --by self|manager\n"
    "                     [--assessor NAME] [--script FILE|-] [-o FILE]\n"
    "\n"
    "Assess a person's competencies for a role before a competency discussion.\n"
    "The employee (--by self) and the manager (--by manager) each assess alone,\n"
    "into separate files; 'rubric discuss' then sets the two side by side.\n"
    "\n"
    "For each competency of the role you see its definition, the role's target\n"
    "level and every level with its behaviours. Give the level you see, the\n"
    "behavioural examples that support it (what the person did, when, and what\n"
    "came of it), and whether the entry may be shared with the next-level leader.\n"
    "The assessment belongs to the person assessed: nothing is shared unless\n"
    "they say so.\n"
    "\n"
    "  --role ROLE      the role (see 'rubric list')\n"
    "  --person NAME    the person assessed\n"
    "  --by self|manager\n"
    "                   self: the person assesses themself; manager: their manager\n"
    "  --assessor NAME  the manager's name (needed with --by manager)\n"
    "  --script FILE    read the commands from FILE ('-': standard input) instead\n"
    "                   of the terminal; the first error stops the script, and\n"
    "                   nothing is written\n"
    "  -o, --output F   write the assessment to F (created readable by you only);\n"
    "                   needed at the terminal, else standard output\n"
    "  --library DIR    the rubric library to use\n"
    "\n"
    "Commands (a line that does not start with '/' is example text):\n"
    "  TEXT         add to the current example; an empty line ends it, so the\n"
    "               next line starts a new example\n"
    "  //TEXT       example text that begins with '/'\n"
    "  /level N     the level you see for this competency\n"
    "  /share yes   the person lets this entry go to the next-level leader\n"
    "  /share no    keep it between the two of you (the default)\n"
    "  /drop        take back the last example of this competency\n"
    "  /next, /back move to the next or the previous competency\n"
    "  /jump N      go to competency N (or give its id)\n"
    "  /show        this competency again\n"
    "  /status      every competency with its level, examples and share\n"
    "  /help        these commands\n"
    "  /done        save the assessment (every competency needs a level)\n"
    "  /quit        leave without saving\n"
    "\n"
    "The date is today's, or $RUBRIC_TODAY (YYYY-MM-DD) when it is set.\n";

typedef struct ui {
    const rb_library *lib;
    rb_assessment *a;
    cli_input *in;
    bool interactive;
    size_t current;      /* the competency shown */
    rb_buf example;      /* the example being typed */
    size_t example_for;  /* ... and its competency */
    bool leave_asked;    /* at the terminal: /quit or Ctrl-D once more leaves */
    char error[512];     /* the problem with the last line */
} ui;

/* Whether leaving now would throw away something typed. */
static bool has_work(const ui *u)
{
    if (u->example.len)
        return true;
    for (size_t i = 0; i < u->a->ncompetencies; i++) {
        const rb_assessment_entry *e = &u->a->competencies[i];
        if (e->has_level || e->nexamples || e->share)
            return true;
    }
    return false;
}

/* At the terminal, leaving with unsaved work asks once more. True when the
 * user has been asked (and the session goes on). */
static bool ask_before_leaving(ui *u)
{
    if (!u->interactive || u->leave_asked || !has_work(u))
        return false;
    u->leave_asked = true;
    printf("\nNothing is saved yet: /done saves the assessment; /quit again (or Ctrl-D) "
           "leaves without saving.\n");
    return true;
}

static bool fail(ui *u, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static bool fail(ui *u, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(u->error, sizeof u->error, fmt, ap);
    va_end(ap);
    return false;
}

/* Screen output, only for a person at the terminal. */
static void say(ui *u, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void say(ui *u, const char *fmt, ...)
{
    if (!u->interactive)
        return;
    va_list ap;
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
}

static const rb_need *need_of(const ui *u, size_t i)
{
    return &u->a->role->needs[i];
}

static const char *level_name(const rb_competency *c, int n)
{
    const rb_scale_level *sl = c->scale ? rb_scale_level_of(c->scale, n) : NULL;
    return sl ? sl->name : "";
}

static void show_state(ui *u)
{
    const rb_assessment_entry *e = &u->a->competencies[u->current];
    if (e->has_level)
        say(u, "Your level: %d %s", e->level, level_name(e->competency, e->level));
    else
        say(u, "Your level: not given yet (/level N)");
    say(u, " · examples: %zu · shared: %s\n", e->nexamples, e->share ? "yes" : "no");
}

static void show_competency(ui *u)
{
    if (!u->interactive)
        return;
    const rb_need *n = need_of(u, u->current);
    const rb_competency *c = n->competency;
    printf("\n== Competency %zu of %zu: %s (%s) ==\n", u->current + 1,
           u->a->ncompetencies, c->title, c->id);
    /* Not a terminal (a script whose screen is shown anyway): 78 columns;
     * a terminal too narrow to wrap in: as it comes. */
    size_t width = cli_screen_width();
    if (!width && !isatty(STDOUT_FILENO))
        width = 78;
    cli_print_wrapped(NULL, c->definition, NULL, width);
    printf("Target level for %s: %d %s\n", u->a->role->title, n->target,
           level_name(c, n->target));
    for (size_t i = 0; i < c->nlevels; i++) {
        const rb_level *lv = &c->levels[i];
        const rb_scale_level *sl = c->scale ? rb_scale_level_of(c->scale, lv->number) : NULL;
        char label[160];
        snprintf(label, sizeof label, "%d %s%s:", lv->number, sl ? sl->name : "",
                 lv->number == n->target ? " (target)" : "");
        putchar('\n');
        cli_print_wrapped("  ", label, NULL, width);
        cli_print_wrapped("     ", lv->summary ? lv->summary : sl ? sl->descriptor : "", NULL,
                          width);
        for (size_t k = 0; k < lv->nbehaviours; k++)
            cli_print_wrapped("     - ", lv->behaviours[k].text, NULL, width);
    }
    putchar('\n');
    show_state(u);
    cli_print_wrapped(NULL,
                      "Type examples of what you saw (an empty line ends one), /level N, "
                      "/share yes|no, /next; /help for more.",
                      NULL, width);
}

static void show_status(ui *u)
{
    if (!u->interactive)
        return;
    printf("\n%s of %s (%s) for %s, %s\n", u->a->by == RB_BY_SELF ? "Self-assessment"
                                                                 : "Assessment",
           u->a->person, u->a->by == RB_BY_SELF ? "by themself" : u->a->assessor,
           u->a->role->title, u->a->date);
    for (size_t i = 0; i < u->a->ncompetencies; i++) {
        const rb_assessment_entry *e = &u->a->competencies[i];
        char level[80] = "no level yet";
        if (e->has_level)
            snprintf(level, sizeof level, "%d %s", e->level,
                     level_name(e->competency, e->level));
        printf("%s %zu. %-34s %-18s %2zu example%s  %s\n", i == u->current ? ">" : " ",
               i + 1, e->competency->title, level, e->nexamples,
               e->nexamples == 1 ? " " : "s", e->share ? "shared" : "not shared");
    }
}

/* The example being typed goes to its competency. */
static bool commit_example(ui *u)
{
    if (!u->example.len)
        return true;
    if (!rb_buf_ok(&u->example))
        return fail(u, "out of memory");
    size_t i = u->example_for;
    bool ok = rb_assessment_add_example(u->a, i, rb_buf_str(&u->example));
    rb_buf_reset(&u->example);
    if (!ok)
        return fail(u, "%s already has %d examples; that is the limit",
                    u->a->competencies[i].competency->title, RB_MAX_EXAMPLES);
    say(u, "(example %zu added)\n", u->a->competencies[i].nexamples);
    return true;
}

static bool add_text(ui *u, const char *text)
{
    for (const unsigned char *p = (const unsigned char *)text; *p; p++)
        if ((*p < 0x20 && *p != '\t') || *p == 0x7f)
            return fail(u, "this line holds a control character; type plain text");
    size_t len = strlen(text);
    while (len && (text[len - 1] == ' ' || text[len - 1] == '\t'))
        len--;
    if (u->example.len && u->example_for != u->current && !commit_example(u))
        return false;
    if (u->example.len + 1 + len > RB_MAX_EXAMPLE)
        return fail(u, "this example is longer than %zu bytes; end it with an empty line "
                    "and start another", RB_MAX_EXAMPLE);
    if (u->example.len)
        rb_buf_putc(&u->example, '\n');
    else
        u->example_for = u->current;
    rb_buf_append(&u->example, text, len);
    return true;
}

static bool parse_int(const char *s, long *out)
{
    if (!*s)
        return false;
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || *end)
        return false;
    *out = v;
    return true;
}

static bool do_level(ui *u, const char *arg)
{
    const rb_competency *c = u->a->competencies[u->current].competency;
    const rb_scale *s = c->scale;
    int lo = s->levels[0].number, hi = s->levels[s->nlevels - 1].number;
    long v;
    if (!*arg)
        return fail(u, "give the level, as in /level %d (levels %d to %d)", hi, lo, hi);
    if (!parse_int(arg, &v) || v < lo || v > hi ||
        !rb_assessment_set_level(u->a, u->current, (int)v))
        return fail(u, "%s has no level '%s'; give a level from %d to %d", c->title, arg,
                    lo, hi);
    say(u, "Level %ld %s for %s.\n", v, level_name(c, (int)v), c->title);
    return true;
}

static bool do_share(ui *u, const char *arg)
{
    if (strcmp(arg, "yes") == 0)
        rb_assessment_set_share(u->a, u->current, true);
    else if (strcmp(arg, "no") == 0)
        rb_assessment_set_share(u->a, u->current, false);
    else
        return fail(u, "write /share yes (the next-level leader may see this entry) or "
                    "/share no");
    say(u, "%s: %s.\n", u->a->competencies[u->current].competency->title,
        u->a->competencies[u->current].share ? "may be shared with the next-level leader"
                                             : "not shared");
    return true;
}

static bool do_jump(ui *u, const char *arg)
{
    long v;
    size_t n = u->a->ncompetencies;
    if (parse_int(arg, &v) && v >= 1 && (size_t)v <= n) {
        u->current = (size_t)v - 1;
        show_competency(u);
        return true;
    }
    for (size_t i = 0; i < n; i++)
        if (strcmp(u->a->competencies[i].competency->id, arg) == 0) {
            u->current = i;
            show_competency(u);
            return true;
        }
    if (!*arg)
        return fail(u, "give the competency's number (1 to %zu) or id, as in /jump 2", n);
    return fail(u, "there is no competency '%s' here; give a number from 1 to %zu or an id "
                "(/status lists them)", arg, n);
}

/* Every competency needs a level before the assessment is saved. */
static bool ready(ui *u)
{
    rb_buf missing = { 0 };
    size_t n = 0;
    for (size_t i = 0; i < u->a->ncompetencies; i++) {
        if (u->a->competencies[i].has_level)
            continue;
        rb_buf_printf(&missing, "%s%s (%zu)", n++ ? ", " : "",
                      u->a->competencies[i].competency->title, i + 1);
    }
    if (n)
        fail(u, "no level yet for %s; go there with /jump N and give one with /level N",
             rb_buf_ok(&missing) ? rb_buf_str(&missing) : "some competencies");
    rb_buf_release(&missing);
    return n == 0;
}

enum step { GO_ON, DONE, QUIT };

/* One line of input. False with u->error set when the line is wrong. */
static bool handle(ui *u, const char *line, enum step *step)
{
    *step = GO_ON;
    if (line[0] != '/' || line[1] == '/') {
        const char *text = line[0] == '/' ? line + 1 : line;
        if (!text[strspn(text, " \t")])
            return commit_example(u);
        return add_text(u, text);
    }
    if (!commit_example(u))
        return false;
    char name[16];
    size_t nl = strcspn(line + 1, " \t");
    if (nl >= sizeof name)
        nl = sizeof name - 1;
    memcpy(name, line + 1, nl);
    name[nl] = '\0';
    const char *arg = line + 1 + strcspn(line + 1, " \t");
    arg += strspn(arg, " \t");
    char argbuf[256];
    snprintf(argbuf, sizeof argbuf, "%s", arg);
    for (size_t k = strlen(argbuf); k && (argbuf[k - 1] == ' ' || argbuf[k - 1] == '\t');)
        argbuf[--k] = '\0';
    bool takes_arg = strcmp(name, "level") == 0 || strcmp(name, "share") == 0 ||
                     strcmp(name, "jump") == 0;
    if (!takes_arg && *argbuf)
        return fail(u, "/%s takes nothing after it", name);
    if (strcmp(name, "level") == 0)
        return do_level(u, argbuf);
    if (strcmp(name, "share") == 0)
        return do_share(u, argbuf);
    if (strcmp(name, "jump") == 0)
        return do_jump(u, argbuf);
    if (strcmp(name, "next") == 0) {
        if (u->current + 1 < u->a->ncompetencies) {
            u->current++;
            show_competency(u);
        } else {
            say(u, "That was the last competency: /status to look back, /done to save.\n");
        }
        return true;
    }
    if (strcmp(name, "back") == 0) {
        if (u->current == 0)
            return fail(u, "this is the first competency; there is none before it");
        u->current--;
        show_competency(u);
        return true;
    }
    if (strcmp(name, "drop") == 0) {
        if (!rb_assessment_drop_example(u->a, u->current))
            return fail(u, "%s has no examples to take back",
                        u->a->competencies[u->current].competency->title);
        say(u, "(last example taken back; %zu left)\n",
            u->a->competencies[u->current].nexamples);
        return true;
    }
    if (strcmp(name, "show") == 0) {
        show_competency(u);
        return true;
    }
    if (strcmp(name, "status") == 0) {
        show_status(u);
        return true;
    }
    if (strcmp(name, "help") == 0) {
        if (u->interactive)
            fputs(strstr(help, "Commands"), stdout);
        return true;
    }
    if (strcmp(name, "done") == 0) {
        if (!ready(u))
            return false;
        *step = DONE;
        return true;
    }
    if (strcmp(name, "quit") == 0) {
        *step = QUIT;
        return true;
    }
    return fail(u, "unknown command '/%s'; type /help for the commands", name);
}

static int run(ui *u, const char *output)
{
    show_status(u);
    show_competency(u);
    char prompt[64];
    for (;;) {
        snprintf(prompt, sizeof prompt, "[%zu/%zu] > ", u->current + 1, u->a->ncompetencies);
        const char *line;
        cli_input_status st = cli_input_read(u->in, prompt, &line);
        enum step step = GO_ON;
        bool ok = true;
        switch (st) {
        case CLI_INPUT_LINE:
            ok = handle(u, line, &step);
            break;
        case CLI_INPUT_TOO_LONG:
            ok = fail(u, "this line is longer than %zu bytes", CLI_MAX_INPUT_LINE);
            break;
        case CLI_INPUT_BAD_TEXT:
            ok = fail(u, "this line is not valid UTF-8 text");
            break;
        case CLI_INPUT_ERROR:
            return cli_error(EXIT_SYSTEM, "cannot read %s: %s", cli_input_name(u->in),
                             strerror(errno));
        case CLI_INPUT_EOF:
            if (ask_before_leaving(u))
                continue;
            if (u->interactive) {
                printf("\nLeft without saving; nothing was written.\n");
                return EXIT_INVALID;
            }
            if (cli_input_lineno(u->in) == 0)
                fprintf(stderr, "%s: error: the script is empty; nothing was written\n",
                        cli_input_name(u->in));
            else
                fprintf(stderr, "%s:%ld: error: the script ended without /done; nothing "
                        "was written\n", cli_input_name(u->in), cli_input_lineno(u->in));
            return EXIT_INVALID;
        }
        if (!ok) {
            if (!u->interactive) {
                fprintf(stderr, "%s:%ld: error: %s\n", cli_input_name(u->in),
                        cli_input_lineno(u->in), u->error);
                return EXIT_INVALID;
            }
            printf("! %s\n", u->error);
            continue;
        }
        if (step == QUIT) {
            if (ask_before_leaving(u))
                continue;
            say(u, "Left without saving; nothing was written.\n");
            return EXIT_OK;
        }
        u->leave_asked = false;
        if (step != DONE)
            continue;
        rb_buf out = { 0 };
        rb_assessment_json(u->a, &out);
        int rc = output ? cli_write_new_private(output, &out)
                        : cli_write_mode(NULL, &out, 0600);
        rb_buf_release(&out);
        if (rc == EXIT_OK) {
            say(u, "Saved to %s.\n", output);
            return EXIT_OK;
        }
        if (!u->interactive || !output)
            return rc;
        /* The session stays: what was typed is not lost to a full disk or
         * a file that appeared meanwhile. */
        printf("! the assessment is not saved; fix the problem above and type /done again\n");
    }
}

int cmd_assess(int argc, char **argv)
{
    static const opt_spec specs[] = {
        { "role", 0, true },    { "person", 0, true }, { "by", 0, true },
        { "assessor", 0, true }, { "script", 0, true }, { "output", 'o', true },
        { "library", 0, true }, { "help", 'h', false }, { NULL, 0, false },
    };
    opt_parser p = { argc, argv, 1, specs, "assess", false };
    const char *role_id = NULL, *person = NULL, *by = NULL, *assessor = NULL;
    const char *script = NULL, *output = NULL, *library = NULL, *v;
    int o;
    while ((o = cli_next_opt(&p, &v)) != OPT_END) {
        switch (o) {
        case OPT_ERROR: return EXIT_USAGE;
        case OPT_ARG: return cli_usage_error("assess", "unexpected argument '%s'", v);
        case 0: role_id = v; break;
        case 1: person = v; break;
        case 2: by = v; break;
        case 3: assessor = v; break;
        case 4: script = v; break;
        case 5: output = v; break;
        case 6: library = v; break;
        case 7: fputs(help, stdout); return EXIT_OK;
        }
    }
    if (!role_id)
        return cli_usage_error("assess", "missing --role ROLE (see 'rubric list' for roles)");
    if (!person)
        return cli_usage_error("assess", "missing --person NAME: who is assessed");
    if (!by)
        return cli_usage_error("assess", "missing --by self or --by manager: who assesses");
    rb_assessor_side side;
    if (!rb_assessor_side_parse(by, &side))
        return cli_usage_error("assess", "--by is '%s'; use --by self or --by manager", by);
    if (!rb_assessment_name_valid(person))
        return cli_usage_error("assess", "--person must be a name of 1 to %zu bytes without "
                               "control characters", RB_MAX_NAME);
    if (side == RB_BY_MANAGER) {
        if (!assessor)
            return cli_usage_error("assess", "--by manager needs --assessor NAME: the "
                                   "manager's name");
        if (!rb_assessment_name_valid(assessor))
            return cli_usage_error("assess", "--assessor must be a name of 1 to %zu bytes "
                                   "without control characters", RB_MAX_NAME);
        if (strcmp(assessor, person) == 0)
            return cli_usage_error("assess", "the manager and the person assessed are both "
                                   "'%s'; for your own view use --by self", person);
    } else if (assessor && strcmp(assessor, person) != 0) {
        return cli_usage_error("assess", "a self-assessment is made by the person assessed; "
                               "leave out --assessor, or use --by manager");
    }
    if (output && strcmp(output, "-") == 0)
        output = NULL;
    if (output && cli_check_new_output(output, "the assessment") != EXIT_OK)
        return EXIT_INVALID;
    rb_date today;
    int rc = cli_today(&today);
    if (rc != EXIT_OK)
        return rc;
    char date[RB_DATE_TEXT];
    rb_date_format(today, date);

    cli_input *in = cli_input_open(script);
    if (!in)
        return cli_error(script ? EXIT_INVALID : EXIT_SYSTEM, "cannot read %s: %s",
                         script ? script : "standard input", strerror(errno));
    if (cli_input_interactive(in) && !output) {
        cli_input_close(in);
        return cli_usage_error("assess", "at the terminal, give -o FILE: where to save the "
                               "assessment");
    }
    rb_library *lib;
    rc = cli_load(library, &lib);
    if (rc != EXIT_OK) {
        cli_input_close(in);
        return rc;
    }
    const rb_role *role = cli_find_role(lib, role_id);
    if (!role) {
        cli_input_close(in);
        rb_library_free(lib);
        return EXIT_INVALID;
    }
    ui u = { .lib = lib, .in = in, .interactive = cli_input_interactive(in) };
    u.a = rb_assessment_new(lib, role, person, side, assessor, date);
    if (!u.a) {
        rc = cli_error(EXIT_SYSTEM, "out of memory");
    } else {
        rc = run(&u, output);
    }
    rb_buf_release(&u.example);
    rb_assessment_free(u.a);
    cli_input_close(in);
    rb_library_free(lib);
    return rc;
}
