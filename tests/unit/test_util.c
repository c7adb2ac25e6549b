/*
 * Unit tests for engine/util: UTF-8, edit distance and suggestions, the
 * arena and ptrvec, rb_buf, rb_diags and rb_write_file_atomic.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <ftw.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "scratch.h"
#include "rubric/buf.h"
#include "rubric/diag.h"
#include "rubric/io.h"
#include "util/util.h"

/* ---- helpers -------------------------------------------------------------- */

#define S(lit) (lit), (sizeof(lit) - 1) /* a literal and its length */


/* Read a whole small file into buf; returns its length or -1. */
static long slurp(const char *path, char *buf, size_t size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    size_t n = fread(buf, 1, size - 1, f);
    fclose(f);
    buf[n] = '\0';
    return (long)n;
}

/* ---- UTF-8 ---------------------------------------------------------------- */

TEST(utf8_valid_ascii_and_multibyte)
{
    CHECK_EQ_INT(utf8_invalid_at(S("")), 0);
    CHECK_EQ_INT(utf8_invalid_at(S("plain ascii")), 11);
    CHECK_EQ_INT(utf8_invalid_at(S("a\0b")), 3);            /* NUL is valid UTF-8 */
    CHECK_EQ_INT(utf8_invalid_at(S("h\xC3\xA9llo")), 6);     /* é: 2 bytes */
    CHECK_EQ_INT(utf8_invalid_at(S("\xC2\x80")), 2);         /* U+0080, smallest 2-byte */
    CHECK_EQ_INT(utf8_invalid_at(S("\xDF\xBF")), 2);         /* U+07FF */
    CHECK_EQ_INT(utf8_invalid_at(S("\xE0\xA0\x80")), 3);     /* U+0800, smallest 3-byte */
    CHECK_EQ_INT(utf8_invalid_at(S("\xE2\x82\xAC")), 3);     /* € */
    CHECK_EQ_INT(utf8_invalid_at(S("\xED\x9F\xBF")), 3);     /* U+D7FF, below surrogates */
    CHECK_EQ_INT(utf8_invalid_at(S("\xEE\x80\x80")), 3);     /* U+E000, above surrogates */
    CHECK_EQ_INT(utf8_invalid_at(S("\xEF\xBF\xBF")), 3);     /* U+FFFF */
    CHECK_EQ_INT(utf8_invalid_at(S("\xF0\x90\x80\x80")), 4); /* U+10000 */
    CHECK_EQ_INT(utf8_invalid_at(S("\xF0\x9D\x84\x9E")), 4); /* 𝄞 */
    CHECK_EQ_INT(utf8_invalid_at(S("\xF4\x8F\xBF\xBF")), 4); /* U+10FFFF, the last */
    CHECK_EQ_INT(utf8_invalid_at(S("a\xC3\xA9\xE2\x82\xAC\xF0\x9D\x84\x9Ez")), 11);
    CHECK(utf8_valid(S("caf\xC3\xA9")));
}

TEST(utf8_overlong_forms_are_invalid)
{
    CHECK_EQ_INT(utf8_invalid_at(S("\xC0\x80")), 0);          /* NUL as 2 bytes */
    CHECK_EQ_INT(utf8_invalid_at(S("\xC1\xBF")), 0);          /* U+007F as 2 bytes */
    CHECK_EQ_INT(utf8_invalid_at(S("\xE0\x80\x80")), 0);      /* NUL as 3 bytes */
    CHECK_EQ_INT(utf8_invalid_at(S("\xE0\x9F\xBF")), 0);      /* U+07FF as 3 bytes */
    CHECK_EQ_INT(utf8_invalid_at(S("\xF0\x80\x80\x80")), 0);  /* NUL as 4 bytes */
    CHECK_EQ_INT(utf8_invalid_at(S("\xF0\x8F\xBF\xBF")), 0);  /* U+FFFF as 4 bytes */
    CHECK_EQ_INT(utf8_invalid_at(S("ab\xC0\xAF")), 2);        /* overlong '/' */
    CHECK(!utf8_valid(S("\xC0\x80")));
}

TEST(utf8_surrogates_are_invalid)
{
    CHECK_EQ_INT(utf8_invalid_at(S("\xED\xA0\x80")), 0);  /* U+D800 */
    CHECK_EQ_INT(utf8_invalid_at(S("\xED\xBF\xBF")), 0);  /* U+DFFF */
    CHECK_EQ_INT(utf8_invalid_at(S("x\xED\xB0\x80")), 1); /* U+DC00 */
    /* A CESU-8 style pair is two invalid surrogates, not one code point. */
    CHECK_EQ_INT(utf8_invalid_at(S("\xED\xA0\xBD\xED\xB8\x80")), 0);
}

