/*
 * rubric share FILE: the export for the next-level leader, holding only the
 * parts the owner marked to share.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "rubric/assessment.h"

static const char help[] =
    "usage: rubric share FILE [-o OUT] [--library DIR]\n"
    "\n"
    "Write what may go to the next-level leader from a person's document: only\n"
    "the parts the person marked to share, nothing else. The person owns their\n"
    "assessments and development plans; sharing is their choice, part by part.\n"
    "\n"
    "  FILE             a development plan (rubric.devplan/1, from 'rubric\n"
    "                   develop') or an assessment (rubric.assessment/1, from\n"
    "                   'rubric assess')\n"
    "  -o, --output F   write to F (mode 0600), atomically; default: standard\n"
    "                   output\n"
    "  --library DIR    the rubric library assessments are read against\n"
    "\n"
    "The export is the same kind of document, marked as shared (a plan's \"view\"\n"
    "is \"shared\"); 'rubric develop show' prints a shared plan too. A shared\n"
    "action whose competency is private does not say which competency it is for.\n"
    "\n"
    "Exit status: 0 written, 1 invalid input, 2 usage, 3 a file could not be\n"
    "read or written.\n";

/* The "format" of a JSON document, from the start of the file. */
static int sniff_format(const char *path, char *out, size_t size)
{
    char head[8192];
    if (cli_file_head(path, head, sizeof head) < 0) {
        if (errno != EISDIR && errno != EINVAL)
            return cli_error(EXIT_SYSTEM, "cannot read '%s': %s", path, strerror(errno));
        fprintf(stderr, "%s: error: %s\n", path, errno == EISDIR ? "is a folder, not a file"
                : "is not a regular file (a pipe or a device?); give a file");
        return EXIT_INVALID;
    }
    cli_head_format(head, out, size);
    return EXIT_OK;
}

static int share_devplan(const char *path, const char *output)
{
    rb_diags *d = rb_diags_new();
    if (!d)
        return cli_error(EXIT_SYSTEM, "out of memory");
    rb_devplan *plan = rb_devplan_read(path, d);
    int rc = cli_read_done(d, plan != NULL);
    if (!plan)
        return rc;
    rb_buf b = { 0 };
    rc = cli_save_private(output, &b, rb_devplan_shared_json(plan, &b));
    rb_buf_release(&b);
    rb_devplan_free(plan);
    return rc;
}

static int share_assessment(const char *path, const char *output, const char *library)
{
    rb_library *lib;
    int rc = cli_load(library, &lib);
    if (rc != EXIT_OK)
        return rc;
    rb_diags *d = rb_diags_new();
    if (!d) {
        rb_library_free(lib);
        return cli_error(EXIT_SYSTEM, "out of memory");
    }
    rb_assessment *a = rb_assessment_read(lib, path, d);
    rb_diags_sort(d);
    cli_print_diags(stderr, d);
    rc = cli_exit_for(d);
    rb_diags_free(d);
    if (a) {
        rb_buf b = { 0 };
        rc = cli_save_private(output, &b, rb_assessment_shared_json(a, &b));
        rb_buf_release(&b);
        rb_assessment_free(a);
    } else if (rc == EXIT_OK) {
        rc = EXIT_INVALID;
    }
    rb_library_free(lib);
    return rc;
}

int cmd_share(int argc, char **argv)
{
    static const opt_spec specs[] = {
        { "output", 'o', true }, { "library", 0, true }, { "help", 'h', false },
        { NULL, 0, false },
    };
    opt_parser p = { argc, argv, 1, specs, "share", false };
    const char *output = NULL, *library = NULL, *path = NULL, *v;
    int o;
    while ((o = cli_next_opt(&p, &v)) != OPT_END) {
        switch (o) {
        case OPT_ERROR: return EXIT_USAGE;
        case OPT_ARG:
            if (path)
                return cli_usage_error("share", "unexpected argument '%s'", v);
            path = v;
            break;
        case 0: output = v; break;
        case 1: library = v; break;
        case 2: fputs(help, stdout); return EXIT_OK;
        }
    }
    if (!path)
        return cli_usage_error("share", "missing FILE: a development plan or an assessment");
    if (output && strcmp(output, "-") == 0)
        output = NULL;
    char format[64];
    int rc = sniff_format(path, format, sizeof format);
    if (rc != EXIT_OK)
        return rc;
    if (strcmp(format, RB_DEVPLAN_FORMAT) == 0)
        rc = share_devplan(path, output);
    else if (strcmp(format, RB_ASSESSMENT_FORMAT) == 0)
        rc = share_assessment(path, output, library);
    else
        rc = cli_error(EXIT_INVALID, "%s is not a development plan (rubric.devplan/1) or an "
                         "assessment (rubric.assessment/1); only those can be shared", path);
    return rc;
}
