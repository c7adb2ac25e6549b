#include <cjson/cJSON.h>

#include "rubric/json.h"

bool rb_json_diagnostics(const rb_diags *diags, size_t nfiles, rb_buf *out)
{
    bool failed = false;
    cJSON *root = cJSON_CreateObject();
    cJSON *list = cJSON_CreateArray();
    if (!root || !list) {
        cJSON_Delete(root);
        cJSON_Delete(list);
        return false;
    }
    failed |= !cJSON_AddStringToObject(root, "format", RB_DIAGNOSTICS_FORMAT);
    failed |= !cJSON_AddBoolToObject(root, "ok", rb_diags_errors(diags) == 0);
    failed |= !cJSON_AddNumberToObject(root, "files", (double)nfiles);
    failed |= !cJSON_AddNumberToObject(root, "errors", (double)rb_diags_errors(diags));
    failed |= !cJSON_AddNumberToObject(root, "warnings",
                                       (double)rb_diags_warnings(diags));
    /* Memory ran out while recording: some diagnostics are missing. */
    failed |= !cJSON_AddBoolToObject(root, "complete", !rb_diags_overflowed(diags));
    for (size_t i = 0; i < rb_diags_count(diags); i++) {
        const rb_diag *dg = rb_diags_at(diags, i);
        cJSON *o = cJSON_CreateObject();
        if (!o || !cJSON_AddItemToArray(list, o)) {
            cJSON_Delete(o);
            failed = true;
            break;
        }
        failed |= !cJSON_AddStringToObject(o, "severity",
                                           dg->severity == RB_ERROR ? "error" : "warning");
        if (dg->file)
            failed |= !cJSON_AddStringToObject(o, "file", dg->file);
        else
            failed |= !cJSON_AddNullToObject(o, "file");
        failed |= !cJSON_AddNumberToObject(o, "line", dg->line);
        failed |= !cJSON_AddNumberToObject(o, "column", dg->column);
        failed |= !cJSON_AddStringToObject(o, "message", dg->message);
        if (dg->detail)
            failed |= !cJSON_AddStringToObject(o, "detail", dg->detail);
        else
            failed |= !cJSON_AddNullToObject(o, "detail");
        failed |= !cJSON_AddStringToObject(o, "kind",
                                           dg->kind == RB_DIAG_SYSTEM ? "system" : "input");
    }
    if (!cJSON_AddItemToObject(root, "diagnostics", list)) {
        cJSON_Delete(list);
        failed = true;
    }
    char *text = failed ? NULL : cJSON_Print(root);
    cJSON_Delete(root);
    if (!text)
        return false;
    rb_buf_puts(out, text);
    rb_buf_putc(out, '\n');
    cJSON_free(text);
    return rb_buf_ok(out);
}
