/*
 * Unit tests for the session journal (engine/util/journal.c) and CRC-32C
 * (engine/util/crc32c.c): test vectors, the byte layout, append/recover
 * round trips, torn and zero-filled tails, corruption in the middle, damaged
 * headers and lengths, limits, locking, and a failing write (RLIMIT_FSIZE).
 * The exhaustive cut / bit-flip / kill -9 runs are in tests/journal/torture.c.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "scratch.h"
#include "rubric/journal.h"
#include "util/crc32c.h"

/* ---- helpers -------------------------------------------------------------- */

/* The whole file in malloc'ed memory (NULL when it cannot be read). */
static unsigned char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    unsigned char *buf = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (n == cap) {
            cap = cap ? cap * 2 : 4096;
            unsigned char *b = realloc(buf, cap);
            if (!b) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = b;
        }
        size_t r = fread(buf + n, 1, cap - n, f);
        if (r == 0)
            break;
        n += r;
    }
    fclose(f);
    *len = n;
    return buf;
}

static bool spit(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return false;
    bool ok = fwrite(data, 1, len, f) == len;
    return fclose(f) == 0 && ok;
}

static long long file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (long long)st.st_size : -1;
}

/* Records handed over by recovery. */
typedef struct got {
    size_t n;
    unsigned char *data[64];
    size_t len[64];
    uint64_t index[64];
    int stop_after;  /* return non-zero after this many (0: never) */
} got;

static int collect(void *ctx, uint64_t index, const void *payload, size_t len)
{
    got *g = ctx;
    if (g->n < 64) {
        g->data[g->n] = malloc(len ? len : 1);
        if (g->data[g->n] && len)
            memcpy(g->data[g->n], payload, len);
        g->len[g->n] = len;
        g->index[g->n] = index;
        g->n++;
    }
    return g->stop_after && g->n >= (size_t)g->stop_after;
}

static void got_free(got *g)
{
    for (size_t i = 0; i < g->n && i < 64; i++)
        free(g->data[i]);
    memset(g, 0, sizeof *g);
}

/* Does recovered record i equal the string s? */
static bool got_is(const got *g, size_t i, const char *s)
{
    size_t n = strlen(s);
    return i < g->n && g->len[i] == n && g->data[i] && memcmp(g->data[i], s, n) == 0;
}

static uint32_t le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
           (uint32_t)p[3] << 24;
}

/* A journal at dir/name holding the given strings; returns its path. */
static const char *make_journal(const char *dir, const char *name, char *path,
                                size_t size, const char *const *texts, size_t n)
{
    snprintf(path, size, "%s/%s", dir, name);
    rb_journal *j = NULL;
    rb_journal_err e;
    if (rb_journal_open(path, RB_JOURNAL_CREATE | RB_JOURNAL_EXCL, &j, &e) != RB_JOURNAL_OK)
        return NULL;
    for (size_t i = 0; i < n; i++)
        if (rb_journal_append(j, texts[i], strlen(texts[i]), &e) != RB_JOURNAL_OK) {
            rb_journal_close(j, NULL);
            return NULL;
        }
    if (rb_journal_close(j, &e) != RB_JOURNAL_OK)
        return NULL;
    return path;
}

static const char *const three[] = { "{\"event\":\"start\"}", "", "{\"event\":\"answer\",\"q\":1}" };
/* Offsets of the three records (payloads of 17, 0 and 24 bytes). */
#define OFF0 8u
#define OFF1 (OFF0 + 8u + 17u)
#define OFF2 (OFF1 + 8u + 0u)
#define END3 (OFF2 + 8u + 24u)

/* ---- CRC-32C -------------------------------------------------------------- */

TEST(crc32c_test_vectors)
{
    CHECK_EQ_INT(rb_crc32c(0, "123456789", 9), 0xE3069283u);
    CHECK_EQ_INT(rb_crc32c(0, "", 0), 0);
    /* RFC 3720, appendix B.4. */
    unsigned char buf[32];
    memset(buf, 0, sizeof buf);
    CHECK_EQ_INT(rb_crc32c(0, buf, 32), 0x8A9136AAu);
    memset(buf, 0xff, sizeof buf);
    CHECK_EQ_INT(rb_crc32c(0, buf, 32), 0x62A8AB43u);
    for (int i = 0; i < 32; i++)
        buf[i] = (unsigned char)i;
    CHECK_EQ_INT(rb_crc32c(0, buf, 32), 0x46DD794Eu);
    for (int i = 0; i < 32; i++)
        buf[i] = (unsigned char)(31 - i);
    CHECK_EQ_INT(rb_crc32c(0, buf, 32), 0x113FDB5Cu);
    /* Continuing over pieces gives the CRC of the whole. */
    CHECK_EQ_INT(rb_crc32c(rb_crc32c(0, "1234", 4), "56789", 5), 0xE3069283u);
    CHECK_EQ_INT(rb_crc32c(rb_crc32c(0, "", 0), "123456789", 9), 0xE3069283u);
}

/* ---- layout and round trips ------------------------------------------------ */

