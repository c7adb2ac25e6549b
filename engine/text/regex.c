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
static bool unbounded_quantifier(const char *p, size_t len, size_t i, size_t *qlen)
{
    if (i >= len)
        return false;
    if (p[i] == '*' || p[i] == '+') {
        *qlen = 1;
        return true;
    }
    if (p[i] == '{') {
        size_t j = i + 1;
        while (j < len && p[j] >= '0' && p[j] <= '9')
            j++;
        if (j == i + 1 || j >= len || p[j] != ',')
            return false;
        j++;
        if (j < len && p[j] == '}') {
            *qlen = j - i + 1;
            return true;
        }
    }
    return false;
}

bool regex_nested_repeat(const char *p, size_t len, size_t *at)
{
    enum { MAXDEPTH = 64 };
    bool inner[MAXDEPTH];
    size_t depth = 0;
    size_t i = 0;
    while (i < len) {
        char c = p[i];
        size_t q;
        if (c == '\\') {
            if (i + 1 < len && (p[i + 1] == 'Q')) {
                const char *e = NULL;
                for (size_t k = i + 2; k + 1 < len; k++)
                    if (p[k] == '\\' && p[k + 1] == 'E') {
                        e = p + k;
                        break;
                    }
                i = e ? (size_t)(e - p) + 2 : len;
            } else {
                i += 2;
            }
            if (unbounded_quantifier(p, len, i, &q) && depth > 0)
                inner[depth - 1] = true;
            continue;
        }
        if (c == '[') {
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
            if (unbounded_quantifier(p, len, i, &q) && depth > 0)
                inner[depth - 1] = true;
            continue;
        }
        if (c == '(') {
            if (depth < MAXDEPTH)
                inner[depth] = false;
            depth++;
            i++;
            continue;
        }
        if (c == ')') {
            bool had = depth > 0 && depth <= MAXDEPTH && inner[depth - 1];
            if (depth > 0)
                depth--;
            i++;
            if (unbounded_quantifier(p, len, i, &q)) {
                if (had) {
                    *at = i;
                    return true;
                }
                if (depth > 0 && depth <= MAXDEPTH)
                    inner[depth - 1] = true;
            } else if (had && depth > 0 && depth <= MAXDEPTH) {
                inner[depth - 1] = true;
            }
            continue;
        }
        i++;
        if (unbounded_quantifier(p, len, i, &q) && depth > 0 && depth <= MAXDEPTH)
            inner[depth - 1] = true;
    }
    return false;
}
