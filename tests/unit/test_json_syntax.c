/*
 * Unit tests for engine/json/json_syntax (the strict RFC 8259 scanner run
 * before cJSON: every error kind with its exact line, column and message;
 * the line of every parsed value) and engine/json/json_writer (its output
 * reads back through the scanner).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "check.h"
#include "json/json_syntax.h"
#include "json/json_writer.h"
#include "rubric/buf.h"
#include "rubric/json.h"

/* ---- helpers -------------------------------------------------------------- */

static bool accepted_n(const char *text, size_t len)
{
    json_error e = { 0, 0, "" };
    bool ok = json_check_syntax(text, len, &e);
    if (!ok)
        fprintf(stderr, "    refused at %d:%d: %s\n", e.line, e.column, e.message);
    return ok;
}

static bool accepted(const char *text)
{
    return accepted_n(text, strlen(text));
}

/* Expect `text` refused at line:column with exactly `message`, by both the
 * check and json_parse. */
static void refused_n(const char *file, int line, const char *text, size_t len,
                      int want_line, int want_col, const char *want_msg)
{
    json_error e = { -1, -1, "" };
    if (json_check_syntax(text, len, &e)) {
        check_fail_(file, line, "accepted: %.60s", text);
        return;
    }
    if (e.line != want_line || e.column != want_col)
        check_fail_(file, line, "error at %d:%d, expected %d:%d (%s)", e.line, e.column,
                    want_line, want_col, e.message);
    if (strcmp(e.message, want_msg) != 0)
        check_fail_(file, line, "message \"%s\", expected \"%s\"", e.message, want_msg);
    json_error p = { -1, -1, "" };
    cJSON *root = json_parse(text, len, &p);
    if (root) {
        check_fail_(file, line, "json_parse accepted: %.60s", text);
        cJSON_Delete(root);
        return;
    }
    if (p.line != e.line || p.column != e.column || strcmp(p.message, e.message) != 0)
        check_fail_(file, line, "json_parse error %d:%d %s differs from check", p.line,
                    p.column, p.message);
}

#define REFUSED(text, l, c, msg) refused_n(__FILE__, __LINE__, (text), strlen(text), (l), (c), (msg))
#define REFUSED_N(text, n, l, c, msg) refused_n(__FILE__, __LINE__, (text), (n), (l), (c), (msg))

/* ---- valid documents ----------------------------------------------------------- */

TEST(valid_documents_accepted)
{
    CHECK(accepted("{}"));
    CHECK(accepted("[]"));
    CHECK(accepted(" \t\r\n{ } \n"));
    CHECK(accepted("0"));
    CHECK(accepted("-0"));
    CHECK(accepted("-0.5e-10"));
    CHECK(accepted("12.25E+3"));
    CHECK(accepted("1e5"));
    CHECK(accepted("\"text\""));
    CHECK(accepted("true"));
    CHECK(accepted("false"));
    CHECK(accepted("null"));
    CHECK(accepted("{\"a\":[1,2.5,-3,true,false,null,{},[]],\"b\":{\"c\":\"d\"}}"));
    CHECK(accepted("[\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\uD83D\\uDE00\"]"));
    CHECK(accepted("[\"caf\xC3\xA9 \xF0\x9D\x84\x9E\"]"));  /* raw UTF-8 */
    CHECK(accepted("{\"a\":1,\"A\":2,\"a \":3}"));           /* distinct keys */
    CHECK(accepted("[{\"a\":1},{\"a\":2}]"));                 /* same key, other objects */
    CHECK(accepted("{\"a\":{\"a\":{\"a\":1}}}"));
    CHECK(accepted("[\"\x7f\"]"));                            /* DEL is not a control char */
}

