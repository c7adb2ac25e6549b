/*
 * File helpers shared by the engine and its tools.
 */
#ifndef RUBRIC_IO_H
#define RUBRIC_IO_H

#include <stdbool.h>
#include <stddef.h>

/* Write `len` bytes to `path` atomically: a temporary file in the same
 * directory, fsync, rename, fsync of the directory. `mode` is the new file's
 * permission bits. On failure nothing is left at `path` that was not there
 * before, and errno-style text is put in `err` (size `errsize`).
 * Returns 0 or -1. */
int rb_write_file_atomic(const char *path, const void *data, size_t len,
                         unsigned mode, char *err, size_t errsize);
/* The same for a file that must not exist yet: it is never replaced, even
 * by a file that appears while this one is written (errno EEXIST, "the
 * file already exists"). */
int rb_write_file_new(const char *path, const void *data, size_t len,
                      unsigned mode, char *err, size_t errsize);

/* True when `s` (len bytes) is valid UTF-8 without NUL bytes: text a
 * person could have typed. */
bool rb_text_valid(const char *s, size_t len);

/* True when NUL-terminated UTF-8 `s` holds no control character: none of
 * C0 (but line breaks and tabs when `multiline`), DEL or C1 (U+0080 to
 * U+009F), which a terminal would take as commands. */
bool rb_text_plain(const char *s, bool multiline);

/* A name as a file-name and id fragment: ASCII letters in lower case,
 * digits and non-ASCII characters kept, every run of anything else one
 * hyphen, none at either end ("Pat O'Lee" -> "pat-o-lee"); "x" when
 * nothing is left. Cut short (at a character boundary) to fit `size`. */
void rb_name_slug(const char *name, char *out, size_t size);

#endif
