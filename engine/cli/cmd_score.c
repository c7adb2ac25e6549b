/*
 * rubric score FILE...: score recorded answers and write scoring sheets.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static const char help[] =
    "usage: rubric score [--format md|json|html|csv] [-o FILE] [--library DIR] ANSWERS...\n"
    "       rubric score --batch [--library DIR] [FILE|-]\n"
    "\n"
    "Score recorded answers (rubric.answers/1 JSON, or submitted sessions of\n"
    "'rubric interview') against the rubric library and write the scoring sheet:\n"
    "for each competency the level the evidence supports, with the quotes behind\n"
    "it, the interviewer's rating, flags and the role fit.\n"
    "\n"
    "  --format md     Markdown (default), for the terminal and for pasting\n"
    "  --format json   rubric.sheet/1 (an array of them for several files)\n"
    "  --format html   one self-contained printable page\n"
    "  --format csv    one row per candidate and competency (RFC 4180)\n"
    "  -o, --output F  write to F, atomically, instead of standard output\n"
    "  --batch         read JSON Lines of answers (a file, or - for standard\n"
    "                  input) and write one JSON sheet per line, as they come\n"
    "\n"
    "Exit status: 0 all scored (warnings allowed), 1 some input was invalid,\n"
    "2 usage, 3 a file could not be read or written.\n";

typedef bool (*render_fn)(rb_sheet *const *sheets, size_t n, rb_buf *out);

static bool render_md(rb_sheet *const *sheets, size_t n, rb_buf *out)
{
    for (size_t i = 0; i < n; i++) {
        if (i)
            rb_buf_puts(out, "\n---\n\n");
        if (!rb_sheet_markdown(sheets[i], out))
            return false;
    }
    return true;
}

static bool render_json(rb_sheet *const *sheets, size_t n, rb_buf *out)
{
    if (n == 1)
        return rb_json_sheet(sheets[0], true, out);
    rb_buf_puts(out, "[\n");
    for (size_t i = 0; i < n; i++) {
        if (i)
            rb_buf_puts(out, ",\n");
        rb_buf tmp = { 0 };
        bool ok = rb_json_sheet(sheets[i], true, &tmp);
        if (ok && tmp.len)
            tmp.data[--tmp.len] = '\0';  /* no newline inside the array */
        rb_buf_append(out, rb_buf_str(&tmp), tmp.len);
        rb_buf_release(&tmp);
        if (!ok)
            return false;
    }
    rb_buf_puts(out, "\n]\n");
    return rb_buf_ok(out);
}

static bool render_html(rb_sheet *const *sheets, size_t n, rb_buf *out)
{
    return rb_sheets_html(sheets, n, out);
}

static bool render_csv(rb_sheet *const *sheets, size_t n, rb_buf *out)
{
    return rb_sheets_csv(sheets, n, out);
}

static int batch(rb_library *lib, rb_scorer *scorer, const char *path)
{
    FILE *in = stdin;
    const char *name = "<stdin>";
    if (path && strcmp(path, "-") != 0) {
        in = fopen(path, "r");
        name = path;
        if (!in)
            return cli_error(EXIT_SYSTEM, "cannot open '%s': %s", path, strerror(errno));
    }
    char *line = NULL;
    size_t cap = 0;
    int lineno = 0, rc = EXIT_OK;
    size_t scored = 0, failed = 0;
    rb_buf out = { 0 };
    for (;;) {
        /* Lines are read with a cap, so one huge line cannot take memory
         * beyond the document limit: the rest of it is skipped. */
        bool too_long = false;
        size_t len = 0, total = 0;
        int ch = EOF;
        while ((ch = getc_unlocked(in)) != EOF && ch != '\n') {
            total++;
            if (len > RB_MAX_ANSWERS_FILE) {
                too_long = true;
                continue;
            }
            if (len + 1 >= cap) {
                size_t ncap = cap ? cap * 2 : 65536;
                char *nl = realloc(line, ncap);
                if (!nl) {
                    too_long = true;
                    continue;
                }
                line = nl;
                cap = ncap;
            }
            line[len++] = (char)ch;
        }
        if (ch == EOF && len == 0 && !too_long)
            break;
        lineno++;
        if (too_long) {
            fprintf(stderr, "%s:%d: error: the document is %zu bytes; the limit is %zu MiB\n",
                    name, lineno, total, RB_MAX_ANSWERS_FILE >> 20);
            printf("{\"format\":\"rubric.error/1\",\"line\":%d,\"errors\":1}\n", lineno);
            failed++;
            if (rc == EXIT_OK)
                rc = EXIT_INVALID;
            continue;
        }
        while (len && line[len - 1] == '\r')
            len--;
        size_t k = 0;
        while (k < len && (line[k] == ' ' || line[k] == '\t'))
            k++;
        if (k == len)
            continue;  /* blank lines separate nothing */
        rb_diags *d = rb_diags_new();
        if (!d) {
            rc = EXIT_SYSTEM;
            break;
        }
        rb_interview *iv = rb_interview_parse(lib, name, lineno - 1, line, len, d);
        char source[512];
        snprintf(source, sizeof source, "%s:%d", name, lineno);
        if (iv)
            iv->source = source;  /* the sheet names the line it came from */
        rb_sheet *sh = iv ? rb_score(scorer, iv, d) : NULL;
        cli_print_diags(stderr, d);
        rb_buf_reset(&out);
        if (sh && rb_json_sheet(sh, false, &out)) {
            scored++;
        } else {
            /* Keep the stream aligned with the input: one line per line. */
            failed++;
            rb_buf_printf(&out, "{\"format\":\"rubric.error/1\",\"line\":%d,\"errors\":%zu}\n",
                          lineno, rb_diags_errors(d));
            if (rc == EXIT_OK)
                rc = rb_diags_has_system_error(d) ? EXIT_SYSTEM : EXIT_INVALID;
        }
        rb_sheet_free(sh);
        rb_interview_free(iv);
        rb_diags_free(d);
        if (fwrite(out.data, 1, out.len, stdout) != out.len || fflush(stdout) != 0) {
            rc = cli_error(EXIT_SYSTEM, "cannot write to standard output: %s",
                           strerror(errno));
            break;
        }
    }
    if (ferror(in))
        rc = cli_error(EXIT_SYSTEM, "cannot read '%s': %s", name, strerror(errno));
    free(line);
    rb_buf_release(&out);
    if (in != stdin)
        fclose(in);
    fprintf(stderr, "scored %zu, failed %zu\n", scored, failed);
    return rc;
}

