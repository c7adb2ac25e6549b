#include <cjson/cJSON.h>
#include <stdarg.h>
#include <stdint.h>
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

static bool too_many_values(scanner *sc)
{
    return sc->nlines > JSON_MAX_VALUES;
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
                if (v >= 0xDC00 && v <= 0xDFFF)
                    return fail(sc, sc->pos, "%s", "a \\u escape is half of a surrogate "
                                "pair; the other half is missing");
                if (v >= 0xD800 && v <= 0xDBFF) {
                    /* A high surrogate must pair with a low one. */
                    size_t p2 = sc->pos + 6;
                    unsigned lo = 0;
                    bool pair = p2 + 6 <= sc->len && sc->s[p2] == '\\' && sc->s[p2 + 1] == 'u';
                    for (size_t k = 0; pair && k < 4; k++) {
                        int hv = hexval(sc->s[p2 + 2 + k]);
                        pair = hv >= 0;
                        lo = lo * 16 + (unsigned)(hv >= 0 ? hv : 0);
                    }
                    if (!pair || lo < 0xDC00 || lo > 0xDFFF)
                        return fail(sc, sc->pos, "%s", "a \\u escape is half of a "
                                    "surrogate pair; the other half is missing");
                    sc->pos += 12;
                    continue;
                }
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

/* A key in canonical form (escapes decoded to UTF-8) so that "a" and
 * "\u0061" are seen as the same key. Returns the length, or SIZE_MAX when
 * it does not fit in `cap`. */
static size_t decode_key(const unsigned char *s, size_t a, size_t b, char *out, size_t cap)
{
    size_t k = 0;
    for (size_t i = a; i < b; i++) {
        if (k + 4 >= cap)
            return SIZE_MAX;
        if (s[i] != '\\' || i + 1 >= b) {
            out[k++] = (char)s[i];
            continue;
        }
        unsigned char e = s[++i];
        if (e != 'u') {
            out[k++] = (char)(e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r'
                            : e == 'b' ? '\b' : e == 'f' ? '\f' : e);
            continue;
        }
        unsigned v = 0;
        for (size_t j = 1; j <= 4 && i + j < b; j++)
            v = v * 16 + (unsigned)hexval(s[i + j]);
        i += 4;
        /* The scanner has checked that a high surrogate has its pair. */
        if (v >= 0xD800 && v <= 0xDBFF && i + 6 < b && s[i + 1] == '\\' && s[i + 2] == 'u') {
            unsigned lo = 0;
            for (size_t j = 3; j <= 6; j++)
                lo = lo * 16 + (unsigned)hexval(s[i + j]);
            v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00);
            i += 6;
        }
        if (v < 0x80) {
            out[k++] = (char)v;
        } else if (v < 0x800) {
            out[k++] = (char)(0xC0 | (v >> 6));
            out[k++] = (char)(0x80 | (v & 0x3F));
        } else if (v < 0x10000) {
            out[k++] = (char)(0xE0 | (v >> 12));
            out[k++] = (char)(0x80 | ((v >> 6) & 0x3F));
            out[k++] = (char)(0x80 | (v & 0x3F));
        } else {
            out[k++] = (char)(0xF0 | (v >> 18));
            out[k++] = (char)(0x80 | ((v >> 12) & 0x3F));
            out[k++] = (char)(0x80 | ((v >> 6) & 0x3F));
            out[k++] = (char)(0x80 | (v & 0x3F));
        }
    }
    return k;
}

/* The keys of one object, for finding duplicates in linear time. */
typedef struct keyset {
    char *bytes;         /* canonical keys, one after another */
    size_t used, cap;
    size_t *offs, *lens;
    uint32_t *hashes;
    size_t n, ncap;
    uint32_t *slots;     /* open addressing: index + 1, 0 = empty */
    size_t nslots;
} keyset;

static uint32_t key_hash(const char *k, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)k[i]) * 16777619u;
    return h;
}

static void keyset_free(keyset *ks)
{
    free(ks->bytes);
    free(ks->offs);
    free(ks->lens);
    free(ks->hashes);
    free(ks->slots);
}

