/*
 * Diagnostics list. Keeps its own arena so diagnostics outlive the load
 * that produced them and are freed with one call.
 */
#include "rubric/diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/util.h"

struct entry {
    rb_diag d;
    size_t file_rank;  /* order in which the file was first seen */
    size_t seq;
};

struct rb_diags {
    arena *arena;
    struct entry *items;
    size_t len, cap;
    size_t errors, warnings;
    bool system, overflowed;
    const char **files;  /* distinct files in first-seen order */
    size_t nfiles, files_cap;
};

rb_diags *rb_diags_new(void)
{
    rb_diags *d = calloc(1, sizeof(*d));
    if (!d)
        return NULL;
    d->arena = arena_new();
    if (!d->arena) {
        free(d);
        return NULL;
    }
    return d;
}

void rb_diags_free(rb_diags *d)
{
    if (!d)
        return;
    arena_free(d->arena);
    free(d->items);
    free(d->files);
    free(d);
}

static size_t file_rank(rb_diags *d, const char *file)
{
    if (!file)
        return SIZE_MAX;
    for (size_t i = 0; i < d->nfiles; i++)
        if (strcmp(d->files[i], file) == 0)
            return i;
    if (d->nfiles == d->files_cap) {
        size_t ncap = d->files_cap ? d->files_cap * 2 : 16;
        const char **n = realloc(d->files, ncap * sizeof(*n));
        if (!n)
            return SIZE_MAX;
        d->files = n;
        d->files_cap = ncap;
    }
    d->files[d->nfiles] = file;
    return d->nfiles++;
}

/* A copy that is valid UTF-8 on one line: invalid bytes become U+FFFD and
 * line breaks spaces (`one_line`), so diagnostics are safe to print and to
 * put in JSON. */
static char *clean_copy(arena *a, const char *s, bool one_line)
{
    size_t n = strlen(s);
    char *out = arena_alloc(a, n * 3 + 1);
    if (!out)
        return NULL;
    size_t k = 0, i = 0;
    while (i < n) {
        size_t bad = utf8_invalid_at(s + i, n - i);
        for (size_t j = 0; j < bad; j++) {
            char c = s[i + j];
            /* Control characters (a terminal escape, say) never reach the
             * reader's screen; a detail keeps its line breaks. C1 controls
             * (U+0080..U+009F: C2 80..C2 9F) are two bytes, one space. */
            if ((unsigned char)c == 0xC2 && j + 1 < bad &&
                (unsigned char)s[i + j + 1] >= 0x80 && (unsigned char)s[i + j + 1] < 0xA0) {
                out[k++] = ' ';
                j++;
                continue;
            }
            if ((unsigned char)c < 0x20 || c == 0x7f)
                c = (!one_line && c == '\n') ? '\n' : ' ';
            out[k++] = c;
        }
        i += bad;
        if (i < n) {
            memcpy(out + k, "\xEF\xBF\xBD", 3);
            k += 3;
            i++;
        }
    }
    out[k] = '\0';
    return out;
}

void rb_diags_add(rb_diags *d, rb_severity sev, rb_diag_kind kind,
                  const char *file, int line, int column, const char *detail,
                  const char *fmt, ...)
{
    if (!d)
        return;
    if (sev == RB_ERROR)
        d->errors++;
    else
        d->warnings++;
    if (kind == RB_DIAG_SYSTEM)
        d->system = true;
    if (d->len == d->cap) {
        size_t ncap = d->cap ? d->cap * 2 : 16;
        struct entry *n = realloc(d->items, ncap * sizeof(*n));
        if (!n) {
            d->overflowed = true;
            return;
        }
        d->items = n;
        d->cap = ncap;
    }
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *msg = n >= 0 ? arena_alloc(d->arena, (size_t)n + 1) : NULL;
    const char *fcopy = file ? clean_copy(d->arena, file, true) : NULL;
    const char *dcopy = detail ? clean_copy(d->arena, detail, false) : NULL;
    if (!msg || (file && !fcopy) || (detail && !dcopy)) {
        d->overflowed = true;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(msg, (size_t)n + 1, fmt, ap);
    va_end(ap);
    msg = clean_copy(d->arena, msg, true);
    if (!msg) {
        d->overflowed = true;
        return;
    }
    struct entry *e = &d->items[d->len];
    e->d = (rb_diag){ sev, kind, fcopy, line, column, msg, dcopy };
    e->file_rank = file_rank(d, fcopy);
    e->seq = d->len;
    d->len++;
}

size_t rb_diags_count(const rb_diags *d) { return d ? d->len : 0; }
const rb_diag *rb_diags_at(const rb_diags *d, size_t i) { return &d->items[i].d; }
size_t rb_diags_errors(const rb_diags *d) { return d ? d->errors : 0; }
size_t rb_diags_warnings(const rb_diags *d) { return d ? d->warnings : 0; }
bool rb_diags_has_system_error(const rb_diags *d) { return d && d->system; }
bool rb_diags_overflowed(const rb_diags *d) { return d && d->overflowed; }

static int cmp_entry(const void *pa, const void *pb)
{
    const struct entry *a = pa, *b = pb;
    if (a->file_rank != b->file_rank)
        return a->file_rank < b->file_rank ? -1 : 1;
    if (a->d.line != b->d.line)
        return a->d.line < b->d.line ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

void rb_diags_sort(rb_diags *d)
{
    if (d && d->len > 1)
        qsort(d->items, d->len, sizeof(*d->items), cmp_entry);
}
