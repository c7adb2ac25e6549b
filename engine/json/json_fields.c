#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "json/json_fields.h"
#include "json/json_syntax.h"
#include "util/util.h"

void json_problem(json_report *r, rb_severity sev, const cJSON *node, const char *path,
                  const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (sev == RB_ERROR)
        r->errors++;
    int line = node ? json_line(node) : 0;
    bool has_path = path && *path;
    rb_diags_add(r->diags, sev, RB_DIAG_INPUT, r->source, line ? r->line0 + line : 0, 0,
                 NULL, "%s%s%s", has_path ? path : "", has_path ? ": " : "", msg);
}

const char *json_kind(const cJSON *v)
{
    if (cJSON_IsString(v)) return "text";
    if (cJSON_IsNumber(v)) return "number";
    if (cJSON_IsBool(v)) return "true/false";
    if (cJSON_IsNull(v)) return "null";
    if (cJSON_IsArray(v)) return "list";
    if (cJSON_IsObject(v)) return "object";
    return "value";
}

void json_check_keys(json_report *r, const cJSON *obj, const char *path,
                     const char *const *known)
{
    size_t n = 0;
    while (known[n])
        n++;
    for (const cJSON *c = obj->child; c; c = c->next) {
        bool ok = false;
        for (size_t i = 0; i < n && !ok; i++)
            ok = strcmp(c->string, known[i]) == 0;
        if (ok)
            continue;
        const char *best = closest_word(c->string, known, n);
        if (best)
            json_problem(r, RB_ERROR, c, path, "unknown field '%s' (did you mean '%s'?)",
                         c->string, best);
        else
            json_problem(r, RB_ERROR, c, path, "unknown field '%s'", c->string);
    }
}

const cJSON *json_member(json_report *r, const cJSON *obj, const char *key, const char *path,
                         int want, const char *want_name, bool required)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!v) {
        if (required)
            json_problem(r, RB_ERROR, obj, *path ? path : NULL, "'%s' is missing", key);
        return NULL;
    }
    if ((v->type & 0xFF) != want) {
        char where[256];
        snprintf(where, sizeof where, "%s%s%s", path, *path ? "." : "", key);
        json_problem(r, RB_ERROR, v, where, "must be %s, not %s", want_name, json_kind(v));
        return NULL;
    }
    return v;
}

cJSON *json_parse_root(json_report *r, const char *text, size_t len)
{
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        text += 3;
        len -= 3;
    }
    json_error je;
    cJSON *root = json_parse(text, len, &je);
    if (!root) {
        rb_diags_add(r->diags, RB_ERROR, RB_DIAG_INPUT, r->source, r->line0 + je.line,
                     je.column, NULL, "malformed JSON at line %d, column %d: %s",
                     r->line0 + je.line, je.column, je.message);
        r->errors++;
    }
    return root;
}

bool json_check_format(json_report *r, const cJSON *root, const char *format)
{
    if (!cJSON_IsObject(root)) {
        json_problem(r, RB_ERROR, root, NULL, "the document must be a JSON object, not %s",
                     json_kind(root));
        return false;
    }
    const cJSON *fmt = cJSON_GetObjectItemCaseSensitive(root, "format");
    if (!fmt)
        json_problem(r, RB_ERROR, root, NULL, "'format' is missing; add \"format\": \"%s\"",
                     format);
    else if (!cJSON_IsString(fmt))
        json_problem(r, RB_ERROR, fmt, "format", "expected \"%s\", not %s", format,
                     json_kind(fmt));
    else if (strcmp(fmt->valuestring, format) != 0)
        json_problem(r, RB_ERROR, fmt, "format", "expected \"%s\", not \"%.60s\"", format,
                     fmt->valuestring);
    else
        return true;
    return false;
}

bool json_read_document(const char *path, size_t limit, rb_diags *diags, char **text,
                        size_t *len)
{
    read_status st = read_file_limited(path, limit, text, len);
    if (st == READ_TOO_BIG) {
        rb_diags_add(diags, RB_ERROR, RB_DIAG_INPUT, path, 0, 0, NULL,
                     "file is %zu bytes, over the limit of %zu MiB", *len, limit >> 20);
        return false;
    }
    if (st == READ_NOT_FILE) {
        rb_diags_add(diags, RB_ERROR, RB_DIAG_INPUT, path, 0, 0, NULL, "%s",
                     errno == EISDIR ? "is a folder, not a file"
                                     : "is not a regular file (a pipe or a device?); give a file");
        return false;
    }
    if (st != READ_OK) {
        rb_diags_add(diags, RB_ERROR, RB_DIAG_SYSTEM, path, 0, 0, NULL,
                     "cannot read file: %s", strerror(errno));
        return false;
    }
    return true;
}