TEST(valid_document_parses_with_values)
{
    const char *text = "{\"n\": -12.5e1, \"s\": \"a\\u00e9\\n\", \"l\": [true, null]}";
    json_error e;
    cJSON *root = json_parse(text, strlen(text), &e);
    REQUIRE(root);
    CHECK_NEAR(cJSON_GetObjectItem(root, "n")->valuedouble, -125.0, 1e-9);
    CHECK_EQ_STR(cJSON_GetObjectItem(root, "s")->valuestring, "a\xC3\xA9\n");
    CHECK_EQ_INT(cJSON_GetArraySize(cJSON_GetObjectItem(root, "l")), 2);
    cJSON_Delete(root);
}

/* ---- each error kind --------------------------------------------------------------- */

TEST(error_empty_text)
{
    REFUSED("", 1, 1, "expected a value but found the end of the text");
    REFUSED("  \n  ", 2, 3, "expected a value but found the end of the text");
}

TEST(error_missing_comma)
{
    REFUSED("{\n  \"a\": 1\n  \"b\": 2\n}", 3, 3, "expected ',' or '}' but found '\"'");
    REFUSED("[1 2]", 1, 4, "expected ',' or ']' but found '2'");
    REFUSED("{\"a\" 1}", 1, 6, "expected ':' after the key but found '1'");
}

TEST(error_trailing_comma)
{
    REFUSED("{\"a\": 1,}", 1, 9, "expected a key in double quotes but found '}'");
    REFUSED("[1, 2,]", 1, 7, "expected a value but found ']'");
    REFUSED("[\n  1,\n]", 3, 1, "expected a value but found ']'");
    REFUSED("[,]", 1, 2, "expected a value but found ','");
    REFUSED("{,}", 1, 2, "expected a key in double quotes but found ','");
}

TEST(error_bad_escape)
{
    REFUSED("[\"a\\x\"]", 1, 4, "unknown escape in a string");
    REFUSED("[\"\\'\"]", 1, 3, "unknown escape in a string");
    REFUSED("[\"\\u12G4\"]", 1, 3, "bad escape: \\u needs four hex digits");
    REFUSED("[\"\\u12\"]", 1, 3, "bad escape: \\u needs four hex digits");
    REFUSED("\"\\u12", 1, 2, "bad escape: \\u needs four hex digits");
    /* A backslash at the very end leaves the string open. */
    REFUSED("\"abc\\", 1, 1, "unterminated string: the closing quote is missing");
}

TEST(error_nul_escape_refused)
{
    REFUSED("{\"a\":\"x\\u0000y\"}", 1, 8, "the NUL character \\u0000 is not allowed in a string");
    REFUSED("{\"\\u0000\":1}", 1, 3, "the NUL character \\u0000 is not allowed in a string");
    CHECK(accepted("[\"\\u0001\"]"));
}

TEST(error_leading_zero_and_bad_numbers)
{
    REFUSED("[01]", 1, 3, "bad number: numbers do not start with 0");
    REFUSED("[-007]", 1, 4, "bad number: numbers do not start with 0");
    REFUSED("[1.]", 1, 4, "expected a digit after the decimal point but found ']'");
    REFUSED("[.5]", 1, 2, "expected a value but found '.'");
    REFUSED("[-]", 1, 3, "expected a digit but found ']'");
    REFUSED("[-a]", 1, 3, "expected a digit but found 'a'");
    REFUSED("[1e]", 1, 4, "expected a digit in the exponent but found ']'");
    REFUSED("[1e+]", 1, 5, "expected a digit in the exponent but found ']'");
    REFUSED("[+1]", 1, 2, "expected a value but found '+'");
    REFUSED("1.5.2", 1, 4, "expected the end of the text after the JSON value but found '.'");
}

TEST(error_bad_literals)
{
    REFUSED("[tru]", 1, 2, "expected a value but found 't'");
    REFUSED("nul", 1, 1, "expected a value but found 'n'");
    REFUSED("[True]", 1, 2, "expected a value but found 'T'");
    REFUSED("['a']", 1, 2, "expected a value but found '''");
    REFUSED("[\xC3\xA9]", 1, 2, "expected a value but found a non-ASCII character");
}