TEST(utf8_above_10ffff_is_invalid)
{
    CHECK_EQ_INT(utf8_invalid_at(S("\xF4\x90\x80\x80")), 0);  /* U+110000 */
    CHECK_EQ_INT(utf8_invalid_at(S("\xF5\x80\x80\x80")), 0);
    CHECK_EQ_INT(utf8_invalid_at(S("\xF7\xBF\xBF\xBF")), 0);
    CHECK_EQ_INT(utf8_invalid_at(S("\xF8\x88\x80\x80\x80")), 0); /* 5-byte form */
    CHECK_EQ_INT(utf8_invalid_at(S("ok\xFE")), 2);
    CHECK_EQ_INT(utf8_invalid_at(S("ok\xFF")), 2);
}

TEST(utf8_truncated_and_broken_sequences)
{
    CHECK_EQ_INT(utf8_invalid_at(S("\xC3")), 0);
    CHECK_EQ_INT(utf8_invalid_at(S("a\xE2\x82")), 1);
    CHECK_EQ_INT(utf8_invalid_at(S("ab\xF0\x9D\x84")), 2);
    CHECK_EQ_INT(utf8_invalid_at(S("\x80")), 0);             /* lone continuation */
    CHECK_EQ_INT(utf8_invalid_at(S("a\xBF")), 1);
    CHECK_EQ_INT(utf8_invalid_at(S("\xC3(")), 0);            /* bad continuation */
    CHECK_EQ_INT(utf8_invalid_at(S("\xE2\x82(")), 0);
    CHECK_EQ_INT(utf8_invalid_at(S("\xF0\x9D(\x9E")), 0);
    /* The length bounds the scan: a sequence cut by `len` is truncated. */
    CHECK_EQ_INT(utf8_invalid_at("\xC3\xA9", 1), 0);
    CHECK_EQ_INT(utf8_invalid_at("x\xE2\x82\xAC", 3), 1);
    CHECK_EQ_INT(utf8_invalid_at("x\xE2\x82\xAC", 4), 4);
}

TEST(utf8_count_code_points)
{
    CHECK_EQ_INT(utf8_count(S("")), 0);
    CHECK_EQ_INT(utf8_count(S("abc")), 3);
    CHECK_EQ_INT(utf8_count(S("h\xC3\xA9llo")), 5);
    CHECK_EQ_INT(utf8_count(S("\xE2\x82\xAC\xF0\x9D\x84\x9E")), 2);
    CHECK_EQ_INT(utf8_count(S("a\0b")), 3);
    /* Only the first `len` bytes count. */
    CHECK_EQ_INT(utf8_count("h\xC3\xA9llo", 3), 2);
    CHECK_EQ_INT(utf8_count("h\xC3\xA9llo", 1), 1);
}

/* ---- edit distance -------------------------------------------------------- */

/* Reference optimal string alignment distance, uncapped. */
static size_t osa_reference(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    size_t d[40][40];
    for (size_t i = 0; i <= la; i++)
        d[i][0] = i;
    for (size_t j = 0; j <= lb; j++)
        d[0][j] = j;
    for (size_t i = 1; i <= la; i++)
        for (size_t j = 1; j <= lb; j++) {
            size_t v = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
            if (d[i - 1][j] + 1 < v)
                v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v)
                v = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < v)
                v = d[i - 2][j - 2] + 1;
            d[i][j] = v;
        }
    return d[la][lb];
}

TEST(edit_distance_basics)
{
    CHECK_EQ_INT(edit_distance("", "", 3), 0);
    CHECK_EQ_INT(edit_distance("same", "same", 0), 0);
    CHECK_EQ_INT(edit_distance("", "abc", 3), 3);
    CHECK_EQ_INT(edit_distance("kitten", "sitting", 5), 3);
    CHECK_EQ_INT(edit_distance("title", "titl", 2), 1);     /* deletion */
    CHECK_EQ_INT(edit_distance("title", "titlee", 2), 1);   /* insertion */
    CHECK_EQ_INT(edit_distance("title", "tible", 2), 1);    /* substitution */
}

TEST(edit_distance_transposition_is_one_edit)
{
    CHECK_EQ_INT(edit_distance("ab", "ba", 3), 1);
    CHECK_EQ_INT(edit_distance("title", "titel", 3), 1);
    CHECK_EQ_INT(edit_distance("scale", "sclae", 3), 1);
    CHECK_EQ_INT(edit_distance("abcdef", "badcfe", 5), 3);
    /* Optimal string alignment, not full Damerau: no edits of a swapped pair. */
    CHECK_EQ_INT(edit_distance("ca", "abc", 5), 3);
}

