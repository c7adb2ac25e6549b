/*
 * rubric compare FILE...: rank several candidates for one role side by side.
 *
 * Each file is scored exactly as `rubric score` scores it; the comparison
 * shows, per candidate, the final level of every competency the role needs
 * (and its gap to the target), the number of strengths and areas for
 * development, and the overall fit, best fit first.
 */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

#define COMPARISON_FORMAT "rubric.comparison/1"

static const char help[] =
    "usage: rubric compare [--format text|md|json|csv] [-o FILE] [--library DIR] ANSWERS...\n"
    "\n"
    "Score the recorded answers (rubric.answers/1 JSON) of several candidates for\n"
    "the same role and rank them side by side: one row per file, best overall fit\n"
    "first (equal fits share a rank and are listed by candidate id). For every\n"
    "competency the role needs, the final level and its gap to the target, e.g.\n"
    "\"3 (+0)\"; then the number of strengths and of areas for development, and the\n"
    "fit. Competencies outside the role are not compared. Run 'rubric score' for\n"
    "the evidence behind each level.\n"
    "\n"
    "  --format text   aligned columns for the terminal (default)\n"
    "  --format md     a Markdown table, for pasting\n"
    "  --format json   rubric.comparison/1\n"
    "  --format csv    one row per candidate (RFC 4180); a level and a gap column\n"
    "                  per competency\n"
    "  -o, --output F  write to F, atomically, instead of standard output\n"
    "\n"
    "A mark after a level, '!' in text and '⚑' in Markdown, flags an interviewer's\n"
    "rating two or more levels away from the level the evidence suggests.\n"
    "\n"
    "Exit status: 0 compared (warnings allowed), 1 some input was invalid or the\n"
    "files are for different roles, 2 usage, 3 a file could not be read or written.\n";

/* One candidate's row. */
typedef struct row {
    const rb_sheet *sheet;
    size_t order;   /* position on the command line */
    size_t rank;
} row;

typedef bool (*render_fn)(const rb_role *role, const row *rows, size_t n, rb_buf *out);

static int cmp_row(const void *a, const void *b)
{
    const row *x = a, *y = b;
    if (x->sheet->fit != y->sheet->fit)
        return x->sheet->fit > y->sheet->fit ? -1 : 1;
    int c = strcmp(x->sheet->interview->candidate_id, y->sheet->interview->candidate_id);
    if (c)
        return c;
    return (x->order > y->order) - (x->order < y->order);
}

/* The sheet's result for one of the role's needs (the needs come first, in
 * order, but look it up rather than rely on that). */
static const rb_competency_result *need_result(const rb_sheet *sh, const rb_need *need)
{
    for (size_t i = 0; i < sh->nresults; i++)
        if (sh->results[i].competency == need->competency)
            return &sh->results[i];
    return NULL;
}

static bool rating_far(const rb_competency_result *r)
{
    return r && r->rating && (r->flags & RB_FLAG_RATING_FAR);
}

/* "3 (+0)", or "—" when there is neither a rating nor enough evidence;
 * `mark` follows a rating far from the evidence. */
static void level_text(char *out, size_t size, const rb_competency_result *r,
                       const char *mark)
{
    if (r && r->final_level)
        snprintf(out, size, "%d (%+d)%s", r->final_level, r->gap, rating_far(r) ? mark : "");
    else
        snprintf(out, size, "—");
}

/* "Name (id)", or the id alone; on one line whatever the name holds. */
static void candidate_text(rb_buf *b, const rb_interview *iv)
{
    size_t from = b->len;
    if (iv->candidate_name)
        rb_buf_printf(b, "%s (%s)", iv->candidate_name, iv->candidate_id);
    else
        rb_buf_puts(b, iv->candidate_id);
    for (size_t i = from; rb_buf_ok(b) && i < b->len; i++)
        if ((unsigned char)b->data[i] < 0x20)
            b->data[i] = ' ';
}

static bool any_far(const rb_role *role, const row *rows, size_t n)
{
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < role->nneeds; k++)
            if (rating_far(need_result(rows[i].sheet, &role->needs[k])))
                return true;
    return false;
}

/* ---- text ---------------------------------------------------------------- */