TEST(error_unterminated_string)
{
    REFUSED("{\"a\": \"abc", 1, 7, "unterminated string: the closing quote is missing");
    REFUSED("[\n  \"ok\",\n  \"open]", 3, 3, "unterminated string: the closing quote is missing");
    /* A line break cannot close a string either: it is a control character. */
    REFUSED("[\n  \"ok\",\n  \"open]\n", 3, 9,
            "a raw control character inside a string (write \\n, \\t, ...)");
    REFUSED("{\"key", 1, 2, "unterminated string: the closing quote is missing");
}

TEST(error_unterminated_array_and_object)
{
    REFUSED("[1, 2", 1, 1, "unterminated array: the closing ']' is missing");
    REFUSED("{\n  \"a\": [1,\n    2\n", 2, 8, "unterminated array: the closing ']' is missing");
    REFUSED("{\"a\": 1", 1, 1, "unterminated object: the closing '}' is missing");
    REFUSED("[{\"a\": 1}, {\"b\": 2", 1, 12, "unterminated object: the closing '}' is missing");
    /* Ending right after a comma or a colon: a value is missing. */
    REFUSED("[1,", 1, 4, "expected a value but found the end of the text");
    REFUSED("{\"a\":", 1, 6, "expected a value but found the end of the text");
    REFUSED("{\"a\"", 1, 5, "expected ':' after the key but found the end of the text");
    REFUSED("{", 1, 2, "expected a key in double quotes but found the end of the text");
    REFUSED("[", 1, 2, "expected a value but found the end of the text");
}

TEST(error_control_character_in_string)
{
    REFUSED("[\"a\tb\"]", 1, 4, "a raw control character inside a string (write \\n, \\t, ...)");
    REFUSED("[\"line\nbreak\"]", 1, 7, "a raw control character inside a string (write \\n, \\t, ...)");
    REFUSED("{\n\"k\": \"\x01\"}", 2, 7, "a raw control character inside a string (write \\n, \\t, ...)");
    /* Outside strings a control character is just unexpected. */
    REFUSED("[1,\x01]", 1, 4, "expected a value but found a control character (0x01)");
}

TEST(error_nul_byte_in_text)
{
    REFUSED_N("[1]\0", 4, 1, 4,
              "expected the end of the text after the JSON value but found a control "
              "character (0x00)");
    REFUSED_N("[\"a\0\"]", 6, 1, 4, "a raw control character inside a string (write \\n, \\t, ...)");
}

TEST(error_invalid_utf8)
{
    REFUSED("[\"a\xFF" "b\"]", 1, 4, "the text is not valid UTF-8 (byte 0xFF); save it as UTF-8");
    /* The column counts characters: "é" before the bad byte is one. */
    REFUSED("[\"\xC3\xA9\xFF\"]", 1, 4, "the text is not valid UTF-8 (byte 0xFF); save it as UTF-8");
    REFUSED("[\n\"x\",\n\"\xC0\x80\"]", 3, 2, "the text is not valid UTF-8 (byte 0xC0); save it as UTF-8");        /* overlong */
    REFUSED("[\"\xED\xA0\x80\"]", 1, 3, "the text is not valid UTF-8 (byte 0xED); save it as UTF-8");               /* surrogate */
    REFUSED("[\"\xE2\x82\"]", 1, 3, "the text is not valid UTF-8 (byte 0xE2); save it as UTF-8");                   /* truncated */
    /* Checked before the syntax: an earlier syntax error does not hide it. */
    REFUSED("[1,,\xFF]", 1, 5, "the text is not valid UTF-8 (byte 0xFF); save it as UTF-8");
}

TEST(columns_count_characters_not_bytes)
{
    REFUSED("{\"\xC3\xA9\xE2\x82\xAC\": 1 \"x\"}", 1, 10, "expected ',' or '}' but found '\"'");
    REFUSED("[\"\xF0\x9D\x84\x9E\" 2]", 1, 6, "expected ',' or ']' but found '2'");
}

static char *nested(int depth, char open, char close)
{
    char *s = malloc((size_t)depth * 2 + 1);
    if (!s)
        return NULL;
    memset(s, open, (size_t)depth);
    memset(s + depth, close, (size_t)depth);
    s[depth * 2] = '\0';
    return s;
}

