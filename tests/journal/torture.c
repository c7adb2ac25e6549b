/*
 * Torture test for the session journal (engine/util/journal.c).
 *
 *   1. cuts:   a journal of varied records is cut at EVERY byte offset and
 *              recovered. Cuts inside the header are header errors (the
 *              header is created atomically, so only damage makes one);
 *              every other cut gives exactly the records wholly before it,
 *              reports a torn tail unless it fell on a record boundary,
 *              truncates the file there — and the journal then takes a
 *              new append that recovers after them.
 *   2. flips:  every bit of every byte, and every byte inverted, in a copy.
 *              Each must give a header error (bytes 0-7) or "corrupt record
 *              at offset X" naming the record that holds the flipped byte,
 *              with exactly the records before it handed over, unchanged,
 *              and the file left as it was. Then random multi-byte damage:
 *              never a record that differs from what was written, never
 *              fewer records than lie wholly before the damage.
 *   3. kills:  a child appends records in a loop and reports each
 *              acknowledged count through a pipe; the parent kills it with
 *              SIGKILL at pseudo-random points (fixed seed), recovers, and
 *              checks that every acknowledged record is there and intact
 *              and that at most the one record in flight appears beyond
 *              them. The next round's child continues the same journal.
 *
 * Usage: torture [dir]. The work directory defaults to $RUBRIC_TORTURE_DIR,
 * else /dev/shm (recovery fsyncs after every truncation: tens of thousands
 * of fsyncs on a disk would take minutes; on tmpfs they are free), else
 * $TMPDIR, else /tmp. Prints the figures; exits 1 on any failure.
 */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <inttypes.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "rubric/journal.h"

/* ---- reporting ----------------------------------------------------------- */

static int failures;
static char work_dir[2048];  /* removed on the way out, even an early one */

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    return remove(path);
}

static void remove_work_dir(void)
{
    if (work_dir[0])
        nftw(work_dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
    work_dir[0] = '\0';
}

__attribute__((format(printf, 1, 2))) static void fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("FAIL: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    if (++failures >= 25) {
        fprintf(stderr, "torture: too many failures, stopping\n");
        remove_work_dir();
        exit(1);
    }
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) {
        fprintf(stderr, "torture: out of memory\n");
        exit(2);
    }
    return p;
}

/* ---- deterministic randomness (splitmix64) ------------------------------------ */

static uint64_t next_rand(uint64_t *s)
{
    uint64_t z = (*s += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

static void fill_rand(unsigned char *p, size_t n, uint64_t seed)
{
    uint64_t s = seed;
    for (size_t i = 0; i < n; i += 8) {
        uint64_t r = next_rand(&s);
        for (size_t k = 0; k < 8 && i + k < n; k++)
            p[i + k] = (unsigned char)(r >> (8 * k));
    }
}

/* ---- files ---------------------------------------------------------------- */

/* Make `path` hold exactly data[0..len). Overwrites and then truncates
 * rather than O_TRUNC: ext4 starts writeback on close after a file was
 * truncated to zero (auto_da_alloc), which made each trial cost a disk
 * write. */
static bool write_file(const char *path, const unsigned char *data, size_t len)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return false;
    size_t done = 0;
    while (done < len) {
        ssize_t w = write(fd, data + done, len - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            close(fd);
            return false;
        }
        done += (size_t)w;
    }
    if (ftruncate(fd, (off_t)len) != 0) {
        close(fd);
        return false;
    }
    return close(fd) == 0;
}

/* The whole file (malloc'ed) and its length; NULL when unreadable. */
static unsigned char *read_file(const char *path, size_t *len)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    struct stat st;
    if (fstat(fd, &st) != 0) {
        close(fd);
        return NULL;
    }
    size_t n = (size_t)st.st_size;
    unsigned char *buf = xmalloc(n);
    size_t done = 0;
    while (done < n) {
        ssize_t r = read(fd, buf + done, n - done);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        done += (size_t)r;
    }
    close(fd);
    *len = done;
    return buf;
}

static long long size_of(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (long long)st.st_size : -1;
}

/* ---- checking recovered records ---------------------------------------------- */

typedef struct rec {
    unsigned char *data;
    size_t len;
} rec;

/* What recovery should hand over: recs[0..n), with `extra` (when set) as
 * record number extra_at. Counts deliveries and mismatches. */
typedef struct expect {
    const rec *recs;
    size_t n;
    const rec *extra;
    size_t extra_at;
    uint64_t seen;
    uint64_t bad;
} expect;