/* Columns on the terminal: UTF-8 code points (continuation bytes take none). */
static size_t display_width(const char *s)
{
    size_t w = 0;
    for (; *s; s++)
        w += ((unsigned char)*s & 0xC0) != 0x80;
    return w;
}

/* `s` in a column `width` wide, aligned left or right, then `gap` spaces. */
static void cell(rb_buf *b, const char *s, size_t width, bool right, size_t gap)
{
    size_t w = display_width(s);
    size_t pad = w < width ? width - w : 0;
    if (!right)
        rb_buf_puts(b, s);
    for (size_t i = 0; i < pad; i++)
        rb_buf_putc(b, ' ');
    if (right)
        rb_buf_puts(b, s);
    for (size_t i = 0; i < gap; i++)
        rb_buf_putc(b, ' ');
}

static void trim_trailing_spaces(rb_buf *b)
{
    while (b->len && b->data[b->len - 1] == ' ')
        b->data[--b->len] = '\0';
}

static bool render_text(const rb_role *role, const row *rows, size_t n, rb_buf *out)
{
    size_t nn = role->nneeds;
    size_t ncols = 5 + nn;  /* rank, candidate, levels..., strengths, development, fit */
    /* Every cell's text, then the widths. Row 0 is the header. */
    rb_buf *cells = calloc((n + 1) * ncols, sizeof *cells);
    size_t *width = calloc(ncols, sizeof *width);
    if (!cells || !width) {
        free(cells);
        free(width);
        return false;
    }
    rb_buf_puts(&cells[0], "Rank");
    rb_buf_puts(&cells[1], "Candidate");
    for (size_t k = 0; k < nn; k++)
        rb_buf_printf(&cells[2 + k], "C%zu", k + 1);
    rb_buf_puts(&cells[2 + nn], "Strengths");
    rb_buf_puts(&cells[3 + nn], "Development");
    rb_buf_puts(&cells[4 + nn], "Fit");
    for (size_t i = 0; i < n; i++) {
        const rb_sheet *sh = rows[i].sheet;
        rb_buf *c = &cells[(i + 1) * ncols];
        rb_buf_printf(&c[0], "%zu", rows[i].rank);
        candidate_text(&c[1], sh->interview);
        for (size_t k = 0; k < nn; k++) {
            char lv[32];
            level_text(lv, sizeof lv, need_result(sh, &role->needs[k]), "!");
            rb_buf_puts(&c[2 + k], lv);
        }
        rb_buf_printf(&c[2 + nn], "%zu", sh->strengths);
        rb_buf_printf(&c[3 + nn], "%zu", sh->developments);
        rb_buf_printf(&c[4 + nn], "%.0f%%", sh->fit * 100);
    }
    for (size_t r = 0; r <= n; r++)
        for (size_t k = 0; k < ncols; k++) {
            size_t w = display_width(rb_buf_str(&cells[r * ncols + k]));
            if (w > width[k])
                width[k] = w;
        }

    rb_buf_printf(out, "%s (%s): %zu candidate%s, best overall fit first\n\n", role->title,
                  role->id, n, n == 1 ? "" : "s");
    for (size_t r = 0; r <= n; r++) {
        for (size_t k = 0; k < ncols; k++) {
            /* Numbers right-aligned; the candidate and levels left. */
            bool right = k == 0 || k >= 2 + nn;
            cell(out, rb_buf_str(&cells[r * ncols + k]), width[k], right, 2);
        }
        trim_trailing_spaces(out);
        rb_buf_putc(out, '\n');
    }
    rb_buf_puts(out, "\n");
    for (size_t k = 0; k < nn; k++) {
        const rb_need *nd = &role->needs[k];
        char label[24];
        snprintf(label, sizeof label, "C%zu", k + 1);
        rb_buf_printf(out, "%-4s%s (%s): target %d, weight %g\n", label,
                      nd->competency->title, nd->competency->id, nd->target, nd->weight);
    }
    if (any_far(role, rows, n))
        rb_buf_puts(out, "\n! the interviewer's rating is two or more levels from the level "
                         "the evidence suggests;\n  see 'rubric score' before relying on it\n");

    for (size_t i = 0; i < (n + 1) * ncols; i++)
        rb_buf_release(&cells[i]);
    free(cells);
    free(width);
    return rb_buf_ok(out);
}

