/*
 * The Lua side of loading: sandbox, DSL constructors, file runner. The only
 * module that includes lua.h.
 */
#ifndef RB_LUA_INTERNAL_H
#define RB_LUA_INTERNAL_H

#include <lauxlib.h>
#include <lua.h>
#include <stdbool.h>
#include <stdint.h>

#include "model/model_internal.h"
#include "rubric/load.h"

/* Why the sandbox stopped a chunk. */
typedef enum kill_reason {
    KILL_NONE,
    KILL_INSTRUCTIONS,
    KILL_TIME,
    KILL_DEPTH,  /* calls nested too deeply: endless recursion */
} kill_reason;

/* Rubric code has no business nesting calls deeper than this. */
#define SANDBOX_MAX_DEPTH 200

/* A Lua state with limits. Heap-allocated: when a library keeps Lua scoring
 * functions it owns the sandbox and closes it when freed. */
typedef struct sandbox {
    lua_State *L;
    size_t mem_used, mem_limit;
    bool mem_refused;          /* the allocator said no at least once */
    uint64_t instructions, instruction_limit;
    double deadline;
    unsigned hook_calls;
    kill_reason killed;
    void *user;                /* the loader using the state */
} sandbox;

#define SANDBOX_LIMIT_MESSAGE "stopped by the sandbox"

sandbox *sandbox_open(size_t mem_limit);
void sandbox_close(sandbox *sb);
/* Arm limits for one chunk: an instruction budget and a deadline. */
void sandbox_arm(sandbox *sb, uint64_t instruction_limit, double deadline);
/* Keep counting after a nested chunk ran with its own budget: restore the
 * outer chunk's count and lift an instruction kill (a deadline kill stays). */
void sandbox_resume(sandbox *sb, uint64_t instructions);
/* Stop counting (between chunks). */
void sandbox_disarm(sandbox *sb);
/* Push a fresh environment table for one file: copies of the allowed
 * libraries, strict about unknown names. DSL functions must be added by
 * the caller. */
void sandbox_push_env(lua_State *L);
/* A message handler for lua_pcall that never runs user metamethods. */
int sandbox_msgh(lua_State *L);

/* ---- one file being run ---- */
typedef struct file_run {
    const char *display;   /* interned in the library */
    const char *real;      /* realpath */
    const char *root_real;     /* library root: includes stay inside it */
    const char *root_display;
    const char *text;      /* contents while running */
    size_t len;
    struct file_run *outer; /* the file that included this one */
} file_run;

typedef struct loader {
    sandbox *sb;
    rb_library *lib;
    rb_diags *diags;
    rb_load_options opt;
    double deadline;
    file_run *current;
    size_t nrun;               /* files run so far */
    int include_depth;
    bool stop;                 /* a limit for the whole load was hit */
} loader;

#define LOADER_MAX_DIAGNOSTICS RB_MAX_DIAGNOSTICS
#define LOADER_MAX_INCLUDE_DEPTH 32
#define LOADER_MAX_DEFINITIONS 50000
#define LOADER_MAX_MODEL_BYTES ((size_t)128 << 20)

/* The loader behind a state (kept in the state's extra space). */
loader *loader_of(lua_State *L);

/* dsl.c */
void dsl_register(lua_State *L, int env_index);
void dsl_open(lua_State *L);  /* create the object metatable */

/* loader.c */
int loader_include(lua_State *L);
/* Add a diagnostic; raises a Lua error when there are too many. */
void loader_diag(loader *ld, rb_severity sev, const char *file, int line,
                 const char *detail, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/* The file and line of the Lua code calling the running C function. */
void loader_where(lua_State *L, const char **file, int *line);

#endif
