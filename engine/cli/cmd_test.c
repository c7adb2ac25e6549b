/*
 * rubric test [PATH...]: score the example answers that rubrics carry and
 * check each lands on its level, within its tolerance.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"

static const char help[] =
    "usage: rubric test [--verbose] [--library DIR] [PATH...]\n"
    "\n"
    "Score every example answer of the library (examples \"competency\" { ... })\n"
    "and check that each gets its level, give or take its tolerance. A failing\n"
    "example is shown with the rationale: the evidence found for each level.\n"
    "\n"
    "  PATH           rubric files or folders to test with the library (as check)\n"
    "  -v, --verbose  show the rationale for passing examples too\n"
    "\n"
    "Exit status: 0 every example passed, 1 some failed or the library has errors.\n";

static void rationale(const rb_sheet *sh, const rb_example *ex)
{
    const rb_competency_result *r = &sh->results[0];
    fprintf(stderr, "    evidence: %zu item%s, STAR %s%s%s%s\n", r->nevidence,
            r->nevidence == 1 ? "" : "s", r->star & RB_STAR_SITUATION ? "S" : "-",
            r->star & RB_STAR_TASK ? "T" : "-", r->star & RB_STAR_ACTION ? "A" : "-",
            r->star & RB_STAR_RESULT ? "R" : "-");
    for (size_t l = 0; l < r->nlevels; l++) {
        const rb_level_result *lr = &r->levels[l];
        fprintf(stderr, "    level %d: coverage %.0f%%%s\n", lr->number, lr->coverage * 100,
                lr->credited ? " (credited)" : "");
        for (size_t e = 0; e < r->nevidence; e++) {
            const rb_evidence *ev = &r->evidence[e];
            if (ev->level != lr->number)
                continue;
            fprintf(stderr, "      %s (%s %.2f): \"%.*s\"\n", ev->behaviour->id,
                    ev->kind == RB_EVIDENCE_PATTERN ? "pattern" : "words", ev->strength,
                    (int)(ev->end - ev->start), ex->answer + ev->start);
        }
    }
}

int cmd_test(int argc, char **argv)
{
    static const opt_spec specs[] = {
        { "verbose", 'v', false }, { "library", 0, true }, { "help", 'h', false },
        { NULL, 0, false },
    };
    opt_parser p = { argc, argv, 1, specs, "test", false };
    const char *library = NULL, *v;
    bool verbose = false;
    const char **paths = calloc((size_t)argc + 1, sizeof *paths);
    if (!paths)
        return cli_error(EXIT_SYSTEM, "out of memory");
    size_t npaths = 0;
    int o;
    while ((o = cli_next_opt(&p, &v)) != OPT_END) {
        switch (o) {
        case OPT_ERROR: free(paths); return EXIT_USAGE;
        case OPT_ARG: paths[++npaths] = v; break;
        case 0: verbose = true; break;
        case 1: library = v; break;
        case 2: fputs(help, stdout); free(paths); return EXIT_OK;
        }
    }
    paths[0] = cli_library_dir(library);
    rb_library *lib = NULL;
    rb_diags *d = NULL;
    rb_library_load(paths, npaths + 1, NULL, &lib, &d, NULL);
    free(paths);
    if (!d)
        return cli_error(EXIT_SYSTEM, "out of memory");
    if (!lib) {
        cli_print_diags(stderr, d);
        int rc = cli_exit_for(d);
        rb_diags_free(d);
        return rc ? rc : EXIT_INVALID;
    }
    rb_scorer *scorer = rb_scorer_new(lib, d);
    if (!scorer) {
        cli_print_diags(stderr, d);
        rb_diags_free(d);
        rb_library_free(lib);
        return EXIT_SYSTEM;
    }
    size_t passed = 0, failed = 0;
    for (size_t i = 0; i < rb_library_nexamples(lib); i++) {
        const rb_example *ex = rb_library_example(lib, i);
        rb_interview *iv = rb_interview_example(ex);
        rb_sheet *sh = iv ? rb_score(scorer, iv, d) : NULL;
        if (!sh) {
            rb_interview_free(iv);
            failed++;
            continue;
        }
        int got = sh->results[0].suggested;
        bool ok = got != 0 && abs(got - ex->level) <= ex->tolerance;
        if (ok)
            passed++;
        else
            failed++;
        if (!ok || verbose) {
            fprintf(stderr, "%s:%d: %s: example %s expects level %d", ex->loc.file,
                    ex->loc.line, ok ? "ok" : "error", ex->id, ex->level);
            if (ex->tolerance)
                fprintf(stderr, " (±%d)", ex->tolerance);
            if (got)
                fprintf(stderr, ", scored %d (confidence %.2f)\n", got,
                        sh->results[0].confidence);
            else
                fprintf(stderr, ", scored insufficient evidence\n");
            rationale(sh, ex);
        }
        rb_sheet_free(sh);
        rb_interview_free(iv);
    }
    cli_print_diags(stderr, d);
    printf("%zu passed, %zu failed\n", passed, failed);
    rb_scorer_free(scorer);
    rb_diags_free(d);
    rb_library_free(lib);
    return failed ? EXIT_INVALID : EXIT_OK;
}