static int check_record(void *ctx, uint64_t index, const void *payload, size_t len)
{
    expect *x = ctx;
    const rec *want = NULL;
    if (x->extra && index == x->extra_at)
        want = x->extra;
    else if (index < x->n)
        want = &x->recs[index];
    if (index != x->seen || !want || want->len != len ||
        (len && memcmp(want->data, payload, len) != 0))
        x->bad++;
    x->seen++;
    return 0;
}

/* ---- 1. cut at every offset ----------------------------------------------------- */

typedef struct journal_image {
    rec *recs;
    size_t n;
    uint64_t *start;   /* byte offset of each record */
    unsigned char *bytes;
    size_t size;
} journal_image;

/* Which record holds byte `b` (b >= header). */
static size_t record_at(const journal_image *im, size_t b)
{
    size_t r = 0;
    while (r + 1 < im->n && im->start[r + 1] <= b)
        r++;
    return r;
}

/* Records ending at or before `c`. */
static size_t records_before(const journal_image *im, size_t c)
{
    size_t k = 0;
    while (k < im->n && im->start[k] + 8 + im->recs[k].len <= c)
        k++;
    return k;
}

static uint64_t end_of(const journal_image *im, size_t k)
{
    return k ? im->start[k - 1] + 8 + im->recs[k - 1].len : RB_JOURNAL_HEADER_SIZE;
}

