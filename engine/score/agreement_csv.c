/*
 * Reading a ratings table from CSV (RFC 4180), strictly: every problem is a
 * diagnostic with the file and line, and a table comes back only when there
 * was none.
 *
 *     subject,Ana,Ben,Cleo
 *     s1,3,4,
 *     "s 2",2,2,3
 *
 * The header names the raters after a first column of subject ids; each
 * row is a subject: its id, then one cell per rater, an integer level or
 * empty (missing). Fields may be quoted ("" is a quote inside one) and may
 * then hold commas and line breaks; a quoted field's problems are reported
 * on the line where it starts.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rubric/agreement.h"
#include "rubric/io.h"
#include "util/util.h"

/* After this many errors the reader stops and says so. */
#define MAX_ERRORS 50

typedef struct parser {
    const char *display;
    const char *p, *end;
    int line;              /* line of *p */
    rb_diags *d;
    size_t errors;
    bool stopped;          /* MAX_ERRORS reached */
    bool oom;
    /* The current record: field texts, NUL-terminated, one after another. */
    char *text;
    size_t text_len, text_cap;
    size_t *fstart;        /* offset of each field's text */
    int *fline;            /* line each field starts on */
    size_t nfields, fcap, fline_cap;
    int rec_line;          /* line the record starts on */
} parser;

__attribute__((format(printf, 3, 4))) static void problem(parser *ps, int line,
                                                        const char *fmt, ...)
{
    if (ps->stopped)
        return;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    rb_diags_add(ps->d, RB_ERROR, RB_DIAG_INPUT, ps->display, line, 0, NULL, "%s", msg);
    if (++ps->errors == MAX_ERRORS) {
        rb_diags_add(ps->d, RB_ERROR, RB_DIAG_INPUT, ps->display, line, 0, NULL,
                     "too many errors; stopped reading here");
        ps->stopped = true;
    }
}

static void out_of_memory(parser *ps)
{
    if (!ps->oom)
        rb_diags_add(ps->d, RB_ERROR, RB_DIAG_SYSTEM, ps->display, 0, 0, NULL,
                     "out of memory");
    ps->oom = true;
    ps->stopped = true;
}

/* Grow *v (elements of `size` bytes) to hold at least `need`. */
static bool grow(void **v, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return true;
    size_t ncap = *cap ? *cap : 16;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2 / size)
            return false;
        ncap *= 2;
    }
    void *n = realloc(*v, ncap * size);
    if (!n)
        return false;
    *v = n;
    *cap = ncap;
    return true;
}

static void put(parser *ps, char c)
{
    if (ps->text_len == ps->text_cap &&
        !grow((void **)&ps->text, &ps->text_cap, ps->text_len + 1, 1)) {
        out_of_memory(ps);
        return;
    }
    ps->text[ps->text_len++] = c;
}

/* A line end at p: LF, CRLF, or a CR that ends the input. */
static size_t eol_at(const parser *ps, const char *p)
{
    if (p >= ps->end)
        return 0;
    if (*p == '\n')
        return 1;
    if (*p == '\r' && (p + 1 == ps->end || p[1] == '\n'))
        return p + 1 == ps->end ? 1 : 2;
    return 0;
}

/* Skip to the start of the next line (after a broken record). */
static void skip_line(parser *ps)
{
    while (ps->p < ps->end) {
        size_t e = eol_at(ps, ps->p);
        if (e) {
            ps->p += e;
            ps->line++;
            return;
        }
        ps->p++;
    }
}

/* Read one record into the parser. Returns 1 for a record, 0 at the end of
 * the input, -1 for a record with a syntax error (reported and skipped).
 * Blank lines are skipped. */