TEST(depth_64_accepted_65_refused)
{
    char *ok = nested(64, '[', ']');
    char *deep = nested(65, '[', ']');
    REQUIRE(ok && deep);
    CHECK(accepted(ok));
    json_error e;
    cJSON *root = json_parse(ok, strlen(ok), &e);
    CHECK(root != NULL);
    cJSON_Delete(root);
    REFUSED(deep, 1, 65, "nested more than 64 levels deep");
    free(ok);
    free(deep);
    /* Objects count too: 63 arrays in an object holding one more array. */
    char buf[512];
    int n = 0;
    n += snprintf(buf + n, sizeof buf - (size_t)n, "{\"k\":");
    for (int i = 0; i < 63; i++)
        buf[n++] = '[';
    for (int i = 0; i < 63; i++)
        buf[n++] = ']';
    buf[n++] = '}';
    buf[n] = '\0';
    CHECK(accepted(buf));
    n = 0;
    n += snprintf(buf + n, sizeof buf - (size_t)n, "{\"k\":");
    for (int i = 0; i < 64; i++)
        buf[n++] = '[';
    for (int i = 0; i < 64; i++)
        buf[n++] = ']';
    buf[n++] = '}';
    buf[n] = '\0';
    REFUSED(buf, 1, 69, "nested more than 64 levels deep");
    /* Depth is depth, not count: many siblings at depth 64 are fine. */
    char *wide = malloc(4096);
    REQUIRE(wide);
    n = 0;
    for (int i = 0; i < 63; i++)
        wide[n++] = '[';
    for (int i = 0; i < 100; i++)
        n += snprintf(wide + n, 4096 - (size_t)n, "%s[1]", i ? "," : "");
    for (int i = 0; i < 63; i++)
        wide[n++] = ']';
    wide[n] = '\0';
    CHECK(accepted(wide));
    free(wide);
}

TEST(error_duplicate_key)
{
    REFUSED("{\"a\": 1, \"b\": 2, \"a\": 3}", 1, 18, "duplicate key 'a' in an object");
    REFUSED("{\n  \"x\": {\"id\": 1,\n         \"id\": 2}\n}", 3, 10,
            "duplicate key 'id' in an object");
    /* The same escape written the same way twice. */
    REFUSED("{\"a\\n\": 1, \"a\\n\": 2}", 1, 12, "duplicate key 'a\\n' in an object");
    /* Escapes that decode differently are different keys. */
    CHECK(accepted("{\"a\\n\": 1, \"a\\t\": 2}"));
    CHECK(accepted("{\"\\u0041\": 1, \"\\u0042\": 2}"));
}

static char *many_keys(int n)
{
    size_t cap = (size_t)n * 16 + 16;
    char *s = malloc(cap);
    if (!s)
        return NULL;
    size_t k = 0;
    s[k++] = '{';
    for (int i = 0; i < n; i++)
        k += (size_t)snprintf(s + k, cap - k, "\n\"k%d\": %d%s", i, i, i + 1 < n ? "," : "");
    s[k++] = '\n';
    s[k++] = '}';
    s[k] = '\0';
    return s;
}

TEST(keys_1000_accepted_1001_refused)
{
    char *ok = many_keys(1000);
    char *over = many_keys(1001);
    REQUIRE(ok && over);
    CHECK(accepted(ok));
    /* Key number 1001 ("k1000") is on line 1002. */
    REFUSED(over, 1002, 1, "an object has more than 1000 keys");
    free(ok);
    free(over);
}

TEST(error_garbage_after_value)
{
    REFUSED("{} x", 1, 4, "expected the end of the text after the JSON value but found 'x'");
    REFUSED("[1]]", 1, 4, "expected the end of the text after the JSON value but found ']'");
    REFUSED("1 2", 1, 3, "expected the end of the text after the JSON value but found '2'");
    REFUSED("{}\n\n  {}", 3, 3, "expected the end of the text after the JSON value but found '{'");
    REFUSED("null,", 1, 5, "expected the end of the text after the JSON value but found ','");
}