TEST(create_writes_header_mode_and_no_temporaries)
{
    char dir[1024], path[1200];
    REQUIRE(make_tmpdir(dir, sizeof dir, "journal") != NULL);
    snprintf(path, sizeof path, "%s/session.rbj", dir);
    rb_journal *j = NULL;
    rb_journal_err e;
    mode_t old = umask(0);
    rb_journal_status st = rb_journal_open(path, RB_JOURNAL_CREATE, &j, &e);
    umask(old);
    REQUIRE(st == RB_JOURNAL_OK);
    CHECK_EQ_STR(e.text, "");
    CHECK_EQ_INT(rb_journal_records(j), 0);
    CHECK_EQ_INT(rb_journal_size(j), RB_JOURNAL_HEADER_SIZE);

    /* The descriptor: O_APPEND, close-on-exec. Find it by inode. */
    struct stat pst;
    REQUIRE(stat(path, &pst) == 0);
    CHECK_EQ_INT(pst.st_mode & 07777, 0600);
    int found = 0;
    for (int fd = 3; fd < 1024; fd++) {
        struct stat fst;
        if (fstat(fd, &fst) != 0 || fst.st_ino != pst.st_ino || fst.st_dev != pst.st_dev)
            continue;
        found++;
        int fl = fcntl(fd, F_GETFL);
        int fdf = fcntl(fd, F_GETFD);
        CHECK(fl >= 0 && (fl & O_APPEND));
        CHECK(fdf >= 0 && (fdf & FD_CLOEXEC));
    }
    CHECK_EQ_INT(found, 1);
    CHECK_EQ_INT(rb_journal_close(j, &e), RB_JOURNAL_OK);

    size_t len = 0;
    unsigned char *data = slurp(path, &len);
    REQUIRE(data != NULL);
    CHECK_EQ_INT(len, 8);
    CHECK(memcmp(data, "RBJ1\x01\x00\x00\x00", 8) == 0);
    free(data);
    CHECK_EQ_INT(count_entries(dir), 1);  /* the temporary name is gone */
    rm_tree(dir);
}

TEST(record_layout_is_length_crc_payload)
{
    char dir[1024], path[1200];
    REQUIRE(make_tmpdir(dir, sizeof dir, "journal") != NULL);
    REQUIRE(make_journal(dir, "j", path, sizeof path, three, 3) != NULL);
    size_t len = 0;
    unsigned char *d = slurp(path, &len);
    REQUIRE(d != NULL);
    REQUIRE(len == END3);
    /* Record 0: length 17, CRC over the 4 length bytes and the payload. */
    CHECK_EQ_INT(le32(d + OFF0), 17);
    CHECK_EQ_INT(le32(d + OFF0 + 4),
                 rb_crc32c(rb_crc32c(0, d + OFF0, 4), three[0], 17));
    CHECK(memcmp(d + OFF0 + 8, three[0], 17) == 0);
    /* Record 1: empty payload; CRC of the length bytes alone. */
    CHECK_EQ_INT(le32(d + OFF1), 0);
    CHECK_EQ_INT(le32(d + OFF1 + 4), rb_crc32c(0, "\0\0\0\0", 4));
    CHECK_EQ_INT(le32(d + OFF2), 24);
    free(d);
    rm_tree(dir);
}

TEST(append_then_recover_round_trip)
{
    char dir[1024], path[1200];
    REQUIRE(make_tmpdir(dir, sizeof dir, "journal") != NULL);
    REQUIRE(make_journal(dir, "j", path, sizeof path, three, 3) != NULL);

    got g = { 0 };
    rb_journal_report rep;
    CHECK_EQ_INT(rb_journal_recover(path, collect, &g, &rep), RB_JOURNAL_OK);
    CHECK_EQ_INT(rep.records, 3);
    CHECK_EQ_INT(g.n, 3);
    for (size_t i = 0; i < 3; i++) {
        CHECK(got_is(&g, i, three[i]));
        CHECK_EQ_INT(g.index[i], i);
    }
    CHECK_EQ_INT(rep.tail, RB_JOURNAL_TAIL_NONE);
    CHECK(!rep.truncated);
    CHECK_EQ_INT(rep.file_size, END3);
    CHECK_EQ_INT(rep.good_size, END3);
    CHECK_EQ_STR(rep.note, "");
    CHECK_EQ_STR(rep.err.text, "");
    got_free(&g);

    /* Reopen (no CREATE needed), append more, recover everything. */
    rb_journal *j = NULL;
    rb_journal_err e;
    REQUIRE(rb_journal_open(path, 0, &j, &e) == RB_JOURNAL_OK);
    CHECK_EQ_INT(rb_journal_records(j), 3);
    CHECK_EQ_INT(rb_journal_size(j), END3);
    /* Binary payload with NUL bytes and every byte value. */
    unsigned char bin[256];
    for (int i = 0; i < 256; i++)
        bin[i] = (unsigned char)(255 - i);
    CHECK_EQ_INT(rb_journal_append(j, bin, sizeof bin, &e), RB_JOURNAL_OK);
    CHECK_EQ_INT(rb_journal_append(j, NULL, 0, &e), RB_JOURNAL_OK);
    CHECK_EQ_INT(rb_journal_records(j), 5);
    CHECK_EQ_INT(rb_journal_size(j), END3 + 8 + 256 + 8);
    CHECK_EQ_INT(rb_journal_close(j, &e), RB_JOURNAL_OK);

    CHECK_EQ_INT(rb_journal_recover(path, collect, &g, &rep), RB_JOURNAL_OK);
    CHECK_EQ_INT(g.n, 5);
    CHECK(got_is(&g, 2, three[2]));
    CHECK(g.len[3] == 256 && memcmp(g.data[3], bin, 256) == 0);
    CHECK_EQ_INT(g.len[4], 0);
    got_free(&g);

    /* A NULL callback just checks. */
    CHECK_EQ_INT(rb_journal_recover(path, NULL, NULL, &rep), RB_JOURNAL_OK);
    CHECK_EQ_INT(rep.records, 5);
    rm_tree(dir);
}

