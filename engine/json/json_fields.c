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

bool json_read_document(const char *path, size_t limit, rb_diags *diags, char **text,
                        size_t *len)
{
    read_status st = read_file_limited(path, limit, text, len);
    if (st == READ_TOO_BIG) {
        rb_diags_add(diags, RB_ERROR, RB_DIAG_INPUT, path, 0, 0, NULL,
                     "file is %zu bytes, over the limit of %zu MiB", *len, limit >> 20);
        return false;
    }
    if (st != READ_OK) {
        rb_diags_add(diags, RB_ERROR, RB_DIAG_SYSTEM, path, 0, 0, NULL,
                     "cannot read file: %s", strerror(errno));
        return false;
    }
    return true;
}