TEST(edit_distance_cap)
{
    /* Over the cap the result is cap + 1, whether found by length
     * difference, by row minimum or at the end. */
    CHECK_EQ_INT(edit_distance("kitten", "sitting", 2), 3);
    CHECK_EQ_INT(edit_distance("kitten", "sitting", 3), 3);   /* exactly at cap */
    CHECK_EQ_INT(edit_distance("a", "abcdef", 2), 3);         /* length difference */
    CHECK_EQ_INT(edit_distance("abc", "xyz", 1), 2);
    CHECK_EQ_INT(edit_distance("abc", "xyz", 0), 1);
    CHECK_EQ_INT(edit_distance("ab", "ba", 0), 1);
    CHECK(edit_distance("xxab", "abyy", 2) > 2);
    /* Within the cap the exact distance comes back. */
    CHECK_EQ_INT(edit_distance("abcdef", "badcfe", 3), 3);
}

TEST(edit_distance_matches_reference_within_cap)
{
    /* Every pair over a small alphabet: below the cap the exact distance,
     * otherwise something greater than the cap. */
    static const char *const words[] = {
        "", "a", "b", "ab", "ba", "aa", "abc", "acb", "bca", "cab", "abcd",
        "badc", "dcba", "aabb", "abab", "xxab", "abyy", "abcab", "bacba",
    };
    size_t n = sizeof words / sizeof words[0];
    int bad = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 1; j < n; j++)  /* an empty second word: see bug_ below */
            for (size_t cap = 0; cap <= 5; cap++) {
                size_t ref = osa_reference(words[i], words[j]);
                size_t got = edit_distance(words[i], words[j], cap);
                bool ok = ref <= cap ? got == ref : got > cap;
                if (!ok && bad++ < 5)
                    CHECK_MSG(ok, "edit_distance(\"%s\", \"%s\", %zu) = %zu, "
                                  "reference %zu", words[i], words[j], cap, got, ref);
            }
    CHECK_EQ_INT(bad, 0);
}

/* Bug: util.h promises cap+1 "as soon as the distance exceeds cap", but
 * when the last row of the table still has an entry within the cap the
 * uncapped distance comes back (4 here, not 3). Harmless for closest_word,
 * which only compares, but the contract says cap+1.
 * (Failed against the engine when written; the engine has since been
 * fixed, and the test stays as a regression test.) */
TEST(bug_edit_distance_over_cap_returns_more_than_cap_plus_one)
{
    CHECK_EQ_INT(edit_distance("xxab", "abyy", 2), 3);
    CHECK_EQ_INT(edit_distance("aaxy", "xybb", 2), 3);
}

/* Bug: with an empty second string the row loop never runs, the row
 * minimum stays SIZE_MAX and edit_distance("abc", "", 3) says cap+1 (4)
 * instead of 3. (The first string empty works: edit_distance("", "abc", 3)
 * is 3.) The distance is symmetric; the result must not depend on order.
 * (Failed against the engine when written; the engine has since been
 * fixed, and the test stays as a regression test.) */
TEST(bug_edit_distance_to_empty_string)
{
    CHECK_EQ_INT(edit_distance("abc", "", 3), 3);
    CHECK_EQ_INT(edit_distance("a", "", 1), 1);
    CHECK_EQ_INT(edit_distance("a", "", 5), edit_distance("", "a", 5));
}

TEST(closest_word_suggestions)
{
    static const char *const fields[] = { "summary", "behaviours", "questions", NULL };
    static const char *const globals[] = { "scale", "competency", "level",
                                           "behaviour", "question", "include" };
    CHECK_EQ_STR(closest_word("behaviors", fields, 3), "behaviours");
    CHECK_EQ_STR(closest_word("behavours", fields, 3), "behaviours");
    CHECK_EQ_STR(closest_word("qeustions", fields, 3), "questions");
    CHECK_EQ_STR(closest_word("sumary", fields, 3), "summary");
    CHECK_EQ_STR(closest_word("competancy", globals, 6), "competency");
    CHECK_EQ_STR(closest_word("lvel", globals, 6), "level");
    CHECK_EQ_STR(closest_word("scale", globals, 6), "scale");
    /* Nothing close enough: no suggestion. */
    CHECK_EQ_STR(closest_word("zebra", fields, 3), NULL);
    CHECK_EQ_STR(closest_word("weight", fields, 3), NULL);
    CHECK_EQ_STR(closest_word("xyzzy", globals, 6), NULL);
    CHECK_EQ_STR(closest_word("lv", globals, 6), NULL);  /* short: one edit at most */
    CHECK_EQ_STR(closest_word("anything", globals, 0), NULL);
}