/* ---- Markdown ------------------------------------------------------------ */

static void md_str(rb_buf *b, const char *s)
{
    for (; *s; s++) {
        if (*s == '\n' || *s == '\r') {
            rb_buf_putc(b, ' ');
            continue;
        }
        if (strchr("\\`*_[]<>|#", *s))
            rb_buf_putc(b, '\\');
        rb_buf_putc(b, *s);
    }
}

static bool render_md(const rb_role *role, const row *rows, size_t n, rb_buf *out)
{
    rb_buf_puts(out, "# Candidate comparison: ");
    md_str(out, role->title);
    rb_buf_printf(out, "\n\nRole: `%s` · %zu candidate%s, best overall fit first\n\n",
                  role->id, n, n == 1 ? "" : "s");
    rb_buf_puts(out, "| Rank | Candidate |");
    for (size_t k = 0; k < role->nneeds; k++) {
        rb_buf_putc(out, ' ');
        md_str(out, role->needs[k].competency->title);
        rb_buf_printf(out, " (target %d) |", role->needs[k].target);
    }
    rb_buf_puts(out, " Strengths | Development | Fit |\n|---:|---|");
    for (size_t k = 0; k < role->nneeds; k++)
        rb_buf_puts(out, "---|");
    rb_buf_puts(out, "---:|---:|---:|\n");
    for (size_t i = 0; i < n; i++) {
        const rb_sheet *sh = rows[i].sheet;
        rb_buf_printf(out, "| %zu | ", rows[i].rank);
        rb_buf name = { 0 };
        candidate_text(&name, sh->interview);
        md_str(out, rb_buf_str(&name));
        bool ok = rb_buf_ok(&name);
        rb_buf_release(&name);
        if (!ok)
            return false;
        rb_buf_puts(out, " |");
        for (size_t k = 0; k < role->nneeds; k++) {
            char lv[32];
            level_text(lv, sizeof lv, need_result(sh, &role->needs[k]), " ⚑");
            rb_buf_printf(out, " %s |", lv);
        }
        rb_buf_printf(out, " %zu | %zu | %.0f%% |\n", sh->strengths, sh->developments,
                      sh->fit * 100);
    }
    rb_buf_puts(out, "\nWeights in the fit:");
    for (size_t k = 0; k < role->nneeds; k++) {
        rb_buf_puts(out, k ? " · " : " ");
        md_str(out, role->needs[k].competency->title);
        rb_buf_printf(out, " ×%g", role->needs[k].weight);
    }
    rb_buf_puts(out, "\n");
    if (any_far(role, rows, n))
        rb_buf_puts(out, "\n⚑ The interviewer's rating is two or more levels from the level "
                         "the evidence suggests; see the scoring sheet before relying on "
                         "it.\n");
    return rb_buf_ok(out);
}

/* ---- JSON ---------------------------------------------------------------- */

static void json_str(rb_buf *b, const char *s)
{
    if (!s) {
        rb_buf_puts(b, "null");
        return;
    }
    rb_buf_putc(b, '"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': rb_buf_puts(b, "\\\""); break;
        case '\\': rb_buf_puts(b, "\\\\"); break;
        case '\n': rb_buf_puts(b, "\\n"); break;
        case '\r': rb_buf_puts(b, "\\r"); break;
        case '\t': rb_buf_puts(b, "\\t"); break;
        default:
            if (*p < 0x20)
                rb_buf_printf(b, "\\u%04x", (unsigned)*p);
            else
                rb_buf_putc(b, (char)*p);
        }
    }
    rb_buf_putc(b, '"');
}

