/*
 * Read access to a finished library.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/model_internal.h"

rb_library *lib_new(void)
{
    rb_library *lib = calloc(1, sizeof(*lib));
    if (!lib)
        return NULL;
    lib->arena = arena_new();
    if (!lib->arena) {
        free(lib);
        return NULL;
    }
    return lib;
}

const char *lib_add_file(rb_library *lib, const char *display)
{
    char *copy = arena_strdup(lib->arena, display);
    if (!copy || !ptrvec_push(lib->arena, &lib->files, copy))
        return NULL;
    return copy;
}

size_t lib_file_rank(const rb_library *lib, const char *file)
{
    for (size_t i = 0; i < lib->files.len; i++)
        if (lib->files.items[i] == file || strcmp(lib->files.items[i], file) == 0)
            return i;
    return lib->files.len;
}

void rb_library_free(rb_library *lib)
{
    if (!lib)
        return;
    if (lib->release)
        lib->release(lib->release_ctx);
    free(lib->index);
    arena_free(lib->arena);
    free(lib);
}

size_t rb_library_nscales(const rb_library *lib) { return lib->scales.len; }
const rb_scale *rb_library_scale(const rb_library *lib, size_t i) { return lib->scales.items[i]; }
size_t rb_library_ncompetencies(const rb_library *lib) { return lib->competencies.len; }
const rb_competency *rb_library_competency(const rb_library *lib, size_t i)
{
    return &((const comp_def *)lib->competencies.items[i])->c;
}
size_t rb_library_nroles(const rb_library *lib) { return lib->roles.len; }
const rb_role *rb_library_role(const rb_library *lib, size_t i)
{
    return &((const role_def *)lib->roles.items[i])->r;
}
size_t rb_library_nbanks(const rb_library *lib) { return lib->banks.len; }
const rb_bank *rb_library_bank(const rb_library *lib, size_t i) { return lib->banks.items[i]; }
size_t rb_library_nprocesses(const rb_library *lib) { return lib->processes.len; }
const rb_process *rb_library_process(const rb_library *lib, size_t i)
{
    return &((const process_def *)lib->processes.items[i])->p;
}
size_t rb_library_nexamples(const rb_library *lib) { return lib->examples.len; }
const rb_example *rb_library_example(const rb_library *lib, size_t i)
{
    return &((const example_def *)lib->examples.items[i])->e;
}
const rb_cues *rb_library_cues(const rb_library *lib) { return lib->cues; }
size_t rb_library_nfiles(const rb_library *lib) { return lib->files.len; }
const char *rb_library_file(const rb_library *lib, size_t i) { return lib->files.items[i]; }
const char *rb_library_hash(const rb_library *lib) { return lib->hash; }
bool rb_library_has_hooks(const rb_library *lib) { return lib->has_hooks; }

bool rb_library_find(const rb_library *lib, const char *id, rb_item *out)
{
    size_t lo = 0, hi = lib->nindex;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(lib->index[mid].id, id);
        if (c == 0) {
            *out = lib->index[mid].item;
            return true;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    memset(out, 0, sizeof(*out));
    return false;
}

const char *rb_kind_name(rb_kind kind)
{
    switch (kind) {
    case RB_KIND_SCALE: return "scale";
    case RB_KIND_COMPETENCY: return "competency";
    case RB_KIND_BEHAVIOUR: return "behaviour";
    case RB_KIND_QUESTION: return "question";
    case RB_KIND_PROBE: return "probe";
    case RB_KIND_ROLE: return "role";
    case RB_KIND_BANK: return "bank";
    case RB_KIND_OPTION: return "option";
    case RB_KIND_PROCESS: return "process";
    case RB_KIND_STEP: return "step";
    case RB_KIND_NONE: break;
    }
    return "nothing";
}

const char *rb_show_name(rb_show show)
{
    switch (show) {
    case RB_SHOW_COMPARISON: return "comparison";
    case RB_SHOW_STRENGTHS: return "strengths";
    case RB_SHOW_DEVELOPMENT: return "development";
    case RB_SHOW_FOLLOW_UP: return "follow-up";
    }
    return "?";
}

const rb_level *rb_competency_level(const rb_competency *c, int number)
{
    for (size_t i = 0; i < c->nlevels; i++)
        if (c->levels[i].number == number)
            return &c->levels[i];
    return NULL;
}

const rb_scale_level *rb_scale_level_of(const rb_scale *s, int number)
{
    for (size_t i = 0; i < s->nlevels; i++)
        if (s->levels[i].number == number)
            return &s->levels[i];
    return NULL;
}

const char *rb_library_suggest(const rb_library *lib, const char *id)
{
    return rb_library_suggest_kind(lib, id, RB_KIND_NONE);
}

const char *rb_library_suggest_kind(const rb_library *lib, const char *id, rb_kind kind)
{
    const char *best = NULL;
    size_t best_d = SIZE_MAX;
    size_t cap = strlen(id) <= 4 ? 1 : strlen(id) / 3;
    if (cap > 4)
        cap = 4;
    for (size_t i = 0; i < lib->nindex; i++) {
        rb_kind k = lib->index[i].item.kind;
        if (kind != RB_KIND_NONE ? k != kind
                                 : (k != RB_KIND_SCALE && k != RB_KIND_COMPETENCY &&
                                    k != RB_KIND_ROLE && k != RB_KIND_BANK &&
                                    k != RB_KIND_PROCESS))
            continue;
        size_t d = edit_distance(id, lib->index[i].id, cap);
        if (d <= cap && d < best_d) {
            best_d = d;
            best = lib->index[i].id;
        }
    }
    return best;
}
