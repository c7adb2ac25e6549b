/*
 * Unit tests for engine/text/analyze: sentence splitting (with exact byte
 * spans), word tokens and their flags, apostrophes, hyphens, curly quotes
 * and dashes, British and American spellings, the fixed vocabulary and the
 * bounded word cache.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "text/analyze.h"

/* ---- helpers -------------------------------------------------------------- */

#define S(lit) (lit), (sizeof(lit) - 1)

/* The analysis of `text` (not interning). */
static bool run(analyzer *a, const char *text, text_analysis *t)
{
    return analyze_text(a, text, strlen(text), false, t);
}

/* Sentence i of t as a string (static ring of buffers). */
static const char *sent(const char *text, const text_analysis *t, size_t i)
{
    static char ring[4][512];
    static unsigned next;
    char *b = ring[next++ % 4];
    if (i >= t->nsentences)
        return "<none>";
    const text_sentence *s = &t->sentences[i];
    snprintf(b, 512, "%.*s", (int)(s->end - s->start), text + s->start);
    return b;
}

/* Token i of t as a string. */
static const char *tok(const char *text, const text_analysis *t, size_t i)
{
    static char ring[4][128];
    static unsigned next;
    char *b = ring[next++ % 4];
    if (i >= t->ntokens)
        return "<none>";
    const text_token *k = &t->tokens[i];
    snprintf(b, 128, "%.*s", (int)(k->end - k->start), text + k->start);
    return b;
}

static uint32_t intern(analyzer *a, const char *w)
{
    return analyzer_intern(a, w, strlen(w));
}

static uint32_t lookup(analyzer *a, const char *w)
{
    return analyzer_lookup(a, w, strlen(w));
}

/* Check that sentence i spans exactly [start, end) and reads `want`. */
#define CHECK_SENT(text, t, i, s, e, want)                                     \
    do {                                                                       \
        CHECK_EQ_STR(sent((text), (t), (i)), (want));                          \
        if ((i) < (t)->nsentences) {                                           \
            CHECK_EQ_INT((t)->sentences[i].start, (s));                        \
            CHECK_EQ_INT((t)->sentences[i].end, (e));                          \
        }                                                                      \
    } while (0)

/* ---- sentences ------------------------------------------------------------- */

TEST(sentences_split_on_full_stop_exclamation_and_question)
{
    analyzer *a = analyzer_new();
    REQUIRE(a);
    text_analysis t = { 0 };
    const char *text = "I led the team. It worked! Did it help? Yes.";
    REQUIRE(run(a, text, &t));
    CHECK_EQ_INT(t.nsentences, 4);
    CHECK_SENT(text, &t, 0, 0, 15, "I led the team.");
    CHECK_SENT(text, &t, 1, 16, 26, "It worked!");
    CHECK_SENT(text, &t, 2, 27, 39, "Did it help?");
    CHECK_SENT(text, &t, 3, 40, 44, "Yes.");
    /* Tokens of each sentence: first_token and ntokens line up. */
    CHECK_EQ_INT(t.sentences[0].first_token, 0);
    CHECK_EQ_INT(t.sentences[0].ntokens, 4);
    CHECK_EQ_INT(t.sentences[1].first_token, 4);
    CHECK_EQ_INT(t.sentences[1].ntokens, 2);
    CHECK_EQ_INT(t.sentences[2].first_token, 6);
    CHECK_EQ_INT(t.sentences[2].ntokens, 3);
    CHECK_EQ_INT(t.sentences[3].first_token, 9);
    CHECK_EQ_INT(t.sentences[3].ntokens, 1);
    CHECK_EQ_INT(t.ntokens, 10);
    analysis_release(&t);
    analyzer_free(a);
}

TEST(sentences_no_split_without_space_after)
{
    analyzer *a = analyzer_new();
    REQUIRE(a);
    text_analysis t = { 0 };
    const char *text = "See example.com for more.Then stop";
    REQUIRE(run(a, text, &t));
    CHECK_EQ_INT(t.nsentences, 1);
    CHECK_SENT(text, &t, 0, 0, 34, text);
    analysis_release(&t);
    analyzer_free(a);
}

