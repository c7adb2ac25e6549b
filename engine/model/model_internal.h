/*
 * The model's construction interface, used by the loader. A library is
 * built mutable, then lib_finish() resolves references, checks what needs
 * the whole library, indexes ids and computes the content hash; after that
 * it is only read.
 */
#ifndef RB_MODEL_INTERNAL_H
#define RB_MODEL_INTERNAL_H

#include "rubric/diag.h"
#include "rubric/model.h"
#include "util/util.h"

/* A competency while it is built: the scale is still a name. */
typedef struct comp_def {
    rb_competency c;          /* first: a comp_def* is an rb_competency* */
    const char *scale_id;
    /* What a Lua scoring function does, for the content hash: its source
     * without comments and with white space collapsed, then the values it
     * captured. Layout and comments do not change it; code and captured
     * values do. */
    const char *hook_code;
} comp_def;

typedef struct need_def {
    const char *competency_id;
    int target;
    bool has_target;
    double weight;
    rb_loc loc;
} need_def;

typedef struct role_def {
    rb_role r;                /* first, as above */
    size_t nneeds;
    need_def *needs;
} role_def;

/* Examples name their competency until lib_finish resolves it. */
typedef struct example_def {
    rb_example e;             /* first, as above */
    const char *competency_id;
} example_def;

/* Steps name their bank items until lib_finish resolves them. */
typedef struct step_refs {
    size_t n;
    const char **ids;         /* bank, bank question or option ids */
} step_refs;

typedef struct process_def {
    rb_process p;             /* first, as above */
    rb_step *steps;           /* the same array as p.steps, writable */
    step_refs *refs;          /* one per step */
} process_def;

struct index_entry {
    const char *id;
    rb_item item;
    rb_loc loc;
    size_t file_rank;
};

struct rb_library {
    arena *arena;
    ptrvec scales;        /* rb_scale* */
    ptrvec competencies;  /* comp_def* */
    ptrvec roles;         /* role_def* */
    ptrvec banks;         /* rb_bank* */
    ptrvec examples;      /* example_def* */
    ptrvec processes;     /* process_def* */
    rb_cues *cues;        /* NULL when the library has none */
    ptrvec files;         /* const char* display paths */
    struct index_entry *index;
    size_t nindex;
    char hash[7 + 64 + 1];
    bool has_hooks;
    /* Called by rb_library_free to release what the loader kept alive. */
    void (*release)(void *ctx);
    void *release_ctx;
};

rb_library *lib_new(void);
/* Register a file; returns its stable display path copy (or NULL). */
const char *lib_add_file(rb_library *lib, const char *display);
size_t lib_file_rank(const rb_library *lib, const char *file);
/* Resolve and check across files; returns false if errors were added. */
bool lib_finish(rb_library *lib, rb_diags *diags);
/* Compute lib->hash (called by lib_finish); false when out of memory. */
bool lib_compute_hash(rb_library *lib);

#endif