TEST(error_key_not_a_string)
{
    REFUSED("{a: 1}", 1, 2, "expected a key in double quotes but found 'a'");
    REFUSED("{1: 1}", 1, 2, "expected a key in double quotes but found '1'");
}

/* ---- lines of parsed values ---------------------------------------------------------- */

TEST(parse_gives_every_value_its_line)
{
    const char *text =
        "{\n"                          /* 1 */
        "  \"format\": \"x\",\n"       /* 2 */
        "  \"list\": [\n"              /* 3 */
        "    1,\n"                     /* 4 */
        "    {\n"                      /* 5 */
        "      \"deep\":\n"            /* 6 */
        "        \"value\",\n"         /* 7 */
        "      \"n\": 2.5, \"t\": true\n" /* 8 */
        "    }, [], {},\n"             /* 9 */
        "    [null,\n"                 /* 10 */
        "\n"                           /* 11 */
        "     false]\n"                /* 12 */
        "  ],\n"                       /* 13 */
        "  \"last\": \"\\n\\n\"\n"     /* 14: escaped line breaks are not lines */
        "}\n";
    json_error e;
    cJSON *root = json_parse(text, strlen(text), &e);
    REQUIRE(root);
    CHECK_EQ_INT(json_line(root), 1);
    CHECK_EQ_INT(json_line(cJSON_GetObjectItem(root, "format")), 2);
    const cJSON *list = cJSON_GetObjectItem(root, "list");
    REQUIRE(list);
    CHECK_EQ_INT(json_line(list), 3);
    CHECK_EQ_INT(json_line(cJSON_GetArrayItem(list, 0)), 4);
    const cJSON *obj = cJSON_GetArrayItem(list, 1);
    CHECK_EQ_INT(json_line(obj), 5);
    const cJSON *deep = cJSON_GetObjectItem(obj, "deep");
    CHECK_EQ_INT(json_line(deep), 7);  /* the value's line, not the key's */
    CHECK_EQ_STR(deep->valuestring, "value");
    const cJSON *n = cJSON_GetObjectItem(obj, "n");
    CHECK_EQ_INT(json_line(n), 8);
    CHECK_NEAR(n->valuedouble, 2.5, 0);  /* the number is still right */
    CHECK_EQ_INT(json_line(cJSON_GetObjectItem(obj, "t")), 8);
    CHECK_EQ_INT(json_line(cJSON_GetArrayItem(list, 2)), 9);
    CHECK_EQ_INT(json_line(cJSON_GetArrayItem(list, 3)), 9);
    const cJSON *inner = cJSON_GetArrayItem(list, 4);
    CHECK_EQ_INT(json_line(inner), 10);
    CHECK_EQ_INT(json_line(cJSON_GetArrayItem(inner, 0)), 10);
    CHECK_EQ_INT(json_line(cJSON_GetArrayItem(inner, 1)), 12);
    CHECK_EQ_INT(json_line(cJSON_GetObjectItem(root, "last")), 14);
    CHECK_EQ_INT(json_line(NULL), 0);
    cJSON_Delete(root);

    /* CRLF line ends count once; leading blank lines count. */
    const char *crlf = "\r\n\r\n[\r\n1,\r\n2]";
    root = json_parse(crlf, strlen(crlf), &e);
    REQUIRE(root);
    CHECK_EQ_INT(json_line(root), 3);
    CHECK_EQ_INT(json_line(cJSON_GetArrayItem(root, 0)), 4);
    CHECK_EQ_INT(json_line(cJSON_GetArrayItem(root, 1)), 5);
    cJSON_Delete(root);
}

