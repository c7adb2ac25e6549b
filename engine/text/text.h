/*
 * Text matching. The only module that includes pcre2.h.
 */
#ifndef RB_TEXT_H
#define RB_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#define RB_MAX_PATTERN_LENGTH 2000
#define RB_MAX_PATTERN_NESTING 32

/* Compile `pattern` the way evidence patterns are compiled (UTF, UCP,
 * caseless, \C forbidden, length and nesting capped). On failure fill
 * `message` and set *offset to the byte offset PCRE2 reports. */
bool regex_check(const char *pattern, size_t len, char *message, size_t msgsize,
                 size_t *offset);

/* A quantified group that itself contains an unbounded quantifier, such as
 * (a+)* or (\w+\s?)+ — the shape that backtracks catastrophically. Returns
 * true and the offset of the outer quantifier when found. */
bool regex_nested_repeat(const char *pattern, size_t len, size_t *at);

/* A compiled evidence pattern (JIT when available), with its own match
 * data and limits. Not shared between threads. */
typedef struct regex regex;

regex *regex_compile(const char *pattern, size_t len, char *message, size_t msgsize);
void regex_free(regex *re);

enum { REGEX_MATCH = 1, REGEX_NONE = 0, REGEX_LIMIT = -1, REGEX_ERROR = -2 };

/* Find the next match in subject[from..len): REGEX_MATCH with its span,
 * REGEX_NONE, or REGEX_LIMIT when the match or heap limit was hit (the
 * pattern is too costly for this text: that is not "no evidence"). */
int regex_next(regex *re, const char *subject, size_t len, bool ascii, size_t from,
               size_t *start, size_t *end);

#endif