static int read_record(parser *ps)
{
    size_t e;
    while ((e = eol_at(ps, ps->p)) != 0) {
        ps->p += e;
        ps->line++;
    }
    if (ps->p >= ps->end)
        return 0;
    ps->rec_line = ps->line;
    ps->nfields = 0;
    ps->text_len = 0;
    for (;;) {
        if (!grow((void **)&ps->fstart, &ps->fcap, ps->nfields + 1, sizeof *ps->fstart)) {
            out_of_memory(ps);
            return -1;
        }
        if (!grow((void **)&ps->fline, &ps->fline_cap, ps->nfields + 1, sizeof *ps->fline)) {
            out_of_memory(ps);
            return -1;
        }
        ps->fstart[ps->nfields] = ps->text_len;
        ps->fline[ps->nfields] = ps->line;
        ps->nfields++;
        if (ps->p < ps->end && *ps->p == '"') {
            int open_line = ps->line;
            ps->p++;
            for (;;) {
                if (ps->p >= ps->end) {
                    problem(ps, open_line,
                            "unterminated quoted field (the quote opens on this line)");
                    return -1;
                }
                char c = *ps->p;
                if (c == '"') {
                    if (ps->p + 1 < ps->end && ps->p[1] == '"') {
                        put(ps, '"');
                        ps->p += 2;
                        continue;
                    }
                    ps->p++;
                    break;
                }
                if (c == '\n')
                    ps->line++;
                put(ps, c);
                ps->p++;
            }
            if (ps->p < ps->end && *ps->p != ',' && !eol_at(ps, ps->p)) {
                problem(ps, ps->line, "text after the closing quote of a quoted field");
                skip_line(ps);
                return -1;
            }
        } else {
            while (ps->p < ps->end && *ps->p != ',' && !eol_at(ps, ps->p)) {
                if (*ps->p == '"') {
                    problem(ps, ps->line, "a quote inside an unquoted field (quote the "
                                          "whole field and write the quote twice)");
                    skip_line(ps);
                    return -1;
                }
                put(ps, *ps->p++);
            }
        }
        put(ps, '\0');
        if (ps->oom)
            return -1;
        if (ps->p < ps->end && *ps->p == ',') {
            ps->p++;
            continue;
        }
        if ((e = eol_at(ps, ps->p)) != 0) {
            ps->p += e;
            ps->line++;
        }
        return 1;
    }
}

static const char *field(const parser *ps, size_t i)
{
    return ps->text + ps->fstart[i];
}

/* C0, DEL and C1: what a terminal would take as a command rather than
 * show. */
static bool has_control(const char *s)
{
    return !rb_text_plain(s, false);
}

/* At most about 40 bytes of `s` for a message, cut on a character
 * boundary, with "..." when cut. */
static const char *brief(const char *s, char *buf, size_t size)
{
    size_t n = strlen(s);
    bool cut = n > 40;
    if (cut) {
        n = 40;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    }
    snprintf(buf, size, "%.*s%s", (int)n, s, cut ? "..." : "");
    return buf;
}

enum { LEVEL_OK, LEVEL_MISSING, LEVEL_NOT_INTEGER, LEVEL_OUT_OF_RANGE };

/* An integer level, with spaces or tabs around it allowed; empty (or only
 * spaces) is missing. */
static int parse_level(const char *s, int *out)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    if (n == 0)
        return LEVEL_MISSING;
    size_t i = 0;
    bool negative = false;
    if (s[0] == '+' || s[0] == '-') {
        negative = s[0] == '-';
        i++;
    }
    if (i == n)
        return LEVEL_NOT_INTEGER;
    long long v = 0;
    bool big = false;
    for (; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return LEVEL_NOT_INTEGER;
        if (!big) {
            v = v * 10 + (s[i] - '0');
            if (v > RB_RATING_LIMIT)
                big = true;
        }
    }
    if (big)
        return LEVEL_OUT_OF_RANGE;
    *out = (int)(negative ? -v : v);
    return LEVEL_OK;
}

typedef struct name_ref {
    const char *name;
    size_t index;
} name_ref;

static int cmp_name_ref(const void *a, const void *b)
{
    const name_ref *x = a, *y = b;
    int c = strcmp(x->name, y->name);
    if (c)
        return c;
    return (x->index > y->index) - (x->index < y->index);
}

/* Line of the byte at offset `at` (1-based). */
static int line_of(const char *data, size_t at)
{
    int line = 1;
    for (size_t i = 0; i < at; i++)
        if (data[i] == '\n')
            line++;
    return line;
}

