/*
 * rubric: the command-line tool. One file per subcommand, registered here.
 */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static const command commands[] = {
    { "check", cmd_check, "validate rubric files and report every problem" },
    { "list", cmd_list, "list the scales, competencies, roles and banks" },
    { "show", cmd_show, "show a competency, role, scale or bank" },
    { "export", cmd_export, "write the whole compiled library as JSON" },
    { "new", cmd_new, "print a commented skeleton for a new competency" },
    { "score", cmd_score, "score recorded answers and write scoring sheets" },
    { "test", cmd_test, "score the rubrics' example answers against their levels" },
    { "compare", cmd_compare, "rank candidates for a role side by side" },
    { "agreement", cmd_agreement, "inter-rater agreement statistics on a ratings table" },
    { "plan", cmd_plan, "a structured interview plan for a role" },
    { "guide", cmd_guide, "the printable interview kit for a plan" },
    { "panel", cmd_panel, "bring interviewers' ratings of candidates together for the debrief" },
    { "interview", cmd_interview, "run a structured interview from a plan" },
    { "develop", cmd_develop, "record a development plan agreed in a competency discussion" },
    { "followup", cmd_followup, "record progress on a development plan; plans due for follow-up" },
    { "share", cmd_share, "what a person chose to share with their next-level leader" },
    { "purge", cmd_purge, "remove every record about a person from a folder" },
    { "assess", cmd_assess, "assess a person's competencies before a discussion" },
    { "discuss", cmd_discuss, "the competency discussion planner from two assessments" },
    { NULL, NULL, NULL },
};

static void usage(FILE *f)
{
    fputs("usage: rubric [--library DIR] <command> [options] [args]\n"
          "       rubric --version | --help\n\ncommands:\n", f);
    for (const command *c = commands; c->name; c++)
        fprintf(f, "  %-10s %s\n", c->name, c->summary);
    fputs("\nThe library is --library DIR, else $RUBRIC_LIBRARY, else the shipped one.\n"
          "Run 'rubric <command> --help' for a command's options.\n\n"
          "exit codes:\n"
          "  0  success\n"
          "  1  invalid input (errors in rubric files or arguments' content)\n"
          "  2  usage error (unknown command or option, missing argument)\n"
          "  3  system error (a file could not be read or written, no memory)\n", f);
}

int main(int argc, char **argv)
{
    int i = 1;
    /* Global options before the command. */
    while (i < argc && argv[i][0] == '-') {
        if (strcmp(argv[i], "--version") == 0) {
            printf("rubric %s\n", RB_VERSION);
            return EXIT_OK;
        }
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            usage(stdout);
            return EXIT_OK;
        }
        if (strcmp(argv[i], "--library") == 0 && i + 1 < argc) {
            if (setenv("RUBRIC_LIBRARY", argv[i + 1], 1) != 0)
                return cli_error(EXIT_SYSTEM, "out of memory");
            i += 2;
            continue;
        }
        if (strncmp(argv[i], "--library=", 10) == 0) {
            if (setenv("RUBRIC_LIBRARY", argv[i] + 10, 1) != 0)
                return cli_error(EXIT_SYSTEM, "out of memory");
            i++;
            continue;
        }
        return cli_usage_error(NULL, "unknown option '%s'", argv[i]);
    }
    if (i >= argc) {
        usage(stderr);
        return EXIT_USAGE;
    }
    const char *name = argv[i];
    if (strcmp(name, "help") == 0) {
        if (i + 1 < argc) {
            char *help_argv[] = { argv[i + 1], (char *)"--help", NULL };
            for (const command *c = commands; c->name; c++)
                if (strcmp(c->name, argv[i + 1]) == 0)
                    return c->run(2, help_argv);
            return cli_usage_error(NULL, "unknown command '%s'", argv[i + 1]);
        }
        usage(stdout);
        return EXIT_OK;
    }
    for (const command *c = commands; c->name; c++)
        if (strcmp(c->name, name) == 0)
            return c->run(argc - i, argv + i);
    return cli_usage_error(NULL, "unknown command '%s'", name);
}
