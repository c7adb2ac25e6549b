/*
 * rubric check [PATH...]: validate rubric files and report every problem.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"

static const char help[] =
    "usage: rubric check [--format text|json] [--no-library] [--library DIR] [PATH...]\n"
    "\n"
    "Validate rubric files and report every problem found, each as\n"
    "'file:line: error: message' (or warning).\n"
    "\n"
    "  PATH            a .lua file or a library folder; without PATH, the library\n"
    "  --format F      text (default) or json (for editors and CI)\n"
    "  --no-library    check the given files on their own; by default files are\n"
    "                  checked together with the library, so they can use its\n"
    "                  scales and competencies\n"
    "  --library DIR   the library to use (default: $RUBRIC_LIBRARY, else shipped)\n"
    "\n"
    "Exit status: 0 no errors (warnings allowed), 1 errors found, 2 usage,\n"
    "3 a file could not be read.\n";

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int cmd_check(int argc, char **argv)
{
    static const opt_spec specs[] = {
        { "format", 0, true }, { "no-library", 0, false }, { "library", 0, true },
        { "help", 'h', false }, { NULL, 0, false },
    };
    opt_parser p = { argc, argv, 1, specs, "check", false };
    const char *format = "text", *library = NULL, *v;
    bool no_library = false;
    const char **paths = calloc((size_t)argc + 1, sizeof(char *));
    if (!paths)
        return cli_error(EXIT_SYSTEM, "out of memory");
    size_t npaths = 0;
    bool any_dir = false;
    int o;
    while ((o = cli_next_opt(&p, &v)) != OPT_END) {
        switch (o) {
        case OPT_ERROR: free(paths); return EXIT_USAGE;
        case OPT_ARG:
            /* The library goes first, so leave slot 0 for it. */
            paths[++npaths] = v;
            any_dir |= is_dir(v);
            break;
        case 0: format = v; break;
        case 1: no_library = true; break;
        case 2: library = v; break;
        case 3: fputs(help, stdout); free(paths); return EXIT_OK;
        }
    }
    if (strcmp(format, "text") != 0 && strcmp(format, "json") != 0) {
        free(paths);
        return cli_usage_error("check", "unknown format '%s' (use text or json)", format);
    }
    const char *const *load = paths + 1;
    size_t nload = npaths;
    if (npaths == 0 || (!any_dir && !no_library)) {
        paths[0] = cli_library_dir(library);
        load = paths;
        nload = npaths + 1;
    }
    rb_library *lib = NULL;
    rb_diags *d = NULL;
    size_t nfiles = 0;
    rb_library_load(load, nload, NULL, &lib, &d, &nfiles);
    free(paths);
    if (!d)
        return cli_error(EXIT_SYSTEM, "out of memory");
    int rc = cli_exit_for(d);
    if (strcmp(format, "json") == 0) {
        rb_buf out = { 0 };
        rb_json_diagnostics(d, nfiles, &out);
        int wrc = cli_write(NULL, &out);
        rb_buf_release(&out);
        if (wrc != EXIT_OK)
            rc = wrc;
    } else {
        cli_print_diags(stderr, d);
        size_t e = rb_diags_errors(d), w = rb_diags_warnings(d);
        if (lib) {
            /* Processes are named only when there are some, so libraries
             * without any read as before. */
            size_t np = rb_library_nprocesses(lib);
            char processes[48] = "";
            if (np)
                snprintf(processes, sizeof processes, ", %zu process%s", np,
                         np == 1 ? "" : "es");
            printf("ok: %zu file%s, %zu scale%s, %zu competenc%s, %zu role%s, "
                   "%zu bank%s%s; %zu warning%s\n",
                   nfiles, nfiles == 1 ? "" : "s",
                   rb_library_nscales(lib), rb_library_nscales(lib) == 1 ? "" : "s",
                   rb_library_ncompetencies(lib),
                   rb_library_ncompetencies(lib) == 1 ? "y" : "ies",
                   rb_library_nroles(lib), rb_library_nroles(lib) == 1 ? "" : "s",
                   rb_library_nbanks(lib), rb_library_nbanks(lib) == 1 ? "" : "s",
                   processes, w, w == 1 ? "" : "s");
        } else {
            fprintf(stderr, "%zu error%s, %zu warning%s in %zu file%s\n", e,
                    e == 1 ? "" : "s", w, w == 1 ? "" : "s", nfiles,
                    nfiles == 1 ? "" : "s");
        }
    }
    rb_library_free(lib);
    rb_diags_free(d);
    return rc;
}