TEST(largest_record_round_trips_and_one_more_byte_is_refused)
{
    char dir[1024], path[1200];
    REQUIRE(make_tmpdir(dir, sizeof dir, "journal") != NULL);
    snprintf(path, sizeof path, "%s/big", dir);
    unsigned char *big = malloc(RB_JOURNAL_MAX_RECORD + 1);
    REQUIRE(big != NULL);
    for (size_t i = 0; i <= RB_JOURNAL_MAX_RECORD; i++)
        big[i] = (unsigned char)(i * 2654435761u >> 13);
    rb_journal *j = NULL;
    rb_journal_err e;
    REQUIRE(rb_journal_open(path, RB_JOURNAL_CREATE, &j, &e) == RB_JOURNAL_OK);
    CHECK_EQ_INT(rb_journal_append(j, big, RB_JOURNAL_MAX_RECORD + 1, &e),
                 RB_JOURNAL_ERR_LIMIT);
    CHECK(strstr(e.text, path) == e.text);
    CHECK(strstr(e.text, "record limit") != NULL);
    /* Nothing was written and the handle still works. */
    CHECK_EQ_INT(file_size(path), 8);
    CHECK_EQ_INT(rb_journal_append(j, big, RB_JOURNAL_MAX_RECORD, &e), RB_JOURNAL_OK);
    CHECK_EQ_INT(rb_journal_close(j, &e), RB_JOURNAL_OK);

    got g = { 0 };
    rb_journal_report rep;
    CHECK_EQ_INT(rb_journal_recover(path, collect, &g, &rep), RB_JOURNAL_OK);
    CHECK_EQ_INT(g.n, 1);
    CHECK(g.len[0] == RB_JOURNAL_MAX_RECORD &&
          memcmp(g.data[0], big, RB_JOURNAL_MAX_RECORD) == 0);
    got_free(&g);
    free(big);
    rm_tree(dir);
}

TEST(file_size_limit_on_append_and_recover)
{
    char dir[1024], path[1200];
    REQUIRE(make_tmpdir(dir, sizeof dir, "journal") != NULL);
    snprintf(path, sizeof path, "%s/full", dir);
    unsigned char *big = calloc(1, RB_JOURNAL_MAX_RECORD);
    REQUIRE(big != NULL);
    rb_journal *j = NULL;
    rb_journal_err e;
    REQUIRE(rb_journal_open(path, RB_JOURNAL_CREATE, &j, &e) == RB_JOURNAL_OK);
    const uint64_t per = RB_JOURNAL_MAX_RECORD + 8;
    uint64_t n = (RB_JOURNAL_MAX_FILE - 8) / per;  /* 63 */
    for (uint64_t i = 0; i < n; i++)
        REQUIRE(rb_journal_append(j, big, RB_JOURNAL_MAX_RECORD, &e) == RB_JOURNAL_OK);
    uint64_t room = RB_JOURNAL_MAX_FILE - rb_journal_size(j);
    REQUIRE(room > 8 && room < per);
    CHECK_EQ_INT(rb_journal_append(j, big, (size_t)(room - 7), &e), RB_JOURNAL_ERR_LIMIT);
    CHECK(strstr(e.text, "over the 67108864-byte limit") != NULL);
    CHECK_EQ_INT(rb_journal_append(j, big, (size_t)(room - 8), &e), RB_JOURNAL_OK);
    CHECK_EQ_INT(rb_journal_size(j), RB_JOURNAL_MAX_FILE);
    CHECK_EQ_INT(rb_journal_append(j, NULL, 0, &e), RB_JOURNAL_ERR_LIMIT);
    CHECK_EQ_INT(rb_journal_close(j, &e), RB_JOURNAL_OK);
    free(big);

    rb_journal_report rep;
    CHECK_EQ_INT(rb_journal_recover(path, NULL, NULL, &rep), RB_JOURNAL_OK);
    CHECK_EQ_INT(rep.records, n + 1);
    /* One byte more than the limit: refused, not read. */
    FILE *f = fopen(path, "ab");
    REQUIRE(f != NULL);
    fputc(0, f);
    fclose(f);
    CHECK_EQ_INT(rb_journal_recover(path, NULL, NULL, &rep), RB_JOURNAL_ERR_LIMIT);
    CHECK(strstr(rep.err.text, "over the 67108864-byte journal limit") != NULL);
    CHECK_EQ_INT(file_size(path), (long long)RB_JOURNAL_MAX_FILE + 1);
    rm_tree(dir);
}

/* Records of records_across_read_windows, checked by win_check. */
enum { WIN_N = 400 };
static unsigned char win_data[WIN_N][1500];
static size_t win_len[WIN_N];

static int win_check(void *ctx, uint64_t index, const void *payload, size_t len)
{
    size_t *bad = ctx;
    if (index >= WIN_N || len != win_len[index] ||
        (len && memcmp(payload, win_data[index], len) != 0))
        (*bad)++;
    return 0;
}

