/*
 * Sentences, tokens and stems. See analyze.h.
 */
#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>

#include "text/analyze.h"

#define MAX_WORD 64
#define CACHE_LIMIT ((size_t)1 << 18)  /* words remembered before a reset */

/* Open-addressing map from a byte string to a uint32. */
typedef struct strmap {
    char **keys;
    uint32_t *lens;
    uint32_t *values;
    uint32_t *hashes;
    size_t cap, len;
} strmap;

struct analyzer {
    struct sb_stemmer *stemmer;
    strmap stems;   /* stem text -> id (the vocabulary) */
    char **stem_text;
    size_t nstems, stem_cap;
    strmap cache;   /* lowercased word -> id or STEM_NONE */
    bool cache_has_unknown;  /* some cached word maps to STEM_NONE */
};

static uint64_t hash_bytes(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;  /* FNV-1a */
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h;
}

static void strmap_clear(strmap *m)
{
    for (size_t i = 0; i < m->cap; i++)
        free(m->keys[i]);
    free(m->keys);
    free(m->lens);
    free(m->values);
    free(m->hashes);
    memset(m, 0, sizeof *m);
}

static bool strmap_grow(strmap *m)
{
    size_t ncap = m->cap ? m->cap * 2 : 1024;
    strmap n = { calloc(ncap, sizeof(char *)), calloc(ncap, sizeof(uint32_t)),
                 calloc(ncap, sizeof(uint32_t)), calloc(ncap, sizeof(uint32_t)), ncap, 0 };
    if (!n.keys || !n.lens || !n.values || !n.hashes) {
        free(n.keys);
        free(n.lens);
        free(n.values);
        free(n.hashes);
        return false;
    }
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->keys[i])
            continue;
        size_t j = m->hashes[i] & (ncap - 1);
        while (n.keys[j])
            j = (j + 1) & (ncap - 1);
        n.keys[j] = m->keys[i];
        n.lens[j] = m->lens[i];
        n.values[j] = m->values[i];
        n.hashes[j] = m->hashes[i];
        n.len++;
    }
    free(m->keys);
    free(m->lens);
    free(m->values);
    free(m->hashes);
    *m = n;
    return true;
}

/* Slot of key (with hash h), or of the empty place where it would go. */
static size_t strmap_slot_h(const strmap *m, const char *k, size_t n, uint32_t h)
{
    size_t j = h & (m->cap - 1);
    while (m->keys[j] && !(m->hashes[j] == h && m->lens[j] == n &&
                           memcmp(m->keys[j], k, n) == 0))
        j = (j + 1) & (m->cap - 1);
    return j;
}

static size_t strmap_slot(const strmap *m, const char *k, size_t n)
{
    return strmap_slot_h(m, k, n, (uint32_t)hash_bytes(k, n));
}

static bool strmap_get_h(const strmap *m, const char *k, size_t n, uint32_t h,
                         uint32_t *v)
{
    if (!m->cap)
        return false;
    size_t j = strmap_slot_h(m, k, n, h);
    if (!m->keys[j])
        return false;
    *v = m->values[j];
    return true;
}

static bool strmap_get(const strmap *m, const char *k, size_t n, uint32_t *v)
{
    return strmap_get_h(m, k, n, (uint32_t)hash_bytes(k, n), v);
}

static bool strmap_put(strmap *m, const char *k, size_t n, uint32_t v)
{
    if ((m->len + 1) * 2 > m->cap && !strmap_grow(m))
        return false;
    uint32_t h = (uint32_t)hash_bytes(k, n);
    size_t j = strmap_slot_h(m, k, n, h);
    if (!m->keys[j]) {
        char *copy = malloc(n + 1);
        if (!copy)
            return false;
        memcpy(copy, k, n);
        copy[n] = '\0';
        m->keys[j] = copy;
        m->lens[j] = (uint32_t)n;
        m->hashes[j] = h;
        m->len++;
    }
    m->values[j] = v;
    return true;
}

