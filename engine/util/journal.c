/*
 * The append-only session journal (format and rules in
 * include/rubric/journal.h).
 *
 * One scanner serves both rb_journal_open (an existing journal must be
 * intact to the end before anything is appended to it) and
 * rb_journal_recover (which also hands records over and cuts a torn tail).
 */
#include "rubric/journal.h"
#include "util/crc32c.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <libgen.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

struct rb_journal {
    int fd;
    bool broken;        /* a write or fdatasync failed: refuse appends */
    uint64_t size;      /* bytes in the file, header included */
    uint64_t records;
    char *path;
};

/* How many bytes of CRC work recovery may spend looking for intact records
 * behind a record whose length runs past the end of the file. */
#define SCAN_AHEAD_BUDGET ((uint64_t)64 << 20)

/* ---- small helpers -------------------------------------------------------- */

static void le32_put(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)(v & 0xffu);
    p[1] = (unsigned char)((v >> 8) & 0xffu);
    p[2] = (unsigned char)((v >> 16) & 0xffu);
    p[3] = (unsigned char)((v >> 24) & 0xffu);
}

static uint32_t le32_get(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
           (uint32_t)p[3] << 24;
}

/* CRC of a record: its 4 length bytes, then the payload. */
static uint32_t record_crc(uint32_t len, const unsigned char *payload)
{
    unsigned char lb[4];
    le32_put(lb, len);
    return rb_crc32c(rb_crc32c(0, lb, 4), payload, len);
}

static void clear_err(rb_journal_err *e)
{
    if (!e)
        return;
    e->status = RB_JOURNAL_OK;
    e->sys_errno = 0;
    e->offset = RB_JOURNAL_NO_OFFSET;
    e->record = 0;
    e->text[0] = '\0';
}

__attribute__((format(printf, 7, 8))) static rb_journal_status
set_err(rb_journal_err *e, const char *path, rb_journal_status status,
        int sys_errno, uint64_t offset, uint64_t record, const char *fmt, ...)
{
    if (!e)
        return status;
    e->status = status;
    e->sys_errno = sys_errno;
    e->offset = offset;
    e->record = record;
    int n = snprintf(e->text, sizeof e->text, "%s: ", path ? path : "(no path)");
    if (n < 0 || (size_t)n >= sizeof e->text)
        return status;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->text + n, sizeof e->text - (size_t)n, fmt, ap);
    va_end(ap);
    return status;
}

static const char *plural(uint64_t n)
{
    return n == 1 ? "" : "s";
}

/* Read exactly n bytes at `off`. Returns 0; -1 on an error (errno set);
 * -2 when the file ends first (it shrank while we read it). */
static int read_exact(int fd, void *buf, size_t n, uint64_t off)
{
    unsigned char *p = buf;
    while (n > 0) {
        ssize_t r = pread(fd, p, n, (off_t)off);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        if (r == 0)
            return -2;
        p += r;
        n -= (size_t)r;
        off += (uint64_t)r;
    }
    return 0;
}