TEST(records_across_read_windows)
{
    /* Recovery reads 64 KiB at a time: records straddle those windows. */
    char dir[1024], path[1200];
    REQUIRE(make_tmpdir(dir, sizeof dir, "journal") != NULL);
    snprintf(path, sizeof path, "%s/many", dir);
    static uint64_t starts[WIN_N];
    rb_journal *j = NULL;
    rb_journal_err e;
    REQUIRE(rb_journal_open(path, RB_JOURNAL_CREATE, &j, &e) == RB_JOURNAL_OK);
    uint32_t x = 12345;
    for (size_t i = 0; i < WIN_N; i++) {
        x = x * 1103515245u + 12345u;
        win_len[i] = (x >> 8) % 1500;
        for (size_t k = 0; k < win_len[i]; k++)
            win_data[i][k] = (unsigned char)(i + k * 7);
        starts[i] = rb_journal_size(j);
        REQUIRE(rb_journal_append(j, win_data[i], win_len[i], &e) == RB_JOURNAL_OK);
    }
    uint64_t end = rb_journal_size(j);
    CHECK_EQ_INT(rb_journal_close(j, &e), RB_JOURNAL_OK);
    REQUIRE(end > 3 * 65536);

    size_t bad = 0;
    rb_journal_report rep;
    CHECK_EQ_INT(rb_journal_recover(path, win_check, &bad, &rep), RB_JOURNAL_OK);
    CHECK_EQ_INT(rep.records, WIN_N);
    CHECK_EQ_INT(bad, 0);

    /* Cut inside the record holding byte 150000. */
    size_t r = 0;
    while (r + 1 < WIN_N && starts[r + 1] <= 150000)
        r++;
    REQUIRE(starts[r] + 8 + win_len[r] > 150000);
    REQUIRE(truncate(path, 150000) == 0);
    CHECK_EQ_INT(rb_journal_recover(path, win_check, &bad, &rep), RB_JOURNAL_OK);
    CHECK_EQ_INT(rep.records, r);
    CHECK_EQ_INT(rep.tail, RB_JOURNAL_TAIL_TORN);
    CHECK_EQ_INT(rep.tail_offset, starts[r]);
    CHECK_EQ_INT(file_size(path), (long long)starts[r]);
    CHECK_EQ_INT(bad, 0);

    /* Damage byte 140000: corruption at the record holding it. */
    size_t q = 0;
    while (q + 1 < WIN_N && starts[q + 1] <= 140000)
        q++;
    size_t len = 0;
    unsigned char *d = slurp(path, &len);
    REQUIRE(d != NULL);
    d[140000] ^= 0x10;
    REQUIRE(spit(path, d, len));
    CHECK_EQ_INT(rb_journal_recover(path, win_check, &bad, &rep), RB_JOURNAL_ERR_CORRUPT);
    CHECK_EQ_INT(rep.err.offset, starts[q]);
    CHECK_EQ_INT(rep.err.record, q);
    CHECK_EQ_INT(rep.records, q);
    CHECK_EQ_INT(bad, 0);
    d[140000] ^= 0x10;
    REQUIRE(spit(path, d, len));
    free(d);

    /* A zero-filled tail longer than a window. */
    long long before = file_size(path);
    REQUIRE(truncate(path, (off_t)before + 200000) == 0);
    CHECK_EQ_INT(rb_journal_recover(path, NULL, NULL, &rep), RB_JOURNAL_OK);
    CHECK_EQ_INT(rep.tail, RB_JOURNAL_TAIL_ZEROS);
    CHECK_EQ_INT(rep.tail_size, 200000);
    CHECK_EQ_INT(rep.records, r);
    CHECK_EQ_INT(file_size(path), before);
    rm_tree(dir);
}

/* ---- opening ---------------------------------------------------------------- */

TEST(open_flags_missing_and_existing)
{
    char dir[1024], path[1200];
    REQUIRE(make_tmpdir(dir, sizeof dir, "journal") != NULL);
    snprintf(path, sizeof path, "%s/none", dir);
    rb_journal *j = (rb_journal *)1;
    rb_journal_err e;
    CHECK_EQ_INT(rb_journal_open(path, 0, &j, &e), RB_JOURNAL_ERR_IO);
    CHECK(j == NULL);
    CHECK_EQ_INT(e.sys_errno, ENOENT);
    CHECK(strstr(e.text, path) == e.text);
    CHECK(strstr(e.text, "cannot open") != NULL);
    CHECK_EQ_INT(count_entries(dir), 0);

    /* EXCL without CREATE is an argument error; so are unknown flags. */
    CHECK_EQ_INT(rb_journal_open(path, RB_JOURNAL_EXCL, &j, &e), RB_JOURNAL_ERR_ARG);
    CHECK_EQ_INT(rb_journal_open(path, 8, &j, &e), RB_JOURNAL_ERR_ARG);
    CHECK_EQ_INT(rb_journal_open(NULL, 0, &j, &e), RB_JOURNAL_ERR_ARG);
    CHECK_EQ_INT(rb_journal_open(path, 0, NULL, &e), RB_JOURNAL_ERR_ARG);
    /* err may be NULL. */
    CHECK_EQ_INT(rb_journal_open(path, 0, &j, NULL), RB_JOURNAL_ERR_IO);

    REQUIRE(rb_journal_open(path, RB_JOURNAL_CREATE | RB_JOURNAL_EXCL, &j, &e) ==
            RB_JOURNAL_OK);
    CHECK_EQ_INT(rb_journal_append(j, "a", 1, &e), RB_JOURNAL_OK);
    CHECK_EQ_INT(rb_journal_close(j, &e), RB_JOURNAL_OK);
    CHECK_EQ_INT(rb_journal_open(path, RB_JOURNAL_CREATE | RB_JOURNAL_EXCL, &j, &e),
                 RB_JOURNAL_ERR_EXISTS);
    CHECK(j == NULL);
    CHECK(strstr(e.text, "already exists") != NULL);
    CHECK_EQ_INT(count_entries(dir), 1);  /* no temporary left behind */
    /* CREATE alone opens the existing journal and keeps its records. */
    REQUIRE(rb_journal_open(path, RB_JOURNAL_CREATE, &j, &e) == RB_JOURNAL_OK);
    CHECK_EQ_INT(rb_journal_records(j), 1);
    CHECK_EQ_INT(rb_journal_close(j, &e), RB_JOURNAL_OK);
    CHECK_EQ_INT(rb_journal_close(NULL, &e), RB_JOURNAL_OK);

    /* A directory, and a missing directory. */
    CHECK_EQ_INT(rb_journal_open(dir, 0, &j, &e), RB_JOURNAL_ERR_IO);
    char deep[1300];
    snprintf(deep, sizeof deep, "%s/no/such/dir/j", dir);
    CHECK_EQ_INT(rb_journal_open(deep, RB_JOURNAL_CREATE, &j, &e), RB_JOURNAL_ERR_IO);
    CHECK(strstr(e.text, deep) == e.text);
    rm_tree(dir);
}