rb_ratings *rb_ratings_parse_csv(const char *display, const char *data, size_t len,
                                 rb_diags *d)
{
    parser ps = { 0 };
    ps.display = display;
    ps.p = data;
    ps.end = data + len;
    ps.line = 1;
    ps.d = d;

    /* Bytes no table may hold: NUL, and text that is not UTF-8. */
    const char *nul = memchr(data, '\0', len);
    size_t bad = utf8_invalid_at(data, nul ? (size_t)(nul - data) : len);
    if (nul && bad == (size_t)(nul - data)) {
        problem(&ps, line_of(data, bad), "a NUL byte; a ratings table is text");
        return NULL;
    }
    if (bad < len) {
        problem(&ps, line_of(data, bad), "invalid UTF-8");
        return NULL;
    }
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        ps.p += 3;
    if (memchr(data, '\r', len) && !memchr(data, '\n', len)) {
        problem(&ps, 1, "the lines end in a carriage return alone (old Mac line ends): save "
                        "the file with LF or CRLF line ends");
        return NULL;
    }

    rb_ratings *t = NULL;
    char *names = NULL;          /* rater names then subject ids, NUL-separated */
    size_t names_len = 0, names_cap = 0;
    size_t *rater_at = NULL, *subject_at = NULL, subjects_cap = 0;
    int *lines = NULL, *cells = NULL;
    size_t lines_cap = 0, cells_cap = 0, nsubjects = 0, nraters = 0;
    name_ref *refs = NULL;

    int r = read_record(&ps);
    if (r == 0) {
        problem(&ps, ps.line, "no data: the file is empty (expected a header row naming "
                              "the raters)");
        goto done;
    }
    if (r < 0)
        goto done;
    int header_line = ps.rec_line;
    nraters = ps.nfields - 1;
    if (nraters == 0) {
        problem(&ps, header_line, "no raters: the header row has only the subject column");
        goto done;
    }
    rater_at = malloc(nraters * sizeof *rater_at);
    refs = malloc(nraters * sizeof *refs);
    if (!rater_at || !refs) {
        out_of_memory(&ps);
        goto done;
    }
    for (size_t c = 0; c < nraters; c++) {
        const char *name = field(&ps, c + 1);
        size_t n = strlen(name);
        char b[64];
        if (n == 0)
            problem(&ps, ps.fline[c + 1], "column %zu: the rater name is empty", c + 2);
        else if (has_control(name))
            problem(&ps, ps.fline[c + 1], "column %zu: rater name '%s' has a control character",
                    c + 2, brief(name, b, sizeof b));
        if (!grow((void **)&names, &names_cap, names_len + n + 1, 1)) {
            out_of_memory(&ps);
            goto done;
        }
        rater_at[c] = names_len;
        memcpy(names + names_len, name, n + 1);
        names_len += n + 1;
    }
    for (size_t c = 0; c < nraters; c++)
        refs[c] = (name_ref){ names + rater_at[c], c };
    qsort(refs, nraters, sizeof *refs, cmp_name_ref);
    /* Sorted by name, then column: each run of equal names starts with the
     * first column that has it. */
    for (size_t c = 1, first = 0; c < nraters; c++) {
        if (strcmp(refs[c].name, refs[first].name) != 0) {
            first = c;
            continue;
        }
        if (refs[c].name[0] == '\0')
            continue;  /* reported as empty */
        char b[64];
        problem(&ps, header_line, "duplicate rater name '%s' (columns %zu and %zu)",
                brief(refs[c].name, b, sizeof b), refs[first].index + 2, refs[c].index + 2);
    }
    free(refs);
    refs = NULL;

    while (!ps.stopped && (r = read_record(&ps)) != 0) {
        if (r < 0)
            continue;
        if (ps.nfields != nraters + 1) {
            problem(&ps, ps.rec_line, "the row has %zu field%s; the header has %zu", ps.nfields,
                    ps.nfields == 1 ? "" : "s", nraters + 1);
            continue;
        }
        const char *id = field(&ps, 0);
        char b[64], b2[64], b3[64];
        if (id[0] == '\0') {
            problem(&ps, ps.rec_line, "the subject id is empty");
            continue;
        }
        if (has_control(id)) {
            problem(&ps, ps.rec_line, "subject id '%s' has a control character",
                    brief(id, b, sizeof b));
            continue;
        }
        size_t n = strlen(id);
        if (!grow((void **)&names, &names_cap, names_len + n + 1, 1) ||
            !grow((void **)&subject_at, &subjects_cap, nsubjects + 1, sizeof *subject_at) ||
            !grow((void **)&lines, &lines_cap, nsubjects + 1, sizeof *lines) ||
            !grow((void **)&cells, &cells_cap, (nsubjects + 1) * nraters, sizeof *cells)) {
            out_of_memory(&ps);
            break;
        }
        subject_at[nsubjects] = names_len;
        memcpy(names + names_len, id, n + 1);
        names_len += n + 1;
        lines[nsubjects] = ps.rec_line;
        int *row = cells + nsubjects * nraters;
        for (size_t c = 0; c < nraters; c++) {
            const char *cell = field(&ps, c + 1);
            int v = RB_RATING_MISSING;
            switch (parse_level(cell, &v)) {
            case LEVEL_OK:
                break;
            case LEVEL_MISSING:
                v = RB_RATING_MISSING;
                break;
            case LEVEL_NOT_INTEGER:
                problem(&ps, ps.fline[c + 1],
                        "subject '%s', rater '%s': '%s' is not an integer level",
                        brief(id, b, sizeof b), brief(names + rater_at[c], b2, sizeof b2),
                        brief(cell, b3, sizeof b3));
                break;
            default:
                problem(&ps, ps.fline[c + 1],
                        "subject '%s', rater '%s': level %s is out of range (%d to %d)",
                        brief(id, b, sizeof b), brief(names + rater_at[c], b2, sizeof b2),
                        brief(cell, b3, sizeof b3), -RB_RATING_LIMIT, RB_RATING_LIMIT);
                break;
            }
            row[c] = v;
        }
        nsubjects++;
    }
    if (ps.oom)
        goto done;
    if (nsubjects == 0 && ps.errors == 0) {
        problem(&ps, header_line, "no data: no subject rows after the header");
        goto done;
    }
    refs = malloc((nsubjects ? nsubjects : 1) * sizeof *refs);
    if (!refs) {
        out_of_memory(&ps);
        goto done;
    }
    for (size_t s = 0; s < nsubjects; s++)
        refs[s] = (name_ref){ names + subject_at[s], s };
    qsort(refs, nsubjects, sizeof *refs, cmp_name_ref);
    for (size_t s = 1, first = 0; s < nsubjects && !ps.stopped; s++) {
        if (strcmp(refs[s].name, refs[first].name) != 0) {
            first = s;
            continue;
        }
        char b[64];
        problem(&ps, lines[refs[s].index], "duplicate subject '%s' (first on line %d)",
                brief(refs[s].name, b, sizeof b), lines[refs[first].index]);
    }
    if (ps.errors)
        goto done;

    t = calloc(1, sizeof *t);
    if (!t || !(t->subjects = malloc(nsubjects * sizeof *t->subjects)) ||
        !(t->raters = malloc(nraters * sizeof *t->raters)) ||
        !(t->source = strdup(display))) {
        rb_ratings_free(t);
        t = NULL;
        out_of_memory(&ps);
        goto done;
    }
    t->nsubjects = nsubjects;
    t->nraters = nraters;
    t->cells = cells;
    t->lines = lines;
    t->storage_ = names;
    for (size_t s = 0; s < nsubjects; s++)
        t->subjects[s] = names + subject_at[s];
    for (size_t c = 0; c < nraters; c++)
        t->raters[c] = names + rater_at[c];
    cells = NULL;
    lines = NULL;
    names = NULL;
done:
    if (ps.errors)
        rb_diags_sort(d);
    free(ps.text);
    free(ps.fstart);
    free(ps.fline);
    free(names);
    free(rater_at);
    free(subject_at);
    free(lines);
    free(cells);
    free(refs);
    return t;
}