/* ---- arena and ptrvec ----------------------------------------------------- */

TEST(arena_many_allocations_aligned_zeroed_distinct)
{
    arena *a = arena_new();
    REQUIRE(a != NULL);
    enum { N = 20000 };
    unsigned char **ptrs = calloc(N, sizeof *ptrs);
    size_t *sizes = calloc(N, sizeof *sizes);
    REQUIRE(ptrs && sizes);
    unsigned seed = 12345;
    int misaligned = 0, dirty = 0, nulls = 0;
    for (size_t i = 0; i < N; i++) {
        seed = seed * 1103515245u + 12345u;
        sizes[i] = 1 + (seed >> 16) % 700;
        if (i % 1000 == 999)
            sizes[i] = 40000 + i;  /* now and then a big one-off block */
        ptrs[i] = arena_alloc(a, sizes[i]);
        if (!ptrs[i]) {
            nulls++;
            continue;
        }
        if ((uintptr_t)ptrs[i] % 16 != 0)
            misaligned++;
        for (size_t k = 0; k < sizes[i]; k++)
            if (ptrs[i][k] != 0) {
                dirty++;
                break;
            }
        memset(ptrs[i], (int)(i & 0xFF), sizes[i]);
    }
    CHECK_EQ_INT(nulls, 0);
    CHECK_EQ_INT(misaligned, 0);
    CHECK_EQ_INT(dirty, 0);
    /* No allocation overlapped another: every one still holds its byte. */
    int clobbered = 0;
    for (size_t i = 0; i < N; i++) {
        if (!ptrs[i])
            continue;
        for (size_t k = 0; k < sizes[i]; k++)
            if (ptrs[i][k] != (unsigned char)(i & 0xFF)) {
                clobbered++;
                break;
            }
    }
    CHECK_EQ_INT(clobbered, 0);
    CHECK(arena_bytes(a) >= 20000u * 1);
    free(ptrs);
    free(sizes);
    arena_free(a);
}

TEST(arena_alignment_16_for_every_size)
{
    arena *a = arena_new();
    REQUIRE(a != NULL);
    int misaligned = 0;
    for (size_t size = 1; size <= 200; size++) {
        void *p = arena_alloc(a, size);
        REQUIRE(p != NULL);
        if ((uintptr_t)p % 16 != 0)
            misaligned++;
    }
    /* Big allocations, which get a block of their own, too. */
    for (size_t size = 16 * 1024 + 1; size < 200000; size += 33333) {
        void *p = arena_alloc(a, size);
        REQUIRE(p != NULL);
        if ((uintptr_t)p % 16 != 0)
            misaligned++;
        void *q = arena_alloc(a, 3);
        REQUIRE(q != NULL);
        if ((uintptr_t)q % 16 != 0)
            misaligned++;
    }
    CHECK_EQ_INT(misaligned, 0);
    CHECK(_Alignof(max_align_t) <= 16);
    arena_free(a);
}

TEST(arena_bytes_and_overflowing_sizes)
{
    arena *a = arena_new();
    REQUIRE(a != NULL);
    CHECK_EQ_INT(arena_bytes(a), 0);
    CHECK(arena_alloc(a, 10) != NULL);
    size_t after_one = arena_bytes(a);
    CHECK(after_one >= 10);
    CHECK(arena_alloc(a, 10) != NULL);
    CHECK_EQ_INT(arena_bytes(a), after_one);  /* same block */
    /* Sizes whose rounding or block header would overflow are refused. */
    CHECK(arena_alloc(a, SIZE_MAX) == NULL);
    CHECK(arena_alloc(a, SIZE_MAX - 15) == NULL);
    CHECK(arena_alloc(a, 8) != NULL);  /* still usable */
    arena_free(a);
    arena_free(NULL);
}