analyzer *analyzer_new(void)
{
    analyzer *a = calloc(1, sizeof *a);
    if (!a)
        return NULL;
    a->stemmer = sb_stemmer_new("english", NULL);
    if (!a->stemmer) {
        free(a);
        return NULL;
    }
    return a;
}

void analyzer_free(analyzer *a)
{
    if (!a)
        return;
    sb_stemmer_delete(a->stemmer);
    strmap_clear(&a->stems);
    strmap_clear(&a->cache);
    free(a->stem_text);
    free(a);
}

/* Lowercase a word for stemming: ASCII letters, and the curly apostrophe
 * folded to a straight one. Returns the new length (0 if too long). */
static size_t fold_word(const char *w, size_t n, char *out)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)w[i];
        if (c == 0xE2 && i + 2 < n && (unsigned char)w[i + 1] == 0x80 &&
            ((unsigned char)w[i + 2] == 0x99 || (unsigned char)w[i + 2] == 0x98)) {
            c = '\'';
            i += 2;
        }
        if (k >= MAX_WORD)
            return 0;
        out[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    /* "manager's" -> "manager" */
    if (k > 2 && out[k - 2] == '\'' && out[k - 1] == 's')
        k -= 2;
    /* British and American spellings meet: organize/organise,
     * prioritization/prioritisation stem alike. */
    for (size_t i = 0; i + 1 < k; i++)
        if (out[i] == 'i' && out[i + 1] == 'z')
            out[i + 1] = 's';
    while (k > 0 && out[k - 1] == '\'')
        k--;
    return k;
}

static uint32_t stem_word(analyzer *a, const char *folded, size_t n, bool intern)
{
    const sb_symbol *s = sb_stemmer_stem(a->stemmer, (const sb_symbol *)folded, (int)n);
    if (!s)
        return STEM_NONE;
    size_t sl = (size_t)sb_stemmer_length(a->stemmer);
    uint32_t id;
    if (strmap_get(&a->stems, (const char *)s, sl, &id))
        return id;
    if (!intern)
        return STEM_NONE;
    if (a->nstems + 1 >= a->stem_cap) {
        size_t ncap = a->stem_cap ? a->stem_cap * 2 : 1024;
        char **n2 = realloc(a->stem_text, ncap * sizeof(char *));
        if (!n2)
            return STEM_NONE;
        a->stem_text = n2;
        a->stem_cap = ncap;
        if (a->nstems == 0)
            a->stem_text[a->nstems++] = NULL;  /* id 0 is STEM_NONE */
    }
    id = (uint32_t)a->nstems;
    if (!strmap_put(&a->stems, (const char *)s, sl, id))
        return STEM_NONE;
    /* Words looked up earlier as unknown may have this stem: forget them. */
    if (a->cache_has_unknown) {
        strmap_clear(&a->cache);
        a->cache_has_unknown = false;
    }
    size_t slot = strmap_slot(&a->stems, (const char *)s, sl);
    a->stem_text[a->nstems++] = a->stems.keys[slot];
    return id;
}

static uint32_t word_id(analyzer *a, const char *w, size_t n, bool intern)
{
    char folded[MAX_WORD];
    size_t k = fold_word(w, n, folded);
    if (k == 0)
        return STEM_NONE;
    uint32_t id;
    /* A word looked up before its stem was added must not stay unknown. */
    if (strmap_get_h(&a->cache, folded, k, (uint32_t)hash_bytes(folded, k), &id) &&
        (id != STEM_NONE || !intern))
        return id;
    id = stem_word(a, folded, k, intern);
    if (a->cache.len >= CACHE_LIMIT) {
        strmap_clear(&a->cache);
        a->cache_has_unknown = false;
    }
    if (strmap_put(&a->cache, folded, k, id) && id == STEM_NONE)
        a->cache_has_unknown = true;
    return id;
}

uint32_t analyzer_intern(analyzer *a, const char *word, size_t len)
{
    return word_id(a, word, len, true);
}

uint32_t analyzer_lookup(analyzer *a, const char *word, size_t len)
{
    return word_id(a, word, len, false);
}