#define KEYSET_SMALL 16  /* below this many keys a scan beats a table */

static size_t keyset_slot(const keyset *ks, uint32_t h, const char *k, size_t n,
                          bool *found)
{
    size_t j = h % ks->nslots;
    *found = false;
    while (ks->slots[j]) {
        size_t i = ks->slots[j] - 1;
        if (ks->hashes[i] == h && ks->lens[i] == n &&
            memcmp(ks->bytes + ks->offs[i], k, n) == 0) {
            *found = true;
            break;
        }
        j = (j + 1) % ks->nslots;
    }
    return j;
}

/* Add a key: 1 added, 0 duplicate, -1 out of memory. */
static int keyset_add(keyset *ks, const char *k, size_t n)
{
    uint32_t h = key_hash(k, n);
    size_t j = 0;
    bool found = false;
    if (ks->n < KEYSET_SMALL) {
        for (size_t i = 0; i < ks->n; i++)
            if (ks->hashes[i] == h && ks->lens[i] == n &&
                memcmp(ks->bytes + ks->offs[i], k, n) == 0)
                return 0;
    } else {
        if (!ks->slots) {
            /* Enough keys to be worth a table: index the ones so far. */
            ks->nslots = 2 * JSON_MAX_KEYS + 47;
            ks->slots = calloc(ks->nslots, sizeof *ks->slots);
            if (!ks->slots)
                return -1;
            for (size_t i = 0; i < ks->n; i++) {
                size_t s = keyset_slot(ks, ks->hashes[i], ks->bytes + ks->offs[i],
                                       ks->lens[i], &found);
                ks->slots[s] = (uint32_t)(i + 1);
            }
        }
        j = keyset_slot(ks, h, k, n, &found);
        if (found)
            return 0;
    }
    if (ks->n == ks->ncap) {
        size_t nc = ks->ncap ? ks->ncap * 2 : 16;
        size_t *o = realloc(ks->offs, nc * sizeof *o);
        if (!o)
            return -1;
        ks->offs = o;
        size_t *l = realloc(ks->lens, nc * sizeof *l);
        if (!l)
            return -1;
        ks->lens = l;
        uint32_t *hs = realloc(ks->hashes, nc * sizeof *hs);
        if (!hs)
            return -1;
        ks->hashes = hs;
        ks->ncap = nc;
    }
    if (ks->used + n + 1 > ks->cap) {
        size_t nc = (ks->cap + n + 1) * 2;
        char *b = realloc(ks->bytes, nc);
        if (!b)
            return -1;
        ks->bytes = b;
        ks->cap = nc;
    }
    if (n)
        memcpy(ks->bytes + ks->used, k, n);
    ks->offs[ks->n] = ks->used;
    ks->lens[ks->n] = n;
    ks->hashes[ks->n] = h;
    ks->used += n;
    if (ks->slots)
        ks->slots[j] = (uint32_t)(ks->n + 1);
    ks->n++;
    return 1;
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
    keyset ks = { 0 };
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
        char key[JSON_MAX_KEY_BYTES + 8];
        size_t klen = decode_key(sc->s, a, b, key, sizeof key);
        if (klen == SIZE_MAX) {
            fail(sc, key_at, "a key is longer than %d bytes", JSON_MAX_KEY_BYTES);
            break;
        }
        if (ks.n >= JSON_MAX_KEYS) {
            fail(sc, key_at, "%s", "an object has more than 1000 keys");
            break;
        }
        int added = keyset_add(&ks, key, klen);
        if (added < 0) {
            fail(sc, key_at, "%s", "out of memory");
            break;
        }
        if (added == 0) {
            fail(sc, key_at, "duplicate key '%.*s' in an object", (int)(b - a),
                 (const char *)sc->s + a);
            break;
        }
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
    keyset_free(&ks);
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
    if (too_many_values(sc))
        return fail(sc, sc->pos, "the document has more than %d values", JSON_MAX_VALUES);
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
        return fail(sc, bad, "the text is not valid UTF-8 (byte 0x%02X); save it as "
                    "UTF-8", sc->s[bad]);
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
