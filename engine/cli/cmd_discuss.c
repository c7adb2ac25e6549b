/*
 * rubric discuss SELF MANAGER: the competency discussion planner from an
 * employee's self-assessment and their manager's assessment, following a
 * discussion process of the library.
 */
#include <string.h>

#include "cli/cli.h"

static const char help[] =
    "usage: rubric discuss SELF MANAGER [--process ID] [--format md|html|json]\n"
    "                      [-o FILE] [--library DIR]\n"
    "\n"
    "Prepare a competency discussion between an employee and their manager from\n"
    "their two assessments ('rubric assess --by self' and '--by manager'; the\n"
    "files may come in either order). The planner shows, per competency, both\n"
    "levels side by side, whether they agree or how far apart they are, and both\n"
    "sets of behavioural examples where they differ; the proposed areas of\n"
    "strength (agreed, at or above the role's target) and areas for development\n"
    "(below the target, with the gap); and the steps of the discussion process\n"
    "with their prompts and questions, career conversation questions and growth\n"
    "options, and where to refer the employee when coaching is not the answer.\n"
    "\n"
    "  --process ID    the discussion process (default: the library's only one;\n"
    "                  see 'rubric list')\n"
    "  --format md     Markdown (default)\n"
    "  --format html   one self-contained printable page\n"
    "  --format json   rubric.discussion/1\n"
    "  -o, --output F  write to F (created readable by you only) instead of\n"
    "                  standard output\n"
    "  --library DIR   the rubric library to use\n";

/* The process named by --process, or the library's only one. */
static int choose_process(const rb_library *lib, const char *id, const rb_process **out)
{
    size_t n = rb_library_nprocesses(lib);
    if (id) {
        *out = cli_find_kind(lib, id, RB_KIND_PROCESS);
        return *out ? EXIT_OK : EXIT_INVALID;
    }
    if (n == 1) {
        *out = rb_library_process(lib, 0);
        return EXIT_OK;
    }
    if (n == 0)
        return cli_error(EXIT_INVALID, "the library has no discussion process; add one "
                         "(process \"id\" { ... }, see rubrics/LANGUAGE.md)");
    rb_buf ids = { 0 };
    for (size_t i = 0; i < n; i++)
        rb_buf_printf(&ids, "%s%s", i ? ", " : "", rb_library_process(lib, i)->id);
    int rc = cli_usage_error("discuss", "the library has %zu discussion processes (%s); "
                             "choose one with --process ID", n,
                             rb_buf_ok(&ids) ? rb_buf_str(&ids) : "?");
    rb_buf_release(&ids);
    return rc;
}

int cmd_discuss(int argc, char **argv)
{
    static const opt_spec specs[] = {
        { "process", 0, true }, { "format", 0, true }, { "output", 'o', true },
        { "library", 0, true }, { "help", 'h', false }, { NULL, 0, false },
    };
    opt_parser p = { argc, argv, 1, specs, "discuss", false };
    const char *process_id = NULL, *format = "md", *output = NULL, *library = NULL, *v;
    const char *files[2] = { NULL, NULL };
    int nfiles = 0, o;
    while ((o = cli_next_opt(&p, &v)) != OPT_END) {
        switch (o) {
        case OPT_ERROR: return EXIT_USAGE;
        case OPT_ARG:
            if (nfiles == 2)
                return cli_usage_error("discuss", "unexpected argument '%s': give two "
                                       "assessments", v);
            files[nfiles++] = v;
            break;
        case 0: process_id = v; break;
        case 1: format = v; break;
        case 2: output = v; break;
        case 3: library = v; break;
        case 4: fputs(help, stdout); return EXIT_OK;
        }
    }
    if (nfiles < 2)
        return cli_usage_error("discuss", "give two assessments: the employee's "
                               "self-assessment and the manager's");
    bool md = strcmp(format, "md") == 0 || strcmp(format, "markdown") == 0;
    bool html = strcmp(format, "html") == 0, json = strcmp(format, "json") == 0;
    if (!md && !html && !json)
        return cli_usage_error("discuss", "unknown format '%s' (use md, html or json)",
                               format);
    if (output && strcmp(output, "-") == 0)
        output = NULL;
    rb_library *lib;
    int rc = cli_load(library, &lib);
    if (rc != EXIT_OK)
        return rc;
    const rb_process *process = NULL;
    rc = choose_process(lib, process_id, &process);
    if (rc != EXIT_OK) {
        rb_library_free(lib);
        return rc;
    }
    rb_diags *d = rb_diags_new();
    if (!d) {
        rb_library_free(lib);
        return cli_error(EXIT_SYSTEM, "out of memory");
    }
    rb_assessment *a[2] = { NULL, NULL };
    for (int i = 0; i < 2; i++)
        a[i] = rb_assessment_read(lib, files[i], d);
    rb_discussion *disc = NULL;
    if (a[0] && a[1])
        disc = rb_discussion_make(lib, process, a[0], files[0], a[1], files[1], d);
    cli_print_diags(stderr, d);
    rc = cli_exit_for(d);
    if (disc) {
        rb_buf out = { 0 };
        if (json)
            rb_discussion_json(disc, &out);
        else if (html)
            rb_discussion_html(disc, &out);
        else
            rb_discussion_markdown(disc, &out);
        rc = cli_save_private(output, &out, true);
        rb_buf_release(&out);
    } else if (rc == EXIT_OK) {
        rc = EXIT_INVALID;
    }
    rb_discussion_free(disc);
    rb_assessment_free(a[0]);
    rb_assessment_free(a[1]);
    rb_diags_free(d);
    rb_library_free(lib);
    return rc;
}