TEST(sentences_trimmed_and_trailing_punctuation_kept)
{
    analyzer *a = analyzer_new();
    REQUIRE(a);
    text_analysis t = { 0 };
    /* Leading/trailing white space trimmed; runs of ?! and a closing quote
     * or parenthesis stay with their sentence; a final sentence without a
     * full stop counts too. */
    const char *text = "  \tReally?! (He said \"go.\") Then we went\n";
    REQUIRE(run(a, text, &t));
    CHECK_EQ_INT(t.nsentences, 3);
    CHECK_SENT(text, &t, 0, 3, 11, "Really?!");
    CHECK_SENT(text, &t, 1, 12, 27, "(He said \"go.\")");
    CHECK_SENT(text, &t, 2, 28, 40, "Then we went");
    analysis_release(&t);
    analyzer_free(a);
}

TEST(sentences_abbreviations_do_not_split)
{
    analyzer *a = analyzer_new();
    REQUIRE(a);
    text_analysis t = { 0 };
    const char *text =
        "We used tools, e.g. Jira and Trello. Dr. Patel and Mr. Jones agreed. "
        "Mrs. Ng, Prof. Kay etc. were there i.e. everyone. Done.";
    REQUIRE(run(a, text, &t));
    CHECK_EQ_INT(t.nsentences, 4);
    CHECK_SENT(text, &t, 0, 0, 36, "We used tools, e.g. Jira and Trello.");
    CHECK_SENT(text, &t, 1, 37, 68, "Dr. Patel and Mr. Jones agreed.");
    CHECK_SENT(text, &t, 2, 69, 118, "Mrs. Ng, Prof. Kay etc. were there i.e. everyone.");
    CHECK_SENT(text, &t, 3, 119, 124, "Done.");
    /* Case does not matter: "DR." and "E.G." are abbreviations too. */
    const char *upper = "Ask DR. Who. E.G. this one.";
    REQUIRE(run(a, upper, &t));
    CHECK_EQ_INT(t.nsentences, 2);
    CHECK_SENT(upper, &t, 0, 0, 12, "Ask DR. Who.");
    CHECK_SENT(upper, &t, 1, 13, 27, "E.G. this one.");
    analysis_release(&t);
    analyzer_free(a);
}

TEST(sentences_decimals_and_thousands_stay_whole)
{
    analyzer *a = analyzer_new();
    REQUIRE(a);
    text_analysis t = { 0 };
    const char *text = "Sales rose 4.5 percent to 1,200 units. Then fell by 3.";
    REQUIRE(run(a, text, &t));
    CHECK_EQ_INT(t.nsentences, 2);
    CHECK_SENT(text, &t, 0, 0, 38, "Sales rose 4.5 percent to 1,200 units.");
    CHECK_SENT(text, &t, 1, 39, 54, "Then fell by 3.");
    /* "4.5" and "1,200" are one NUMBER token each, with no stem. */
    CHECK_EQ_STR(tok(text, &t, 2), "4.5");
    CHECK_EQ_INT(t.tokens[2].start, 11);
    CHECK_EQ_INT(t.tokens[2].end, 14);
    CHECK_EQ_INT(t.tokens[2].flags, TOKEN_NUMBER);
    CHECK_EQ_INT(t.tokens[2].stem, STEM_NONE);
    CHECK_EQ_STR(tok(text, &t, 5), "1,200");
    CHECK_EQ_INT(t.tokens[5].flags, TOKEN_NUMBER);
    /* The final "3." ends its sentence: the dot is not a decimal point. */
    CHECK_EQ_STR(tok(text, &t, t.ntokens - 1), "3");
    analysis_release(&t);
    analyzer_free(a);
}