static bool build_image(const char *dir, journal_image *im)
{
    static const size_t fixed[] = { 0,  1,  2,  3,  4,  5,   6,   7,   8,    9,   15,
                                    16, 17, 31, 32, 33, 255, 256, 257, 1000, 2500 };
    const size_t nfixed = sizeof fixed / sizeof fixed[0];
    /* Fixed sizes at even indexes, random ones (0-299) between them, so
     * small and large records neighbour. */
    im->n = 2 * nfixed - 1;
    im->recs = xmalloc(im->n * sizeof *im->recs);
    im->start = xmalloc(im->n * sizeof *im->start);
    uint64_t seed = 0x5EED0001u;
    for (size_t i = 0; i < im->n; i++) {
        size_t len = i % 2 == 0 ? fixed[i / 2] : (size_t)(next_rand(&seed) % 300);
        im->recs[i].len = len;
        im->recs[i].data = xmalloc(len);
        fill_rand(im->recs[i].data, len, 1000 + i);
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/base.rbj", dir);
    rb_journal *j = NULL;
    rb_journal_err e;
    if (rb_journal_open(path, RB_JOURNAL_CREATE | RB_JOURNAL_EXCL, &j, &e) != RB_JOURNAL_OK) {
        fail("create %s", e.text);
        return false;
    }
    for (size_t i = 0; i < im->n; i++) {
        im->start[i] = rb_journal_size(j);
        if (rb_journal_append(j, im->recs[i].data, im->recs[i].len, &e) != RB_JOURNAL_OK) {
            fail("append: %s", e.text);
            rb_journal_close(j, NULL);
            return false;
        }
    }
    rb_journal_close(j, NULL);
    im->bytes = read_file(path, &im->size);
    if (!im->bytes || im->size != end_of(im, im->n)) {
        fail("journal image has %zu bytes, expected %" PRIu64, im->size, end_of(im, im->n));
        return false;
    }
    unlink(path);
    return true;
}

static void free_image(journal_image *im)
{
    for (size_t i = 0; i < im->n; i++)
        free(im->recs[i].data);
    free(im->recs);
    free(im->start);
    free(im->bytes);
}

typedef struct cut_stats {
    size_t offsets, header_errors, clean, torn, reappended;
} cut_stats;

/* Cut at every offset; after every `stride`-th cut also re-append. */
static void cut_everywhere(const char *dir, const journal_image *im, size_t stride,
                           cut_stats *cs)
{
    char path[4096], want[128];
    snprintf(path, sizeof path, "%s/cut.rbj", dir);
    static unsigned char mark_bytes[] = "{\"event\":\"resumed\"}";
    const rec marker = { mark_bytes, sizeof mark_bytes - 1 };
    for (size_t c = 0; c <= im->size; c++) {
        cs->offsets++;
        if (!write_file(path, im->bytes, c)) {
            fail("cannot write %s", path);
            return;
        }
        expect x = { im->recs, im->n, NULL, 0, 0, 0 };
        rb_journal_report rep;
        rb_journal_status st = rb_journal_recover(path, check_record, &x, &rep);
        if (c < RB_JOURNAL_HEADER_SIZE) {
            if (st != RB_JOURNAL_ERR_HEADER || x.seen != 0 || size_of(path) != (long long)c)
                fail("cut %zu: want a header error and no change, got %s (%s)", c,
                     rb_journal_status_name(st), rep.err.text);
            cs->header_errors++;
            continue;
        }
        size_t k = records_before(im, c);
        uint64_t good = end_of(im, k);
        if (st != RB_JOURNAL_OK) {
            fail("cut %zu: %s: %s", c, rb_journal_status_name(st), rep.err.text);
            continue;
        }
        if (x.bad || x.seen != k || rep.records != k || rep.good_size != good)
            fail("cut %zu: got %" PRIu64 " records (%" PRIu64 " wrong), good size %" PRIu64
                 "; want %zu records, good size %" PRIu64,
                 c, x.seen, x.bad, rep.good_size, k, good);
        if (size_of(path) != (long long)good)
            fail("cut %zu: file is %lld bytes after recovery, want %" PRIu64, c,
                 size_of(path), good);
        if (c == good) {
            if (rep.tail != RB_JOURNAL_TAIL_NONE || rep.truncated || rep.note[0])
                fail("cut %zu on a record boundary reported a tail: %s", c, rep.note);
            cs->clean++;
        } else {
            snprintf(want, sizeof want, "torn last record at byte offset %" PRIu64, good);
            if (rep.tail != RB_JOURNAL_TAIL_TORN || !rep.truncated ||
                rep.tail_offset != good || rep.tail_size != c - good ||
                strstr(rep.note, path) != rep.note || !strstr(rep.note, want))
                fail("cut %zu: torn tail not reported as expected: tail %d, note \"%s\"", c,
                     (int)rep.tail, rep.note);
            cs->torn++;
        }
        /* The recovered journal takes an append, found after the others. */
        if (c % stride != 0)
            continue;
        rb_journal *j = NULL;
        rb_journal_err e;
        if (rb_journal_open(path, 0, &j, &e) != RB_JOURNAL_OK ||
            rb_journal_append(j, marker.data, marker.len, &e) != RB_JOURNAL_OK) {
            fail("cut %zu: appending after recovery: %s", c, e.text);
            rb_journal_close(j, NULL);
            continue;
        }
        rb_journal_close(j, NULL);
        expect y = { im->recs, im->n, &marker, k, 0, 0 };
        st = rb_journal_recover(path, check_record, &y, &rep);
        if (st != RB_JOURNAL_OK || y.bad || y.seen != k + 1 || rep.tail != RB_JOURNAL_TAIL_NONE)
            fail("cut %zu: after re-append: %s, %" PRIu64 " records (%" PRIu64 " wrong)", c,
                 rep.err.text, y.seen, y.bad);
        else
            cs->reappended++;
    }
    unlink(path);
}

/* ---- 2. flips and random damage ------------------------------------------------- */

typedef struct flip_stats {
    size_t trials, header, bad_checksum, length_past_end, length_damaged, length_over;
    size_t random_trials, random_ok, random_torn, random_corrupt, random_header;
} flip_stats;

static void flip_one(const char *path, const journal_image *im, unsigned char *copy,
                     size_t b, unsigned char mask, flip_stats *fs)
{
    fs->trials++;
    memcpy(copy, im->bytes, im->size);
    copy[b] ^= mask;
    if (!write_file(path, copy, im->size)) {
        fail("cannot write %s", path);
        return;
    }
    expect x = { im->recs, im->n, NULL, 0, 0, 0 };
    rb_journal_report rep;
    rb_journal_status st = rb_journal_recover(path, check_record, &x, &rep);
    if (x.bad)
        fail("flip 0x%02x at %zu: %" PRIu64 " records differ from what was written", mask,
             b, x.bad);
    if (b < RB_JOURNAL_HEADER_SIZE) {
        if (st != RB_JOURNAL_ERR_HEADER || x.seen)
            fail("flip 0x%02x at %zu (header): want a header error, got %s", mask, b,
                 rb_journal_status_name(st));
        fs->header++;
    } else {
        size_t r = record_at(im, b);
        char want[64];
        snprintf(want, sizeof want, "at byte offset %" PRIu64 ":", im->start[r]);
        if (st != RB_JOURNAL_ERR_CORRUPT || rep.err.offset != im->start[r] ||
            rep.err.record != r || x.seen != r || rep.records != r ||
            strstr(rep.err.text, path) != rep.err.text || !strstr(rep.err.text, want))
            fail("flip 0x%02x at %zu (record %zu at %" PRIu64 "): got %s, %" PRIu64
                 " records: %s%s",
                 mask, b, r, im->start[r], rb_journal_status_name(st), x.seen,
                 rep.err.text, rep.note);
        else if (strstr(rep.err.text, "bad checksum"))
            fs->bad_checksum++;
        else if (strstr(rep.err.text, "runs past the end"))
            fs->length_past_end++;
        else if (strstr(rep.err.text, "match its checksum"))
            fs->length_damaged++;
        else if (strstr(rep.err.text, "record limit"))
            fs->length_over++;
        else
            fail("flip at %zu: unexpected message %s", b, rep.err.text);
    }
    /* An error changes nothing on disk. */
    size_t len = 0;
    unsigned char *now_bytes = read_file(path, &len);
    if (!now_bytes || len != im->size || memcmp(now_bytes, copy, len) != 0)
        fail("flip 0x%02x at %zu: recovery changed the file", mask, b);
    free(now_bytes);
}

static void flip_everything(const char *dir, const journal_image *im, flip_stats *fs)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/flip.rbj", dir);
    unsigned char *copy = xmalloc(im->size);
    for (size_t b = 0; b < im->size; b++) {
        for (int bit = 0; bit < 8; bit++)
            flip_one(path, im, copy, b, (unsigned char)(1u << bit), fs);
        flip_one(path, im, copy, b, 0xff, fs);
    }

    /* Random damage: 1-16 bytes overwritten with random values. */
    uint64_t seed = 0xDA3A6E;
    for (int t = 0; t < 4000; t++) {
        fs->random_trials++;
        memcpy(copy, im->bytes, im->size);
        size_t at = (size_t)(next_rand(&seed) % im->size);
        size_t span = 1 + (size_t)(next_rand(&seed) % 16);
        if (at + span > im->size)
            span = im->size - at;
        fill_rand(copy + at, span, next_rand(&seed));
        if (!write_file(path, copy, im->size)) {
            fail("cannot write %s", path);
            break;
        }
        expect x = { im->recs, im->n, NULL, 0, 0, 0 };
        rb_journal_report rep;
        rb_journal_status st = rb_journal_recover(path, check_record, &x, &rep);
        size_t before = at < RB_JOURNAL_HEADER_SIZE ? 0 : records_before(im, at);
        if (x.bad)
            fail("damage %zu+%zu: %" PRIu64 " records differ from what was written", at,
                 span, x.bad);
        if (st == RB_JOURNAL_ERR_HEADER) {
            fs->random_header++;
            if (at >= RB_JOURNAL_HEADER_SIZE)
                fail("damage %zu+%zu: header error for damage after the header", at, span);
        } else if (st == RB_JOURNAL_OK || st == RB_JOURNAL_ERR_CORRUPT) {
            if (st == RB_JOURNAL_OK && rep.tail != RB_JOURNAL_TAIL_NONE)
                fs->random_torn++;
            else if (st == RB_JOURNAL_OK)
                fs->random_ok++;  /* the new bytes happened to equal the old */
            else
                fs->random_corrupt++;
            if (rep.records < before || x.seen != rep.records)
                fail("damage %zu+%zu: %" PRIu64 " records recovered, %zu lie before it", at,
                     span, rep.records, before);
        } else {
            fail("damage %zu+%zu: %s", at, span, rep.err.text);
        }
    }
    free(copy);
    unlink(path);
}

