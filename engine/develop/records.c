/*
 * Records about a person: the marker line of Markdown and HTML documents,
 * telling whose a document is, and finding and removing a person's records
 * under a folder (see include/rubric/records.h).
 *
 * The search opens every folder and file relative to its parent's
 * descriptor with O_NOFOLLOW, so a symbolic link — or a folder swapped for
 * one while the search runs — never leads out of the folder searched.
 */
#include <cjson/cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "json/json_syntax.h"
#include "rubric/devplan.h"
#include "rubric/journal.h"
#include "rubric/records.h"
#include "util/crc32c.h"
#include "util/util.h"

#define MARKER_OPEN "<!-- rubric-person: "
#define MARKER_CLOSE " -->"

void rb_person_marker(rb_buf *out, const char *person)
{
    rb_buf_puts(out, MARKER_OPEN "\"");
    for (const unsigned char *s = (const unsigned char *)person; *s; s++) {
        switch (*s) {
        case '"': rb_buf_puts(out, "\\\""); break;
        case '\\': rb_buf_puts(out, "\\\\"); break;
        case '<': rb_buf_puts(out, "\\u003c"); break;
        case '>': rb_buf_puts(out, "\\u003e"); break;
        case '-':
            /* "--" may not appear inside an HTML comment. */
            rb_buf_puts(out, s[1] == '-' ? "\\u002d" : "-");
            break;
        default:
            if (*s < 0x20 || *s == 0x7f)
                rb_buf_printf(out, "\\u%04x", *s);
            else
                rb_buf_putc(out, (char)*s);
            break;
        }
    }
    rb_buf_puts(out, "\"" MARKER_CLOSE "\n");
}

static char *person_of_marker(const char *text, size_t len)
{
    size_t open = strlen(MARKER_OPEN);
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        text += 3;
        len -= 3;
    }
    if (len < open || memcmp(text, MARKER_OPEN, open) != 0)
        return NULL;
    const char *nl = memchr(text, '\n', len);
    size_t line = nl ? (size_t)(nl - text) : len;
    if (line && text[line - 1] == '\r')
        line--;
    size_t close = strlen(MARKER_CLOSE);
    if (line < open + close || memcmp(text + line - close, MARKER_CLOSE, close) != 0)
        return NULL;
    const char *js = text + open;
    size_t jlen = line - open - close;
    json_error je;
    cJSON *v = json_parse(js, jlen, &je);
    char *name = NULL;
    if (v && cJSON_IsString(v) && v->valuestring[0])
        name = strdup(v->valuestring);
    cJSON_Delete(v);
    return name;
}

char *rb_record_person(const char *text, size_t len, rb_record_kind *kind, char **format)
{
    if (format)
        *format = NULL;
    char *name = person_of_marker(text, len);
    if (name) {
        *kind = RB_RECORD_MARKED;
        return name;
    }
    size_t i = 0;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    size_t bom = i;  /* the readers accept a byte order mark: so does this */
    while (i < len && strchr(" \t\r\n", text[i]))
        i++;
    if (i >= len || text[i] != '{')
        return NULL;
    json_error je;
    cJSON *root = json_parse(text + bom, len - bom, &je);
    if (!root)
        return NULL;
    const cJSON *fmt = cJSON_GetObjectItemCaseSensitive(root, "format");
    const cJSON *person = cJSON_GetObjectItemCaseSensitive(root, "person");
    if (cJSON_IsString(fmt) && strncmp(fmt->valuestring, "rubric.", 7) == 0 &&
        cJSON_IsString(person) && person->valuestring[0]) {
        name = strdup(person->valuestring);
        if (name && format)
            *format = strdup(fmt->valuestring);
        *kind = RB_RECORD_JSON;
    }
    cJSON_Delete(root);
    return name;
}

/* ---- searching ----------------------------------------------------------------- */

typedef enum journal_owner {
    OWNER_PERSON,   /* its first record names the person */
    OWNER_OTHER,    /* ... someone else */
    OWNER_UNKNOWN,  /* no readable first record */
} journal_owner;

typedef struct journal_seen {
    char *path;
    journal_owner owner;
    struct stat st;
} journal_seen;

typedef struct search {
    const char *root;
    const char *person;
    rb_diags *diags;
    rb_record_list *out;
    size_t cap;
    size_t seen;
    bool failed;          /* a system error: stop */
    /* Journals met on the way, decided at the end (their plan may come
     * later in the walk). */
    journal_seen *journals;
    size_t njournals, cap_journals;
} search;