TEST(sentences_initials_do_not_split)
{
    analyzer *a = analyzer_new();
    REQUIRE(a);
    text_analysis t = { 0 };
    const char *text = "I met J. Smith and A. B. Jones. They agreed.";
    REQUIRE(run(a, text, &t));
    CHECK_EQ_INT(t.nsentences, 2);
    CHECK_SENT(text, &t, 0, 0, 31, "I met J. Smith and A. B. Jones.");
    CHECK_SENT(text, &t, 1, 32, 44, "They agreed.");
    /* A lower-case single letter is not an initial. */
    const char *lower = "Plan b. It worked.";
    REQUIRE(run(a, lower, &t));
    CHECK_EQ_INT(t.nsentences, 2);
    CHECK_SENT(lower, &t, 0, 0, 7, "Plan b.");
    analysis_release(&t);
    analyzer_free(a);
}

TEST(sentences_blank_lines_split_single_newlines_do_not)
{
    analyzer *a = analyzer_new();
    REQUIRE(a);
    text_analysis t = { 0 };
    const char *text = "First part\nstill first\n\nSecond part\n \t\r\nThird";
    REQUIRE(run(a, text, &t));
    CHECK_EQ_INT(t.nsentences, 3);
    CHECK_SENT(text, &t, 0, 0, 22, "First part\nstill first");
    CHECK_SENT(text, &t, 1, 24, 35, "Second part");
    CHECK_SENT(text, &t, 2, 40, 45, "Third");
    /* CRLF line ends. */
    const char *crlf = "One\r\n\r\nTwo";
    REQUIRE(run(a, crlf, &t));
    CHECK_EQ_INT(t.nsentences, 2);
    CHECK_SENT(crlf, &t, 0, 0, 3, "One");
    CHECK_SENT(crlf, &t, 1, 7, 10, "Two");
    analysis_release(&t);
    analyzer_free(a);
}

TEST(sentences_list_items)
{
    analyzer *a = analyzer_new();
    REQUIRE(a);
    text_analysis t = { 0 };
    const char *text = "What I did:\n- wrote the plan\n  * shared it\n- reviewed it";
    REQUIRE(run(a, text, &t));
    CHECK_EQ_INT(t.nsentences, 4);
    CHECK_SENT(text, &t, 0, 0, 11, "What I did:");
    CHECK_SENT(text, &t, 1, 12, 28, "- wrote the plan");
    CHECK_SENT(text, &t, 2, 31, 42, "* shared it");
    CHECK_SENT(text, &t, 3, 43, 56, "- reviewed it");
    CHECK_EQ_STR(tok(text, &t, t.sentences[1].first_token), "wrote");
    CHECK(t.tokens[t.sentences[1].first_token].flags & TOKEN_SENT_START);
    /* A hyphen inside a line is not a list item. */
    const char *inline_dash = "Costs - and time\nwent down";
    REQUIRE(run(a, inline_dash, &t));
    CHECK_EQ_INT(t.nsentences, 1);
    analysis_release(&t);
    analyzer_free(a);
}

TEST(sentences_without_words_are_dropped)
{
    analyzer *a = analyzer_new();
    REQUIRE(a);
    text_analysis t = { 0 };
    const char *text = "... !!! Fine. ?? ";
    REQUIRE(run(a, text, &t));
    CHECK_EQ_INT(t.nsentences, 1);
    CHECK_SENT(text, &t, 0, 8, 13, "Fine.");
    REQUIRE(run(a, "", &t));
    CHECK_EQ_INT(t.nsentences, 0);
    CHECK_EQ_INT(t.ntokens, 0);
    REQUIRE(run(a, " \n\n\t ", &t));
    CHECK_EQ_INT(t.nsentences, 0);
    analysis_release(&t);
    analyzer_free(a);
}

TEST(analysis_storage_is_reused)
{
    analyzer *a = analyzer_new();
    REQUIRE(a);
    text_analysis t = { 0 };
    REQUIRE(run(a, "One two three. Four five.", &t));
    CHECK_EQ_INT(t.nsentences, 2);
    CHECK_EQ_INT(t.ntokens, 5);
    REQUIRE(run(a, "Six.", &t));
    CHECK_EQ_INT(t.nsentences, 1);
    CHECK_EQ_INT(t.ntokens, 1);
    CHECK_EQ_INT(t.sentences[0].first_token, 0);
    analysis_release(&t);
    CHECK(t.tokens == NULL && t.sentences == NULL && t.ntokens == 0);
    analyzer_free(a);
}