/* Write all n bytes, continuing after short writes and EINTR. */
static int write_all(int fd, const unsigned char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        if (w == 0) {  /* not expected of a regular file; do not spin */
            errno = EIO;
            return -1;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

/* ---- the scanner ---------------------------------------------------------- */

/* Reads go through one window of the file: [win_off, win_off + win_len)
 * held in buf, refilled SCAN_WINDOW bytes (or one whole record) at a time. */
#define SCAN_WINDOW ((size_t)64 * 1024)

typedef struct scanner {
    int fd;
    const char *path;
    uint64_t size;       /* file size when the scan began */
    unsigned char *buf;
    size_t cap;
    uint64_t win_off;
    size_t win_len;
} scanner;

static bool reserve(scanner *s, size_t n)
{
    if (n <= s->cap)
        return true;
    size_t cap = s->cap ? s->cap : 4096;
    while (cap < n)
        cap *= 2;
    unsigned char *b = realloc(s->buf, cap);
    if (!b)
        return false;
    s->buf = b;
    s->cap = cap;
    return true;
}

/* The n bytes at `off` (off + n <= s->size), read into the window when
 * they are not there yet; good until the next call. NULL on failure, with
 * the reason in `e` (not NULL). */
static const unsigned char *scan_get(scanner *s, uint64_t off, size_t n,
                                     uint64_t record, rb_journal_err *e)
{
    if (off >= s->win_off && off - s->win_off <= s->win_len &&
        n <= s->win_len - (off - s->win_off) && s->buf)
        return s->buf + (off - s->win_off);
    size_t want = n > SCAN_WINDOW ? n : SCAN_WINDOW;
    if (want > s->size - off)
        want = (size_t)(s->size - off);
    s->win_len = 0;
    if (!reserve(s, want ? want : 1)) {
        set_err(e, s->path, RB_JOURNAL_ERR_NOMEM, ENOMEM, off, record,
                "out of memory reading %zu bytes at byte offset %" PRIu64, want, off);
        return NULL;
    }
    int r = read_exact(s->fd, s->buf, want, off);
    if (r == -1) {
        int en = errno;
        set_err(e, s->path, RB_JOURNAL_ERR_IO, en, off, record,
                "read error at byte offset %" PRIu64 ": %s", off, strerror(en));
        return NULL;
    }
    if (r == -2) {
        set_err(e, s->path, RB_JOURNAL_ERR_IO, 0, off, record,
                "the file became shorter while being read (at byte offset %" PRIu64 ")",
                off);
        return NULL;
    }
    s->win_off = off;
    s->win_len = want;
    return s->buf;
}

/* Are the bytes [off, s->size) all zero? Sets *zero. */
static rb_journal_status scan_all_zero(scanner *s, uint64_t off, uint64_t record,
                                       bool *zero, rb_journal_err *e)
{
    *zero = false;
    while (off < s->size) {
        uint64_t left = s->size - off;
        size_t n = left > SCAN_WINDOW ? SCAN_WINDOW : (size_t)left;
        const unsigned char *p = scan_get(s, off, n, record, e);
        if (!p)
            return e->status;
        for (size_t i = 0; i < n; i++)
            if (p[i] != 0)
                return RB_JOURNAL_OK;
        off += n;
    }
    *zero = true;
    return RB_JOURNAL_OK;
}

/* Look for an intact record starting at any of rest[from .. n-8]. Returns 1
 * (and its position in *at) when one is found, 2 when the CRC budget ran
 * out first, 0 when there is none. */
static int intact_record_in(const unsigned char *rest, size_t n, size_t from,
                            size_t *at)
{
    uint64_t budget = SCAN_AHEAD_BUDGET;
    for (size_t p = from; n >= RB_JOURNAL_RECORD_HEADER &&
                          p <= n - RB_JOURNAL_RECORD_HEADER;
         p++) {
        uint32_t len = le32_get(rest + p);
        if (len > RB_JOURNAL_MAX_RECORD ||
            len > n - p - RB_JOURNAL_RECORD_HEADER)
            continue;
        if (budget < (uint64_t)len + 4)
            return 2;
        budget -= (uint64_t)len + 4;
        if (record_crc(len, rest + p + RB_JOURNAL_RECORD_HEADER) ==
            le32_get(rest + p + 4)) {
            *at = p;
            return 1;
        }
    }
    return 0;
}

static void set_tail(rb_journal_report *rep, rb_journal_tail kind, uint64_t off,
                     uint64_t size)
{
    rep->tail = kind;
    rep->tail_offset = off;
    rep->tail_size = size - off;
}

/* Check the header and every record of the file. Hands intact records to
 * fn (when not NULL). Fills rep->records, good_size, tail, tail_offset,
 * tail_size and, on failure, rep->err. Changes nothing on disk. */
static rb_journal_status scan(scanner *s, rb_journal_record_fn fn, void *ctx,
                              rb_journal_report *rep)
{
    rb_journal_err *e = &rep->err;
    const char *path = s->path;
    rep->file_size = s->size;
    rep->good_size = 0;
    /* Header. */
    if (s->size < RB_JOURNAL_HEADER_SIZE)
        return set_err(e, path, RB_JOURNAL_ERR_HEADER, 0, 0, 0,
                       "not a session journal: the file is %" PRIu64
                       " byte%s long, shorter than the %u-byte journal header",
                       s->size, plural(s->size), RB_JOURNAL_HEADER_SIZE);
    const unsigned char *p = scan_get(s, 0, RB_JOURNAL_HEADER_SIZE, 0, e);
    if (!p)
        return e->status;
    if (memcmp(p, RB_JOURNAL_MAGIC, 4) != 0)
        return set_err(e, path, RB_JOURNAL_ERR_HEADER, 0, 0, 0,
                       "not a session journal: the file does not start with "
                       "\"" RB_JOURNAL_MAGIC "\" (byte offset 0)");
    uint32_t version = le32_get(p + 4);
    if (version != RB_JOURNAL_VERSION)
        return set_err(e, path, RB_JOURNAL_ERR_HEADER, 0, 4, 0,
                       "journal format version %" PRIu32 " (byte offset 4) is "
                       "not supported; this build reads version %u",
                       version, RB_JOURNAL_VERSION);
    if (s->size > RB_JOURNAL_MAX_FILE)
        return set_err(e, path, RB_JOURNAL_ERR_LIMIT, 0, RB_JOURNAL_NO_OFFSET, 0,
                       "the file is %" PRIu64 " bytes, over the %" PRIu64
                       "-byte journal limit", s->size, RB_JOURNAL_MAX_FILE);

    uint64_t off = RB_JOURNAL_HEADER_SIZE;
    uint64_t idx = 0;
    rep->good_size = off;
    while (off < s->size) {
        uint64_t left = s->size - off;
        if (left < RB_JOURNAL_RECORD_HEADER) {
            set_tail(rep, RB_JOURNAL_TAIL_TORN, off, s->size);
            snprintf(rep->note, sizeof rep->note,
                     "%s: dropped a torn last record at byte offset %" PRIu64
                     " (record %" PRIu64 ": %" PRIu64 " of the %u header bytes "
                     "present; the writer died mid-write)",
                     path, off, idx + 1, left, RB_JOURNAL_RECORD_HEADER);
            return RB_JOURNAL_OK;
        }
        p = scan_get(s, off, RB_JOURNAL_RECORD_HEADER, idx, e);
        if (!p)
            return e->status;
        uint32_t len = le32_get(p);
        uint32_t crc = le32_get(p + 4);
        uint64_t body = left - RB_JOURNAL_RECORD_HEADER; /* bytes after the header */

        if (len <= RB_JOURNAL_MAX_RECORD && len <= body) {
            /* The record fits in the file: its checksum decides. */
            p = scan_get(s, off + RB_JOURNAL_RECORD_HEADER, len, idx, e);
            if (!p)
                return e->status;
            uint32_t got = record_crc(len, p);
            if (got == crc) {
                if (fn && fn(ctx, idx, p, len) != 0)
                    return set_err(e, path, RB_JOURNAL_ERR_STOPPED, 0, off, idx,
                                   "recovery stopped by the caller at record %" PRIu64
                                   " (byte offset %" PRIu64 ")", idx + 1, off);
                off += RB_JOURNAL_RECORD_HEADER + len;
                idx++;
                rep->records = idx;
                rep->good_size = off;
                continue;
            }
            bool zero;
            rb_journal_status st = scan_all_zero(s, off, idx, &zero, e);
            if (st != RB_JOURNAL_OK)
                return st;
            if (zero) {
                set_tail(rep, RB_JOURNAL_TAIL_ZEROS, off, s->size);
                snprintf(rep->note, sizeof rep->note,
                         "%s: dropped %" PRIu64 " zero bytes after the last "
                         "record, at byte offset %" PRIu64 " (space allocated "
                         "but never written)", path, left, off);
                return RB_JOURNAL_OK;
            }
            return set_err(e, path, RB_JOURNAL_ERR_CORRUPT, 0, off, idx,
                           "corrupt record %" PRIu64 " at byte "
                           "offset %" PRIu64 ": bad checksum (stored 0x%08" PRIx32
                           ", computed 0x%08" PRIx32 " over %" PRIu32
                           " payload bytes); %" PRIu64 " intact record%s before "
                           "it; recovery stopped",
                           idx + 1, off, crc, got, len, idx, plural(idx));
        }

        /* The length is over the limit or runs past the end of the file.
         * First: is this a complete last record whose length field was
         * damaged? Then the bytes to the end match the checksum. */
        if (body <= RB_JOURNAL_MAX_RECORD) {
            p = scan_get(s, off, (size_t)left, idx, e);
            if (!p)
                return e->status;
            if (record_crc((uint32_t)body, p + RB_JOURNAL_RECORD_HEADER) == crc)
                return set_err(e, path, RB_JOURNAL_ERR_CORRUPT, 0, off, idx,
                               "corrupt record %" PRIu64 " at "
                               "byte offset %" PRIu64 ": its length field says %"
                               PRIu32 " bytes but the %" PRIu64 " bytes to the end "
                               "of the file match its checksum; %" PRIu64
                               " intact record%s before it; recovery stopped",
                               idx + 1, off, len, body, idx, plural(idx));
        }
        if (len > RB_JOURNAL_MAX_RECORD)
            return set_err(e, path, RB_JOURNAL_ERR_CORRUPT, 0, off, idx,
                           "corrupt record %" PRIu64 " at byte "
                           "offset %" PRIu64 ": its length field says %" PRIu32
                           " bytes, over the %zu-byte record limit; %" PRIu64
                           " intact record%s before it; recovery stopped",
                           idx + 1, off, len, RB_JOURNAL_MAX_RECORD, idx, plural(idx));

        /* len <= limit and runs past the end, so body < limit and p holds
         * the rest of the file. A torn write leaves the start of one record
         * and nothing after it; an intact record further on means this
         * length was damaged instead. */
        size_t at = 0;
        int found = intact_record_in(p, (size_t)left, RB_JOURNAL_RECORD_HEADER,
                                     &at);
        if (found == 1)
            return set_err(e, path, RB_JOURNAL_ERR_CORRUPT, 0, off, idx,
                           "corrupt record %" PRIu64 " at byte "
                           "offset %" PRIu64 ": its length (%" PRIu32 " bytes) "
                           "runs past the end of the file, but an intact record "
                           "follows at byte offset %" PRIu64 "; %" PRIu64
                           " intact record%s before it; recovery stopped",
                           idx + 1, off, len, off + at, idx, plural(idx));
        if (found == 2)
            return set_err(e, path, RB_JOURNAL_ERR_CORRUPT, 0, off, idx,
                           "corrupt record %" PRIu64 " at byte "
                           "offset %" PRIu64 ": its length (%" PRIu32 " bytes) "
                           "runs past the end of the file and the bytes after "
                           "it could not all be checked for intact records; %"
                           PRIu64 " intact record%s before it; recovery stopped",
                           idx + 1, off, len, idx, plural(idx));
        set_tail(rep, RB_JOURNAL_TAIL_TORN, off, s->size);
        snprintf(rep->note, sizeof rep->note,
                 "%s: dropped a torn last record at byte offset %" PRIu64
                 " (record %" PRIu64 ": %" PRIu64 " of its %" PRIu64 " bytes "
                 "present; the writer died mid-write)",
                 path, off, idx + 1, left,
                 (uint64_t)len + RB_JOURNAL_RECORD_HEADER);
        return RB_JOURNAL_OK;
    }
    return RB_JOURNAL_OK;
}

/* Open `path` as a regular file, for reading and writing with the
 * exclusive lock, or (`read_only`) for reading with a shared lock. Returns
 * the descriptor, or -1 with `e` set. */
static int open_locked(const char *path, int extra_flags, bool read_only,
                       struct stat *st, rb_journal_err *e)
{
    int fd = open(path, (read_only ? O_RDONLY : O_RDWR) | O_CLOEXEC | O_NONBLOCK |
                  extra_flags);
    if (fd < 0) {
        int en = errno;
        set_err(e, path, RB_JOURNAL_ERR_IO, en, RB_JOURNAL_NO_OFFSET, 0,
                "cannot open: %s", strerror(en));
        return -1;
    }
    if (fstat(fd, st) != 0) {
        int en = errno;
        close(fd);
        set_err(e, path, RB_JOURNAL_ERR_IO, en, RB_JOURNAL_NO_OFFSET, 0,
                "cannot stat: %s", strerror(en));
        return -1;
    }
    if (!S_ISREG(st->st_mode)) {
        close(fd);
        set_err(e, path, RB_JOURNAL_ERR_IO, EINVAL, RB_JOURNAL_NO_OFFSET, 0,
                "not a regular file");
        return -1;
    }
    int fl = fcntl(fd, F_GETFL);
    if (fl >= 0)
        (void)fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
    while (flock(fd, (read_only ? LOCK_SH : LOCK_EX) | LOCK_NB) != 0) {
        int en = errno;
        if (en == EINTR)
            continue;
        close(fd);
        if (en == EWOULDBLOCK)
            set_err(e, path, RB_JOURNAL_ERR_BUSY, en, RB_JOURNAL_NO_OFFSET, 0,
                    "the journal is in use (open for writing or being "
                    "recovered elsewhere)");
        else
            set_err(e, path, RB_JOURNAL_ERR_IO, en, RB_JOURNAL_NO_OFFSET, 0,
                    "cannot lock: %s", strerror(en));
        return -1;
    }
    return fd;
}

/* ---- writing --------------------------------------------------------------- */

/* fsync the folder holding `path` (`scratch`: a copy of it, consumed), so
 * that a name created or removed there is durable. `done` says what
 * happened to the file, for the message. */
static rb_journal_status sync_folder_of(const char *path, char *scratch, const char *done,
                                        rb_journal_err *e)
{
    const char *dir = dirname(scratch);
    int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd < 0 || fsync(dfd) != 0) {
        int en = errno;
        if (dfd >= 0)
            close(dfd);
        return set_err(e, path, RB_JOURNAL_ERR_IO, en, RB_JOURNAL_NO_OFFSET, 0,
                       "%s, but cannot fsync its directory %s: %s", done, dir,
                       strerror(en));
    }
    close(dfd);
    return RB_JOURNAL_OK;
}

/* Create a journal holding only its header at `path`: a temporary file,
 * fsync, link into place (never replacing anything), fsync the directory.
 * Returns OK, ERR_EXISTS, or another error. */
static rb_journal_status create_journal(const char *path, rb_journal_err *e)
{
    size_t plen = strlen(path);
    char *tmp = malloc(plen + 16);
    char *dircopy = strdup(path);
    if (!tmp || !dircopy) {
        free(tmp);
        free(dircopy);
        return set_err(e, path, RB_JOURNAL_ERR_NOMEM, ENOMEM, RB_JOURNAL_NO_OFFSET,
                       0, "out of memory");
    }
    snprintf(tmp, plen + 16, "%s.tmp-XXXXXX", path);
    rb_journal_status st = RB_JOURNAL_OK;
    int fd = mkstemp(tmp);
    if (fd < 0) {
        int en = errno;
        st = set_err(e, path, RB_JOURNAL_ERR_IO, en, RB_JOURNAL_NO_OFFSET, 0,
                     "cannot create a temporary file beside it: %s", strerror(en));
        goto out;
    }
    (void)fcntl(fd, F_SETFD, FD_CLOEXEC);
    unsigned char hdr[RB_JOURNAL_HEADER_SIZE];
    memcpy(hdr, RB_JOURNAL_MAGIC, 4);
    le32_put(hdr + 4, RB_JOURNAL_VERSION);
    if (fchmod(fd, 0600) != 0 || write_all(fd, hdr, sizeof hdr) != 0 ||
        fsync(fd) != 0) {
        int en = errno;
        close(fd);
        unlink(tmp);
        st = set_err(e, path, RB_JOURNAL_ERR_IO, en, RB_JOURNAL_NO_OFFSET, 0,
                     "cannot write the new journal's header to %s: %s", tmp,
                     strerror(en));
        goto out;
    }
    if (close(fd) != 0) {
        int en = errno;
        unlink(tmp);
        st = set_err(e, path, RB_JOURNAL_ERR_IO, en, RB_JOURNAL_NO_OFFSET, 0,
                     "cannot close %s: %s", tmp, strerror(en));
        goto out;
    }
    if (link(tmp, path) != 0) {
        int en = errno;
        unlink(tmp);
        if (en == EEXIST)
            st = set_err(e, path, RB_JOURNAL_ERR_EXISTS, en, RB_JOURNAL_NO_OFFSET,
                         0, "the file already exists");
        else
            st = set_err(e, path, RB_JOURNAL_ERR_IO, en, RB_JOURNAL_NO_OFFSET, 0,
                         "cannot link %s into place: %s", tmp, strerror(en));
        goto out;
    }
    if (unlink(tmp) != 0) {
        int en = errno;
        st = set_err(e, path, RB_JOURNAL_ERR_IO, en, RB_JOURNAL_NO_OFFSET, 0,
                     "created, but cannot remove the temporary name %s: %s", tmp,
                     strerror(en));
        goto out;
    }
    st = sync_folder_of(path, dircopy, "created", e);
out:
    free(tmp);
    free(dircopy);
    return st;
}

/* Check an existing journal on the locked descriptor `fd` (taken over: it
 * is closed on failure) and make a handle. `e` is not NULL. */
static rb_journal_status adopt(int fd, const char *path, const struct stat *st,
                               rb_journal **out, rb_journal_err *e)
{
    rb_journal_report *rep = calloc(1, sizeof *rep);
    rb_journal *j = calloc(1, sizeof *j);
    char *pcopy = strdup(path);
    scanner s = { fd, path, (uint64_t)st->st_size, NULL, 0, 0, 0 };
    rb_journal_status status = RB_JOURNAL_OK;
    if (!rep || !j || !pcopy) {
        status = set_err(e, path, RB_JOURNAL_ERR_NOMEM, ENOMEM, RB_JOURNAL_NO_OFFSET,
                         0, "out of memory");
        goto fail;
    }
    clear_err(&rep->err);
    status = scan(&s, NULL, NULL, rep);
    free(s.buf);
    if (status != RB_JOURNAL_OK) {
        *e = rep->err;
        goto fail;
    }
    if (rep->tail != RB_JOURNAL_TAIL_NONE) {
        status = set_err(e, path, RB_JOURNAL_ERR_TORN, 0, rep->tail_offset,
                         rep->records,
                         "%s after the last intact record, at byte offset %" PRIu64
                         " (%" PRIu64 " byte%s): run recovery before appending",
                         rep->tail == RB_JOURNAL_TAIL_TORN
                             ? "a torn record (the writer died mid-write)"
                             : "zero bytes",
                         rep->tail_offset, rep->tail_size, plural(rep->tail_size));
        goto fail;
    }
    j->fd = fd;
    j->path = pcopy;
    j->size = rep->good_size;
    j->records = rep->records;
    free(rep);
    *out = j;
    return RB_JOURNAL_OK;
fail:
    close(fd);
    free(rep);
    free(j);
    free(pcopy);
    return status;
}

rb_journal_status rb_journal_open(const char *path, unsigned flags,
                                  rb_journal **out, rb_journal_err *err)
{
    rb_journal_err local;
    rb_journal_err *e = err ? err : &local;
    clear_err(e);
    if (out)
        *out = NULL;
    if (!path || !*path || !out ||
        (flags & ~(RB_JOURNAL_CREATE | RB_JOURNAL_EXCL)) != 0 ||
        ((flags & RB_JOURNAL_EXCL) && !(flags & RB_JOURNAL_CREATE)))
        return set_err(e, path, RB_JOURNAL_ERR_ARG, EINVAL, RB_JOURNAL_NO_OFFSET,
                       0, "invalid arguments to rb_journal_open");
    struct stat st;
    /* Open, or create and then open; a creation race with another process
     * (the file appeared between our open and our link) goes round again. */
    for (int attempt = 0; attempt < 4; attempt++) {
        if (!(flags & RB_JOURNAL_EXCL)) {
            int fd = open_locked(path, O_APPEND, false, &st, e);
            if (fd >= 0)
                return adopt(fd, path, &st, out, e);
            if (e->sys_errno != ENOENT || !(flags & RB_JOURNAL_CREATE))
                return e->status;
            clear_err(e);
        }
        rb_journal_status s = create_journal(path, e);
        if (s == RB_JOURNAL_OK) {
            int fd = open_locked(path, O_APPEND, false, &st, e);
            if (fd < 0)
                return e->status;
            return adopt(fd, path, &st, out, e);
        }
        if (s != RB_JOURNAL_ERR_EXISTS || (flags & RB_JOURNAL_EXCL))
            return s;
        clear_err(e);
    }
    return set_err(e, path, RB_JOURNAL_ERR_IO, EAGAIN, RB_JOURNAL_NO_OFFSET, 0,
                   "cannot open: the file keeps appearing and disappearing");
}

rb_journal_status rb_journal_append(rb_journal *j, const void *payload,
                                    size_t len, rb_journal_err *err)
{
    clear_err(err);
    if (!j || (!payload && len > 0))
        return set_err(err, j ? j->path : NULL, RB_JOURNAL_ERR_ARG, EINVAL,
                       RB_JOURNAL_NO_OFFSET, 0, "invalid arguments to rb_journal_append");
    if (j->broken)
        return set_err(err, j->path, RB_JOURNAL_ERR_BROKEN, 0, j->size, j->records,
                       "an earlier append failed; close the journal and run "
                       "recovery before appending again");
    if (len > RB_JOURNAL_MAX_RECORD)
        return set_err(err, j->path, RB_JOURNAL_ERR_LIMIT, 0, j->size, j->records,
                       "record %" PRIu64 " not written: its %zu bytes are over "
                       "the %zu-byte record limit",
                       j->records + 1, len, RB_JOURNAL_MAX_RECORD);
    uint64_t total = (uint64_t)len + RB_JOURNAL_RECORD_HEADER;
    if (j->size + total > RB_JOURNAL_MAX_FILE)
        return set_err(err, j->path, RB_JOURNAL_ERR_LIMIT, 0, j->size, j->records,
                       "record %" PRIu64 " not written: the journal would grow to %"
                       PRIu64 " bytes, over the %" PRIu64 "-byte limit",
                       j->records + 1, j->size + total, RB_JOURNAL_MAX_FILE);
    unsigned char *rec = malloc((size_t)total);
    if (!rec)
        return set_err(err, j->path, RB_JOURNAL_ERR_NOMEM, ENOMEM, j->size,
                       j->records, "out of memory");
    le32_put(rec, (uint32_t)len);
    if (len)
        memcpy(rec + RB_JOURNAL_RECORD_HEADER, payload, len);
    le32_put(rec + 4, record_crc((uint32_t)len, rec + RB_JOURNAL_RECORD_HEADER));
    /* One write call for the whole record (O_APPEND puts it at the end);
     * a short write is continued. */
    int w = write_all(j->fd, rec, (size_t)total);
    int en = errno;
    free(rec);
    if (w != 0) {
        j->broken = true;
        return set_err(err, j->path, RB_JOURNAL_ERR_IO, en, j->size, j->records,
                       "writing record %" PRIu64 " at byte offset %" PRIu64
                       " failed: %s; the record is not saved", j->records + 1,
                       j->size, strerror(en));
    }
    /* Durable before we say so. A failed fdatasync may have dropped the
     * dirty pages: retrying could "succeed" without the data, so never. */
    if (fdatasync(j->fd) != 0) {
        en = errno;
        j->broken = true;
        return set_err(err, j->path, RB_JOURNAL_ERR_IO, en, j->size, j->records,
                       "fdatasync after record %" PRIu64 " at byte offset %" PRIu64
                       " failed: %s; the record is not known to be saved",
                       j->records + 1, j->size, strerror(en));
    }
    j->size += total;
    j->records++;
    return RB_JOURNAL_OK;
}

uint64_t rb_journal_records(const rb_journal *j)
{
    return j ? j->records : 0;
}

uint64_t rb_journal_size(const rb_journal *j)
{
    return j ? j->size : 0;
}

rb_journal_status rb_journal_close(rb_journal *j, rb_journal_err *err)
{
    clear_err(err);
    if (!j)
        return RB_JOURNAL_OK;
    rb_journal_status st = RB_JOURNAL_OK;
    if (close(j->fd) != 0) {
        int en = errno;
        st = set_err(err, j->path, RB_JOURNAL_ERR_IO, en, RB_JOURNAL_NO_OFFSET, 0,
                     "close failed: %s", strerror(en));
    }
    free(j->path);
    free(j);
    return st;
}

const char *rb_journal_text_after(const char *path, const char *text)
{
    size_t n = strlen(path);
    if (strncmp(text, path, n) == 0 && strncmp(text + n, ": ", 2) == 0)
        return text + n + 2;
    return text;
}

rb_journal_status rb_journal_discard(rb_journal *j, rb_journal_err *err)
{
    rb_journal_err local;
    rb_journal_err *e = err ? err : &local;
    clear_err(e);
    if (!j)
        return RB_JOURNAL_OK;
    char *scratch = strdup(j->path);
    rb_journal_status st = RB_JOURNAL_OK;
    /* Removed while the lock is held, so no other process adopts it. */
    if (!scratch) {
        st = set_err(e, j->path, RB_JOURNAL_ERR_NOMEM, ENOMEM, RB_JOURNAL_NO_OFFSET, 0,
                     "out of memory");
    } else if (unlink(j->path) != 0) {
        int en = errno;
        st = set_err(e, j->path, RB_JOURNAL_ERR_IO, en, RB_JOURNAL_NO_OFFSET, 0,
                     "cannot remove the unfinished journal: %s", strerror(en));
    } else {
        st = sync_folder_of(j->path, scratch, "removed", e);
    }
    free(scratch);
    rb_journal_err ce;
    if (rb_journal_close(j, &ce) != RB_JOURNAL_OK && st == RB_JOURNAL_OK) {
        *e = ce;
        st = ce.status;
    }
    return st;
}

/* ---- recovery -------------------------------------------------------------- */

static rb_journal_status read_journal(const char *path, rb_journal_record_fn fn,
                                      void *ctx, rb_journal_report *rep, bool repair);

rb_journal_status rb_journal_recover(const char *path, rb_journal_record_fn fn,
                                     void *ctx, rb_journal_report *rep)
{
    return read_journal(path, fn, ctx, rep, true);
}

rb_journal_status rb_journal_read(const char *path, rb_journal_record_fn fn,
                                  void *ctx, rb_journal_report *rep)
{
    return read_journal(path, fn, ctx, rep, false);
}

static rb_journal_status read_journal(const char *path, rb_journal_record_fn fn,
                                      void *ctx, rb_journal_report *rep, bool repair)
{
    if (!rep)
        return RB_JOURNAL_ERR_ARG;
    memset(rep, 0, sizeof *rep);
    clear_err(&rep->err);
    if (!path || !*path)
        return set_err(&rep->err, path, RB_JOURNAL_ERR_ARG, EINVAL,
                       RB_JOURNAL_NO_OFFSET, 0,
                       "invalid arguments to rb_journal_recover");
    struct stat st;
    int fd = open_locked(path, 0, !repair, &st, &rep->err);
    if (fd < 0)
        return rep->err.status;
    scanner s = { fd, path, (uint64_t)st.st_size, NULL, 0, 0, 0 };
    rb_journal_status status = scan(&s, fn, ctx, rep);
    free(s.buf);
    if (repair && status == RB_JOURNAL_OK && rep->tail != RB_JOURNAL_TAIL_NONE) {
        if (ftruncate(fd, (off_t)rep->good_size) != 0) {
            int en = errno;
            status = set_err(&rep->err, path, RB_JOURNAL_ERR_IO, en,
                             rep->good_size, rep->records,
                             "cannot truncate to the last intact record "
                             "(%" PRIu64 " bytes): %s", rep->good_size, strerror(en));
        } else if (fsync(fd) != 0) {
            int en = errno;
            status = set_err(&rep->err, path, RB_JOURNAL_ERR_IO, en,
                             rep->good_size, rep->records,
                             "fsync after truncating to %" PRIu64 " bytes failed: %s",
                             rep->good_size, strerror(en));
        } else {
            rep->truncated = true;
            size_t n = strlen(rep->note);
            snprintf(rep->note + n, sizeof rep->note - n,
                     "; the file was truncated from %" PRIu64 " to %" PRIu64
                     " bytes", rep->file_size, rep->good_size);
        }
    }
    close(fd);
    return status;
}

const char *rb_journal_status_name(rb_journal_status s)
{
    switch (s) {
    case RB_JOURNAL_OK: return "ok";
    case RB_JOURNAL_ERR_ARG: return "invalid argument";
    case RB_JOURNAL_ERR_NOMEM: return "out of memory";
    case RB_JOURNAL_ERR_IO: return "i/o error";
    case RB_JOURNAL_ERR_EXISTS: return "exists";
    case RB_JOURNAL_ERR_BUSY: return "busy";
    case RB_JOURNAL_ERR_HEADER: return "bad header";
    case RB_JOURNAL_ERR_CORRUPT: return "corrupt";
    case RB_JOURNAL_ERR_TORN: return "torn tail";
    case RB_JOURNAL_ERR_LIMIT: return "over limit";
    case RB_JOURNAL_ERR_STOPPED: return "stopped";
    case RB_JOURNAL_ERR_BROKEN: return "broken handle";
    }
    return "unknown";
}
