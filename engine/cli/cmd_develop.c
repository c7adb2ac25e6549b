/*
 * rubric develop: record the development plan agreed in a competency
 * discussion, at the terminal or from a script of line commands; and
 * rubric develop show: the plan as Markdown, HTML or JSON.
 */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "cli/lineinput.h"

static const char help_head[] =
    "usage: rubric develop --role ROLE --person NAME [--manager NAME]\n"
    "                      [--script FILE|-] [-o PLAN.json] [--library DIR]\n"
    "       rubric develop show PLAN [--format md|html|json] [-o FILE]\n"
    "\n"
    "Record the development plan an employee and their manager agree at the end\n"
    "of a competency discussion: two or three competencies to develop, a target\n"
    "level for each, the barriers they foresee, the employee's actions, the\n"
    "manager's support, a timeframe and the date of the follow-up meeting. The\n"
    "plan is written as rubric.devplan/1 JSON, readable by its owner only (mode\n"
    "0600). At the terminal the plan is entered line by line with editing and\n"
    "history; with --script (or input from a pipe) the same lines come from a\n"
    "file, and the first mistake stops it with FILE:LINE: error: ... and nothing\n"
    "is written.\n"
    "\n"
    "  --role ROLE        the employee's role (see 'rubric list')\n"
    "  --person NAME      the employee, who owns the plan\n"
    "  --manager NAME     the manager who coaches them\n"
    "  --script FILE      read the commands from FILE ('-': standard input)\n"
    "  -o, --output FILE  write the plan to FILE (refused when FILE exists);\n"
    "                     needed at the terminal, else standard output\n"
    "\n"
    "Commands, one per line:\n";

static const char help_tail[] =
    "\n"
    "The plan belongs to the employee: nothing in it is shared with the\n"
    "next-level leader unless marked with /share; 'rubric share PLAN' writes the\n"
    "export holding only the shared parts. Record progress on the actions with\n"
    "'rubric followup PLAN'.\n"
    "\n"
    "rubric develop show PLAN prints a plan: --format md (default), html (one\n"
    "self-contained printable page) or json; with -o FILE it is written to FILE\n"
    "(mode 0600). Markdown and HTML start with the line\n"
    "<!-- rubric-person: \"NAME\" --> so that 'rubric purge' can find them.\n"
    "\n"
    "Today's date is taken from RUBRIC_TODAY (YYYY-MM-DD) when it is set.\n"
    "\n"
    "Exit status: 0 written (warnings allowed), 1 invalid input or a mistake in\n"
    "the script (nothing written), 2 usage, 3 a file could not be read or\n"
    "written.\n";

static void print_help(void)
{
    fputs(help_head, stdout);
    fputs(rb_devplan_commands_help, stdout);
    fputs(help_tail, stdout);
}

/* ---- develop show ----------------------------------------------------------- */

static int show(int argc, char **argv)
{
    static const opt_spec specs[] = {
        { "format", 0, true }, { "output", 'o', true }, { "help", 'h', false },
        { NULL, 0, false },
    };
    opt_parser p = { argc, argv, 1, specs, "develop", false };
    const char *format = "md", *output = NULL, *path = NULL, *v;
    int o;
    while ((o = cli_next_opt(&p, &v)) != OPT_END) {
        switch (o) {
        case OPT_ERROR: return EXIT_USAGE;
        case OPT_ARG:
            if (path)
                return cli_usage_error("develop", "unexpected argument '%s'", v);
            path = v;
            break;
        case 0: format = v; break;
        case 1: output = v; break;
        case 2: print_help(); return EXIT_OK;
        }
    }
    bool md = strcmp(format, "md") == 0 || strcmp(format, "markdown") == 0;
    bool html = strcmp(format, "html") == 0, json = strcmp(format, "json") == 0;
    if (!md && !html && !json)
        return cli_usage_error("develop", "unknown format '%s' (use md, html or json)", format);
    if (!path)
        return cli_usage_error("develop", "missing PLAN file (make one with 'rubric develop')");
    rb_diags *d = rb_diags_new();
    if (!d)
        return cli_error(EXIT_SYSTEM, "out of memory");
    rb_devplan *plan = rb_devplan_read(path, d);
    int rc = cli_read_done(d, plan != NULL);
    if (rc == EXIT_OK) {
        rb_buf b = { 0 };
        bool ok = json ? rb_devplan_json(plan, &b)
                  : html ? rb_devplan_html(plan, &b) : rb_devplan_markdown(plan, &b);
        rc = cli_save_private(output, &b, ok);
        rb_buf_release(&b);
    }
    rb_devplan_free(plan);
    return rc;
}