static bool add_record(search *s, const char *rel, rb_record_kind kind, char *format,
                       const struct stat *st)
{
    if (s->out->n == s->cap) {
        size_t ncap = s->cap ? s->cap * 2 : 16;
        rb_record *p = realloc(s->out->items, ncap * sizeof *p);
        if (!p) {
            free(format);
            return false;
        }
        s->out->items = p;
        s->cap = ncap;
    }
    char *path = strdup(rel);
    if (!path) {
        free(format);
        return false;
    }
    s->out->items[s->out->n++] = (rb_record){ path, kind, format, st->st_dev, st->st_ino,
                                              st->st_nlink };
    return true;
}

static void sys_error(search *s, const char *rel, const char *what, int e)
{
    rb_diags_add(s->diags, RB_ERROR, RB_DIAG_SYSTEM, NULL, 0, 0, NULL, "%s/%s: %s: %s",
                 s->root, rel, what, strerror(e));
    s->failed = true;
}

/* Read a regular file opened at `fd` (at most RB_RECORDS_MAX_FILE bytes). */
static char *read_fd(int fd, size_t size, size_t *len)
{
    char *buf = malloc(size + 1);
    if (!buf)
        return NULL;
    size_t got = 0;
    while (got < size) {
        ssize_t n = read(fd, buf + got, size - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            int e = errno;
            free(buf);
            errno = e;
            return NULL;
        }
        if (n == 0)
            break;
        got += (size_t)n;
    }
    buf[got] = '\0';
    *len = got;
    return buf;
}

/* The person a progress journal's first record names, or NULL. Only an
 * intact first record (its checksum matches) counts. */
static char *journal_person(const char *text, size_t len)
{
    const unsigned char *u = (const unsigned char *)text;
    size_t at = RB_JOURNAL_HEADER_SIZE;
    if (len < at + RB_JOURNAL_RECORD_HEADER)
        return NULL;
    uint32_t rlen = (uint32_t)u[at] | (uint32_t)u[at + 1] << 8 | (uint32_t)u[at + 2] << 16 |
                    (uint32_t)u[at + 3] << 24;
    uint32_t crc = (uint32_t)u[at + 4] | (uint32_t)u[at + 5] << 8 |
                   (uint32_t)u[at + 6] << 16 | (uint32_t)u[at + 7] << 24;
    if (rlen > len - at - RB_JOURNAL_RECORD_HEADER)
        return NULL;
    const char *payload = text + at + RB_JOURNAL_RECORD_HEADER;
    if (rb_crc32c(rb_crc32c(0, u + at, 4), payload, rlen) != crc)
        return NULL;
    json_error je;
    cJSON *v = json_parse(payload, rlen, &je);
    const cJSON *ev = v ? cJSON_GetObjectItemCaseSensitive(v, "event") : NULL;
    const cJSON *p = v ? cJSON_GetObjectItemCaseSensitive(v, "person") : NULL;
    char *name = NULL;
    if (cJSON_IsString(ev) && strcmp(ev->valuestring, "plan") == 0 && cJSON_IsString(p))
        name = strdup(p->valuestring);
    cJSON_Delete(v);
    return name;
}

static bool remember_journal(search *s, const char *rel, journal_owner owner,
                             const struct stat *st)
{
    if (s->njournals == s->cap_journals) {
        size_t ncap = s->cap_journals ? s->cap_journals * 2 : 8;
        journal_seen *p = realloc(s->journals, ncap * sizeof *p);
        if (!p)
            return false;
        s->journals = p;
        s->cap_journals = ncap;
    }
    char *copy = strdup(rel);
    if (!copy)
        return false;
    s->journals[s->njournals++] = (journal_seen){ copy, owner, *st };
    return true;
}