/* ---- 3. kill -9 ------------------------------------------------------------------ */

#define KILL_MAX_PAYLOAD (512u * 1024u)
#define KILL_BLOCK (2u * KILL_MAX_PAYLOAD)

/* Random bytes the kill test's payloads are cut from (filled before the
 * first fork, so parent and children agree). Taking a slice costs nothing,
 * so the child spends its time in write and fdatasync, where a kill should
 * land. */
static unsigned char *kill_block;

/* Record i of the kill test: mostly small, one in five large (so a kill
 * can land inside a long write); a slice of kill_block chosen by i. */
static const unsigned char *kill_payload(uint64_t i, size_t *len)
{
    uint64_t s = 0xC0FFEE00u + i;
    uint64_t r = next_rand(&s);
    size_t n = r % 5 == 0 ? 64u * 1024u + (size_t)(r >> 8) % (KILL_MAX_PAYLOAD - 64u * 1024u)
                          : (size_t)(r >> 8) % 300;
    *len = n;
    return kill_block + (size_t)(next_rand(&s) % (KILL_BLOCK - n));
}

typedef struct kill_check {
    uint64_t seen, bad;
} kill_check;

static int check_kill_record(void *ctx, uint64_t index, const void *payload, size_t len)
{
    kill_check *k = ctx;
    size_t n = 0;
    const unsigned char *want = kill_payload(index, &n);
    if (index != k->seen || n != len || memcmp(want, payload, len) != 0)
        k->bad++;
    k->seen++;
    return 0;
}