static bool render_json(const rb_role *role, const row *rows, size_t n, rb_buf *out)
{
    rb_buf_puts(out, "{\n  \"format\": \"" COMPARISON_FORMAT "\",\n  \"role\": ");
    json_str(out, role->id);
    rb_buf_puts(out, ",\n  \"competencies\": [");
    for (size_t k = 0; k < role->nneeds; k++) {
        rb_buf_puts(out, k ? ", " : "");
        json_str(out, role->needs[k].competency->id);
    }
    rb_buf_puts(out, "],\n  \"candidates\": [");
    for (size_t i = 0; i < n; i++) {
        const rb_sheet *sh = rows[i].sheet;
        const rb_interview *iv = sh->interview;
        rb_buf_printf(out, "%s\n    {\n      \"rank\": %zu,\n      \"id\": ", i ? "," : "",
                      rows[i].rank);
        json_str(out, iv->candidate_id);
        rb_buf_puts(out, ",\n      \"name\": ");
        json_str(out, iv->candidate_name);
        rb_buf_printf(out, ",\n      \"fit\": %g,\n      \"levels\": {", sh->fit);
        for (size_t k = 0; k < role->nneeds; k++) {
            const rb_need *nd = &role->needs[k];
            const rb_competency_result *r = need_result(sh, nd);
            rb_buf_printf(out, "%s\n        ", k ? "," : "");
            json_str(out, nd->competency->id);
            if (r && r->final_level)
                rb_buf_printf(out, ": {\"final\": %d, \"target\": %d, \"gap\": %d}",
                              r->final_level, nd->target, r->gap);
            else
                rb_buf_printf(out, ": {\"final\": null, \"target\": %d, \"gap\": null}",
                              nd->target);
        }
        rb_buf_printf(out, "%s},\n      \"strengths\": %zu,\n      \"development\": %zu\n    }",
                      role->nneeds ? "\n      " : "", sh->strengths, sh->developments);
    }
    rb_buf_puts(out, n ? "\n  ]\n}\n" : "]\n}\n");
    return rb_buf_ok(out);
}

/* ---- CSV ----------------------------------------------------------------- */

/* RFC 4180, like the sheets' CSV: quoted when needed, and text that a
 * spreadsheet would run as a formula is quoted and prefixed with '. */
static void csv_field(rb_buf *b, const char *s, bool last)
{
    if (!s)
        s = "";
    bool quote = strpbrk(s, ",\"\r\n") != NULL;
    bool formula = s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@';
    if (quote || formula)
        rb_buf_putc(b, '"');
    if (formula)
        rb_buf_putc(b, '\'');
    for (; *s; s++) {
        if (*s == '"')
            rb_buf_putc(b, '"');
        rb_buf_putc(b, *s);
    }
    if (quote || formula)
        rb_buf_putc(b, '"');
    rb_buf_puts(b, last ? "\r\n" : ",");
}

static bool render_csv(const rb_role *role, const row *rows, size_t n, rb_buf *out)
{
    csv_field(out, "rank", false);
    csv_field(out, "candidate_id", false);
    csv_field(out, "candidate_name", false);
    csv_field(out, "role", false);
    for (size_t k = 0; k < role->nneeds; k++) {
        char h[300];
        csv_field(out, role->needs[k].competency->id, false);
        snprintf(h, sizeof h, "%s_gap", role->needs[k].competency->id);
        csv_field(out, h, false);
    }
    csv_field(out, "strengths", false);
    csv_field(out, "development", false);
    csv_field(out, "fit", true);
    for (size_t i = 0; i < n; i++) {
        const rb_sheet *sh = rows[i].sheet;
        rb_buf_printf(out, "%zu,", rows[i].rank);
        csv_field(out, sh->interview->candidate_id, false);
        csv_field(out, sh->interview->candidate_name, false);
        csv_field(out, role->id, false);
        /* Numbers are written as numbers: a gap of -1 is not a formula. */
        for (size_t k = 0; k < role->nneeds; k++) {
            const rb_competency_result *r = need_result(sh, &role->needs[k]);
            if (r && r->final_level)
                rb_buf_printf(out, "%d,%d,", r->final_level, r->gap);
            else
                rb_buf_puts(out, ",,");
        }
        rb_buf_printf(out, "%zu,%zu,%.3f\r\n", sh->strengths, sh->developments, sh->fit);
    }
    return rb_buf_ok(out);
}

/* ---- the command ----------------------------------------------------------- */

/* All files must be for the first file's role. */
static bool same_role(rb_interview *const *ivs, const char *const *files, size_t n)
{
    bool ok = true;
    for (size_t i = 1; i < n; i++)
        if (strcmp(ivs[i]->role->id, ivs[0]->role->id) != 0) {
            cli_error(EXIT_INVALID, "'%s' is for role '%s', but '%s' is for role '%s': "
                      "compare candidates for one role at a time", files[i],
                      ivs[i]->role->id, files[0], ivs[0]->role->id);
            ok = false;
        }
    return ok;
}