TEST(one_handle_at_a_time)
{
    char dir[1024], path[1200];
    REQUIRE(make_tmpdir(dir, sizeof dir, "journal") != NULL);
    REQUIRE(make_journal(dir, "j", path, sizeof path, three, 1) != NULL);
    rb_journal *j = NULL, *k = NULL;
    rb_journal_err e;
    REQUIRE(rb_journal_open(path, 0, &j, &e) == RB_JOURNAL_OK);
    CHECK_EQ_INT(rb_journal_open(path, 0, &k, &e), RB_JOURNAL_ERR_BUSY);
    CHECK(k == NULL);
    CHECK(strstr(e.text, "in use") != NULL);
    rb_journal_report rep;
    CHECK_EQ_INT(rb_journal_recover(path, NULL, NULL, &rep), RB_JOURNAL_ERR_BUSY);
    CHECK_EQ_INT(rb_journal_close(j, &e), RB_JOURNAL_OK);
    CHECK_EQ_INT(rb_journal_recover(path, NULL, NULL, &rep), RB_JOURNAL_OK);
    rm_tree(dir);
}

/* A journal whose start could not be saved is removed with its handle, and
 * the name is free again for a new one. */
TEST(discard_removes_the_file_and_frees_the_name)
{
    char dir[1024], path[1200];
    REQUIRE(make_tmpdir(dir, sizeof dir, "journal") != NULL);
    snprintf(path, sizeof path, "%s/j", dir);
    rb_journal *j = NULL;
    rb_journal_err e;
    REQUIRE(rb_journal_open(path, RB_JOURNAL_CREATE | RB_JOURNAL_EXCL, &j, &e) == RB_JOURNAL_OK);
    CHECK_EQ_INT(file_size(path), 8);
    CHECK_EQ_INT(rb_journal_discard(j, &e), RB_JOURNAL_OK);
    CHECK_EQ_STR(e.text, "");
    CHECK_EQ_INT(file_size(path), -1);
    CHECK_EQ_INT(rb_journal_discard(NULL, &e), RB_JOURNAL_OK);
    REQUIRE(rb_journal_open(path, RB_JOURNAL_CREATE | RB_JOURNAL_EXCL, &j, &e) == RB_JOURNAL_OK);
    CHECK_EQ_INT(rb_journal_close(j, &e), RB_JOURNAL_OK);
    rm_tree(dir);
}

/* ---- torn and zero-filled tails ---------------------------------------------- */

/* Cut the three-record journal at `cut` bytes, recover, and check that the
 * records wholly before the cut came back and the rest was dropped. */
static void cut_and_recover(const char *path, size_t cut, size_t want_records,
                            size_t want_good)
{
    REQUIRE(truncate(path, (off_t)cut) == 0);
    got g = { 0 };
    rb_journal_report rep;
    CHECK_EQ_INT(rb_journal_recover(path, collect, &g, &rep), RB_JOURNAL_OK);
    CHECK_EQ_INT(rep.records, want_records);
    CHECK_EQ_INT(g.n, want_records);
    for (size_t i = 0; i < g.n; i++)
        CHECK(got_is(&g, i, three[i]));
    CHECK_EQ_INT(rep.good_size, want_good);
    CHECK_EQ_INT(file_size(path), (long long)want_good);
    if (cut == want_good) {
        CHECK_EQ_INT(rep.tail, RB_JOURNAL_TAIL_NONE);
        CHECK(!rep.truncated);
    } else {
        CHECK_EQ_INT(rep.tail, RB_JOURNAL_TAIL_TORN);
        CHECK(rep.truncated);
        CHECK_EQ_INT(rep.tail_offset, want_good);
        CHECK_EQ_INT(rep.tail_size, cut - want_good);
        char off[64];
        snprintf(off, sizeof off, "at byte offset %zu", want_good);
        CHECK_MSG(strstr(rep.note, off) != NULL, "note: %s", rep.note);
        CHECK(strstr(rep.note, path) == rep.note);
        CHECK(strstr(rep.note, "torn") != NULL);
    }
    got_free(&g);
}

