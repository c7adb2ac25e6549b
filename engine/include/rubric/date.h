/*
 * Calendar dates (YYYY-MM-DD) for plans and follow-ups, and "today": the
 * local date, or $RUBRIC_TODAY when it is set, so that tests and
 * demonstrations give the same documents on every day.
 */
#ifndef RUBRIC_DATE_H
#define RUBRIC_DATE_H

#include <stdbool.h>

typedef struct rb_date {
    int year;   /* 1900 .. 9999 */
    int month;  /* 1 .. 12 */
    int day;    /* 1 .. days in the month */
} rb_date;

#define RB_DATE_TEXT 11  /* "YYYY-MM-DD" and its NUL */

/* Parse exactly "YYYY-MM-DD" (a real calendar date, years 1900 to 9999). */
bool rb_date_parse(const char *s, rb_date *out);
/* "YYYY-MM-DD" into `out` (RB_DATE_TEXT bytes). */
void rb_date_format(rb_date d, char out[RB_DATE_TEXT]);
/* Negative, zero or positive as a is before, on or after b. */
int rb_date_compare(rb_date a, rb_date b);
/* Today: $RUBRIC_TODAY when set and not empty, else the local date. False
 * when $RUBRIC_TODAY is not a valid date (or the clock cannot be read). */
bool rb_date_today(rb_date *out);

#endif