/* ---- develop ---------------------------------------------------------------- */

/* A person's name from the command line: text a person could type, one line. */
static bool name_ok(const char *opt, const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > RB_DEVPLAN_MAX_NAME) {
        cli_usage_error("develop", "%s must be 1 to %zu bytes long", opt, RB_DEVPLAN_MAX_NAME);
        return false;
    }
    if (!rb_text_valid(s, n)) {
        cli_usage_error("develop", "%s is not valid UTF-8 text", opt);
        return false;
    }
    for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
        if (*c < 0x20 || *c == 0x7f) {
            cli_usage_error("develop", "%s must be on one line, without control characters",
                            opt);
            return false;
        }
    }
    return true;
}

static void print_line_diags(const cli_input *in, const rb_diags *d, bool interactive)
{
    for (size_t i = 0; i < rb_diags_count(d); i++) {
        const rb_diag *g = rb_diags_at(d, i);
        const char *sev = g->severity == RB_ERROR ? "error" : "warning";
        if (interactive)
            printf("%s: %s\n", sev, g->message);
        else
            fprintf(stderr, "%s:%ld: %s: %s\n", cli_input_name(in), cli_input_lineno(in), sev,
                    g->message);
    }
}

/* Read lines until /done (or a mistake in a script). EXIT_OK when the plan
 * is complete and should be written. */
static int session(rb_devplan_editor *ed, cli_input *in)
{
    bool interactive = cli_input_interactive(in);
    bool done = false;
    rb_buf reply = { 0 };
    int rc = EXIT_OK;
    for (;;) {
        const char *line;
        cli_input_status st = cli_input_read(in, done ? "" : "plan> ", &line);
        if (st == CLI_INPUT_EOF)
            break;
        if (st == CLI_INPUT_ERROR) {
            rc = cli_error(EXIT_SYSTEM, "cannot read %s: %s", cli_input_name(in),
                           strerror(errno));
            break;
        }
        rb_diags *d = rb_diags_new();
        if (!d) {
            rc = cli_error(EXIT_SYSTEM, "out of memory");
            break;
        }
        rb_edit_status es;
        rb_buf_reset(&reply);
        if (st == CLI_INPUT_TOO_LONG) {
            rb_diags_add(d, RB_ERROR, RB_DIAG_INPUT, NULL, 0, 0, NULL,
                         "the line is longer than %zu KiB; split it", CLI_MAX_INPUT_LINE >> 10);
            es = RB_EDIT_ERROR;
        } else if (st == CLI_INPUT_BAD_TEXT) {
            rb_diags_add(d, RB_ERROR, RB_DIAG_INPUT, NULL, 0, 0, NULL,
                         "the line is not valid UTF-8 text");
            es = RB_EDIT_ERROR;
        } else if (done) {
            const char *s = line + strspn(line, " \t");
            es = RB_EDIT_OK;
            if (*s && *s != '#') {
                rb_diags_add(d, RB_ERROR, RB_DIAG_INPUT, NULL, 0, 0, NULL,
                             "nothing may follow /done; move this line before it");
                es = RB_EDIT_ERROR;
            }
        } else {
            es = rb_devplan_edit(ed, line, d, &reply);
        }
        print_line_diags(in, d, interactive);
        rb_diags_free(d);
        if (es == RB_EDIT_NOMEM) {
            rc = cli_error(EXIT_SYSTEM, "out of memory");
            break;
        }
        if (interactive && reply.len)
            fputs(rb_buf_str(&reply), stdout);
        if (es == RB_EDIT_ERROR && !interactive) {
            rc = EXIT_INVALID;
            break;
        }
        if (es == RB_EDIT_QUIT) {
            if (interactive)
                printf("Nothing saved.\n");
            else
                fprintf(stderr, "%s:%ld: error: the script quits with /quit; nothing was "
                        "written\n", cli_input_name(in), cli_input_lineno(in));
            rc = EXIT_INVALID;
            break;
        }
        if (es == RB_EDIT_DONE) {
            done = true;
            if (interactive)
                break;
        }
    }
    rb_buf_release(&reply);
    if (rc == EXIT_OK && !done) {
        if (interactive) {
            printf("\nNothing saved (the plan is saved with /done).\n");
        } else {
            fprintf(stderr, "%s:%ld: error: the script ends without /done; nothing was "
                    "written\n", cli_input_name(in), cli_input_lineno(in));
        }
        rc = EXIT_INVALID;
    }
    return rc;
}

