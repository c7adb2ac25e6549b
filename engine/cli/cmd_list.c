/*
 * rubric list: what the library holds, with ids.
 */
#include <string.h>

#include "cli/cli.h"

static const char help[] =
    "usage: rubric list [--format text|json] [--library DIR]\n"
    "\n"
    "List the scales, competencies, roles, question banks and discussion\n"
    "processes of the library with their ids.\n";

static void section(rb_buf *b, const char *title, size_t n)
{
    rb_buf_printf(b, "%s%s (%zu)\n", b->len ? "\n" : "", title, n);
}

int cmd_list(int argc, char **argv)
{
    static const opt_spec specs[] = {
        { "format", 0, true }, { "library", 0, true }, { "help", 'h', false },
        { NULL, 0, false },
    };
    opt_parser p = { argc, argv, 1, specs, "list", false };
    const char *format = "text", *library = NULL, *v;
    int o;
    while ((o = cli_next_opt(&p, &v)) != OPT_END) {
        switch (o) {
        case OPT_ERROR: return EXIT_USAGE;
        case OPT_ARG: return cli_usage_error("list", "unexpected argument '%s'", v);
        case 0: format = v; break;
        case 1: library = v; break;
        case 2: fputs(help, stdout); return EXIT_OK;
        }
    }
    if (strcmp(format, "text") != 0 && strcmp(format, "json") != 0)
        return cli_usage_error("list", "unknown format '%s' (use text or json)", format);
    rb_library *lib;
    int rc = cli_load(library, &lib);
    if (rc != EXIT_OK)
        return rc;
    rb_buf b = { 0 };
    if (strcmp(format, "json") == 0) {
        rb_json_list(lib, &b);
    } else {
        section(&b, "scales", rb_library_nscales(lib));
        for (size_t i = 0; i < rb_library_nscales(lib); i++)
            rb_buf_printf(&b, "  %-34s %s\n", rb_library_scale(lib, i)->id,
                          rb_library_scale(lib, i)->title);
        section(&b, "competencies", rb_library_ncompetencies(lib));
        for (size_t i = 0; i < rb_library_ncompetencies(lib); i++)
            rb_buf_printf(&b, "  %-34s %s\n", rb_library_competency(lib, i)->id,
                          rb_library_competency(lib, i)->title);
        section(&b, "roles", rb_library_nroles(lib));
        for (size_t i = 0; i < rb_library_nroles(lib); i++)
            rb_buf_printf(&b, "  %-34s %s\n", rb_library_role(lib, i)->id,
                          rb_library_role(lib, i)->title);
        section(&b, "banks", rb_library_nbanks(lib));
        for (size_t i = 0; i < rb_library_nbanks(lib); i++)
            rb_buf_printf(&b, "  %-34s %s\n", rb_library_bank(lib, i)->id,
                          rb_library_bank(lib, i)->title);
        section(&b, "processes", rb_library_nprocesses(lib));
        for (size_t i = 0; i < rb_library_nprocesses(lib); i++)
            rb_buf_printf(&b, "  %-34s %s\n", rb_library_process(lib, i)->id,
                          rb_library_process(lib, i)->title);
    }
    rc = cli_write(NULL, &b);
    rb_buf_release(&b);
    rb_library_free(lib);
    return rc;
}