static _Noreturn void kill_child(const char *path, int wfd)
{
    rb_journal *j = NULL;
    rb_journal_err e;
    if (rb_journal_open(path, 0, &j, &e) != RB_JOURNAL_OK) {
        fprintf(stderr, "child: %s\n", e.text);
        _exit(3);
    }
    for (uint64_t i = rb_journal_records(j);;) {
        size_t n = 0;
        const unsigned char *p = kill_payload(i, &n);
        if (rb_journal_append(j, p, n, &e) != RB_JOURNAL_OK) {
            fprintf(stderr, "child: %s\n", e.text);
            _exit(5);
        }
        i++;
        /* Acknowledged: the record is on disk. */
        if (write(wfd, &i, sizeof i) != (ssize_t)sizeof i)
            _exit(6);
    }
}

typedef struct kill_stats {
    int rounds, kills, torn_tails, in_flight_complete;
    uint64_t acked, records;
} kill_stats;

static void kill_rounds(const char *dir, int rounds, kill_stats *ks)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/kill.rbj", dir);
    rb_journal *j = NULL;
    rb_journal_err e;
    if (rb_journal_open(path, RB_JOURNAL_CREATE | RB_JOURNAL_EXCL, &j, &e) != RB_JOURNAL_OK) {
        fail("kill: create: %s", e.text);
        return;
    }
    rb_journal_close(j, NULL);
    kill_block = xmalloc(KILL_BLOCK);
    fill_rand(kill_block, KILL_BLOCK, 0xB10C);
    kill_check kc = { 0, 0 };
    uint64_t seed = 0x6B696C6C;  /* fixed: the same choices every run */
    uint64_t acked = 0;
    for (int round = 0; round < rounds; round++) {
        ks->rounds++;
        uint64_t want_acks = next_rand(&seed) % 8;
        long delay_us = (long)(next_rand(&seed) % 3000);
        int fds[2];
        if (pipe(fds) != 0) {
            fail("pipe: %s", strerror(errno));
            break;
        }
        fflush(NULL);
        pid_t pid = fork();
        if (pid < 0) {
            fail("fork: %s", strerror(errno));
            break;
        }
        if (pid == 0) {
            close(fds[0]);
            kill_child(path, fds[1]);
        }
        close(fds[1]);
        /* Wait for the chosen number of new acknowledgements, then a
         * little longer, then kill. */
        uint64_t start = acked, v;
        while (acked - start < want_acks) {
            ssize_t r = read(fds[0], &v, sizeof v);
            if (r < 0 && errno == EINTR)
                continue;
            if (r != (ssize_t)sizeof v)
                break;
            acked = v;
        }
        struct timespec d = { 0, delay_us * 1000L };
        nanosleep(&d, NULL);
        kill(pid, SIGKILL);
        int status = 0;
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
        /* Acknowledgements written before the kill are still in the pipe. */
        for (;;) {
            ssize_t r = read(fds[0], &v, sizeof v);
            if (r < 0 && errno == EINTR)
                continue;
            if (r != (ssize_t)sizeof v)
                break;
            acked = v;
        }
        close(fds[0]);
        if (!WIFSIGNALED(status) || WTERMSIG(status) != SIGKILL) {
            fail("kill round %d: the child was not killed (status 0x%x)", round, status);
            break;
        }
        ks->kills++;

        kc.seen = kc.bad = 0;
        rb_journal_report rep;
        rb_journal_status st = rb_journal_recover(path, check_kill_record, &kc, &rep);
        if (st != RB_JOURNAL_OK) {
            fail("kill round %d: %s", round, rep.err.text);
            break;
        }
        if (kc.bad)
            fail("kill round %d: %" PRIu64 " recovered records differ from what was written",
                 round, kc.bad);
        if (rep.records < acked)
            fail("kill round %d: %" PRIu64 " records acknowledged, only %" PRIu64 " recovered",
                 round, acked, rep.records);
        if (rep.records > acked + 1)
            fail("kill round %d: %" PRIu64 " records acknowledged, %" PRIu64 " recovered "
                 "(more than the one in flight)", round, acked, rep.records);
        if (rep.tail != RB_JOURNAL_TAIL_NONE)
            ks->torn_tails++;
        if (rep.records == acked + 1)
            ks->in_flight_complete++;
        /* The in-flight record, when complete, is now part of the journal. */
        acked = rep.records;
        ks->acked = acked;
        ks->records = rep.records;
    }
    free(kill_block);
    kill_block = NULL;
    unlink(path);
}