TEST(torn_tail_is_dropped_and_file_truncated)
{
    char dir[1024], path[1200];
    REQUIRE(make_tmpdir(dir, sizeof dir, "journal") != NULL);
    /* Inside the last record's header, payload; inside an empty record's
     * header; exactly at a boundary. */
    const size_t cuts[][3] = {
        { END3 - 1, 2, OFF2 }, { OFF2 + 8, 2, OFF2 }, { OFF2 + 3, 2, OFF2 },
        { OFF2 + 1, 2, OFF2 }, { OFF2, 2, OFF2 },     { OFF1 + 7, 1, OFF1 },
        { OFF1 + 4, 1, OFF1 }, { OFF0 + 20, 0, OFF0 }, { OFF0 + 1, 0, OFF0 },
        { OFF0, 0, OFF0 },
    };
    for (size_t i = 0; i < sizeof cuts / sizeof cuts[0]; i++) {
        char name[32];
        snprintf(name, sizeof name, "cut%zu", i);
        REQUIRE(make_journal(dir, name, path, sizeof path, three, 3) != NULL);
        cut_and_recover(path, cuts[i][0], cuts[i][1], cuts[i][2]);
    }

    /* After recovery the journal opens and takes appends at the cut. */
    REQUIRE(make_journal(dir, "again", path, sizeof path, three, 3) != NULL);
    REQUIRE(truncate(path, END3 - 5) == 0);
    rb_journal *j = NULL;
    rb_journal_err e;
    /* Before recovery, open refuses: appending after a torn record would
     * bury it in the middle. */
    CHECK_EQ_INT(rb_journal_open(path, 0, &j, &e), RB_JOURNAL_ERR_TORN);
    CHECK_EQ_INT(e.offset, OFF2);
    CHECK(strstr(e.text, "run recovery") != NULL);
    CHECK_EQ_INT(file_size(path), END3 - 5);  /* open changes nothing */
    rb_journal_report rep;
    CHECK_EQ_INT(rb_journal_recover(path, NULL, NULL, &rep), RB_JOURNAL_OK);
    REQUIRE(rb_journal_open(path, 0, &j, &e) == RB_JOURNAL_OK);
    CHECK_EQ_INT(rb_journal_records(j), 2);
    CHECK_EQ_INT(rb_journal_append(j, "after", 5, &e), RB_JOURNAL_OK);
    CHECK_EQ_INT(rb_journal_close(j, &e), RB_JOURNAL_OK);
    got g = { 0 };
    CHECK_EQ_INT(rb_journal_recover(path, collect, &g, &rep), RB_JOURNAL_OK);
    CHECK_EQ_INT(g.n, 3);
    CHECK(got_is(&g, 0, three[0]) && got_is(&g, 1, three[1]) && got_is(&g, 2, "after"));
    got_free(&g);
    rm_tree(dir);
}

TEST(zero_filled_tail_is_dropped)
{
    char dir[1024], path[1200];
    REQUIRE(make_tmpdir(dir, sizeof dir, "journal") != NULL);
    REQUIRE(make_journal(dir, "j", path, sizeof path, three, 3) != NULL);
    /* What a crash can leave when the size reached the disk but the data
     * did not: zeros after the last record. */
    REQUIRE(truncate(path, END3 + 4096) == 0);
    got g = { 0 };
    rb_journal_report rep;
    CHECK_EQ_INT(rb_journal_recover(path, collect, &g, &rep), RB_JOURNAL_OK);
    CHECK_EQ_INT(g.n, 3);
    CHECK_EQ_INT(rep.tail, RB_JOURNAL_TAIL_ZEROS);
    CHECK_EQ_INT(rep.tail_offset, END3);
    CHECK_EQ_INT(rep.tail_size, 4096);
    CHECK(rep.truncated);
    CHECK(strstr(rep.note, "zero bytes") != NULL);
    CHECK_EQ_INT(file_size(path), END3);
    got_free(&g);
    rm_tree(dir);
}

TEST(callback_can_stop_and_nothing_is_truncated)
{
    char dir[1024], path[1200];
    REQUIRE(make_tmpdir(dir, sizeof dir, "journal") != NULL);
    REQUIRE(make_journal(dir, "j", path, sizeof path, three, 3) != NULL);
    REQUIRE(truncate(path, END3 - 1) == 0);
    got g = { 0 };
    g.stop_after = 1;
    rb_journal_report rep;
    CHECK_EQ_INT(rb_journal_recover(path, collect, &g, &rep), RB_JOURNAL_ERR_STOPPED);
    CHECK_EQ_INT(g.n, 1);
    CHECK_EQ_INT(rep.err.offset, OFF0);
    CHECK(!rep.truncated);
    CHECK_EQ_INT(file_size(path), END3 - 1);
    got_free(&g);
    rm_tree(dir);
}

/* ---- corruption --------------------------------------------------------------- */

/* Make the three-record journal, change byte `at` to `val`, recover. */
static rb_journal_status damage(const char *dir, const char *name, size_t at,
                                unsigned char val, got *g, rb_journal_report *rep,
                                char *path, size_t size)
{
    if (!make_journal(dir, name, path, size, three, 3))
        return RB_JOURNAL_ERR_IO;
    size_t len = 0;
    unsigned char *d = slurp(path, &len);
    if (!d || at >= len) {
        free(d);
        return RB_JOURNAL_ERR_IO;
    }
    d[at] = val;
    bool ok = spit(path, d, len);
    free(d);
    if (!ok)
        return RB_JOURNAL_ERR_IO;
    return rb_journal_recover(path, collect, g, rep);
}

