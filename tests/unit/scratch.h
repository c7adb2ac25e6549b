/*
 * Scratch folders for unit tests: made fresh under $TMPDIR, filled with
 * files, removed afterwards. Header-only (static inline): each test file
 * uses what it needs.
 */
#ifndef RB_TEST_SCRATCH_H
#define RB_TEST_SCRATCH_H

#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "rubric/diag.h"

static inline int scratch_rm_entry(const char *path, const struct stat *st, int flag,
                                   struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    return remove(path);
}

/* Remove a folder and everything in it. */
static inline void rm_tree(const char *dir)
{
    nftw(dir, scratch_rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* A fresh folder $TMPDIR/rubric-<name>-XXXXXX in buf; NULL on failure. */
static inline char *make_tmpdir(char *buf, size_t size, const char *name)
{
    const char *base = getenv("TMPDIR");
    snprintf(buf, size, "%s/rubric-%s-XXXXXX", base && *base ? base : "/tmp", name);
    char *d = mkdtemp(buf);
    if (!d)
        fprintf(stderr, "mkdtemp: %s\n", strerror(errno));
    return d;
}

/* Number of entries (other than . and ..) in a folder, or -1. */
static inline int count_entries(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    int n = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL)
        if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0)
            n++;
    closedir(d);
    return n;
}

typedef struct tmpdir {
    char path[1024];
} tmpdir;

static inline bool tmpdir_make(tmpdir *t, const char *name)
{
    return make_tmpdir(t->path, sizeof t->path, name) != NULL;
}

static inline void tmpdir_remove(const tmpdir *t)
{
    rm_tree(t->path);
}

/* Write `text` to `rel` under the folder, creating folders on the way. */
static inline bool tmpdir_put(const tmpdir *t, const char *rel, const char *text)
{
    char path[2048];
    snprintf(path, sizeof path, "%s/%s", t->path, rel);
    for (char *p = path + strlen(t->path) + 1; *p; p++) {
        if (*p == '/') {
            *p = '\0';
            if (mkdir(path, 0755) != 0 && errno != EEXIST)
                return false;
            *p = '/';
        }
    }
    FILE *f = fopen(path, "w");
    if (!f)
        return false;
    bool ok = fputs(text, f) >= 0;
    return fclose(f) == 0 && ok;
}

/* Show diagnostics on stderr, to explain a failing check. */
static inline void print_diags(const rb_diags *d)
{
    for (size_t i = 0; d && i < rb_diags_count(d); i++) {
        const rb_diag *x = rb_diags_at(d, i);
        fprintf(stderr, "    %s:%d: %s: %s\n", x->file ? x->file : "(none)", x->line,
                x->severity == RB_ERROR ? "error" : "warning", x->message);
    }
}

#endif