TEST(arena_strdup_strndup_printf)
{
    arena *a = arena_new();
    REQUIRE(a != NULL);
    char src[] = "competency";
    char *d = arena_strdup(a, src);
    REQUIRE(d != NULL);
    CHECK(d != src);
    src[0] = 'X';
    CHECK_EQ_STR(d, "competency");
    CHECK_EQ_STR(arena_strdup(a, ""), "");
    CHECK_EQ_STR(arena_strndup(a, "behaviour", 5), "behav");
    CHECK_EQ_STR(arena_strndup(a, "ab\0cd", 4), "ab");
    char *p = arena_printf(a, "%s.L%d.b%zu", "x", 2, (size_t)3);
    CHECK_EQ_STR(p, "x.L2.b3");
    CHECK((uintptr_t)p % 16 == 0);
    CHECK_EQ_STR(arena_printf(a, "%s", ""), "");
    /* Longer than a block. */
    char *big = arena_printf(a, "<%*s>", 100000, "end");
    REQUIRE(big != NULL);
    CHECK_EQ_INT(strlen(big), 100002);
    CHECK(big[0] == '<' && memcmp(big + 100001 - 3, "end>", 4) == 0);
    /* Earlier strings are untouched by later allocations. */
    CHECK_EQ_STR(d, "competency");
    CHECK_EQ_STR(p, "x.L2.b3");
    arena_free(a);
}

TEST(ptrvec_push_grows_and_keeps_order)
{
    arena *a = arena_new();
    REQUIRE(a != NULL);
    ptrvec v = { 0 };
    static int values[5000];
    for (int i = 0; i < 5000; i++) {
        values[i] = i;
        REQUIRE(ptrvec_push(a, &v, &values[i]));
    }
    CHECK_EQ_INT(v.len, 5000);
    CHECK(v.cap >= v.len);
    int wrong = 0;
    for (size_t i = 0; i < v.len; i++)
        if (v.items[i] != &values[i])
            wrong++;
    CHECK_EQ_INT(wrong, 0);
    ptrvec w = { 0 };
    CHECK(ptrvec_push(a, &w, NULL));
    CHECK_EQ_INT(w.len, 1);
    CHECK(w.items[0] == NULL);
    arena_free(a);
}

/* ---- rb_buf ----------------------------------------------------------------- */

TEST(buf_empty_and_appends)
{
    rb_buf b = { 0 };
    CHECK_EQ_STR(rb_buf_str(&b), "");
    CHECK(rb_buf_ok(&b));
    rb_buf_puts(&b, "abc");
    rb_buf_putc(&b, '-');
    rb_buf_append(&b, "xyz", 2);
    CHECK_EQ_STR(rb_buf_str(&b), "abc-xy");
    CHECK_EQ_INT(b.len, 6);
    rb_buf_append(&b, "a\0b", 3);  /* bytes, NULs included */
    CHECK_EQ_INT(b.len, 9);
    CHECK(memcmp(b.data + 6, "a\0b", 4) == 0);  /* and NUL-terminated */
    rb_buf_append(&b, "", 0);
    CHECK_EQ_INT(b.len, 9);
    CHECK(!b.failed);
    rb_buf_release(&b);
    CHECK(b.data == NULL);
    CHECK_EQ_INT(b.len, 0);
    CHECK_EQ_STR(rb_buf_str(&b), "");
    /* Reusable after release. */
    rb_buf_puts(&b, "again");
    CHECK_EQ_STR(rb_buf_str(&b), "again");
    rb_buf_release(&b);
}

TEST(buf_printf_growth)
{
    rb_buf b = { 0 };
    rb_buf_printf(&b, "%d-%s", 42, "x");
    CHECK_EQ_STR(rb_buf_str(&b), "42-x");
    CHECK_EQ_INT(b.len, 4);
    /* Grow well past the first allocation, in one go and bit by bit. */
    rb_buf_printf(&b, "%*s", 5000, "|");
    CHECK_EQ_INT(b.len, 5004);
    CHECK(b.cap > b.len);
    CHECK_EQ_INT(strlen(rb_buf_str(&b)), 5004);
    CHECK(b.data[5003] == '|');
    for (int i = 0; i < 10000; i++)
        rb_buf_printf(&b, "%04d", i % 10000);
    CHECK_EQ_INT(b.len, 5004 + 40000);
    CHECK(memcmp(b.data + b.len - 8, "99989999", 8) == 0);
    CHECK_EQ_INT(strlen(rb_buf_str(&b)), b.len);
    rb_buf_printf(&b, "%s", "");
    CHECK_EQ_INT(b.len, 45004);
    CHECK(rb_buf_ok(&b));
    CHECK(!b.failed);
    rb_buf_release(&b);

    /* An empty printf into an empty buffer still yields "". */
    rb_buf e = { 0 };
    rb_buf_printf(&e, "%s", "");
    CHECK_EQ_STR(rb_buf_str(&e), "");
    CHECK(rb_buf_ok(&e));
    rb_buf_release(&e);
}

