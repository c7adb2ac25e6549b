/*
 * Loading a rubric library from Lua files, in a sandbox.
 *
 * Rubric files are untrusted. Each load uses a fresh Lua state with only
 * safe libraries, a memory cap, an instruction budget per file and a
 * deadline for the whole load. Problems are collected, not thrown: one
 * load reports every error it can find.
 */
#ifndef RUBRIC_LOAD_H
#define RUBRIC_LOAD_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "model.h"

typedef struct rb_load_options {
    size_t memory_limit;          /* bytes of Lua heap; 0 = default */
    uint64_t instruction_limit;   /* Lua VM instructions per file; 0 = default */
    double time_limit;            /* seconds for the whole load; 0 = default */
    size_t max_file_size;         /* bytes per file; 0 = default */
    size_t max_files;             /* files per library; 0 = default */
} rb_load_options;

#define RB_DEFAULT_MEMORY_LIMIT ((size_t)64 << 20)
#define RB_DEFAULT_INSTRUCTION_LIMIT ((uint64_t)20000000)
#define RB_DEFAULT_TIME_LIMIT 10.0
#define RB_DEFAULT_MAX_FILE_SIZE ((size_t)1 << 20)
#define RB_DEFAULT_MAX_FILES ((size_t)10000)

/*
 * Load the given files and directories (`paths`) as one library.
 *
 * A directory is a library root: its .lua files are loaded recursively in
 * sorted order (hidden entries and *.d.lua declaration files skipped) and
 * includes may not leave it. A file's root is its own directory. A file met
 * twice (listed again, or included) runs once.
 *
 * Always returns a diagnostics list in *diags (never NULL unless memory is
 * exhausted). Returns the library in *out when there were no errors
 * (warnings allowed), NULL otherwise. `files_run`, when not NULL, gets the
 * number of files that were run.
 */
void rb_library_load(const char *const *paths, size_t npaths,
                     const rb_load_options *options,
                     rb_library **out, rb_diags **diags, size_t *files_run);

#endif
