/*
 * rubric purge --person NAME [DIR]: remove every record about a person from
 * a folder and its subfolders.
 */
#include <string.h>

#include "cli/cli.h"

static const char help[] =
    "usage: rubric purge --person NAME [--dry-run] [DIR]\n"
    "\n"
    "Remove every record about a person from DIR (default: the current folder)\n"
    "and all its subfolders, and say what was removed, one line per file:\n"
    "\n"
    "  - rubric JSON documents about the person: assessments\n"
    "    (rubric.assessment/1), discussions (rubric.discussion/1), development\n"
    "    plans (rubric.devplan/1) and their shared exports, and any other\n"
    "    rubric.* document whose top-level \"person\" is NAME;\n"
    "  - Markdown and HTML documents whose first line is\n"
    "    <!-- rubric-person: \"NAME\" --> (as 'rubric develop show' writes them);\n"
    "  - the progress journals of those plans (PLAN.progress), and any journal\n"
    "    whose first record names the person.\n"
    "\n"
    "NAME must match exactly, capitals and spaces included. Symbolic links are\n"
    "never followed and never removed, so nothing outside DIR is touched; only\n"
    "regular files are looked at. Interview answers (rubric.answers/1) name a\n"
    "candidate, not a person being coached, and are left alone.\n"
    "\n"
    "  --person NAME  whose records to remove\n"
    "  --dry-run      only list what would be removed\n"
    "\n"
    "Exit status: 0 removed (or listed), 1 nothing about NAME was found,\n"
    "2 usage, 3 a file could not be removed, or a file or folder could not be\n"
    "searched (records may remain there).\n";

int cmd_purge(int argc, char **argv)
{
    static const opt_spec specs[] = {
        { "person", 0, true }, { "dry-run", 0, false }, { "help", 'h', false },
        { NULL, 0, false },
    };
    opt_parser p = { argc, argv, 1, specs, "purge", false };
    const char *person = NULL, *dir = NULL, *v;
    bool dry_run = false;
    int o;
    while ((o = cli_next_opt(&p, &v)) != OPT_END) {
        switch (o) {
        case OPT_ERROR: return EXIT_USAGE;
        case OPT_ARG:
            if (dir)
                return cli_usage_error("purge", "unexpected argument '%s'", v);
            dir = v;
            break;
        case 0: person = v; break;
        case 1: dry_run = true; break;
        case 2: fputs(help, stdout); return EXIT_OK;
        }
    }
    if (!person || !*person)
        return cli_usage_error("purge", "missing --person NAME: whose records to remove?");
    if (!dir)
        dir = ".";
    rb_diags *d = rb_diags_new();
    if (!d)
        return cli_error(EXIT_SYSTEM, "out of memory");
    rb_record_list list;
    bool ok = rb_records_find(dir, person, &list, d);
    cli_print_diags(stderr, d);
    int rc = ok ? EXIT_OK : cli_exit_for(d);
    rb_diags_free(d);
    if (!ok)
        return rc == EXIT_OK ? EXIT_SYSTEM : rc;
    if (list.n == 0 && !list.skipped) {
        rb_record_list_free(&list);
        return cli_error(EXIT_INVALID, "no records about '%s' in %s", person, dir);
    }
    const char *sep = dir[strlen(dir) - 1] == '/' ? "" : "/";
    bool dot = strcmp(dir, ".") == 0;
    for (size_t i = 0; i < list.n; i++) {
        const rb_record *r = &list.items[i];
        const char *rel = r->path;
        if (dry_run) {
            printf("would remove %s%s%s\n", dot ? "" : dir, dot ? "" : sep, rel);
        } else {
            char err[512];
            if (rb_record_remove(dir, &list, r, err, sizeof err)) {
                printf("removed %s%s%s\n", dot ? "" : dir, dot ? "" : sep, rel);
            } else {
                fflush(stdout);
                fprintf(stderr, "%s%s%s: error: not removed: %s\n", dot ? "" : dir,
                        dot ? "" : sep, rel, err);
                rc = EXIT_SYSTEM;
            }
        }
        /* Removing a name does not remove what other names still hold. */
        if (r->links > 1) {
            fflush(stdout);
            fprintf(stderr, "%s%s%s: warning: the file has %lu other name%s (hard links) "
                    "elsewhere, which %s its content\n", dot ? "" : dir, dot ? "" : sep, rel,
                    (unsigned long)r->links - 1, r->links == 2 ? "" : "s",
                    dry_run ? "would keep" : "keep");
        }
    }
    fflush(stdout);
    if (list.skipped) {
        /* An erasure is complete only when every place was searched. */
        fprintf(stderr, "rubric: error: %zu file%s or folder%s could not be searched (see the "
                "warnings above): records about '%s' may remain there\n", list.skipped,
                list.skipped == 1 ? "" : "s", list.skipped == 1 ? "" : "s", person);
        rc = EXIT_SYSTEM;
    }
    rb_record_list_free(&list);
    return rc;
}