TEST(buf_failed_flag)
{
    rb_buf b = { 0 };
    /* Success never touches the flag. */
    rb_buf_puts(&b, "ok");
    rb_buf_printf(&b, "%s", "fine");
    CHECK(!b.failed);
    CHECK(rb_buf_ok(&b));
    /* Once failed, appends are no-ops until reset. */
    b.failed = true;
    rb_buf_puts(&b, "lost");
    rb_buf_printf(&b, "%d", 12345);
    rb_buf_putc(&b, '!');
    CHECK_EQ_STR(rb_buf_str(&b), "okfine");
    CHECK(!rb_buf_ok(&b));
    rb_buf_reset(&b);
    CHECK(rb_buf_ok(&b));
    CHECK_EQ_INT(b.len, 0);
    CHECK_EQ_STR(rb_buf_str(&b), "");
    rb_buf_puts(&b, "new");
    CHECK_EQ_STR(rb_buf_str(&b), "new");
    /* A size that cannot be met sets the flag instead of wrapping around. */
    rb_buf_append(&b, "x", SIZE_MAX - 1);
    CHECK(!rb_buf_ok(&b));
    CHECK_EQ_STR(rb_buf_str(&b), "new");
    rb_buf_release(&b);
    CHECK(rb_buf_ok(&b));
}

/* ---- rb_diags ----------------------------------------------------------------- */

TEST(diags_add_and_counts)
{
    rb_diags *d = rb_diags_new();
    REQUIRE(d != NULL);
    CHECK_EQ_INT(rb_diags_count(d), 0);
    CHECK_EQ_INT(rb_diags_errors(d), 0);
    CHECK_EQ_INT(rb_diags_warnings(d), 0);
    CHECK(!rb_diags_has_system_error(d));
    CHECK(!rb_diags_overflowed(d));

    char file[32] = "comp.lua";
    rb_diags_add(d, RB_ERROR, RB_DIAG_INPUT, file, 12, 3, "  detail\n  ^",
                 "unknown field '%s' in %s", "titel", "competency 'x'");
    strcpy(file, "overwritten");  /* the list keeps its own copy */
    rb_diags_add(d, RB_WARNING, RB_DIAG_INPUT, "comp.lua", 20, 0, NULL, "no probes");
    rb_diags_add(d, RB_WARNING, RB_DIAG_INPUT, NULL, 0, 0, NULL, "%d%%", 50);

    CHECK_EQ_INT(rb_diags_count(d), 3);
    CHECK_EQ_INT(rb_diags_errors(d), 1);
    CHECK_EQ_INT(rb_diags_warnings(d), 2);
    CHECK(!rb_diags_has_system_error(d));
    const rb_diag *x = rb_diags_at(d, 0);
    CHECK_EQ_INT(x->severity, RB_ERROR);
    CHECK_EQ_INT(x->kind, RB_DIAG_INPUT);
    CHECK_EQ_STR(x->file, "comp.lua");
    CHECK_EQ_INT(x->line, 12);
    CHECK_EQ_INT(x->column, 3);
    CHECK_EQ_STR(x->message, "unknown field 'titel' in competency 'x'");
    CHECK_EQ_STR(x->detail, "  detail\n  ^");
    CHECK_EQ_STR(rb_diags_at(d, 1)->detail, NULL);
    CHECK_EQ_STR(rb_diags_at(d, 2)->file, NULL);
    CHECK_EQ_STR(rb_diags_at(d, 2)->message, "50%");

    /* A long message is kept whole. */
    char longmsg[5000];
    memset(longmsg, 'm', sizeof longmsg - 1);
    longmsg[sizeof longmsg - 1] = '\0';
    rb_diags_add(d, RB_ERROR, RB_DIAG_INPUT, "a.lua", 1, 0, NULL, "%s", longmsg);
    CHECK_EQ_STR(rb_diags_at(d, 3)->message, longmsg);

    /* Many entries: the list grows. */
    for (int i = 0; i < 1000; i++)
        rb_diags_add(d, RB_WARNING, RB_DIAG_INPUT, "many.lua", i, 0, NULL, "w%d", i);
    CHECK_EQ_INT(rb_diags_count(d), 1004);
    CHECK_EQ_INT(rb_diags_warnings(d), 1002);
    CHECK_EQ_STR(rb_diags_at(d, 1003)->message, "w999");
    CHECK(!rb_diags_overflowed(d));
    rb_diags_free(d);

    /* NULL lists are tolerated where the header allows it. */
    rb_diags_free(NULL);
    CHECK_EQ_INT(rb_diags_count(NULL), 0);
    CHECK_EQ_INT(rb_diags_errors(NULL), 0);
    CHECK(!rb_diags_has_system_error(NULL));
}