/* ---- tokens ------------------------------------------------------------------ */

TEST(token_spans_and_flags)
{
    analyzer *a = analyzer_new();
    REQUIRE(a);
    text_analysis t = { 0 };
    const char *text = "In 2023 I met Alice at ACME. then 3rd place.";
    REQUIRE(run(a, text, &t));
    REQUIRE(t.ntokens == 10);
    static const struct { const char *w; unsigned start, end, flags; } want[] = {
        { "In", 0, 2, TOKEN_CAPITAL | TOKEN_SENT_START },
        { "2023", 3, 7, TOKEN_NUMBER },
        { "I", 8, 9, TOKEN_CAPITAL },
        { "met", 10, 13, 0 },
        { "Alice", 14, 19, TOKEN_CAPITAL },
        { "at", 20, 22, 0 },
        { "ACME", 23, 27, TOKEN_CAPITAL },
        { "then", 29, 33, TOKEN_SENT_START },  /* lower case: no CAPITAL */
        { "3rd", 34, 37, 0 },                  /* not only digits */
        { "place", 38, 43, 0 },
    };
    for (size_t i = 0; i < 10; i++) {
        CHECK_EQ_STR(tok(text, &t, i), want[i].w);
        CHECK_EQ_INT(t.tokens[i].start, want[i].start);
        CHECK_EQ_INT(t.tokens[i].end, want[i].end);
        CHECK_EQ_INT(t.tokens[i].flags, want[i].flags);
    }
    /* Numbers never get a stem; a number can start a sentence. */
    REQUIRE(run(a, "42 people came.", &t));
    CHECK_EQ_INT(t.tokens[0].flags, TOKEN_NUMBER | TOKEN_SENT_START);
    CHECK_EQ_INT(t.tokens[0].stem, STEM_NONE);
    analysis_release(&t);
    analyzer_free(a);
}

TEST(apostrophes_keep_words_whole)
{
    analyzer *a = analyzer_new();
    REQUIRE(a);
    uint32_t manager = intern(a, "manager");
    uint32_t dont = intern(a, "don't");
    CHECK(manager != STEM_NONE);
    CHECK(dont != STEM_NONE);
    CHECK(dont != manager);
    text_analysis t = { 0 };
    const char *text = "I don't know the manager's plan.";
    REQUIRE(run(a, text, &t));
    REQUIRE(t.ntokens == 6);
    CHECK_EQ_STR(tok(text, &t, 1), "don't");
    CHECK_EQ_INT(t.tokens[1].start, 2);
    CHECK_EQ_INT(t.tokens[1].end, 7);
    CHECK_EQ_INT(t.tokens[1].stem, dont);
    CHECK_EQ_STR(tok(text, &t, 4), "manager's");
    CHECK_EQ_INT(t.tokens[4].stem, manager);  /* possessive 's dropped */
    /* Curly apostrophe: same token shape and the same stems. */
    const char *curly = "I don\xE2\x80\x99t know the manager\xE2\x80\x99s plan.";
    REQUIRE(run(a, curly, &t));
    REQUIRE(t.ntokens == 6);
    CHECK_EQ_STR(tok(curly, &t, 1), "don\xE2\x80\x99t");
    CHECK_EQ_INT(t.tokens[1].start, 2);
    CHECK_EQ_INT(t.tokens[1].end, 9);
    CHECK_EQ_INT(t.tokens[1].stem, dont);
    CHECK_EQ_STR(tok(curly, &t, 4), "manager\xE2\x80\x99s");
    CHECK_EQ_INT(t.tokens[4].stem, manager);
    CHECK_EQ_INT(lookup(a, "manager\xE2\x80\x99s"), manager);
    CHECK_EQ_INT(lookup(a, "MANAGER'S"), manager);
    /* A plural possessive: the trailing apostrophe is not part of the word. */
    const char *plural = "the managers' plan";
    REQUIRE(run(a, plural, &t));
    REQUIRE(t.ntokens == 3);
    CHECK_EQ_STR(tok(plural, &t, 1), "managers");
    CHECK_EQ_INT(t.tokens[1].stem, manager);
    /* Quotes around a word are not part of it. */
    const char *quoted = "he said 'manager' twice";
    REQUIRE(run(a, quoted, &t));
    REQUIRE(t.ntokens == 4);
    CHECK_EQ_STR(tok(quoted, &t, 2), "manager");
    CHECK_EQ_INT(t.tokens[2].stem, manager);
    analysis_release(&t);
    analyzer_free(a);
}

