/*
 * rubric show ID: one competency, role, scale or bank.
 */
#include <string.h>

#include "cli/cli.h"

static const char help[] =
    "usage: rubric show [--format text|md|json] [-o FILE] [--library DIR] ID\n"
    "\n"
    "Show a competency, role, scale, question bank or discussion process.\n"
    "\n"
    "  --format text   the interview guide page (default)\n"
    "  --format md     Markdown, laid out like a rubric document\n"
    "  --format json   the item as JSON (rubric.item/1)\n"
    "  -o, --output F  write to F instead of standard output\n";

int cmd_show(int argc, char **argv)
{
    static const opt_spec specs[] = {
        { "format", 0, true }, { "output", 'o', true }, { "library", 0, true },
        { "help", 'h', false }, { NULL, 0, false },
    };
    opt_parser p = { argc, argv, 1, specs, "show", false };
    const char *format = "text", *output = NULL, *library = NULL, *id = NULL, *v;
    int o;
    while ((o = cli_next_opt(&p, &v)) != OPT_END) {
        switch (o) {
        case OPT_ERROR: return EXIT_USAGE;
        case OPT_ARG:
            if (id)
                return cli_usage_error("show", "unexpected argument '%s'", v);
            id = v;
            break;
        case 0: format = v; break;
        case 1: output = v; break;
        case 2: library = v; break;
        case 3: fputs(help, stdout); return EXIT_OK;
        }
    }
    if (!id)
        return cli_usage_error("show", "missing ID (see 'rubric list' for ids)");
    bool md = strcmp(format, "md") == 0 || strcmp(format, "markdown") == 0;
    bool json = strcmp(format, "json") == 0;
    if (!md && !json && strcmp(format, "text") != 0)
        return cli_usage_error("show", "unknown format '%s' (use text, md or json)",
                               format);
    rb_library *lib;
    int rc = cli_load(library, &lib);
    if (rc != EXIT_OK)
        return rc;
    rb_item item;
    if (!rb_library_find(lib, id, &item)) {
        const char *near = rb_library_suggest(lib, id);
        if (near)
            cli_error(EXIT_INVALID, "nothing in the library has id '%s' (did you "
                      "mean '%s'?)", id, near);
        else
            cli_error(EXIT_INVALID, "nothing in the library has id '%s'; run "
                      "'rubric list' to see the ids", id);
        rb_library_free(lib);
        return EXIT_INVALID;
    }
    if (item.kind != RB_KIND_COMPETENCY && item.kind != RB_KIND_ROLE &&
        item.kind != RB_KIND_SCALE && item.kind != RB_KIND_BANK &&
        item.kind != RB_KIND_PROCESS) {
        const char *owner = item.competency ? item.competency->id
                            : item.bank     ? item.bank->id
                            : item.process  ? item.process->id : "?";
        cli_error(EXIT_INVALID, "'%s' is a %s inside '%s'; show '%s' instead", id,
                  rb_kind_name(item.kind), owner, owner);
        rb_library_free(lib);
        return EXIT_INVALID;
    }
    rb_buf b = { 0 };
    if (json)
        rb_json_item(lib, &item, &b);
    else if (md)
        rb_render_markdown(lib, &item, &b);
    else
        rb_render_text(lib, &item, &b);
    rc = cli_write(output, &b);
    rb_buf_release(&b);
    rb_library_free(lib);
    return rc;
}
