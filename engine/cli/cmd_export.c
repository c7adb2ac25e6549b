/*
 * rubric export: the whole compiled library as JSON.
 */
#include <string.h>

#include "cli/cli.h"

static const char help[] =
    "usage: rubric export [--format json] [--patterns] [-o FILE] [--library DIR]\n"
    "\n"
    "Write the whole compiled library as one JSON document (format\n"
    "rubric.library/1, schema engine/schemas/library.schema.json) with the\n"
    "library's content hash.\n"
    "\n"
    "  -o, --output F  write to F (atomically) instead of standard output\n"
    "  --patterns      instead, one PCRE2 pattern per behaviour, a line each: its\n"
    "                  evidence patterns joined, or an alternation of its key stems\n";

int cmd_export(int argc, char **argv)
{
    static const opt_spec specs[] = {
        { "format", 0, true }, { "output", 'o', true }, { "library", 0, true },
        { "help", 'h', false }, { "patterns", 0, false }, { NULL, 0, false },
    };
    opt_parser p = { argc, argv, 1, specs, "export", false };
    const char *format = "json", *output = NULL, *library = NULL, *v;
    bool patterns = false;
    int o;
    while ((o = cli_next_opt(&p, &v)) != OPT_END) {
        switch (o) {
        case OPT_ERROR: return EXIT_USAGE;
        case OPT_ARG: return cli_usage_error("export", "unexpected argument '%s'", v);
        case 0: format = v; break;
        case 1: output = v; break;
        case 2: library = v; break;
        case 3: fputs(help, stdout); return EXIT_OK;
        case 4: patterns = true; break;
        }
    }
    if (strcmp(format, "json") != 0)
        return cli_usage_error("export", "unknown format '%s' (use json)", format);
    rb_library *lib;
    int rc = cli_load(library, &lib);
    if (rc != EXIT_OK)
        return rc;
    rb_buf b = { 0 };
    if (patterns) {
        rb_diags *d = rb_diags_new();
        rb_scorer *sc = d ? rb_scorer_new(lib, d) : NULL;
        if (!sc || !rb_scorer_patterns(sc, &b)) {
            rb_scorer_free(sc);
            rb_diags_free(d);
            rb_buf_release(&b);
            rb_library_free(lib);
            return cli_error(EXIT_SYSTEM, "out of memory");
        }
        rb_scorer_free(sc);
        rb_diags_free(d);
    } else {
        rb_json_library(lib, &b);
    }
    rc = cli_write(output, &b);
    rb_buf_release(&b);
    rb_library_free(lib);
    return rc;
}