const char *analyzer_stem_text(const analyzer *a, uint32_t id)
{
    return id && id < a->nstems ? a->stem_text[id] : "";
}

size_t analyzer_vocabulary_size(const analyzer *a)
{
    return a->nstems ? a->nstems - 1 : 0;
}

/* ---- splitting ------------------------------------------------------------ */

static bool is_word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c >= 0x80;
}

/* Length of a UTF-8 punctuation sequence we treat as a space: curly quotes,
 * dashes, ellipsis, non-breaking space. */
static size_t unicode_space(const unsigned char *s, size_t n)
{
    if (n >= 2 && s[0] == 0xC2 && s[1] == 0xA0)
        return 2;
    if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80 &&
        (s[2] == 0x9C || s[2] == 0x9D || s[2] == 0x93 || s[2] == 0x94 || s[2] == 0xA6 ||
         s[2] == 0x98))
        return 3;
    return 0;
}

static bool is_apostrophe(const unsigned char *s, size_t n, size_t *len)
{
    if (n >= 1 && s[0] == '\'') {
        *len = 1;
        return true;
    }
    if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80 && s[2] == 0x99) {
        *len = 3;
        return true;
    }
    return false;
}

static const char *const abbreviations[] = {
    "e.g", "i.e", "etc", "mr", "mrs", "ms", "dr", "vs", "approx", "inc",
    "ltd", "st", "jr", "sr", "prof", "dept", "fig", "cf", NULL,
};