TEST(bad_checksum_in_the_middle_stops_with_offset)
{
    char dir[1024], path[1200];
    REQUIRE(make_tmpdir(dir, sizeof dir, "journal") != NULL);
    got g = { 0 };
    rb_journal_report rep;
    /* A payload byte of record 1... record 1 is empty, so take record 0. */
    CHECK_EQ_INT(damage(dir, "p0", OFF0 + 8 + 3, 'X', &g, &rep, path, sizeof path),
                 RB_JOURNAL_ERR_CORRUPT);
    CHECK_EQ_INT(g.n, 0);
    CHECK_EQ_INT(rep.err.offset, OFF0);
    CHECK_EQ_INT(rep.err.record, 0);
    CHECK(strstr(rep.err.text, path) == rep.err.text);
    CHECK_MSG(strstr(rep.err.text, "corrupt record 1 at byte offset 8: "
                                   "bad checksum") != NULL, "%s", rep.err.text);
    CHECK(!rep.truncated);
    CHECK_EQ_INT(file_size(path), END3);  /* left as it was */
    got_free(&g);

    /* The CRC field of record 1 (empty payload). */
    CHECK_EQ_INT(damage(dir, "c1", OFF1 + 5, 0x00, &g, &rep, path, sizeof path),
                 RB_JOURNAL_ERR_CORRUPT);
    CHECK_EQ_INT(g.n, 1);
    CHECK(got_is(&g, 0, three[0]));
    CHECK_EQ_INT(rep.err.offset, OFF1);
    CHECK_EQ_INT(rep.err.record, 1);
    CHECK(strstr(rep.err.text, "at byte offset 33") != NULL);
    CHECK(strstr(rep.err.text, "1 intact record before it") != NULL);
    got_free(&g);

    /* A payload byte of the LAST record: still corruption, not a torn
     * tail — the record is complete, so it was acknowledged. */
    CHECK_EQ_INT(damage(dir, "p2", END3 - 1, '!', &g, &rep, path, sizeof path),
                 RB_JOURNAL_ERR_CORRUPT);
    CHECK_EQ_INT(g.n, 2);
    CHECK_EQ_INT(rep.err.offset, OFF2);
    CHECK_EQ_INT(file_size(path), END3);
    got_free(&g);

    /* Opening a damaged journal for appending fails the same way. */
    rb_journal *j = NULL;
    rb_journal_err e;
    CHECK_EQ_INT(rb_journal_open(path, 0, &j, &e), RB_JOURNAL_ERR_CORRUPT);
    CHECK_EQ_INT(e.offset, OFF2);
    CHECK(j == NULL);
    rm_tree(dir);
}

TEST(damaged_lengths_are_corruption_not_torn_tails)
{
    char dir[1024], path[1200];
    REQUIRE(make_tmpdir(dir, sizeof dir, "journal") != NULL);
    got g = { 0 };
    rb_journal_report rep;

    /* Record 0's length made larger than the file: it runs past the end,
     * but intact records follow, so it is not a torn write. */
    CHECK_EQ_INT(damage(dir, "l0", OFF0 + 1, 0x01, &g, &rep, path, sizeof path),
                 RB_JOURNAL_ERR_CORRUPT);
    CHECK_EQ_INT(rep.err.offset, OFF0);
    CHECK_MSG(strstr(rep.err.text, "runs past the end of the file, but an intact "
                                   "record follows at byte offset 33") != NULL,
              "%s", rep.err.text);
    CHECK_EQ_INT(file_size(path), END3);
    got_free(&g);

    /* The last record's length made larger: the bytes to the end still
     * match its checksum, so its length field was damaged. */
    CHECK_EQ_INT(damage(dir, "l2", OFF2, 25, &g, &rep, path, sizeof path),
                 RB_JOURNAL_ERR_CORRUPT);
    CHECK_EQ_INT(g.n, 2);
    CHECK_EQ_INT(rep.err.offset, OFF2);
    CHECK_EQ_INT(rep.err.record, 2);
    CHECK(strstr(rep.err.text, "length field says 25 bytes but the 24 bytes") != NULL);
    got_free(&g);

    /* A length over the record limit. */
    CHECK_EQ_INT(damage(dir, "l1", OFF1 + 3, 0x40, &g, &rep, path, sizeof path),
                 RB_JOURNAL_ERR_CORRUPT);
    CHECK_EQ_INT(g.n, 1);
    CHECK_EQ_INT(rep.err.offset, OFF1);
    CHECK(strstr(rep.err.text, "over the 1048576-byte record limit") != NULL);
    got_free(&g);

    /* The last record's length made smaller: its checksum fails. */
    CHECK_EQ_INT(damage(dir, "s2", OFF2, 3, &g, &rep, path, sizeof path),
                 RB_JOURNAL_ERR_CORRUPT);
    CHECK_EQ_INT(rep.err.offset, OFF2);
    CHECK(strstr(rep.err.text, "bad checksum") != NULL);
    got_free(&g);
    rm_tree(dir);
}