TEST(parse_lines_of_many_values)
{
    /* More values than the first line-table allocation (256). */
    size_t cap = 1000 * 8 + 16;
    char *text = malloc(cap);
    REQUIRE(text);
    size_t k = 0;
    text[k++] = '[';
    for (int i = 0; i < 1000; i++)
        k += (size_t)snprintf(text + k, cap - k, "\n%d%s", i, i < 999 ? "," : "");
    text[k++] = ']';
    text[k] = '\0';
    json_error e;
    cJSON *root = json_parse(text, k, &e);
    REQUIRE(root);
    int i = 0;
    bool all = true;
    for (const cJSON *c = root->child; c; c = c->next, i++)
        if (json_line(c) != i + 2 || c->valuedouble != i)
            all = false;
    CHECK(all);
    CHECK_EQ_INT(i, 1000);
    cJSON_Delete(root);
    free(text);
}

TEST(parse_refuses_a_lone_surrogate_with_its_place)
{
    /* The grammar allows any \uXXXX, but half a surrogate pair is no
     * character: refused by the scan, at the escape, before cJSON sees it. */
    const char *text = "[\"ab\\uD800\"]";
    json_error e = { 0, 0, "" };
    CHECK(!json_check_syntax(text, strlen(text), &e));
    CHECK_EQ_INT(e.line, 1);
    CHECK_EQ_INT(e.column, 5);
    CHECK(strstr(e.message, "surrogate pair") != NULL);
    cJSON *root = json_parse(text, strlen(text), &e);
    CHECK(root == NULL);
    cJSON_Delete(root);
}

/* ---- the writer ------------------------------------------------------------------------ */

TEST(writer_compact_output)
{
    rb_buf b = { 0 };
    jw w;
    jw_init(&w, &b, false);
    jw_object(&w);
    jw_key(&w, "s");
    jw_string(&w, "q\"b\\n\nt\tr\rc\x01" "d\x7f\xC3\xA9");
    jw_key(&w, "n");
    jw_array(&w);
    jw_number(&w, 3);
    jw_number(&w, -0.5);
    jw_number(&w, 0.125);
    jw_number(&w, 0.1);
    jw_number(&w, 2.25);
    jw_number(&w, 1.0 / 3.0);
    jw_number(&w, NAN);
    jw_int(&w, -9223372036854775807LL - 1);
    jw_end_array(&w);
    jw_key(&w, "e");
    jw_array(&w);
    jw_end_array(&w);
    jw_key(&w, "o");
    jw_object(&w);
    jw_end_object(&w);
    jw_key(&w, "b");
    jw_bool(&w, true);
    jw_key(&w, "z");
    jw_string_or_null(&w, NULL);
    jw_key(&w, "part");
    jw_string_n(&w, "abcdef", 3);
    jw_end_object(&w);
    REQUIRE(rb_buf_ok(&b));
    CHECK_EQ_STR(rb_buf_str(&b),
                 "{\"s\":\"q\\\"b\\\\n\\nt\\tr\\rc\\u0001d\x7f\xC3\xA9\","
                 "\"n\":[3,-0.5,0.125,0.1,2.25,0.3333333333,null,-9223372036854775808],"
                 "\"e\":[],\"o\":{},\"b\":true,\"z\":null,\"part\":\"abc\"}");
    json_error e;
    cJSON *root = json_parse(b.data, b.len, &e);
    REQUIRE(root);
    CHECK_EQ_STR(cJSON_GetObjectItem(root, "s")->valuestring,
                 "q\"b\\n\nt\tr\rc\x01" "d\x7f\xC3\xA9");
    cJSON_Delete(root);
    rb_buf_release(&b);
}

TEST(writer_pretty_output_reads_back)
{
    rb_buf b = { 0 };
    jw w;
    jw_init(&w, &b, true);
    jw_object(&w);
    jw_key(&w, "a");
    jw_int(&w, 1);
    jw_key(&w, "l");
    jw_array(&w);
    jw_string(&w, "x");
    jw_object(&w);
    jw_key(&w, "k");
    jw_null(&w);
    jw_end_object(&w);
    jw_end_array(&w);
    jw_key(&w, "e");
    jw_array(&w);
    jw_end_array(&w);
    jw_end_object(&w);
    REQUIRE(rb_buf_ok(&b));
    CHECK_EQ_STR(rb_buf_str(&b),
                 "{\n"
                 "  \"a\": 1,\n"
                 "  \"l\": [\n"
                 "    \"x\",\n"
                 "    {\n"
                 "      \"k\": null\n"
                 "    }\n"
                 "  ],\n"
                 "  \"e\": []\n"
                 "}");
    json_error e;
    cJSON *root = json_parse(b.data, b.len, &e);
    REQUIRE(root);
    const cJSON *l = cJSON_GetObjectItem(root, "l");
    CHECK_EQ_INT(json_line(l), 3);
    CHECK_EQ_INT(json_line(cJSON_GetObjectItem(cJSON_GetArrayItem(l, 1), "k")), 6);
    cJSON_Delete(root);
    rb_buf_release(&b);
}