TEST(hyphenated_words_are_two_tokens)
{
    analyzer *a = analyzer_new();
    REQUIRE(a);
    uint32_t well = intern(a, "well");
    uint32_t known = intern(a, "known");
    text_analysis t = { 0 };
    const char *text = "A well-known, long-term plan for 2019-2020.";
    REQUIRE(run(a, text, &t));
    CHECK_EQ_STR(tok(text, &t, 1), "well");
    CHECK_EQ_INT(t.tokens[1].start, 2);
    CHECK_EQ_INT(t.tokens[1].end, 6);
    CHECK_EQ_INT(t.tokens[1].stem, well);
    CHECK_EQ_STR(tok(text, &t, 2), "known");
    CHECK_EQ_INT(t.tokens[2].start, 7);
    CHECK_EQ_INT(t.tokens[2].end, 12);
    CHECK_EQ_INT(t.tokens[2].stem, known);
    CHECK_EQ_STR(tok(text, &t, 3), "long");
    CHECK_EQ_STR(tok(text, &t, 4), "term");
    CHECK_EQ_STR(tok(text, &t, 7), "2019");
    CHECK_EQ_STR(tok(text, &t, 8), "2020");
    CHECK_EQ_INT(t.ntokens, 9);
    analysis_release(&t);
    analyzer_free(a);
}

TEST(british_and_american_spellings_meet)
{
    analyzer *a = analyzer_new();
    REQUIRE(a);
    uint32_t org = intern(a, "organize");
    CHECK(org != STEM_NONE);
    CHECK_EQ_INT(intern(a, "organise"), org);
    CHECK_EQ_INT(lookup(a, "organise"), org);
    CHECK_EQ_INT(lookup(a, "organised"), org);
    CHECK_EQ_INT(lookup(a, "organizing"), org);
    CHECK_EQ_INT(lookup(a, "Organizes"), org);
    uint32_t pri = intern(a, "prioritisation");
    CHECK(pri != STEM_NONE);
    CHECK_EQ_INT(lookup(a, "prioritization"), pri);
    size_t vocab = analyzer_vocabulary_size(a);
    CHECK_EQ_INT(vocab, 2);
    /* The stem text is the British one (iz is spelt is before stemming). */
    CHECK_EQ_STR(analyzer_stem_text(a, org), "organis");
    text_analysis t = { 0 };
    const char *text = "We organized it; they organised it.";
    REQUIRE(run(a, text, &t));
    CHECK_EQ_INT(t.tokens[1].stem, org);
    CHECK_EQ_INT(t.tokens[4].stem, org);
    analysis_release(&t);
    analyzer_free(a);
}