TEST(bad_headers_are_errors)
{
    char dir[1024], path[1200];
    REQUIRE(make_tmpdir(dir, sizeof dir, "journal") != NULL);
    snprintf(path, sizeof path, "%s/h", dir);
    rb_journal_report rep;
    rb_journal *j = NULL;
    rb_journal_err e;

    REQUIRE(spit(path, "", 0));
    CHECK_EQ_INT(rb_journal_recover(path, NULL, NULL, &rep), RB_JOURNAL_ERR_HEADER);
    CHECK(strstr(rep.err.text, "0 bytes long, shorter than the 8-byte journal header") != NULL);
    CHECK_EQ_INT(rb_journal_open(path, RB_JOURNAL_CREATE, &j, &e), RB_JOURNAL_ERR_HEADER);

    REQUIRE(spit(path, "RBJ1\x01", 5));
    CHECK_EQ_INT(rb_journal_recover(path, NULL, NULL, &rep), RB_JOURNAL_ERR_HEADER);
    CHECK_EQ_INT(file_size(path), 5);  /* never "repaired" */

    REQUIRE(spit(path, "RBJ2\x01\x00\x00\x00", 8));
    CHECK_EQ_INT(rb_journal_recover(path, NULL, NULL, &rep), RB_JOURNAL_ERR_HEADER);
    CHECK(strstr(rep.err.text, "does not start with \"RBJ1\"") != NULL);
    CHECK_EQ_INT(rep.err.offset, 0);

    REQUIRE(spit(path, "RBJ1\x02\x00\x00\x00", 8));
    CHECK_EQ_INT(rb_journal_recover(path, NULL, NULL, &rep), RB_JOURNAL_ERR_HEADER);
    CHECK(strstr(rep.err.text, "version 2 (byte offset 4) is not supported") != NULL);
    CHECK_EQ_INT(rb_journal_open(path, 0, &j, &e), RB_JOURNAL_ERR_HEADER);
    CHECK(j == NULL);

    /* Header only: an empty, valid journal. */
    REQUIRE(spit(path, "RBJ1\x01\x00\x00\x00", 8));
    CHECK_EQ_INT(rb_journal_recover(path, NULL, NULL, &rep), RB_JOURNAL_OK);
    CHECK_EQ_INT(rep.records, 0);

    /* Missing file, directory. */
    snprintf(path, sizeof path, "%s/missing", dir);
    CHECK_EQ_INT(rb_journal_recover(path, NULL, NULL, &rep), RB_JOURNAL_ERR_IO);
    CHECK(strstr(rep.err.text, path) == rep.err.text);
    CHECK_EQ_INT(rb_journal_recover(dir, NULL, NULL, &rep), RB_JOURNAL_ERR_IO);
    CHECK_EQ_INT(rep.err.sys_errno, EISDIR);
    /* A FIFO is refused without hanging. */
    snprintf(path, sizeof path, "%s/fifo", dir);
    REQUIRE(mkfifo(path, 0600) == 0);
    CHECK_EQ_INT(rb_journal_recover(path, NULL, NULL, &rep), RB_JOURNAL_ERR_IO);
    CHECK(strstr(rep.err.text, "not a regular file") != NULL);
    CHECK_EQ_INT(rb_journal_open(path, 0, &j, &e), RB_JOURNAL_ERR_IO);
    CHECK_EQ_INT(rb_journal_recover(path, NULL, NULL, NULL), RB_JOURNAL_ERR_ARG);
    rm_tree(dir);
}

/* ---- a failing write ------------------------------------------------------------ */

TEST(failed_write_breaks_the_handle)
{
    char dir[1024], path[1200];
    REQUIRE(make_tmpdir(dir, sizeof dir, "journal") != NULL);
    REQUIRE(make_journal(dir, "j", path, sizeof path, three, 3) != NULL);
    rb_journal *j = NULL;
    rb_journal_err e;
    REQUIRE(rb_journal_open(path, 0, &j, &e) == RB_JOURNAL_OK);

    /* A file size limit makes the kernel write part of the record and then
     * refuse the rest (EFBIG): a short write, then an error. */
    struct rlimit old, lim;
    REQUIRE(getrlimit(RLIMIT_FSIZE, &old) == 0);
    void (*prev)(int) = signal(SIGXFSZ, SIG_IGN);
    lim = old;
    lim.rlim_cur = END3 + 100;
    REQUIRE(setrlimit(RLIMIT_FSIZE, &lim) == 0);
    char payload[400];
    memset(payload, 'p', sizeof payload);
    rb_journal_status st = rb_journal_append(j, payload, sizeof payload, &e);
    REQUIRE(setrlimit(RLIMIT_FSIZE, &old) == 0);
    signal(SIGXFSZ, prev);
    CHECK_EQ_INT(st, RB_JOURNAL_ERR_IO);
    CHECK_EQ_INT(e.sys_errno, EFBIG);
    CHECK_EQ_INT(e.offset, END3);
    CHECK_EQ_INT(e.record, 3);
    CHECK_MSG(strstr(e.text, "writing record 4 at byte offset 73 failed") != NULL, "%s",
              e.text);
    CHECK_EQ_INT(file_size(path), END3 + 100);  /* the part that got in */

    /* The handle refuses further appends, even small ones that would fit. */
    CHECK_EQ_INT(rb_journal_append(j, "x", 1, &e), RB_JOURNAL_ERR_BROKEN);
    CHECK_EQ_INT(rb_journal_records(j), 3);
    CHECK_EQ_INT(rb_journal_close(j, &e), RB_JOURNAL_OK);

    /* Recovery drops the partial record. */
    got g = { 0 };
    rb_journal_report rep;
    CHECK_EQ_INT(rb_journal_recover(path, collect, &g, &rep), RB_JOURNAL_OK);
    CHECK_EQ_INT(g.n, 3);
    CHECK_EQ_INT(rep.tail, RB_JOURNAL_TAIL_TORN);
    CHECK_EQ_INT(rep.tail_offset, END3);
    CHECK_EQ_INT(rep.tail_size, 100);
    CHECK(strstr(rep.note, "100 of its 408 bytes present") != NULL);
    CHECK_EQ_INT(file_size(path), END3);
    got_free(&g);
    rm_tree(dir);
}

TEST(status_names)
{
    CHECK_EQ_STR(rb_journal_status_name(RB_JOURNAL_OK), "ok");
    CHECK_EQ_STR(rb_journal_status_name(RB_JOURNAL_ERR_CORRUPT), "corrupt");
    CHECK_EQ_STR(rb_journal_status_name(RB_JOURNAL_ERR_TORN), "torn tail");
    CHECK_EQ_STR(rb_journal_status_name((rb_journal_status)99), "unknown");
}

CHECK_MAIN()
