#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <string.h>

#include "text/text.h"

bool regex_check(const char *pattern, size_t len, char *message, size_t msgsize,
                 size_t *offset)
{
    *offset = 0;
    if (len > RB_MAX_PATTERN_LENGTH) {
        snprintf(message, msgsize, "pattern is %zu bytes long; the limit is %d",
                 len, RB_MAX_PATTERN_LENGTH);
        return false;
    }
    pcre2_compile_context *cc = pcre2_compile_context_create(NULL);
    if (!cc) {
        snprintf(message, msgsize, "out of memory");
        return false;
    }
    pcre2_set_max_pattern_length(cc, RB_MAX_PATTERN_LENGTH);
    pcre2_set_parens_nest_limit(cc, RB_MAX_PATTERN_NESTING);
    int err = 0;
    PCRE2_SIZE erroff = 0;
    pcre2_code *code = pcre2_compile((PCRE2_SPTR)pattern, len,
                                     PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS |
                                         PCRE2_MATCH_INVALID_UTF |
                                         PCRE2_NEVER_BACKSLASH_C,
                                     &err, &erroff, cc);
    pcre2_compile_context_free(cc);
    if (code) {
        pcre2_code_free(code);
        return true;
    }
    PCRE2_UCHAR buf[256];
    if (pcre2_get_error_message(err, buf, sizeof buf) < 0)
        snprintf((char *)buf, sizeof buf, "error %d", err);
    snprintf(message, msgsize, "%s", (const char *)buf);
    *offset = erroff;
    return false;
}

/*
 * A small scan of the pattern's structure: for each open group, remember
 * whether something inside it repeats without bound; when the group closes
 * and is itself repeated without bound, that is a nested repeat.
 */

/* Is there a quantifier at p[i]? Sets its length (with a possessive or lazy
 * modifier) and whether it is unbounded (*, +, {n,}). */
static bool quantifier_at(const char *p, size_t len, size_t i, size_t *qlen,
                          bool *unbounded)
{
    if (i >= len)
        return false;
    size_t j = i;
    *unbounded = false;
    if (p[j] == '*' || p[j] == '+') {
        *unbounded = true;
        j++;
    } else if (p[j] == '?') {
        j++;
    } else if (p[j] == '{') {
        size_t k = j + 1;
        size_t d1 = 0, d2 = 0;
        while (k < len && p[k] >= '0' && p[k] <= '9') {
            k++;
            d1++;
        }
        bool comma = k < len && p[k] == ',';
        if (comma) {
            k++;
            while (k < len && p[k] >= '0' && p[k] <= '9') {
                k++;
                d2++;
            }
        }
        if (d1 == 0 || k >= len || p[k] != '}')
            return false;  /* a literal brace */
        *unbounded = comma && d2 == 0;
        j = k + 1;
    } else {
        return false;
    }
    if (j < len && (p[j] == '+' || p[j] == '?'))
        j++;  /* possessive or lazy */
    *qlen = j - i;
    return true;
}

bool regex_nested_repeat(const char *p, size_t len, size_t *at)
{
    enum { MAXDEPTH = 64 };
    bool inner[MAXDEPTH];
    size_t depth = 0;
    size_t i = 0;
    while (i < len) {
        char c = p[i];
        bool group_end = false, had = false;
        if (c == '\\') {
            if (i + 1 < len && p[i + 1] == 'Q') {
                size_t k = i + 2;
                while (k + 1 < len && !(p[k] == '\\' && p[k + 1] == 'E'))
                    k++;
                i = k + 1 < len ? k + 2 : len;
            } else {
                i += 2;
            }
        } else if (c == '[') {
            size_t k = i + 1;
            if (k < len && p[k] == '^')
                k++;
            if (k < len && p[k] == ']')
                k++;
            while (k < len && p[k] != ']') {
                if (p[k] == '\\')
                    k++;
                k++;
            }
            i = k + 1;
        } else if (c == '(') {
            if (depth < MAXDEPTH)
                inner[depth] = false;
            depth++;
            i++;
            continue;
        } else if (c == ')') {
            had = depth > 0 && depth <= MAXDEPTH && inner[depth - 1];
            if (depth > 0)
                depth--;
            group_end = true;
            i++;
        } else {
            i++;
        }
        /* The atom just passed may carry a quantifier. */
        size_t qlen;
        bool unbounded;
        bool quantified = quantifier_at(p, len, i, &qlen, &unbounded);
        if (group_end && had && quantified && unbounded) {
            *at = i;
            return true;
        }
        if (depth > 0 && depth <= MAXDEPTH && ((quantified && unbounded) || had))
            inner[depth - 1] = true;
        if (quantified)
            i += qlen;
    }
    return false;
}