rb_ratings *rb_ratings_read_csv(const char *path, rb_diags *d)
{
    bool is_stdin = strcmp(path, "-") == 0;
    const char *display = is_stdin ? "<stdin>" : path;
    const size_t limit = RB_MAX_RATINGS_FILE;
    int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        rb_diags_add(d, RB_ERROR, RB_DIAG_SYSTEM, display, 0, 0, NULL,
                     "cannot read file: %s", strerror(errno));
        return NULL;
    }
    struct stat st;
    bool regular = false;
    if (fstat(fd, &st) == 0) {
        if (S_ISDIR(st.st_mode)) {
            rb_diags_add(d, RB_ERROR, RB_DIAG_SYSTEM, display, 0, 0, NULL,
                         "cannot read file: %s", strerror(EISDIR));
            if (!is_stdin)
                close(fd);
            return NULL;
        }
        regular = S_ISREG(st.st_mode);
    }
    if (regular && (unsigned long long)st.st_size > limit) {
        rb_diags_add(d, RB_ERROR, RB_DIAG_INPUT, display, 0, 0, NULL,
                     "file is %llu bytes, over the limit of %zu MiB",
                     (unsigned long long)st.st_size, limit >> 20);
        if (!is_stdin)
            close(fd);
        return NULL;
    }
    /* Read up to limit + 1 bytes: a file that grew, or a stream, may be
     * too big too. */
    size_t cap = regular ? (size_t)st.st_size + 1 : 65536, got = 0;
    char *buf = malloc(cap + 1);
    int err = 0;
    while (buf) {
        if (got == cap) {
            if (got > limit)
                break;
            size_t ncap = cap * 2 > limit + 1 ? limit + 1 : cap * 2;
            char *n = realloc(buf, ncap + 1);
            if (!n) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = n;
            cap = ncap;
        }
        ssize_t n = read(fd, buf + got, cap - got);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            err = errno;
            break;
        }
        if (n == 0)
            break;
        got += (size_t)n;
    }
    if (!is_stdin)
        close(fd);
    if (!buf) {
        rb_diags_add(d, RB_ERROR, RB_DIAG_SYSTEM, display, 0, 0, NULL, "out of memory");
        return NULL;
    }
    if (err) {
        free(buf);
        rb_diags_add(d, RB_ERROR, RB_DIAG_SYSTEM, display, 0, 0, NULL,
                     "cannot read file: %s", strerror(err));
        return NULL;
    }
    if (got > limit) {
        free(buf);
        rb_diags_add(d, RB_ERROR, RB_DIAG_INPUT, display, 0, 0, NULL,
                     "file is more than %zu bytes, over the limit of %zu MiB", limit,
                     limit >> 20);
        return NULL;
    }
    buf[got] = '\0';
    rb_ratings *t = rb_ratings_parse_csv(display, buf, got, d);
    free(buf);
    return t;
}

