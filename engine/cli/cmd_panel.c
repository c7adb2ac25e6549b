/*
 * rubric panel FILE...: bring several interviewers' ratings of the same
 * candidates together for the debrief.
 *
 * Each file is one interviewer's interview of one candidate: recorded
 * answers (rubric.answers/1) or a finished live interview session. Each is
 * scored exactly as `rubric score` scores it; the panel then puts the
 * ratings side by side (engine/score/panel.c).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "rubric/panel.h"
#include "rubric/session.h"

static const char help[] =
    "usage: rubric panel [--format md|html|json] [-o FILE] [--library DIR] INTERVIEW...\n"
    "\n"
    "Bring together the interviews of one or more candidates for the same role,\n"
    "each by a different interviewer, before the panel meets. An INTERVIEW is a\n"
    "file of recorded answers (rubric.answers/1 JSON, naming its interviewer) or a\n"
    "finished interview session from 'rubric interview'.\n"
    "\n"
    "For each candidate and each competency the role needs: every interviewer's\n"
    "rating side by side with the level the evidence in their answers suggests,\n"
    "the spread, the consensus (the median rating; with an even number of\n"
    "ratings, the lower of the two middle ones) and the gap to the target; the\n"
    "debrief agenda (ratings two or more levels apart, ratings the evidence does\n"
    "not support, competencies nobody rated); the evidence from every\n"
    "interviewer's answers. With two or more candidates, also each interviewer's\n"
    "leniency or severity against the consensus, and the agreement statistics\n"
    "of each competency.\n"
    "\n"
    "  --format md     Markdown (default), for the terminal and for pasting\n"
    "  --format html   one self-contained printable page\n"
    "  --format json   rubric.panel/1\n"
    "  -o, --output F  write to F (readable by you only), atomically, instead of\n"
    "                  standard output\n"
    "\n"
    "Exit status: 0 done (warnings allowed), 1 some input was invalid or the\n"
    "interviews do not belong together, 2 usage, 3 a file could not be read or\n"
    "written.\n";

typedef bool (*render_fn)(const rb_panel *p, rb_buf *out);

/* One file and what was read from it. */
typedef struct source {
    const char *path;
    rb_session *session;     /* a session file: kept open for its plan */
    rb_interview *interview;
    rb_sheet *sheet;
} source;

static void release(source *s)
{
    rb_sheet_free(s->sheet);
    rb_interview_free(s->interview);
    rb_session_free(s->session);
}

/* A session counts only once its interviewer has submitted it: until then
 * the ratings may still change. */
static void read_session(const rb_library *lib, source *src, rb_diags *d)
{
    src->session = rb_session_load(lib, src->path, d);
    if (!src->session)
        return;
    if (!rb_session_submitted(src->session)) {
        rb_diags_add(d, RB_ERROR, RB_DIAG_INPUT, src->path, 0, 0, NULL,
                     "the interview is not finished: resume it with 'rubric interview "
                     "--resume %s', end it with /submit, then run the panel again",
                     src->path);
        return;
    }
    src->interview = rb_session_interview(src->session, d);
}

static int panel(rb_library *lib, rb_scorer *scorer, rb_diags *d, const char *const *files,
                 size_t nfiles, render_fn render, const char *output)
{
    source *src = calloc(nfiles, sizeof *src);
    rb_panel_input *in = calloc(nfiles, sizeof *in);
    int rc;
    if (!src || !in) {
        free(src);
        free(in);
        return cli_error(EXIT_SYSTEM, "out of memory");
    }
    for (size_t i = 0; i < nfiles; i++) {
        src[i].path = files[i];
        if (rb_session_file(files[i]))
            read_session(lib, &src[i], d);
        else
            src[i].interview = rb_interview_read(lib, files[i], d);
        if (src[i].interview)
            src[i].sheet = rb_score(scorer, src[i].interview, d);
    }
    /* The files that could be read are checked together even when others
     * could not, so one run shows every problem. */
    size_t n = 0;
    for (size_t i = 0; i < nfiles; i++)
        if (src[i].sheet)
            in[n++] = (rb_panel_input){ src[i].path, src[i].interview, src[i].sheet,
                                        src[i].session ? rb_session_plan(src[i].session)
                                                       : NULL };
    rb_panel *p = n ? rb_panel_build(lib, in, n, d) : NULL;
    cli_print_diags(stderr, d);
    rc = cli_exit_for(d);
    if (rc == EXIT_OK && p) {
        /* All or nothing: the panel is written only when every file was read. */
        rb_buf out = { 0 };
        if (!render(p, &out))
            rc = cli_error(EXIT_SYSTEM, "out of memory while writing the panel");
        else
            rc = cli_write_mode(output, &out, 0600);
        rb_buf_release(&out);
        if (rc == EXIT_OK && output)
            fprintf(stderr, "wrote %s\n", output);
    }
    rb_panel_free(p);
    for (size_t i = 0; i < nfiles; i++)
        release(&src[i]);
    free(src);
    free(in);
    return rc;
}

int cmd_panel(int argc, char **argv)
{
    static const opt_spec specs[] = {
        { "format", 0, true }, { "output", 'o', true }, { "library", 0, true },
        { "help", 'h', false }, { NULL, 0, false },
    };
    opt_parser p = { argc, argv, 1, specs, "panel", false };
    const char *format = "md", *output = NULL, *library = NULL, *v;
    const char **files = calloc((size_t)argc + 1, sizeof *files);
    if (!files)
        return cli_error(EXIT_SYSTEM, "out of memory");
    size_t nfiles = 0;
    int o;
    while ((o = cli_next_opt(&p, &v)) != OPT_END) {
        switch (o) {
        case OPT_ERROR: free(files); return EXIT_USAGE;
        case OPT_ARG: files[nfiles++] = v; break;
        case 0: format = v; break;
        case 1: output = v; break;
        case 2: library = v; break;
        case 3: fputs(help, stdout); free(files); return EXIT_OK;
        }
    }
    render_fn render = NULL;
    if (strcmp(format, "md") == 0 || strcmp(format, "markdown") == 0)
        render = rb_panel_markdown;
    else if (strcmp(format, "html") == 0)
        render = rb_panel_html;
    else if (strcmp(format, "json") == 0)
        render = rb_panel_json;
    int rc = -1;
    if (!render)
        rc = cli_usage_error("panel", "unknown format '%s' (use md, html or json)", format);
    else if (nfiles == 0)
        rc = cli_usage_error("panel", "missing INTERVIEW files (one per interviewer and "
                             "candidate)");
    else if (nfiles > RB_PANEL_MAX_INTERVIEWS)
        /* Checked before reading: each file may hold up to 16 MiB. */
        rc = cli_error(EXIT_INVALID, "%zu interviews are more than one panel takes (%d): "
                       "bring the candidates together in smaller groups", nfiles,
                       RB_PANEL_MAX_INTERVIEWS);
    if (rc != -1) {
        free(files);
        return rc;
    }
    rb_library *lib;
    rc = cli_load(library, &lib);
    if (rc != EXIT_OK) {
        free(files);
        return rc;
    }
    rb_diags *d = rb_diags_new();
    rb_scorer *scorer = d ? rb_scorer_new(lib, d) : NULL;
    if (!scorer) {
        if (d)
            cli_print_diags(stderr, d);
        else
            cli_error(EXIT_SYSTEM, "out of memory");
        rc = EXIT_SYSTEM;
    } else {
        rc = panel(lib, scorer, d, files, nfiles, render, output);
    }
    rb_scorer_free(scorer);
    rb_diags_free(d);
    rb_library_free(lib);
    free(files);
    return rc;
}
