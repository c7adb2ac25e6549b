/*
 * Calendar dates: strict parsing, formatting, comparison, and today's date
 * (see include/rubric/date.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rubric/date.h"

static int days_in_month(int year, int month)
{
    static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

static bool digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

bool rb_date_parse(const char *s, rb_date *out)
{
    rb_date d;
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return false;
    if (!digits(s, 4, &d.year) || !digits(s + 5, 2, &d.month) || !digits(s + 8, 2, &d.day))
        return false;
    if (d.year < 1900 || d.month < 1 || d.month > 12 || d.day < 1 ||
        d.day > days_in_month(d.year, d.month))
        return false;
    *out = d;
    return true;
}

void rb_date_format(rb_date d, char out[RB_DATE_TEXT])
{
    unsigned y = (unsigned)d.year % 10000u, m = (unsigned)d.month % 100u,
             day = (unsigned)d.day % 100u;
    char buf[32];
    snprintf(buf, sizeof buf, "%04u-%02u-%02u", y, m, day);
    memcpy(out, buf, RB_DATE_TEXT - 1);
    out[RB_DATE_TEXT - 1] = '\0';
}

int rb_date_compare(rb_date a, rb_date b)
{
    if (a.year != b.year)
        return a.year < b.year ? -1 : 1;
    if (a.month != b.month)
        return a.month < b.month ? -1 : 1;
    if (a.day != b.day)
        return a.day < b.day ? -1 : 1;
    return 0;
}

bool rb_date_today(rb_date *out)
{
    const char *env = getenv("RUBRIC_TODAY");
    if (env && *env)
        return rb_date_parse(env, out);
    time_t now = time(NULL);
    struct tm tm;
    if (now == (time_t)-1 || !localtime_r(&now, &tm))
        return false;
    out->year = tm.tm_year + 1900;
    out->month = tm.tm_mon + 1;
    out->day = tm.tm_mday;
    return out->year >= 1900 && out->year <= 9999;
}
