/*
 * check.h — a tiny unit-test harness, no dependencies beyond libc.
 *
 *     #include "check.h"
 *
 *     TEST(adds_up)
 *     {
 *         CHECK(1 + 1 == 2);
 *         CHECK_EQ_INT(2 + 2, 4);
 *         CHECK_EQ_STR(name, "x");
 *         REQUIRE(ptr != NULL);      // like CHECK, but ends the test on failure
 *     }
 *
 *     CHECK_MAIN()                   // int main(void): runs every TEST
 *
 * Tests register themselves (a constructor per TEST) and run in the order
 * they are written. A failed check prints "file:line: ..." with both values
 * and the test goes on; a test with any failed check counts as failed. At
 * the end the runner prints "N passed, M failed" and main returns non-zero
 * when anything failed.
 *
 * Set CHECK_ONLY=text to run just the tests whose names contain `text`, and
 * CHECK_SKIP=text to leave those out.
 */
#ifndef RUBRIC_TEST_CHECK_H
#define RUBRIC_TEST_CHECK_H

#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHECK_MAX_TESTS 512

typedef struct check_test_ {
    const char *name;
    void (*fn)(void);
    int line;
} check_test_;

static check_test_ check_tests_[CHECK_MAX_TESTS];
static int check_ntests_;
static int check_test_failures_;   /* failed checks in the running test */
static const char *check_current_; /* name of the running test */

__attribute__((unused)) static void check_register_(const char *name, void (*fn)(void),
                                                    int line)
{
    if (check_ntests_ >= CHECK_MAX_TESTS) {
        fprintf(stderr, "check.h: more than %d tests; raise CHECK_MAX_TESTS\n",
                CHECK_MAX_TESTS);
        abort();
    }
    check_tests_[check_ntests_++] = (check_test_){ name, fn, line };
}

__attribute__((format(printf, 3, 0))) static bool
check_vfail_(const char *file, int line, const char *fmt, va_list ap)
{
    fprintf(stderr, "%s:%d: [%s] ", file, line, check_current_ ? check_current_ : "?");
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    check_test_failures_++;
    return false;
}

/* Report one failed check. Returns false so macros can use it in expressions. */
__attribute__((unused, format(printf, 3, 4))) static bool
check_fail_(const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    check_vfail_(file, line, fmt, ap);
    va_end(ap);
    return false;
}

__attribute__((unused)) static bool check_true_(const char *file, int line,
                                                const char *expr, bool ok)
{
    return ok || check_fail_(file, line, "CHECK(%s) failed", expr);
}

__attribute__((unused, format(printf, 4, 5))) static bool
check_msg_(bool ok, const char *file, int line, const char *fmt, ...)
{
    if (ok)
        return true;
    va_list ap;
    va_start(ap, fmt);
    check_vfail_(file, line, fmt, ap);
    va_end(ap);
    return false;
}

__attribute__((unused)) static bool check_int_(const char *file, int line,
                                               const char *ea, const char *eb,
                                               intmax_t a, intmax_t b)
{
    if (a == b)
        return true;
    return check_fail_(file, line, "CHECK_EQ_INT(%s, %s) failed: %" PRIdMAX " != %" PRIdMAX,
                       ea, eb, a, b);
}

__attribute__((unused)) static bool check_str_(const char *file, int line,
                                               const char *ea, const char *eb,
                                               const char *a, const char *b)
{
    if (a == b || (a && b && strcmp(a, b) == 0))
        return true;
    return check_fail_(file, line, "CHECK_EQ_STR(%s, %s) failed:\n    left:  %s%s%s\n"
                                   "    right: %s%s%s",
                       ea, eb, a ? "\"" : "", a ? a : "NULL", a ? "\"" : "",
                       b ? "\"" : "", b ? b : "NULL", b ? "\"" : "");
}

__attribute__((unused)) static bool check_near_(const char *file, int line,
                                                const char *ea, const char *eb,
                                                double a, double b, double tol)
{
    if (fabs(a - b) <= tol)
        return true;
    return check_fail_(file, line, "CHECK_NEAR(%s, %s) failed: %.17g != %.17g", ea, eb,
                       a, b);
}

/* Each test is a static function plus a constructor that registers it. */
#define TEST(name)                                                             \
    static void name(void);                                                    \
    __attribute__((constructor)) static void check_reg_##name(void)            \
    {                                                                          \
        check_register_(#name, name, __LINE__);                                \
    }                                                                          \
    static void name(void)

#define CHECK(cond) check_true_(__FILE__, __LINE__, #cond, (cond) ? true : false)

/* CHECK with a printf-style message of its own (arguments always evaluated). */
#define CHECK_MSG(cond, ...)                                                   \
    check_msg_((cond) ? true : false, __FILE__, __LINE__, __VA_ARGS__)

#define CHECK_EQ_INT(a, b)                                                     \
    check_int_(__FILE__, __LINE__, #a, #b, (intmax_t)(a), (intmax_t)(b))

#define CHECK_EQ_STR(a, b) check_str_(__FILE__, __LINE__, #a, #b, (a), (b))

#define CHECK_NEAR(a, b, tol)                                                  \
    check_near_(__FILE__, __LINE__, #a, #b, (double)(a), (double)(b), (tol))

/* A check that ends the current test when it fails (use in the test body). */
#define REQUIRE(cond)                                                          \
    do {                                                                       \
        if (!CHECK(cond))                                                      \
            return;                                                            \
    } while (0)

static int check_by_line_(const void *a, const void *b)
{
    const check_test_ *x = a, *y = b;
    return (x->line > y->line) - (x->line < y->line);
}

__attribute__((unused)) static int check_run_all_(const char *file)
{
    const char *only = getenv("CHECK_ONLY");
    const char *skip = getenv("CHECK_SKIP");
    int passed = 0, failed = 0;
    qsort(check_tests_, (size_t)check_ntests_, sizeof check_tests_[0], check_by_line_);
    for (int i = 0; i < check_ntests_; i++) {
        if (only && *only && !strstr(check_tests_[i].name, only))
            continue;
        if (skip && *skip && strstr(check_tests_[i].name, skip))
            continue;
        check_current_ = check_tests_[i].name;
        check_test_failures_ = 0;
        check_tests_[i].fn();
        fflush(stdout);
        if (check_test_failures_) {
            failed++;
            fprintf(stderr, "FAIL %s (%d failed check%s)\n", check_tests_[i].name,
                    check_test_failures_, check_test_failures_ == 1 ? "" : "s");
        } else {
            passed++;
            printf("ok   %s\n", check_tests_[i].name);
        }
        fflush(stderr);
    }
    check_current_ = NULL;
    const char *base = strrchr(file, '/');
    printf("%s: %d passed, %d failed\n", base ? base + 1 : file, passed, failed);
    return failed ? 1 : 0;
}

#define CHECK_MAIN()                                                           \
    int main(void)                                                             \
    {                                                                          \
        return check_run_all_(__FILE__);                                       \
    }

#endif
