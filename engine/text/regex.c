#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/text.h"

/* DOTALL: answers are transcripts, and a line break inside a sentence
 * must not hide evidence from a pattern such as \bcoach.{0,80}expertise. */
#define COMPILE_OPTIONS (PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS | PCRE2_DOTALL | \
                         PCRE2_MATCH_INVALID_UTF | PCRE2_NEVER_BACKSLASH_C)
#define MATCH_LIMIT 200000
#define HEAP_LIMIT_KIB 2048
#define DEPTH_LIMIT 5000

struct regex {
    pcre2_code *code;
    pcre2_code *ascii;  /* the same without Unicode, for ASCII-only text */
    pcre2_match_data *md;
    pcre2_match_data *md_ascii;
    pcre2_match_context *mc;
};

static bool utf8_valid_ascii(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80)
            return false;
    return true;
}

regex *regex_compile(const char *pattern, size_t len, char *message, size_t msgsize)
{
    size_t off;
    if (!regex_check(pattern, len, message, msgsize, &off))
        return NULL;
    regex *re = calloc(1, sizeof *re);
    pcre2_compile_context *cc = pcre2_compile_context_create(NULL);
    if (!re || !cc)
        goto oom;
    pcre2_set_max_pattern_length(cc, RB_MAX_PATTERN_LENGTH);
    pcre2_set_parens_nest_limit(cc, RB_MAX_PATTERN_NESTING);
    int err;
    PCRE2_SIZE eoff;
    re->code = pcre2_compile((PCRE2_SPTR)pattern, len, COMPILE_OPTIONS, &err, &eoff, cc);
    /* On ASCII text, Unicode properties change nothing and cost time; a
     * pattern that needs UTF (a literal é, say) just has no ASCII twin. */
    if (utf8_valid_ascii(pattern, len))
        re->ascii = pcre2_compile((PCRE2_SPTR)pattern, len,
                                  PCRE2_CASELESS | PCRE2_DOTALL | PCRE2_NEVER_BACKSLASH_C,
                                  &err, &eoff, cc);
    pcre2_compile_context_free(cc);
    cc = NULL;
    if (!re->code)
        goto oom;
    /* JIT is an optimisation: without it the interpreter does the same. */
    (void)pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE);
    if (re->ascii) {
        (void)pcre2_jit_compile(re->ascii, PCRE2_JIT_COMPLETE);
        re->md_ascii = pcre2_match_data_create_from_pattern(re->ascii, NULL);
        if (!re->md_ascii)
            goto oom;
    }
    re->md = pcre2_match_data_create_from_pattern(re->code, NULL);
    re->mc = pcre2_match_context_create(NULL);
    if (!re->md || !re->mc)
        goto oom;
    pcre2_set_match_limit(re->mc, MATCH_LIMIT);
    pcre2_set_heap_limit(re->mc, HEAP_LIMIT_KIB);
    pcre2_set_depth_limit(re->mc, DEPTH_LIMIT);
    return re;
oom:
    pcre2_compile_context_free(cc);
    regex_free(re);
    snprintf(message, msgsize, "out of memory");
    return NULL;
}

void regex_free(regex *re)
{
    if (!re)
        return;
    pcre2_match_data_free(re->md);
    pcre2_match_data_free(re->md_ascii);
    pcre2_match_context_free(re->mc);
    pcre2_code_free(re->code);
    pcre2_code_free(re->ascii);
    free(re);
}

int regex_next(regex *re, const char *subject, size_t len, bool ascii, size_t from,
               size_t *start, size_t *end)
{
    if (from > len)
        return REGEX_NONE;
    bool fast = ascii && re->ascii;
    pcre2_match_data *md = fast ? re->md_ascii : re->md;
    int rc = pcre2_match(fast ? re->ascii : re->code, (PCRE2_SPTR)subject, len, from, 0,
                         md, re->mc);
    if (rc == PCRE2_ERROR_NOMATCH)
        return REGEX_NONE;
    if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_HEAPLIMIT ||
        rc == PCRE2_ERROR_DEPTHLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT)
        return REGEX_LIMIT;
    if (rc < 0)
        return REGEX_ERROR;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    *start = ov[0];
    *end = ov[1];
    return REGEX_MATCH;
}

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
