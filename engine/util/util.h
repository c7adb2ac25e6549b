/*
 * Internal helpers shared by the engine's modules. Not installed.
 */
#ifndef RB_UTIL_H
#define RB_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- arena: many small allocations, freed together ---------------------- */

typedef struct arena arena;

arena *arena_new(void);
/* Returns zeroed memory aligned for any type, or NULL when out of memory. */
void *arena_alloc(arena *a, size_t size);
char *arena_strndup(arena *a, const char *s, size_t n);
char *arena_strdup(arena *a, const char *s);
char *arena_printf(arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
size_t arena_bytes(const arena *a);
void arena_free(arena *a);

/* A growable array of pointers living in an arena (old storage is simply
 * abandoned on growth: the arena frees it all at once). */
typedef struct ptrvec {
    void **items;
    size_t len, cap;
} ptrvec;

bool ptrvec_push(arena *a, ptrvec *v, void *item);

/* ---- UTF-8 --------------------------------------------------------------- */

/* Offset of the first byte that is not part of valid UTF-8 (no overlongs,
 * no surrogates, nothing above U+10FFFF), or `len` when all is valid. */
size_t utf8_invalid_at(const char *s, size_t len);
bool utf8_valid(const char *s, size_t len);
/* Number of code points in the first `len` bytes of valid UTF-8. */
size_t utf8_count(const char *s, size_t len);

/* ---- strings ------------------------------------------------------------- */

/* Optimal string alignment distance (edits, including swaps of neighbours),
 * capped: returns `cap`+1 as soon as the distance exceeds `cap`. Strings
 * over 64 bytes are never close (cap+1): this serves "did you mean". */
size_t edit_distance(const char *a, const char *b, size_t cap);
/* The candidate closest to `word` within a distance that fits its length,
 * or NULL when none is close enough to suggest. */
const char *closest_word(const char *word, const char *const *candidates,
                         size_t ncandidates);

/* ---- files --------------------------------------------------------------- */

typedef enum read_status {
    READ_OK,
    READ_TOO_BIG,
    READ_ERROR,   /* errno is set */
    READ_NOT_FILE, /* not a regular file (a folder, a FIFO, a device) */
} read_status;

/* Read a whole regular file into malloc'ed memory with a terminating NUL.
 * Refuses files bigger than `limit` (reports the size in *len). */
read_status read_file_limited(const char *path, size_t limit, char **data,
                              size_t *len);

/* Monotonic clock in seconds. */
double monotonic_seconds(void);

#endif