int cmd_score(int argc, char **argv)
{
    static const opt_spec specs[] = {
        { "format", 0, true }, { "output", 'o', true }, { "library", 0, true },
        { "batch", 0, false }, { "help", 'h', false }, { NULL, 0, false },
    };
    opt_parser p = { argc, argv, 1, specs, "score", false };
    const char *format = "md", *output = NULL, *library = NULL, *v;
    bool is_batch = false;
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
        case 3: is_batch = true; break;
        case 4: fputs(help, stdout); free(files); return EXIT_OK;
        }
    }
    render_fn render = NULL;
    if (strcmp(format, "md") == 0 || strcmp(format, "markdown") == 0)
        render = render_md;
    else if (strcmp(format, "json") == 0)
        render = render_json;
    else if (strcmp(format, "html") == 0)
        render = render_html;
    else if (strcmp(format, "csv") == 0)
        render = render_csv;
    int rc;
    if (!render)
        rc = cli_usage_error("score", "unknown format '%s' (use md, json, html or csv)",
                             format);
    else if (is_batch && (nfiles > 1 || output || strcmp(format, "md") != 0))
        rc = cli_usage_error("score", "--batch reads one file (or -) and writes JSON "
                             "Lines to standard output");
    else if (!is_batch && nfiles == 0)
        rc = cli_usage_error("score", "missing ANSWERS file");
    else
        rc = -1;
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
        rb_diags_free(d);
        rb_library_free(lib);
        free(files);
        return EXIT_SYSTEM;
    }
    if (is_batch) {
        rc = batch(lib, scorer, nfiles ? files[0] : NULL);
    } else {
        rb_interview **ivs = calloc(nfiles, sizeof *ivs);
        rb_sheet **sheets = calloc(nfiles, sizeof *sheets);
        size_t ok = 0;
        for (size_t i = 0; ivs && sheets && i < nfiles; i++) {
            ivs[i] = rb_session_file(files[i])
                         ? rb_session_read_submitted(lib, files[i], d)
                         : rb_interview_read(lib, files[i], d);
            if (ivs[i] && (sheets[ok] = rb_score(scorer, ivs[i], d)))
                ok++;
        }
        cli_print_diags(stderr, d);
        rc = cli_exit_for(d);
        if (!ivs || !sheets)
            rc = cli_error(EXIT_SYSTEM, "out of memory");
        else if (rc == EXIT_OK) {
            /* All or nothing: a sheet is written only when every file scored. */
            rb_buf out = { 0 };
            if (!render(sheets, ok, &out))
                rc = cli_error(EXIT_SYSTEM, "out of memory while writing the sheet");
            else
                rc = cli_write(output, &out);
            rb_buf_release(&out);
            if (rc == EXIT_OK && output)
                fprintf(stderr, "wrote %s\n", output);
        }
        for (size_t i = 0; sheets && i < ok; i++)
            rb_sheet_free(sheets[i]);
        for (size_t i = 0; ivs && i < nfiles; i++)
            rb_interview_free(ivs[i]);
        free(ivs);
        free(sheets);
    }
    rb_scorer_free(scorer);
    rb_diags_free(d);
    rb_library_free(lib);
    free(files);
    return rc;
}