TEST(curly_quotes_and_dashes_are_spaces)
{
    analyzer *a = analyzer_new();
    REQUIRE(a);
    uint32_t yes = intern(a, "yes");
    uint32_t agree = intern(a, "agreed");
    /* “Yes”—we agreed – fine… ok */
    const char *text = "\xE2\x80\x9CYes\xE2\x80\x9D\xE2\x80\x94we agreed \xE2\x80\x93 "
                       "fine\xE2\x80\xA6ok\xC2\xA0now";
    text_analysis t = { 0 };
    REQUIRE(run(a, text, &t));
    REQUIRE(t.ntokens == 6);
    CHECK_EQ_STR(tok(text, &t, 0), "Yes");
    CHECK_EQ_INT(t.tokens[0].start, 3);
    CHECK_EQ_INT(t.tokens[0].end, 6);
    CHECK_EQ_INT(t.tokens[0].stem, yes);
    CHECK_EQ_INT(t.tokens[0].flags, TOKEN_CAPITAL | TOKEN_SENT_START);
    CHECK_EQ_STR(tok(text, &t, 1), "we");
    CHECK_EQ_INT(t.tokens[1].start, 12);
    CHECK_EQ_STR(tok(text, &t, 2), "agreed");
    CHECK_EQ_INT(t.tokens[2].stem, agree);
    CHECK_EQ_STR(tok(text, &t, 3), "fine");
    CHECK_EQ_STR(tok(text, &t, 4), "ok");
    CHECK_EQ_STR(tok(text, &t, 5), "now");
    /* A closing curly quote after a full stop stays with the sentence. */
    const char *q = "He said \xE2\x80\x9CGo.\xE2\x80\x9D Then left.";
    REQUIRE(run(a, q, &t));
    CHECK_EQ_INT(t.nsentences, 2);
    CHECK_SENT(q, &t, 0, 0, 17, "He said \xE2\x80\x9CGo.\xE2\x80\x9D");
    CHECK_SENT(q, &t, 1, 18, 28, "Then left.");
    analysis_release(&t);
    analyzer_free(a);
}

TEST(non_ascii_letters_are_word_bytes)
{
    analyzer *a = analyzer_new();
    REQUIRE(a);
    uint32_t cafe = intern(a, "caf\xC3\xA9");
    CHECK(cafe != STEM_NONE);
    text_analysis t = { 0 };
    const char *text = "Met at the caf\xC3\xA9 today.";
    REQUIRE(run(a, text, &t));
    REQUIRE(t.ntokens == 5);
    CHECK_EQ_STR(tok(text, &t, 3), "caf\xC3\xA9");
    CHECK_EQ_INT(t.tokens[3].stem, cafe);
    analysis_release(&t);
    analyzer_free(a);
}

/* ---- vocabulary ---------------------------------------------------------------- */

TEST(vocabulary_is_fixed_by_interning)
{
    analyzer *a = analyzer_new();
    REQUIRE(a);
    CHECK_EQ_INT(analyzer_vocabulary_size(a), 0);
    CHECK_EQ_INT(lookup(a, "xylophone"), STEM_NONE);  /* empty vocabulary */
    uint32_t coach = intern(a, "coached");
    CHECK(coach != STEM_NONE);
    CHECK_EQ_INT(intern(a, "coaches"), coach);       /* same stem, same id */
    CHECK_EQ_INT(analyzer_vocabulary_size(a), 1);
    CHECK_EQ_STR(analyzer_stem_text(a, coach), "coach");
    CHECK_EQ_STR(analyzer_stem_text(a, STEM_NONE), "");
    CHECK_EQ_STR(analyzer_stem_text(a, 9999), "");
    CHECK_EQ_INT(lookup(a, "xylophone"), STEM_NONE);
    CHECK_EQ_INT(lookup(a, "Coaching"), coach);
    /* Analysing without interning never grows the vocabulary. */
    text_analysis t = { 0 };
    const char *text = "Zebras and giraffes coached quokkas.";
    REQUIRE(run(a, text, &t));
    CHECK_EQ_INT(analyzer_vocabulary_size(a), 1);
    REQUIRE(t.ntokens == 5);
    CHECK_EQ_INT(t.tokens[0].stem, STEM_NONE);
    CHECK_EQ_INT(t.tokens[3].stem, coach);
    CHECK_EQ_INT(t.tokens[4].stem, STEM_NONE);
    /* Interning while analysing does (words not looked up before: see
     * bug_intern_after_lookup_returns_stem_none). */
    const char *more = "Lions, otters: coached.";
    REQUIRE(analyze_text(a, more, strlen(more), true, &t));
    CHECK_EQ_INT(analyzer_vocabulary_size(a), 3);  /* coach, lion, otter */
    REQUIRE(t.ntokens == 3);
    CHECK(t.tokens[0].stem != STEM_NONE);
    CHECK_EQ_INT(t.tokens[0].stem, 2);
    CHECK_EQ_INT(t.tokens[1].stem, 3);
    CHECK_EQ_INT(t.tokens[2].stem, coach);
    CHECK_EQ_INT(lookup(a, "lion"), t.tokens[0].stem);
    CHECK_EQ_STR(analyzer_stem_text(a, 3), "otter");
    /* Ids are dense: 1..size. */
    for (uint32_t id = 1; id <= analyzer_vocabulary_size(a); id++)
        CHECK(analyzer_stem_text(a, id)[0] != '\0');
    analysis_release(&t);
    analyzer_free(a);
}