TEST(diags_sort_by_file_first_seen_then_line)
{
    rb_diags *d = rb_diags_new();
    REQUIRE(d != NULL);
    /* Files first seen in the order b, a, c; NULL file has no rank. */
    rb_diags_add(d, RB_ERROR, RB_DIAG_INPUT, "b.lua", 5, 0, NULL, "b5");
    rb_diags_add(d, RB_ERROR, RB_DIAG_INPUT, "a.lua", 3, 0, NULL, "a3");
    rb_diags_add(d, RB_ERROR, RB_DIAG_INPUT, NULL, 0, 0, NULL, "nofile");
    rb_diags_add(d, RB_WARNING, RB_DIAG_INPUT, "b.lua", 2, 0, NULL, "b2");
    rb_diags_add(d, RB_ERROR, RB_DIAG_INPUT, "a.lua", 1, 0, NULL, "a1");
    rb_diags_add(d, RB_ERROR, RB_DIAG_INPUT, "c.lua", 9, 0, NULL, "c9");
    rb_diags_add(d, RB_ERROR, RB_DIAG_INPUT, "b.lua", 5, 0, NULL, "b5-second");
    rb_diags_add(d, RB_ERROR, RB_DIAG_INPUT, "a.lua", 0, 0, NULL, "a0");
    rb_diags_sort(d);
    static const char *const want[] = {
        "b2", "b5", "b5-second", "a0", "a1", "a3", "c9", "nofile",
    };
    REQUIRE(rb_diags_count(d) == 8);
    for (size_t i = 0; i < 8; i++)
        CHECK_EQ_STR(rb_diags_at(d, i)->message, want[i]);
    CHECK_EQ_INT(rb_diags_errors(d), 7);
    CHECK_EQ_INT(rb_diags_warnings(d), 1);

    /* More after sorting: ranks still by first sight, sort stays stable. */
    rb_diags_add(d, RB_ERROR, RB_DIAG_INPUT, "a.lua", 1, 0, NULL, "a1-later");
    rb_diags_add(d, RB_ERROR, RB_DIAG_INPUT, "d.lua", 1, 0, NULL, "d1");
    rb_diags_sort(d);
    static const char *const want2[] = {
        "b2", "b5", "b5-second", "a0", "a1", "a1-later", "a3", "c9", "d1", "nofile",
    };
    REQUIRE(rb_diags_count(d) == 10);
    for (size_t i = 0; i < 10; i++)
        CHECK_EQ_STR(rb_diags_at(d, i)->message, want2[i]);
    rb_diags_free(d);

    rb_diags_sort(NULL);
}

TEST(diags_system_flag)
{
    rb_diags *d = rb_diags_new();
    REQUIRE(d != NULL);
    rb_diags_add(d, RB_ERROR, RB_DIAG_INPUT, "x.lua", 1, 0, NULL, "input");
    CHECK(!rb_diags_has_system_error(d));
    rb_diags_add(d, RB_ERROR, RB_DIAG_SYSTEM, "x.lua", 0, 0, NULL, "cannot read: %s",
                 strerror(EACCES));
    CHECK(rb_diags_has_system_error(d));
    CHECK_EQ_INT(rb_diags_at(d, 1)->kind, RB_DIAG_SYSTEM);
    CHECK_EQ_INT(rb_diags_errors(d), 2);
    rb_diags_sort(d);
    CHECK(rb_diags_has_system_error(d));
    rb_diags_free(d);
}

TEST(write_file_new_never_replaces)
{
    char dir[1024];
    REQUIRE(make_tmpdir(dir, sizeof dir, "util") != NULL);
    char path[2048], buf[256], err[256] = "";
    snprintf(path, sizeof path, "%s/plan.json", dir);
    CHECK_EQ_INT(rb_write_file_new(path, "first", 5, 0600, err, sizeof err), 0);
    struct stat st;
    REQUIRE(stat(path, &st) == 0);
    CHECK_EQ_INT(st.st_mode & 07777, 0600);
    CHECK_EQ_INT(st.st_nlink, 1);  /* the temporary name is gone */
    errno = 0;
    CHECK_EQ_INT(rb_write_file_new(path, "second", 6, 0600, err, sizeof err), -1);
    CHECK_EQ_INT(errno, EEXIST);
    CHECK_EQ_STR(err, "the file already exists");
    CHECK_EQ_INT(slurp(path, buf, sizeof buf), 5);
    CHECK_EQ_STR(buf, "first");
    CHECK_EQ_INT(count_entries(dir), 1);  /* nothing left behind */
    rm_tree(dir);
}

/* ---- rb_write_file_atomic ----------------------------------------------------- */