static void look_at_file(search *s, int folder, const char *name, const char *rel,
                         const struct stat *st)
{
    if ((size_t)st->st_size > RB_RECORDS_MAX_FILE)
        return;  /* no rubric document is this big */
    int fd = openat(folder, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        rb_diags_add(s->diags, RB_WARNING, RB_DIAG_INPUT, NULL, 0, 0, NULL,
                     "%s/%s: cannot read (%s); skipped", s->root, rel, strerror(errno));
        s->out->skipped++;
        return;
    }
    struct stat fst;
    /* Looked at again through the descriptor: the file may have been
     * swapped or grown since fstatat(). */
    if (fstat(fd, &fst) != 0 || !S_ISREG(fst.st_mode) ||
        (size_t)fst.st_size > RB_RECORDS_MAX_FILE) {
        close(fd);
        return;
    }
    /* A look at the start first: most files are not rubric documents and
     * need not be read whole. */
    size_t len, size = (size_t)fst.st_size, want = 0;
    char *text = read_fd(fd, size < 4096 ? size : 4096, &len);
    if (text) {
        size_t i = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
        size_t lead = i + strspn(text + i, " \t\r\n");
        if (len >= 4 && memcmp(text, RB_JOURNAL_MAGIC, 4) == 0)
            want = RB_JOURNAL_HEADER_SIZE + RB_JOURNAL_RECORD_HEADER + RB_JOURNAL_MAX_RECORD;
        else if (strncmp(text + i, MARKER_OPEN, strlen(MARKER_OPEN)) == 0 ||
                 (lead < len && text[lead] == '{'))
            want = size;
        if (want > size)
            want = size;
        if (want > len) {
            free(text);
            text = lseek(fd, 0, SEEK_SET) == 0 ? read_fd(fd, want, &len) : NULL;
        } else if (!want) {
            free(text);
            close(fd);
            return;  /* not a rubric document */
        }
    }
    close(fd);
    if (!text) {
        rb_diags_add(s->diags, RB_WARNING, RB_DIAG_INPUT, NULL, 0, 0, NULL,
                     "%s/%s: cannot read (%s); skipped", s->root, rel, strerror(errno));
        s->out->skipped++;
        return;
    }
    if (len >= RB_JOURNAL_HEADER_SIZE && memcmp(text, RB_JOURNAL_MAGIC, 4) == 0) {
        char *person = journal_person(text, len);
        free(text);
        journal_owner owner = !person ? OWNER_UNKNOWN
                              : strcmp(person, s->person) == 0 ? OWNER_PERSON : OWNER_OTHER;
        if (!remember_journal(s, rel, owner, &fst))
            s->failed = true;
        free(person);
        return;
    }
    rb_record_kind kind;
    char *format = NULL;
    char *person = rb_record_person(text, len, &kind, &format);
    free(text);
    if (person && strcmp(person, s->person) == 0) {
        if (!add_record(s, rel, kind, format, &fst))
            s->failed = true;
    } else {
        free(format);
    }
    free(person);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void walk(search *s, int folder, const char *rel, int depth)
{
    DIR *dir = fdopendir(folder);
    if (!dir) {
        sys_error(s, rel, "cannot list the folder", errno);
        close(folder);
        return;
    }
    /* Names first, sorted, so the report is the same on every machine. */
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    errno = 0;
    while ((de = readdir(dir)) != NULL) {
        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
            continue;
        if (++s->seen > RB_RECORDS_MAX_FILES) {
            rb_diags_add(s->diags, RB_ERROR, RB_DIAG_INPUT, NULL, 0, 0, NULL,
                         "%s: more than %d files and folders; search a smaller folder",
                         s->root, RB_RECORDS_MAX_FILES);
            s->failed = true;
            break;
        }
        if (n == cap) {
            size_t ncap = cap ? cap * 2 : 32;
            char **p = realloc(names, ncap * sizeof *p);
            if (!p) {
                s->failed = true;
                break;
            }
            names = p;
            cap = ncap;
        }
        names[n] = strdup(de->d_name);
        if (!names[n]) {
            s->failed = true;
            break;
        }
        n++;
        errno = 0;
    }
    if (!de && errno && !s->failed)
        sys_error(s, rel, "cannot list the folder", errno);
    /* qsort: a folder may hold up to RB_RECORDS_MAX_FILES names. */
    if (n > 1)
        qsort(names, n, sizeof *names, by_name);
    for (size_t i = 0; i < n; i++) {
        if (s->failed)
            break;
        size_t need = strlen(rel) + strlen(names[i]) + 2;
        char *child = malloc(need);
        if (!child) {
            s->failed = true;
            break;
        }
        snprintf(child, need, "%s%s%s", rel, *rel ? "/" : "", names[i]);
        struct stat st;
        if (fstatat(dirfd(dir), names[i], &st, AT_SYMLINK_NOFOLLOW) != 0) {
            rb_diags_add(s->diags, RB_WARNING, RB_DIAG_INPUT, NULL, 0, 0, NULL,
                         "%s/%s: cannot look at it (%s); skipped", s->root, child,
                         strerror(errno));
            s->out->skipped++;
        } else if (S_ISDIR(st.st_mode)) {
            if (depth + 1 > RB_RECORDS_MAX_DEPTH) {
                rb_diags_add(s->diags, RB_WARNING, RB_DIAG_INPUT, NULL, 0, 0, NULL,
                             "%s/%s: folders nested more than %d deep are not searched",
                             s->root, child, RB_RECORDS_MAX_DEPTH);
                s->out->skipped++;
            } else {
                int fd = openat(dirfd(dir), names[i],
                                O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
                if (fd < 0) {
                    rb_diags_add(s->diags, RB_WARNING, RB_DIAG_INPUT, NULL, 0, 0, NULL,
                                 "%s/%s: cannot open the folder (%s); skipped", s->root,
                                 child, strerror(errno));
                    s->out->skipped++;
                } else
                    walk(s, fd, child, depth + 1);
            }
        } else if (S_ISREG(st.st_mode)) {
            look_at_file(s, dirfd(dir), names[i], child, &st);
        }
        free(child);
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    closedir(dir);
}

/* A plan's journal: "x.json" -> "x.progress" (rb_progress_path). */
static bool journal_of_plan(const search *s, const char *journal)
{
    for (size_t i = 0; i < s->out->n; i++) {
        const rb_record *r = &s->out->items[i];
        if (r->kind != RB_RECORD_JSON || !r->format ||
            strcmp(r->format, RB_DEVPLAN_FORMAT) != 0)
            continue;
        char *p = rb_progress_path(r->path);
        bool same = p && strcmp(p, journal) == 0;
        free(p);
        if (same)
            return true;
    }
    return false;
}

static int by_path(const void *a, const void *b)
{
    return strcmp(((const rb_record *)a)->path, ((const rb_record *)b)->path);
}

bool rb_records_find(const char *dir, const char *person, rb_record_list *out,
                     rb_diags *diags)
{
    memset(out, 0, sizeof *out);
    search s = { .root = dir, .person = person, .diags = diags, .out = out };
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    struct stat root;
    if (fd < 0 || fstat(fd, &root) != 0) {
        rb_diags_add(diags, RB_ERROR, errno == ENOENT || errno == ENOTDIR ? RB_DIAG_INPUT
                     : RB_DIAG_SYSTEM, dir, 0, 0, NULL, "cannot open the folder: %s",
                     strerror(errno));
        if (fd >= 0)
            close(fd);
        return false;
    }
    out->root_dev = root.st_dev;
    out->root_ino = root.st_ino;
    walk(&s, fd, "", 0);
    /* A journal beside the person's plan is the plan's, unless it says it
     * is about somebody else (then it is not this plan's journal at all). */
    for (size_t i = 0; i < s.njournals; i++) {
        const journal_seen *j = &s.journals[i];
        bool theirs = j->owner == OWNER_PERSON ||
                      (j->owner == OWNER_UNKNOWN && journal_of_plan(&s, j->path));
        if (!s.failed && theirs && !add_record(&s, j->path, RB_RECORD_JOURNAL, NULL, &j->st))
            s.failed = true;
        free(s.journals[i].path);
    }
    free(s.journals);
    if (s.failed && !rb_diags_errors(diags))
        rb_diags_add(diags, RB_ERROR, RB_DIAG_SYSTEM, dir, 0, 0, NULL, "out of memory");
    if (out->n > 1)
        qsort(out->items, out->n, sizeof *out->items, by_path);
    if (s.failed) {
        rb_record_list_free(out);
        return false;
    }
    return true;
}

void rb_record_list_free(rb_record_list *list)
{
    for (size_t i = 0; i < list->n; i++) {
        free(list->items[i].path);
        free(list->items[i].format);
    }
    free(list->items);
    memset(list, 0, sizeof *list);
}

bool rb_record_remove(const char *dir, const rb_record_list *list, const rb_record *r,
                      char *err, size_t errsize)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    struct stat root;
    if (fd < 0 || fstat(fd, &root) != 0) {
        snprintf(err, errsize, "cannot open the folder '%s': %s", dir, strerror(errno));
        if (fd >= 0)
            close(fd);
        return false;
    }
    if (root.st_dev != list->root_dev || root.st_ino != list->root_ino) {
        close(fd);
        snprintf(err, errsize, "'%s' is no longer the folder that was searched; left alone",
                 dir);
        return false;
    }
    const char *rel = r->path;
    char *copy = strdup(rel);
    if (!copy) {
        close(fd);
        snprintf(err, errsize, "out of memory");
        return false;
    }
    /* Walk down the folders without following links. */
    char *name = copy, *slash;
    while ((slash = strchr(name, '/')) != NULL) {
        *slash = '\0';
        bool plain = *name && strcmp(name, "..") != 0 && strcmp(name, ".") != 0;
        int sub = plain ? openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                        : -1;
        int e = errno;
        close(fd);
        if (sub < 0) {
            snprintf(err, errsize, "cannot open the folder '%s': %s", name,
                     plain ? strerror(e) : "not a plain folder name");
            free(copy);
            return false;
        }
        fd = sub;
        name = slash + 1;
    }
    struct stat st;
    bool ok = false;
    if (fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
        snprintf(err, errsize, "%s", strerror(errno));
    else if (!S_ISREG(st.st_mode))
        snprintf(err, errsize, "no longer a regular file; left alone");
    else if (st.st_dev != r->dev || st.st_ino != r->ino)
        snprintf(err, errsize, "no longer the file that was found (it was replaced since); "
                 "left alone");
    else if (unlinkat(fd, name, 0) != 0)
        snprintf(err, errsize, "%s", strerror(errno));
    else if (fsync(fd) != 0)
        snprintf(err, errsize, "removed, but the folder could not be synced: %s",
                 strerror(errno));
    else
        ok = true;
    close(fd);
    free(copy);
    return ok;
}