/* A candidate in two files is ranked twice; say so, since it is usually a
 * mistake (the same file given twice, or an id copied from another file). */
static void warn_duplicates(rb_interview *const *ivs, const char *const *files, size_t n)
{
    for (size_t i = 1; i < n; i++)
        for (size_t j = 0; j < i; j++)
            if (strcmp(ivs[i]->candidate_id, ivs[j]->candidate_id) == 0) {
                fprintf(stderr, "rubric: warning: candidate '%s' is in both '%s' and '%s'; "
                        "each file is ranked on its own\n", ivs[i]->candidate_id, files[j],
                        files[i]);
                break;
            }
}

static int compare(rb_library *lib, rb_scorer *scorer, rb_diags *d, const char *const *files,
                   size_t nfiles, render_fn render, const char *output)
{
    rb_interview **ivs = calloc(nfiles, sizeof *ivs);
    rb_sheet **sheets = calloc(nfiles, sizeof *sheets);
    row *rows = calloc(nfiles, sizeof *rows);
    int rc;
    if (!ivs || !sheets || !rows) {
        rc = cli_error(EXIT_SYSTEM, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < nfiles; i++) {
        ivs[i] = rb_interview_read(lib, files[i], d);
        if (ivs[i])
            sheets[i] = rb_score(scorer, ivs[i], d);
    }
    cli_print_diags(stderr, d);
    rc = cli_exit_for(d);
    if (rc != EXIT_OK)
        goto done;  /* all or nothing, as with `rubric score` */
    if (!same_role(ivs, files, nfiles)) {
        rc = EXIT_INVALID;
        goto done;
    }
    warn_duplicates(ivs, files, nfiles);
    for (size_t i = 0; i < nfiles; i++)
        rows[i] = (row){ sheets[i], i, 0 };
    qsort(rows, nfiles, sizeof *rows, cmp_row);
    /* Equal fits share a rank: 1, 2, 2, 4. */
    for (size_t i = 0; i < nfiles; i++)
        rows[i].rank = i && rows[i].sheet->fit == rows[i - 1].sheet->fit ? rows[i - 1].rank
                                                                           : i + 1;
    {
        rb_buf out = { 0 };
        if (!render(ivs[0]->role, rows, nfiles, &out))
            rc = cli_error(EXIT_SYSTEM, "out of memory while writing the comparison");
        else
            rc = cli_write(output, &out);
        rb_buf_release(&out);
        if (rc == EXIT_OK && output)
            fprintf(stderr, "wrote %s\n", output);
    }
done:
    for (size_t i = 0; sheets && i < nfiles; i++)
        rb_sheet_free(sheets[i]);
    for (size_t i = 0; ivs && i < nfiles; i++)
        rb_interview_free(ivs[i]);
    free(rows);
    free(sheets);
    free(ivs);
    return rc;
}

int cmd_compare(int argc, char **argv)
{
    static const opt_spec specs[] = {
        { "format", 0, true }, { "output", 'o', true }, { "library", 0, true },
        { "help", 'h', false }, { NULL, 0, false },
    };
    opt_parser p = { argc, argv, 1, specs, "compare", false };
    const char *format = "text", *output = NULL, *library = NULL, *v;
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
    if (strcmp(format, "text") == 0)
        render = render_text;
    else if (strcmp(format, "md") == 0 || strcmp(format, "markdown") == 0)
        render = render_md;
    else if (strcmp(format, "json") == 0)
        render = render_json;
    else if (strcmp(format, "csv") == 0)
        render = render_csv;
    int rc;
    if (!render)
        rc = cli_usage_error("compare", "unknown format '%s' (use text, md, json or csv)",
                             format);
    else if (nfiles == 0)
        rc = cli_usage_error("compare", "missing ANSWERS files (one per candidate)");
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
        else
            cli_error(EXIT_SYSTEM, "out of memory");
        rc = EXIT_SYSTEM;
    } else {
        rc = compare(lib, scorer, d, files, nfiles, render, output);
    }
    rb_scorer_free(scorer);
    rb_diags_free(d);
    rb_library_free(lib);
    free(files);
    return rc;
}