TEST(write_file_atomic_content_and_mode)
{
    char dir[1024];
    REQUIRE(make_tmpdir(dir, sizeof dir, "util") != NULL);
    char path[2048], buf[256], err[256] = "";
    snprintf(path, sizeof path, "%s/out.json", dir);

    const char *text = "{\"format\": \"rubric.library/1\"}\n";
    CHECK_EQ_INT(rb_write_file_atomic(path, text, strlen(text), 0640, err, sizeof err), 0);
    CHECK_EQ_INT(slurp(path, buf, sizeof buf), (long)strlen(text));
    CHECK_EQ_STR(buf, text);
    struct stat st;
    REQUIRE(stat(path, &st) == 0);
    CHECK_EQ_INT(st.st_mode & 07777, 0640);
    CHECK(S_ISREG(st.st_mode));
    CHECK_EQ_INT(count_entries(dir), 1);  /* no temporary left behind */

    /* Replacing an existing file: new content, new mode. */
    CHECK_EQ_INT(rb_write_file_atomic(path, "second", 6, 0600, err, sizeof err), 0);
    CHECK_EQ_INT(slurp(path, buf, sizeof buf), 6);
    CHECK_EQ_STR(buf, "second");
    REQUIRE(stat(path, &st) == 0);
    CHECK_EQ_INT(st.st_mode & 07777, 0600);
    CHECK_EQ_INT(count_entries(dir), 1);

    /* The mode is applied as given, regardless of the umask. */
    mode_t old = umask(0077);
    snprintf(path, sizeof path, "%s/public.txt", dir);
    CHECK_EQ_INT(rb_write_file_atomic(path, "", 0, 0644, err, sizeof err), 0);
    umask(old);
    REQUIRE(stat(path, &st) == 0);
    CHECK_EQ_INT(st.st_mode & 07777, 0644);
    CHECK_EQ_INT(st.st_size, 0);
    CHECK_EQ_INT(count_entries(dir), 2);

    /* Binary data with NULs, larger than a pipe buffer. */
    size_t n = 300000;
    unsigned char *data = malloc(n);
    REQUIRE(data != NULL);
    for (size_t i = 0; i < n; i++)
        data[i] = (unsigned char)(i * 7);
    snprintf(path, sizeof path, "%s/blob.bin", dir);
    CHECK_EQ_INT(rb_write_file_atomic(path, data, n, 0600, err, sizeof err), 0);
    REQUIRE(stat(path, &st) == 0);
    CHECK_EQ_INT(st.st_size, (long long)n);
    FILE *f = fopen(path, "rb");
    REQUIRE(f != NULL);
    unsigned char *back = malloc(n);
    size_t got = back ? fread(back, 1, n, f) : 0;
    fclose(f);
    CHECK_EQ_INT(got, n);
    CHECK(back && memcmp(back, data, n) == 0);
    free(back);
    free(data);
    rm_tree(dir);
}

TEST(write_file_atomic_failure_leaves_nothing)
{
    char dir[1024];
    REQUIRE(make_tmpdir(dir, sizeof dir, "util") != NULL);
    char path[3072], missing[2048], err[256] = "";
    snprintf(missing, sizeof missing, "%s/no-such-dir", dir);
    snprintf(path, sizeof path, "%s/out.txt", missing);
    CHECK_EQ_INT(rb_write_file_atomic(path, "data", 4, 0644, err, sizeof err), -1);
    CHECK(err[0] != '\0');
    CHECK_MSG(strstr(err, strerror(ENOENT)) != NULL, "err = \"%s\"", err);
    CHECK(access(path, F_OK) != 0);
    CHECK(access(missing, F_OK) != 0);
    CHECK_EQ_INT(count_entries(dir), 0);

    /* The target is a folder: rename fails, the temporary is removed and
     * the folder is left as it was. */
    snprintf(path, sizeof path, "%s/folder", dir);
    REQUIRE(mkdir(path, 0755) == 0);
    err[0] = '\0';
    CHECK_EQ_INT(rb_write_file_atomic(path, "data", 4, 0644, err, sizeof err), -1);
    CHECK(err[0] != '\0');
    struct stat st;
    CHECK(stat(path, &st) == 0 && S_ISDIR(st.st_mode));
    CHECK_EQ_INT(count_entries(dir), 1);
    CHECK_EQ_INT(count_entries(path), 0);

    /* A small error buffer is not overrun. */
    char tiny[4] = "zzz";
    snprintf(path, sizeof path, "%s/out.txt", missing);
    CHECK_EQ_INT(rb_write_file_atomic(path, "x", 1, 0644, tiny, sizeof tiny), -1);
    CHECK_EQ_INT(strlen(tiny), 3);
    rm_tree(dir);
}

CHECK_MAIN()