TEST(overlong_words_have_no_stem)
{
    analyzer *a = analyzer_new();
    REQUIRE(a);
    char w[80];
    memset(w, 'x', sizeof w);
    CHECK_EQ_INT(analyzer_intern(a, w, 65), STEM_NONE);
    CHECK_EQ_INT(analyzer_vocabulary_size(a), 0);
    CHECK(analyzer_intern(a, w, 64) != STEM_NONE);
    analyzer_free(a);
}

/* Made-up word number i: letters only, distinct for every i. */
static size_t made_up(size_t i, char *out)
{
    size_t k = 0;
    out[k++] = 'q';
    out[k++] = 'x';
    do {
        out[k++] = (char)('a' + i % 26);
        i /= 26;
    } while (i);
    out[k++] = 'z';
    out[k] = '\0';
    return k;
}

TEST(word_cache_reset_keeps_results)
{
    analyzer *a = analyzer_new();
    REQUIRE(a);
    uint32_t org = intern(a, "organize");
    uint32_t lead = intern(a, "leadership");
    uint32_t team = intern(a, "teams");
    size_t vocab = analyzer_vocabulary_size(a);
    CHECK_EQ_INT(lookup(a, "organising"), org);
    CHECK_EQ_INT(lookup(a, "Leadership"), lead);
    /* More distinct words than the cache holds (2^18): it is cleared on
     * the way, more than once. */
    char w[32];
    size_t unknown = 0;
    for (size_t i = 0; i < 600000; i++) {
        size_t n = made_up(i, w);
        if (analyzer_lookup(a, w, n) != STEM_NONE)
            unknown++;
    }
    CHECK_EQ_INT(unknown, 0);
    CHECK_EQ_INT(analyzer_vocabulary_size(a), vocab);
    /* Known words still give the same ids, whether they were cached
     * before the reset or not. */
    CHECK_EQ_INT(lookup(a, "organising"), org);
    CHECK_EQ_INT(lookup(a, "organize"), org);
    CHECK_EQ_INT(lookup(a, "Leadership"), lead);
    CHECK_EQ_INT(lookup(a, "team"), team);
    CHECK_EQ_STR(analyzer_stem_text(a, org), "organis");
    text_analysis t = { 0 };
    const char *text = "Organised teams; leadership.";
    REQUIRE(run(a, text, &t));
    REQUIRE(t.ntokens == 3);
    CHECK_EQ_INT(t.tokens[0].stem, org);
    CHECK_EQ_INT(t.tokens[1].stem, team);
    CHECK_EQ_INT(t.tokens[2].stem, lead);
    /* Interning after the resets still works and keeps ids dense. */
    uint32_t fresh = intern(a, "mentoring");
    CHECK_EQ_INT(fresh, vocab + 1);
    CHECK_EQ_INT(lookup(a, "mentored"), fresh);
    analysis_release(&t);
    analyzer_free(a);
}