/* ---- regressions: each of these once failed against the scanner ---------------------- */

/* Keys are compared decoded: {"a": 1, "\u0061": 2} has a duplicate key
 * (once missed, and cJSON then kept both members while lookups saw only
 * the first). */
TEST(duplicate_key_written_with_u_escape_found)
{
    static const struct { const char *text; int column; } cases[] = {
        { "{\"a\": 1, \"\\u0061\": 2}", 10 },
        { "{\"text\": \"ok\", \"t\\u0065xt\": \"hidden\"}", 16 },
        { "{\"caf\xC3\xA9\": 1, \"caf\\u00e9\": 2}", 13 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        json_error e = { 0, 0, "" };
        bool ok = json_check_syntax(cases[i].text, strlen(cases[i].text), &e);
        CHECK_MSG(!ok, "accepted: %s", cases[i].text);
        if (ok)
            continue;
        CHECK_EQ_INT(e.line, 1);
        CHECK_EQ_INT(e.column, cases[i].column);
        CHECK(strstr(e.message, "duplicate key") != NULL);
    }
}

/* Duplicate keys are found however long they are (keys of 250 bytes or
 * more were once skipped). */
TEST(long_duplicate_keys_found)
{
    char key[301];
    memset(key, 'k', 300);
    key[300] = '\0';
    char text[700];
    snprintf(text, sizeof text, "{\"%s\": 1, \"%s\": 2}", key, key);
    char msg[400];
    snprintf(msg, sizeof msg, "duplicate key '%s' in an object", key);
    json_error e = { 0, 0, "" };
    CHECK(!json_check_syntax(text, strlen(text), &e));
    CHECK_EQ_INT(e.column, 309);
    CHECK(strstr(e.message, "duplicate key") != NULL);
}

/* A lone surrogate (\uDE00 without its pair) is refused by the scanner at
 * its place (once only cJSON refused it, reported at line 1, column 1). */
TEST(lone_surrogate_error_has_its_position)
{
    const char *text = "{\n  \"a\": 1,\n  \"b\": \"x\\uDE00y\"\n}";
    json_error e = { 0, 0, "" };
    cJSON *root = json_parse(text, strlen(text), &e);
    CHECK(root == NULL);
    cJSON_Delete(root);
    CHECK_EQ_INT(e.line, 3);
    /* The string's opening quote (column 8) or the escape (column 10). */
    CHECK(e.column == 8 || e.column == 10);
}

/* Text the engine did not read (a file name) may not be UTF-8: the JSON
 * written stays valid, each stray byte a U+FFFD, everything else kept. */
TEST(writer_replaces_bytes_that_are_not_utf8)
{
    rb_buf b = { 0 };
    rb_json_string(&b, "bad\xff.csv");
    rb_buf_putc(&b, ' ');
    rb_json_string(&b, "caf\xc3\xa9 \xc3 \xed\xa0\x80 \"q\"\n");
    REQUIRE(rb_buf_ok(&b));
    CHECK_EQ_STR(b.data, "\"bad\\ufffd.csv\" \"caf\xc3\xa9 \\ufffd \\ufffd\\ufffd\\ufffd "
                         "\\\"q\\\"\\n\"");
    json_error e = { 0, 0, "" };
    CHECK(json_check_syntax(b.data, strcspn(b.data, " "), &e));
    rb_buf_release(&b);
}

CHECK_MAIN()
