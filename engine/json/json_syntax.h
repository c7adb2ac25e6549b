/*
 * Strict JSON syntax check (RFC 8259) run before cJSON builds a tree:
 * cJSON accepts some texts that are not JSON and cannot say where a text
 * goes wrong; this scanner rejects them and gives the line and column.
 */
#ifndef RB_JSON_SYNTAX_H
#define RB_JSON_SYNTAX_H

#include <stdbool.h>
#include <stddef.h>

#include <cjson/cJSON.h>

#define JSON_MAX_DEPTH 64
#define JSON_MAX_KEYS 1000
#define JSON_MAX_KEY_BYTES 1000
#define JSON_MAX_VALUES 200000

typedef struct json_error {
    int line, column;   /* 1-based; column counts characters */
    char message[160];
} json_error;

/* Check that text[0..len) is exactly one JSON value (white space around
 * allowed), valid UTF-8, nested at most JSON_MAX_DEPTH deep, with no
 * duplicate keys in any object. */
bool json_check_syntax(const char *text, size_t len, json_error *err);

/* Check, then parse with cJSON. Every node's line is kept in its valueint
 * (unused by this engine for numbers, which it reads from valuedouble):
 * read it with json_line(). NULL with *err filled on failure. */
cJSON *json_parse(const char *text, size_t len, json_error *err);
int json_line(const cJSON *node);

#endif