int cmd_develop(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "show") == 0)
        return show(argc - 1, argv + 1);
    static const opt_spec specs[] = {
        { "role", 0, true }, { "person", 0, true }, { "manager", 0, true },
        { "script", 0, true }, { "output", 'o', true }, { "library", 0, true },
        { "help", 'h', false }, { NULL, 0, false },
    };
    opt_parser p = { argc, argv, 1, specs, "develop", false };
    const char *role_id = NULL, *person = NULL, *manager = NULL, *script = NULL;
    const char *output = NULL, *library = NULL, *v;
    int o;
    while ((o = cli_next_opt(&p, &v)) != OPT_END) {
        switch (o) {
        case OPT_ERROR: return EXIT_USAGE;
        case OPT_ARG: return cli_usage_error("develop", "unexpected argument '%s'", v);
        case 0: role_id = v; break;
        case 1: person = v; break;
        case 2: manager = v; break;
        case 3: script = v; break;
        case 4: output = v; break;
        case 5: library = v; break;
        case 6: print_help(); return EXIT_OK;
        }
    }
    if (!role_id)
        return cli_usage_error("develop", "missing --role ROLE (see 'rubric list' for roles)");
    if (!person)
        return cli_usage_error("develop", "missing --person NAME: whose plan is it?");
    if (!name_ok("--person", person) || (manager && !name_ok("--manager", manager)))
        return EXIT_USAGE;
    if (output && strcmp(output, "-") == 0)
        output = NULL;
    if (output && cli_check_new_output(output, "the plan") != EXIT_OK)
        return EXIT_INVALID;
    rb_date today;
    int rc = cli_today(&today);
    if (rc != EXIT_OK)
        return rc;
    rb_library *lib;
    rc = cli_load(library, &lib);
    if (rc != EXIT_OK)
        return rc;
    const rb_role *role = cli_find_role(lib, role_id);
    if (!role) {
        rb_library_free(lib);
        return EXIT_INVALID;
    }
    cli_input *in = cli_input_open(script);
    if (!in) {
        rc = cli_error(EXIT_SYSTEM, "cannot read '%s': %s", script ? script : "<stdin>",
                       strerror(errno));
        rb_library_free(lib);
        return rc;
    }
    if (cli_input_interactive(in) && !output) {
        cli_input_close(in);
        rb_library_free(lib);
        return cli_usage_error("develop", "at the terminal, give -o PLAN.json: the file the "
                               "plan is saved to");
    }
    rb_devplan_editor *ed = rb_devplan_editor_new(lib, role, person, manager, today);
    if (!ed) {
        cli_input_close(in);
        rb_library_free(lib);
        return cli_error(EXIT_SYSTEM, "out of memory");
    }
    if (cli_input_interactive(in)) {
        char date[RB_DATE_TEXT];
        rb_date_format(today, date);
        printf("Development plan for %s, %s, agreed %s.\n"
               "Enter it one command at a time: /competency ID, /target N, /action TEXT,\n"
               "/barrier TEXT, /support TEXT, /timeframe TEXT, /followup YYYY-MM-DD, /share.\n"
               "/help lists the commands; /done saves the plan.\n",
               person, role->title, date);
    }
    rc = session(ed, in);
    if (rc == EXIT_OK) {
        rb_buf b = { 0 };
        rc = rb_devplan_json(rb_devplan_editor_plan(ed), &b)
                 ? cli_write_new_private(output, &b) : cli_error(EXIT_SYSTEM, "out of memory");
        if (rc == EXIT_OK && output) {
            if (cli_input_interactive(in))
                printf("Saved the plan to %s.\n", output);
            else
                fprintf(stderr, "wrote %s\n", output);
        }
        rb_buf_release(&b);
    }
    rb_devplan_editor_free(ed);
    cli_input_close(in);
    rb_library_free(lib);
    return rc;
}