TEST(word_cache_reset_through_analyze_text)
{
    analyzer *a = analyzer_new();
    REQUIRE(a);
    uint32_t coach = intern(a, "coaching");
    /* One long text of 300,000 distinct made-up words, with a known word
     * every so often: every occurrence gets the same id. */
    size_t n = 300000;
    char *text = malloc(n * 12 + 64);
    REQUIRE(text);
    size_t len = 0;
    char w[32];
    for (size_t i = 0; i < n; i++) {
        size_t k = made_up(i, w);
        memcpy(text + len, w, k);
        len += k;
        text[len++] = ' ';
        if (i % 50000 == 0) {
            memcpy(text + len, "coached ", 8);
            len += 8;
        }
    }
    text[len] = '\0';
    text_analysis t = { 0 };
    REQUIRE(analyze_text(a, text, len, false, &t));
    CHECK_EQ_INT(t.ntokens, n + 6);
    size_t known = 0, other = 0;
    for (size_t i = 0; i < t.ntokens; i++) {
        if (t.tokens[i].stem == coach)
            known++;
        else if (t.tokens[i].stem != STEM_NONE)
            other++;
    }
    CHECK_EQ_INT(known, 6);
    CHECK_EQ_INT(other, 0);
    CHECK_EQ_INT(analyzer_vocabulary_size(a), 1);
    CHECK_EQ_INT(lookup(a, "coach"), coach);
    free(text);
    analysis_release(&t);
    analyzer_free(a);
}

/* ---- regressions: each of these once failed against the engine ------------------- */

/* analyzer_intern() gives the id of the word's stem, added to the
 * vocabulary, even when the word was first seen through analyzer_lookup()
 * and cached as unknown (the cache once kept answering STEM_NONE). */
TEST(intern_after_lookup_adds_the_stem)
{
    analyzer *a = analyzer_new();
    REQUIRE(a);
    CHECK_EQ_INT(lookup(a, "coaching"), STEM_NONE);
    uint32_t id = intern(a, "coaching");
    CHECK(id != STEM_NONE);
    CHECK_EQ_INT(analyzer_vocabulary_size(a), 1);
    CHECK_EQ_INT(lookup(a, "coaching"), id);
    /* The same through a different inflection: once "mentoring" was looked
     * up, interning "mentored" adds the stem, and "mentoring" finds it. */
    CHECK_EQ_INT(lookup(a, "mentoring"), STEM_NONE);
    uint32_t mentor = intern(a, "mentored");
    CHECK(mentor != STEM_NONE);
    CHECK_EQ_INT(lookup(a, "mentoring"), mentor);
    analyzer_free(a);
}

/* "No. 5" is an abbreviation, but a sentence that ends in the word "no"
 * still ends there (it once ran on, and its quote with it). */
TEST(sentence_ending_in_no_is_split)
{
    analyzer *a = analyzer_new();
    REQUIRE(a);
    text_analysis t = { 0 };
    const char *text = "My manager asked and I said no. We moved on.";
    REQUIRE(run(a, text, &t));
    CHECK_EQ_INT(t.nsentences, 2);
    CHECK_SENT(text, &t, 0, 0, 31, "My manager asked and I said no.");
    analysis_release(&t);
    analyzer_free(a);
}

/* A line break before "-", "*" or a number with a full stop starts a new
 * sentence (a list item); the marker "2." once ended the previous item
 * instead, which then quoted the next item's number. */
TEST(numbered_list_marker_starts_the_item)
{
    analyzer *a = analyzer_new();
    REQUIRE(a);
    text_analysis t = { 0 };
    const char *text = "Steps\n1. Plan it\n2. Do it";
    REQUIRE(run(a, text, &t));
    CHECK_EQ_INT(t.nsentences, 3);
    CHECK_SENT(text, &t, 0, 0, 5, "Steps");
    CHECK_SENT(text, &t, 1, 6, 16, "1. Plan it");
    CHECK_SENT(text, &t, 2, 17, 25, "2. Do it");
    analysis_release(&t);
    analyzer_free(a);
}

CHECK_MAIN()