static bool abbreviation_before(const char *text, size_t len, size_t dot)
{
    size_t s = dot;
    while (s > 0 && (is_word_byte((unsigned char)text[s - 1]) || text[s - 1] == '.'))
        s--;
    size_t n = dot - s;
    if (n == 0 || n > 8)
        return false;
    char w[9];
    for (size_t i = 0; i < n; i++) {
        char c = text[s + i];
        w[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    w[n] = '\0';
    for (const char *const *a = abbreviations; *a; a++)
        if (strcmp(w, *a) == 0)
            return true;
    /* "No. 4" is a number; "I said no." ends a sentence. */
    if (strcmp(w, "no") == 0) {
        size_t k = dot + 1;
        while (k < len && text[k] == ' ')
            k++;
        return k < len && text[k] >= '0' && text[k] <= '9';
    }
    /* single capital initial, as in "J. Smith" */
    return n == 1 && text[s] >= 'A' && text[s] <= 'Z';
}

/* "2." at the start of a line numbers a list item; it ends nothing. */
static bool list_number_before(const char *text, size_t dot)
{
    size_t k = dot;
    while (k > 0 && text[k - 1] >= '0' && text[k - 1] <= '9')
        k--;
    if (k == dot)
        return false;
    while (k > 0 && (text[k - 1] == ' ' || text[k - 1] == '\t'))
        k--;
    return k == 0 || text[k - 1] == '\n';
}

static bool push_token(text_analysis *t, text_token tok)
{
    if (t->ntokens == t->tokens_cap) {
        size_t ncap = t->tokens_cap ? t->tokens_cap * 2 : 256;
        text_token *n = realloc(t->tokens, ncap * sizeof *n);
        if (!n)
            return false;
        t->tokens = n;
        t->tokens_cap = ncap;
    }
    t->tokens[t->ntokens++] = tok;
    return true;
}

static bool push_sentence(text_analysis *t, const char *text, size_t start, size_t end,
                          size_t first_token)
{
    while (start < end && (text[start] == ' ' || text[start] == '\n' ||
                           text[start] == '\t' || text[start] == '\r'))
        start++;
    while (end > start && (text[end - 1] == ' ' || text[end - 1] == '\n' ||
                           text[end - 1] == '\t' || text[end - 1] == '\r'))
        end--;
    if (start == end || t->ntokens == first_token)
        return true;
    if (t->nsentences == t->sentences_cap) {
        size_t ncap = t->sentences_cap ? t->sentences_cap * 2 : 32;
        text_sentence *n = realloc(t->sentences, ncap * sizeof *n);
        if (!n)
            return false;
        t->sentences = n;
        t->sentences_cap = ncap;
    }
    t->sentences[t->nsentences++] = (text_sentence){
        (uint32_t)start, (uint32_t)end, (uint32_t)first_token,
        (uint32_t)(t->ntokens - first_token) };
    t->tokens[first_token].flags |= TOKEN_SENT_START;
    return true;
}

bool analyze_text(analyzer *a, const char *text, size_t len, bool intern,
                  text_analysis *out)
{
    out->ntokens = 0;
    out->nsentences = 0;
    if (len > UINT32_MAX)
        return false;
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0, sent_start = 0, sent_first = 0;
    while (i < len) {
        unsigned char c = s[i];
        size_t sp = c >= 0xC2 ? unicode_space(s + i, len - i) : 0;
        if (sp) {
            i += sp;
            continue;
        }
        if (is_word_byte(c)) {
            size_t start = i;
            bool digits = true;
            while (i < len) {
                size_t al;
                if (s[i] >= 0xC2 && unicode_space(s + i, len - i))
                    break;
                if (is_word_byte(s[i])) {
                    if (!(s[i] >= '0' && s[i] <= '9'))
                        digits = false;
                    i++;
                } else if (is_apostrophe(s + i, len - i, &al) && i + al < len &&
                           is_word_byte(s[i + al]) && !(s[i + al] >= '0' && s[i + al] <= '9')) {
                    i += al;  /* don't, manager's */
                } else if ((s[i] == '.' || s[i] == ',') && digits && i + 1 < len &&
                           s[i + 1] >= '0' && s[i + 1] <= '9') {
                    i++;      /* 4.5, 1,200 */
                } else if (s[i] == '-' && i + 1 < len && is_word_byte(s[i + 1]) &&
                           !digits) {
                    break;    /* hyphenated words are two tokens */
                } else {
                    break;
                }
            }
            text_token tok = { (uint32_t)start, (uint32_t)i, STEM_NONE, 0 };
            if (digits)
                tok.flags |= TOKEN_NUMBER;
            else
                tok.stem = word_id(a, text + start, i - start, intern);
            if (c >= 'A' && c <= 'Z')
                tok.flags |= TOKEN_CAPITAL;
            if (!push_token(out, tok))
                return false;
            continue;
        }
        bool end_here = false;
        size_t next = i + 1;
        if (c == '.' || c == '!' || c == '?' || c == ';') {
            while (next < len && (s[next] == '.' || s[next] == '!' || s[next] == '?' ||
                                  s[next] == '"' || s[next] == '\'' || s[next] == ')'))
                next++;
            if (next < len && s[next] == 0xE2 && next + 2 < len && s[next + 1] == 0x80 &&
                (s[next + 2] == 0x9D || s[next + 2] == 0x99))
                next += 3;
            bool space_after = next >= len || s[next] == ' ' || s[next] == '\n' ||
                               s[next] == '\t' || s[next] == '\r';
            end_here = space_after && c != ';' &&
                       !(c == '.' && abbreviation_before(text, len, i)) &&
                       !(c == '.' && list_number_before(text, i));
        } else if (c == '\n') {
            /* A blank line, or a line break before a list item, ends a sentence. */
            size_t k = i + 1;
            while (k < len && (s[k] == ' ' || s[k] == '\t' || s[k] == '\r'))
                k++;
            end_here = k < len && (s[k] == '\n' || s[k] == '-' || s[k] == '*');
            /* A numbered list item: "2." or "2)" at the start of a line. */
            size_t d = k;
            while (d < len && s[d] >= '0' && s[d] <= '9')
                d++;
            if (d > k && d < len && (s[d] == '.' || s[d] == ')'))
                end_here = true;
        }
        if (end_here) {
            if (!push_sentence(out, text, sent_start, next, sent_first))
                return false;
            sent_start = next;
            sent_first = out->ntokens;
            i = next;
            continue;
        }
        i++;
    }
    return push_sentence(out, text, sent_start, len, sent_first);
}

void analysis_release(text_analysis *t)
{
    free(t->tokens);
    free(t->sentences);
    memset(t, 0, sizeof *t);
}
