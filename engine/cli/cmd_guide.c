/*
 * rubric guide PLAN: the printable interview kit for a plan.
 */
#include <string.h>

#include "cli/cli.h"

static const char help[] =
    "usage: rubric guide [--format md|html] [-o FILE] [--library DIR] PLAN\n"
    "\n"
    "Print the interview kit for a plan made by 'rubric plan': the opening and\n"
    "closing scripts, and per competency the time budget, the questions and their\n"
    "probes, the behaviours to listen for at the target level and the level above,\n"
    "the rating scale with its descriptors, and room for notes.\n"
    "\n"
    "  --format md     Markdown (default)\n"
    "  --format html   one self-contained printable page\n"
    "  -o, --output F  write to F, atomically, instead of standard output\n"
    "\n"
    "Exit status: 0 written (warnings allowed), 1 the plan is invalid, 2 usage,\n"
    "3 a file could not be read or written.\n";

int cmd_guide(int argc, char **argv)
{
    static const opt_spec specs[] = {
        { "format", 0, true }, { "output", 'o', true }, { "library", 0, true },
        { "help", 'h', false }, { NULL, 0, false },
    };
    opt_parser p = { argc, argv, 1, specs, "guide", false };
    const char *format = "md", *output = NULL, *library = NULL, *path = NULL, *v;
    int o;
    while ((o = cli_next_opt(&p, &v)) != OPT_END) {
        switch (o) {
        case OPT_ERROR: return EXIT_USAGE;
        case OPT_ARG:
            if (path)
                return cli_usage_error("guide", "unexpected argument '%s'", v);
            path = v;
            break;
        case 0: format = v; break;
        case 1: output = v; break;
        case 2: library = v; break;
        case 3: fputs(help, stdout); return EXIT_OK;
        }
    }
    bool html = strcmp(format, "html") == 0;
    if (!html && strcmp(format, "md") != 0 && strcmp(format, "markdown") != 0)
        return cli_usage_error("guide", "unknown format '%s' (use md or html)", format);
    if (!path)
        return cli_usage_error("guide", "missing PLAN file (make one with 'rubric plan')");
    rb_library *lib;
    int rc = cli_load(library, &lib);
    if (rc != EXIT_OK)
        return rc;
    rb_diags *d = rb_diags_new();
    if (!d) {
        rb_library_free(lib);
        return cli_error(EXIT_SYSTEM, "out of memory");
    }
    rb_plan *plan = rb_plan_read(lib, path, d);
    rb_diags_sort(d);
    cli_print_diags(stderr, d);
    rc = cli_exit_for(d);
    if (rc == EXIT_OK && plan) {
        rb_buf b = { 0 };
        bool ok = html ? rb_guide_html(plan, &b) : rb_guide_markdown(plan, &b);
        rc = ok ? cli_write(output, &b) : cli_error(EXIT_SYSTEM, "out of memory");
        if (rc == EXIT_OK && output)
            fprintf(stderr, "wrote %s\n", output);
        rb_buf_release(&b);
    } else if (rc == EXIT_OK) {
        rc = EXIT_INVALID;
    }
    rb_plan_free(plan);
    rb_diags_free(d);
    rb_library_free(lib);
    return rc;
}
