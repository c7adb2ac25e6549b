#include <cjson/cJSON.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json/json_syntax.h"
#include "util/util.h"

typedef struct scanner {
    const unsigned char *s;
    size_t len, pos;
    json_error *err;
    int depth;
    int line;            /* line of pos, kept up to date by skip_ws */
    size_t line_from;    /* bytes before this were counted */
    int *lines;          /* line of each value, in document order */
    size_t nlines, lines_cap;
    bool out_of_memory;
} scanner;

/* The line of the value starting at sc->pos, noted in document order. */
static void note_line(scanner *sc)
{
    for (size_t i = sc->line_from; i < sc->pos; i++)
        if (sc->s[i] == '\n')
            sc->line++;
    sc->line_from = sc->pos;
    if (sc->nlines == sc->lines_cap) {
        size_t ncap = sc->lines_cap ? sc->lines_cap * 2 : 256;
        int *n = realloc(sc->lines, ncap * sizeof(int));
        if (!n) {
            sc->out_of_memory = true;
            return;
        }
        sc->lines = n;
        sc->lines_cap = ncap;
    }
    sc->lines[sc->nlines++] = sc->line;
}

static bool fail(scanner *sc, size_t at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static bool fail(scanner *sc, size_t at, const char *fmt, ...)
{
    int line = 1;
    size_t start = 0;
    for (size_t i = 0; i < at && i < sc->len; i++)
        if (sc->s[i] == '\n') {
            line++;
            start = i + 1;
        }
    sc->err->line = line;
    sc->err->column = (int)utf8_count((const char *)sc->s + start, at - start) + 1;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(sc->err->message, sizeof sc->err->message, fmt, ap);
    va_end(ap);
    return false;
}

/* Describe the character at `at` for a message. */
static const char *describe(scanner *sc, size_t at, char *buf, size_t n)
{
    if (at >= sc->len)
        return "the end of the text";
    unsigned char c = sc->s[at];
    if (c >= 0x20 && c < 0x7f)
        snprintf(buf, n, "'%c'", c);
    else if (c < 0x20)
        snprintf(buf, n, "a control character (0x%02X)", c);
    else
        snprintf(buf, n, "a non-ASCII character");
    return buf;
}

static bool unexpected(scanner *sc, const char *expected)
{
    char b[48];
    return fail(sc, sc->pos, "expected %s but found %s", expected,
                describe(sc, sc->pos, b, sizeof b));
}

static void skip_ws(scanner *sc)
{
    while (sc->pos < sc->len) {
        unsigned char c = sc->s[sc->pos];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            break;
        sc->pos++;
    }
}

static int hexval(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* A string; its raw span (between the quotes) in *a..*b. */
static bool scan_string(scanner *sc, size_t *a, size_t *b)
{
    size_t start = sc->pos;
    sc->pos++;  /* opening quote */
    *a = sc->pos;
    while (sc->pos < sc->len) {
        unsigned char c = sc->s[sc->pos];
        if (c == '"') {
            *b = sc->pos;
            sc->pos++;
            return true;
        }
        if (c < 0x20)
            return fail(sc, sc->pos, "%s inside a string (write \\n, \\t, ...)",
                        "a raw control character");
        if (c == '\\') {
            if (sc->pos + 1 >= sc->len)
                break;
            unsigned char e = sc->s[sc->pos + 1];
            if (e == 'u') {
                unsigned v = 0;
                for (int k = 0; k < 4; k++) {
                    int h = sc->pos + 2 + (size_t)k < sc->len
                                ? hexval(sc->s[sc->pos + 2 + (size_t)k]) : -1;
                    if (h < 0)
                        return fail(sc, sc->pos, "%s: \\u needs four hex digits",
                                    "bad escape");
                    v = v * 16 + (unsigned)h;
                }
                if (v == 0)
                    return fail(sc, sc->pos, "%s is not allowed in a string",
                                "the NUL character \\u0000");
                sc->pos += 6;
                continue;
            }
            if (!strchr("\"\\/bfnrt", e) || e == '\0')
                return fail(sc, sc->pos, "%s in a string", "unknown escape");
            sc->pos += 2;
            continue;
        }
        sc->pos++;
    }
    return fail(sc, start, "%s: the closing quote is missing", "unterminated string");
}

static bool scan_number(scanner *sc)
{
    size_t p = sc->pos;
    const unsigned char *s = sc->s;
    if (p < sc->len && s[p] == '-')
        p++;
    if (p >= sc->len || !(s[p] >= '0' && s[p] <= '9')) {
        sc->pos = p;
        return unexpected(sc, "a digit");
    }
    if (s[p] == '0') {
        p++;
        if (p < sc->len && s[p] >= '0' && s[p] <= '9') {
            sc->pos = p;
            return fail(sc, p, "%s: numbers do not start with 0", "bad number");
        }
    } else {
        while (p < sc->len && s[p] >= '0' && s[p] <= '9')
            p++;
    }
    if (p < sc->len && s[p] == '.') {
        p++;
        if (p >= sc->len || !(s[p] >= '0' && s[p] <= '9')) {
            sc->pos = p;
            return unexpected(sc, "a digit after the decimal point");
        }
        while (p < sc->len && s[p] >= '0' && s[p] <= '9')
            p++;
    }
    if (p < sc->len && (s[p] == 'e' || s[p] == 'E')) {
        p++;
        if (p < sc->len && (s[p] == '+' || s[p] == '-'))
            p++;
        if (p >= sc->len || !(s[p] >= '0' && s[p] <= '9')) {
            sc->pos = p;
            return unexpected(sc, "a digit in the exponent");
        }
        while (p < sc->len && s[p] >= '0' && s[p] <= '9')
            p++;
    }
    sc->pos = p;
    return true;
}

static bool scan_literal(scanner *sc, const char *word)
{
    size_t n = strlen(word);
    if (sc->len - sc->pos >= n && memcmp(sc->s + sc->pos, word, n) == 0) {
        sc->pos += n;
        return true;
    }
    return unexpected(sc, "a value");
}

/* Two raw string spans equal once escapes are decoded? Raw comparison is
 * enough for keys written plainly; keys with escapes are compared decoded. */
static size_t decode_key(const unsigned char *s, size_t a, size_t b, char *out, size_t cap)
{
    size_t k = 0;
    for (size_t i = a; i < b && k + 4 < cap; i++) {
        if (s[i] == '\\' && i + 1 < b) {
            unsigned char e = s[++i];
            if (e == 'u' && i + 4 < b) {
                unsigned v = 0;
                for (int j = 1; j <= 4; j++)
                    v = v * 16 + (unsigned)hexval(s[i + (size_t)j]);
                i += 4;
                out[k++] = (char)(v & 0xFF);  /* identity only, not text */
                out[k++] = (char)(v >> 8);
            } else {
                out[k++] = (char)(e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r'
                                : e == 'b' ? '\b' : e == 'f' ? '\f' : e);
            }
        } else {
            out[k++] = (char)s[i];
        }
    }
    return k;
}

static bool scan_value(scanner *sc);

static bool scan_object(scanner *sc)
{
    size_t open = sc->pos;
    sc->pos++;
    skip_ws(sc);
    if (sc->pos < sc->len && sc->s[sc->pos] == '}') {
        sc->pos++;
        return true;
    }
    /* Keys seen, for duplicate detection: spans into the text. */
    size_t nkeys = 0, cap = 0;
    size_t (*keys)[2] = NULL;
    bool ok = false;
    for (;;) {
        skip_ws(sc);
        if (sc->pos >= sc->len || sc->s[sc->pos] != '"') {
            unexpected(sc, "a key in double quotes");
            break;
        }
        size_t key_at = sc->pos, a, b;
        if (!scan_string(sc, &a, &b))
            break;
        char k1[256], k2[256];
        size_t l1 = decode_key(sc->s, a, b, k1, sizeof k1);
        bool dup = false;
        for (size_t i = 0; i < nkeys && !dup; i++) {
            size_t l2 = decode_key(sc->s, keys[i][0], keys[i][1], k2, sizeof k2);
            dup = l1 == l2 && memcmp(k1, k2, l1) == 0 && (b - a) < 250;
        }
        if (dup) {
            char what[300];
            snprintf(what, sizeof what, "'%.*s'", (int)(b - a), (const char *)sc->s + a);
            fail(sc, key_at, "duplicate key %s in an object", what);
            break;
        }
        if (nkeys >= JSON_MAX_KEYS) {
            fail(sc, key_at, "%s", "an object has more than 1000 keys");
            break;
        }
        if (nkeys == cap) {
            cap = cap ? cap * 2 : 16;
            size_t (*n)[2] = realloc(keys, cap * sizeof *keys);
            if (!n) {
                fail(sc, key_at, "%s", "out of memory");
                break;
            }
            keys = n;
        }
        keys[nkeys][0] = a;
        keys[nkeys][1] = b;
        nkeys++;
        skip_ws(sc);
        if (sc->pos >= sc->len || sc->s[sc->pos] != ':') {
            unexpected(sc, "':' after the key");
            break;
        }
        sc->pos++;
        if (!scan_value(sc))
            break;
        skip_ws(sc);
        if (sc->pos < sc->len && sc->s[sc->pos] == ',') {
            sc->pos++;
            continue;
        }
        if (sc->pos < sc->len && sc->s[sc->pos] == '}') {
            sc->pos++;
            ok = true;
            break;
        }
        if (sc->pos >= sc->len)
            fail(sc, open, "%s: the closing '}' is missing", "unterminated object");
        else
            unexpected(sc, "',' or '}'");
        break;
    }
    free(keys);
    return ok;
}

static bool scan_array(scanner *sc)
{
    size_t open = sc->pos;
    sc->pos++;
    skip_ws(sc);
    if (sc->pos < sc->len && sc->s[sc->pos] == ']') {
        sc->pos++;
        return true;
    }
    for (;;) {
        if (!scan_value(sc))
            return false;
        skip_ws(sc);
        if (sc->pos < sc->len && sc->s[sc->pos] == ',') {
            sc->pos++;
            continue;
        }
        if (sc->pos < sc->len && sc->s[sc->pos] == ']') {
            sc->pos++;
            return true;
        }
        if (sc->pos >= sc->len)
            return fail(sc, open, "%s: the closing ']' is missing", "unterminated array");
        return unexpected(sc, "',' or ']'");
    }
}

static bool scan_value(scanner *sc)
{
    skip_ws(sc);
    if (sc->pos >= sc->len)
        return unexpected(sc, "a value");
    note_line(sc);
    unsigned char c = sc->s[sc->pos];
    if (c == '{' || c == '[') {
        if (++sc->depth > JSON_MAX_DEPTH)
            return fail(sc, sc->pos, "%s", "nested more than 64 levels deep");
        bool ok = c == '{' ? scan_object(sc) : scan_array(sc);
        sc->depth--;
        return ok;
    }
    if (c == '"') {
        size_t a, b;
        return scan_string(sc, &a, &b);
    }
    if (c == '-' || (c >= '0' && c <= '9'))
        return scan_number(sc);
    if (c == 't')
        return scan_literal(sc, "true");
    if (c == 'f')
        return scan_literal(sc, "false");
    if (c == 'n')
        return scan_literal(sc, "null");
    return unexpected(sc, "a value");
}

static bool check(scanner *sc)
{
    size_t bad = utf8_invalid_at((const char *)sc->s, sc->len);
    if (bad < sc->len)
        return fail(sc, bad, "%s", "the text is not valid UTF-8");
    if (!scan_value(sc))
        return false;
    skip_ws(sc);
    if (sc->pos < sc->len)
        return unexpected(sc, "the end of the text after the JSON value");
    if (sc->out_of_memory)
        return fail(sc, 0, "%s", "out of memory");
    return true;
}

bool json_check_syntax(const char *text, size_t len, json_error *err)
{
    scanner sc = { (const unsigned char *)text, len, 0, err, 0, 1, 0, NULL, 0, 0, false };
    bool ok = check(&sc);
    free(sc.lines);
    return ok;
}

/* Give every node of the tree its line, in the same document order the
 * scanner met the values. */
static void assign_lines(cJSON *node, const int *lines, size_t n, size_t *next)
{
    for (; node; node = node->next) {
        node->valueint = *next < n ? lines[*next] : 0;
        (*next)++;
        if (node->child)
            assign_lines(node->child, lines, n, next);
    }
}

cJSON *json_parse(const char *text, size_t len, json_error *err)
{
    scanner sc = { (const unsigned char *)text, len, 0, err, 0, 1, 0, NULL, 0, 0, false };
    if (!check(&sc)) {
        free(sc.lines);
        return NULL;
    }
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(text, len, &end, 0);
    if (!root) {
        free(sc.lines);
        err->line = 1;
        err->column = 1;
        snprintf(err->message, sizeof err->message,
                 "the text could not be read (out of memory or an invalid "
                 "\\u escape)");
        return NULL;
    }
    size_t next = 0;
    assign_lines(root, sc.lines, sc.nlines, &next);
    free(sc.lines);
    return root;
}

int json_line(const cJSON *node)
{
    return node ? node->valueint : 0;
}
