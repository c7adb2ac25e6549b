/*
 * The text pipeline: UTF-8 text split into sentences and word tokens, each
 * word lowercased and stemmed (Snowball English) to a stem id of a fixed
 * vocabulary. The vocabulary is the library's (behaviours, terms, cue
 * words): words whose stems are not in it cannot match anything and get
 * STEM_NONE, so memory does not grow with the answers read.
 */
#ifndef RB_TEXT_ANALYZE_H
#define RB_TEXT_ANALYZE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define STEM_NONE 0u

enum token_flags {
    TOKEN_NUMBER = 1,     /* digits, e.g. 30 or 2024 or 4.5 */
    TOKEN_CAPITAL = 2,    /* starts with a capital letter */
    TOKEN_SENT_START = 4, /* first token of its sentence */
};

typedef struct text_token {
    uint32_t start, end;  /* byte span in the text */
    uint32_t stem;        /* vocabulary id or STEM_NONE */
    uint32_t flags;
} text_token;

typedef struct text_sentence {
    uint32_t start, end;          /* byte span, trimmed */
    uint32_t first_token, ntokens;
} text_sentence;

typedef struct text_analysis {
    text_token *tokens;
    size_t ntokens, tokens_cap;
    text_sentence *sentences;
    size_t nsentences, sentences_cap;
} text_analysis;

typedef struct analyzer analyzer;

/* NULL when out of memory or the English stemmer is missing. */
analyzer *analyzer_new(void);
void analyzer_free(analyzer *a);

/* Add a word's stem to the vocabulary (while building); returns its id. */
uint32_t analyzer_intern(analyzer *a, const char *word, size_t len);
/* The id of a word's stem if the vocabulary has it, else STEM_NONE. */
uint32_t analyzer_lookup(analyzer *a, const char *word, size_t len);
/* The stem text of an id (for explanations). */
const char *analyzer_stem_text(const analyzer *a, uint32_t id);
size_t analyzer_vocabulary_size(const analyzer *a);

/* Split and stem `text` (valid UTF-8) into `out`, reusing its storage.
 * When `intern` is true, unknown stems are added to the vocabulary. */
bool analyze_text(analyzer *a, const char *text, size_t len, bool intern,
                  text_analysis *out);
void analysis_release(text_analysis *t);

#endif