bool rb_ratings_check_scale(const rb_ratings *t, int min, int max, rb_diags *d)
{
    size_t errors = 0;
    for (size_t s = 0; s < t->nsubjects; s++) {
        for (size_t r = 0; r < t->nraters; r++) {
            int v = t->cells[s * t->nraters + r];
            if (v == RB_RATING_MISSING || (v >= min && v <= max))
                continue;
            int line = t->lines ? t->lines[s] : 0;
            if (++errors > MAX_ERRORS) {
                rb_diags_add(d, RB_ERROR, RB_DIAG_INPUT, t->source, line, 0, NULL,
                             "too many levels outside the scale; stopped here");
                return false;
            }
            char bs[64], br[64];
            if (t->subjects && t->raters)
                rb_diags_add(d, RB_ERROR, RB_DIAG_INPUT, t->source, line, 0, NULL,
                             "subject '%s', rater '%s': level %d is outside the scale "
                             "(%d to %d)",
                             brief(t->subjects[s], bs, sizeof bs),
                             brief(t->raters[r], br, sizeof br), v, min, max);
            else
                rb_diags_add(d, RB_ERROR, RB_DIAG_INPUT, t->source, line, 0, NULL,
                             "subject %zu, rater %zu: level %d is outside the scale "
                             "(%d to %d)",
                             s + 1, r + 1, v, min, max);
        }
    }
    return errors == 0;
}
