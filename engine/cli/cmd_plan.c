/*
 * rubric plan --role ROLE: a structured interview plan for a role.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static const char help[] =
    "usage: rubric plan --role ROLE [--seed N] [-o PLAN] [--library DIR]\n"
    "\n"
    "Write a structured interview plan for a role (rubric.plan/1 JSON): for each\n"
    "competency of the role, in its order, the target level, one question at the\n"
    "target level and one at the level above, with their probes, and a time budget;\n"
    "an opening and a closing. The same plan serves every candidate of a campaign;\n"
    "print the interviewers' kit from it with 'rubric guide'.\n"
    "\n"
    "  --role ROLE     the role's id (see 'rubric list')\n"
    "  --seed N        chooses among a level's questions (0 to 2^53-1, default 1);\n"
    "                  the same seed and library give the same plan\n"
    "  -o, --output F  write to F, atomically, instead of standard output\n"
    "\n"
    "Time: opening and closing take 10% of the interview each (rounded, 1 to 5\n"
    "minutes); the rest is shared by the needs' weights in whole minutes (largest\n"
    "remainders first), so the budgets add up to the role's minutes.\n";

int cmd_plan(int argc, char **argv)
{
    static const opt_spec specs[] = {
        { "role", 0, true }, { "seed", 0, true }, { "output", 'o', true },
        { "library", 0, true }, { "help", 'h', false }, { NULL, 0, false },
    };
    opt_parser p = { argc, argv, 1, specs, "plan", false };
    const char *role_id = NULL, *seed_text = NULL, *output = NULL, *library = NULL, *v;
    int o;
    while ((o = cli_next_opt(&p, &v)) != OPT_END) {
        switch (o) {
        case OPT_ERROR: return EXIT_USAGE;
        case OPT_ARG: return cli_usage_error("plan", "unexpected argument '%s'", v);
        case 0: role_id = v; break;
        case 1: seed_text = v; break;
        case 2: output = v; break;
        case 3: library = v; break;
        case 4: fputs(help, stdout); return EXIT_OK;
        }
    }
    if (!role_id)
        return cli_usage_error("plan", "missing --role ROLE (see 'rubric list' for roles)");
    unsigned long long seed = RB_PLAN_DEFAULT_SEED;
    if (seed_text) {
        char *end = NULL;
        errno = 0;
        seed = strtoull(seed_text, &end, 10);
        if (seed_text[0] < '0' || seed_text[0] > '9' || *end || errno ||
            seed > RB_PLAN_MAX_SEED)
            return cli_usage_error("plan", "--seed must be a whole number from 0 to %llu, "
                                   "not '%s'", RB_PLAN_MAX_SEED, seed_text);
    }
    rb_library *lib;
    int rc = cli_load(library, &lib);
    if (rc != EXIT_OK)
        return rc;
    rb_item item;
    if (!rb_library_find(lib, role_id, &item) || item.kind != RB_KIND_ROLE) {
        const char *near = rb_library_suggest(lib, role_id);
        if (item.kind != RB_KIND_NONE)
            cli_error(EXIT_INVALID, "'%s' is a %s, not a role; run 'rubric list' to see "
                      "the roles", role_id, rb_kind_name(item.kind));
        else if (near)
            cli_error(EXIT_INVALID, "unknown role '%s' (did you mean '%s'?)", role_id, near);
        else
            cli_error(EXIT_INVALID, "unknown role '%s'; run 'rubric list' to see the roles",
                      role_id);
        rb_library_free(lib);
        return EXIT_INVALID;
    }
    rb_plan *plan = rb_plan_make(lib, item.ptr, seed);
    rb_buf b = { 0 };
    if (!plan || !rb_plan_json(plan, &b))
        rc = cli_error(EXIT_SYSTEM, "out of memory");
    else
        rc = cli_write(output, &b);
    if (rc == EXIT_OK && output)
        fprintf(stderr, "wrote %s\n", output);
    rb_buf_release(&b);
    rb_plan_free(plan);
    rb_library_free(lib);
    return rc;
}