/* Milliseconds per append (write + fdatasync) in `dir`. */
static double fsync_ms(const char *dir)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/probe.rbj", dir);
    rb_journal *j = NULL;
    rb_journal_err e;
    if (rb_journal_open(path, RB_JOURNAL_CREATE, &j, &e) != RB_JOURNAL_OK)
        return 0;
    double t = now();
    for (int i = 0; i < 20; i++)
        rb_journal_append(j, "probe", 5, &e);
    t = (now() - t) * 50.0;
    rb_journal_close(j, NULL);
    unlink(path);
    return t;
}

/* ---- main ---------------------------------------------------------------------- */

static const char *pick_base(int argc, char **argv)
{
    if (argc > 1)
        return argv[1];
    const char *env = getenv("RUBRIC_TORTURE_DIR");
    if (env && *env)
        return env;
    struct stat st;
    if (stat("/dev/shm", &st) == 0 && S_ISDIR(st.st_mode) && access("/dev/shm", W_OK) == 0)
        return "/dev/shm";
    env = getenv("TMPDIR");
    return env && *env ? env : "/tmp";
}

int main(int argc, char **argv)
{
    char *dir = work_dir;
    snprintf(dir, sizeof work_dir, "%s/rubric-torture-XXXXXX", pick_base(argc, argv));
    if (!mkdtemp(dir)) {
        fprintf(stderr, "torture: cannot make a directory %s: %s\n", dir, strerror(errno));
        return 2;
    }
    printf("torture: working in %s\n", dir);

    journal_image im = { 0 };
    double t0 = now();
    if (build_image(dir, &im)) {
        printf("journal: %zu records, %zu bytes (payloads 0 to 2500 bytes)\n", im.n, im.size);

        /* Each torn cut costs recovery an fsync; the re-append check costs
         * another. On a disk (milliseconds each) do the re-append after
         * every 32nd cut only, to stay within the time budget. */
        double ms = fsync_ms(dir);
        size_t stride = ms > 0.5 ? 32 : 1;
        if (stride > 1)
            printf("note: fsync takes %.1f ms here; re-appending after one cut in %zu "
                   "only (set RUBRIC_TORTURE_DIR to a tmpfs for all)\n", ms, stride);
        cut_stats cs = { 0 };
        cut_everywhere(dir, &im, stride, &cs);
        double t1 = now();
        printf("cuts: %zu offsets (0..%zu): %zu header errors, %zu on a record boundary, "
               "%zu torn tails dropped; %zu re-appended after recovery [%.1f s]\n",
               cs.offsets, im.size, cs.header_errors, cs.clean, cs.torn, cs.reappended,
               t1 - t0);

        flip_stats fs = { 0 };
        flip_everything(dir, &im, &fs);
        double t2 = now();
        printf("flips: %zu (every bit of every byte, and every byte inverted): %zu header "
               "errors; corrupt record at the flipped record's offset: %zu bad checksum, "
               "%zu length past the end with intact records after, %zu damaged last "
               "length, %zu length over the limit [%.1f s]\n",
               fs.trials, fs.header, fs.bad_checksum, fs.length_past_end, fs.length_damaged,
               fs.length_over, t2 - t1);
        printf("random damage: %zu trials: %zu corrupt, %zu torn tail, %zu header, "
               "%zu unchanged bytes\n",
               fs.random_trials, fs.random_corrupt, fs.random_torn, fs.random_header,
               fs.random_ok);
        t0 = t2;
    }
    free_image(&im);

    kill_stats ks = { 0 };
    kill_rounds(dir, 20, &ks);
    printf("kills: %d rounds, %d SIGKILLs, %" PRIu64 " records acknowledged and recovered "
           "intact; %d torn tails dropped, %d in-flight records found complete [%.1f s]\n",
           ks.rounds, ks.kills, ks.acked, ks.torn_tails, ks.in_flight_complete, now() - t0);

    remove_work_dir();
    if (failures) {
        printf("torture: %d failure%s\n", failures, failures == 1 ? "" : "s");
        return 1;
    }
    printf("torture: all passed\n");
    return 0;
}
