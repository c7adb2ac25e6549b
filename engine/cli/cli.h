/*
 * Shared pieces of the rubric command-line tool. The CLI uses only the
 * engine's public headers.
 */
#ifndef RB_CLI_H
#define RB_CLI_H

#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

#include "rubric/rubric.h"

/* Exit codes (documented in README.md and `rubric --help`). */
enum {
    EXIT_OK = 0,
    EXIT_INVALID = 1,  /* invalid input: rubric errors, bad arguments' content */
    EXIT_USAGE = 2,    /* the command line itself is wrong */
    EXIT_SYSTEM = 3,   /* I/O or memory failure */
};

typedef struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} command;

/* ---- option parsing: --name value, --name=value, -x value, -- -------- */
typedef struct opt_spec {
    const char *long_name;  /* without the dashes */
    char short_name;        /* 0 for none */
    bool takes_value;
} opt_spec;

typedef struct opt_parser {
    int argc;
    char **argv;
    int index;             /* next argument to look at */
    const opt_spec *specs;
    const char *command;   /* for messages */
    bool done;             /* "--" seen */
} opt_parser;

/* Result of cli_next_opt */
enum { OPT_END = -1, OPT_ARG = -2, OPT_ERROR = -3 };

/* Returns the index into specs of the next option, OPT_ARG for a
 * positional argument (in *value), OPT_END, or OPT_ERROR (already printed). */
int cli_next_opt(opt_parser *p, const char **value);

/* ---- the library ---- */
/* --library, then $RUBRIC_LIBRARY, then the shipped library. */
const char *cli_library_dir(const char *option);
/* Load the library; on failure print diagnostics and return an exit code
 * (and NULL in *lib). Prints warnings only when `show_warnings`. */
int cli_load(const char *library_option, rb_library **lib);

/* ---- output ---- */
void cli_print_diags(FILE *f, const rb_diags *d);
int cli_exit_for(const rb_diags *d);
/* Write `b` to `path` atomically, or to stdout when path is NULL or "-". */
int cli_write(const char *path, const rb_buf *b);
/* The same with the new file's permission bits: 0600 for a person's
 * private records (assessments, sessions, plans). */
int cli_write_mode(const char *path, const rb_buf *b, unsigned mode);
/* The first bytes of the regular file at `path` (at most size - 1, with a
 * NUL after them in `buf`), read without waiting on a FIFO or a device:
 * their count, or -1 with errno set (EISDIR or EINVAL when it is a folder
 * or not a regular file). */
ssize_t cli_file_head(const char *path, char *buf, size_t size);
/* The value of the first "format" key in the JSON text `head`, in `out`;
 * "" when there is none: enough to choose a reader, which checks all. */
void cli_head_format(const char *head, char *out, size_t size);
/* Before a person types a whole document (an assessment, a plan): the
 * file it will be saved to must not exist yet and its folder must be one
 * this process can write to, so that the end of the session cannot fail
 * there. `what` names the document for the message ("the plan"). */
int cli_check_new_output(const char *path, const char *what);
/* Write a new file (mode 0600) that must not exist: refused, with a
 * message, when it does, even when it appeared a moment ago. */
int cli_write_new_private(const char *path, const rb_buf *b);
/* Save a document about a person (mode 0600) to `output`, or to stdout
 * when it is NULL or "-", then say "wrote PATH" on stderr when it went to
 * a file. `rendered` false means making the document ran out of memory. */
int cli_save_private(const char *output, const rb_buf *b, bool rendered);
/* After reading a document with problems in `d`: print them, free `d`,
 * and return the exit code (EXIT_INVALID when nothing was read, `got`
 * false, though no error said why). */
int cli_read_done(rb_diags *d, bool got);
/* The role `id` of the library; NULL, with the error printed ("unknown
 * role ... (did you mean ...?)"), when there is none. */
const rb_role *cli_find_role(const rb_library *lib, const char *id);
/* The item `id` of kind `kind` (a role, a process, ...); NULL, with the
 * error printed, when there is none: "'x' is a competency, not a role", or
 * "unknown role 'x'" with the closest role's id. */
const void *cli_find_kind(const rb_library *lib, const char *id, rb_kind kind);
int cli_usage_error(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
int cli_error(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

int cmd_check(int argc, char **argv);
int cmd_list(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_new(int argc, char **argv);
int cmd_score(int argc, char **argv);
int cmd_test(int argc, char **argv);
int cmd_compare(int argc, char **argv);
int cmd_agreement(int argc, char **argv);
int cmd_plan(int argc, char **argv);
int cmd_guide(int argc, char **argv);
int cmd_panel(int argc, char **argv);
int cmd_interview(int argc, char **argv);
int cmd_develop(int argc, char **argv);
int cmd_followup(int argc, char **argv);
int cmd_share(int argc, char **argv);
int cmd_purge(int argc, char **argv);
int cmd_assess(int argc, char **argv);
int cmd_discuss(int argc, char **argv);
/* ---- the screen (cli/screen.c) ---- */
/* The column to wrap screen text at: the terminal's width less one (at
 * most 99) when standard output is a terminal of 40 columns or more, else
 * 0: no wrapping. */
size_t cli_screen_width(void);
/* Print `lead`, `text` and `suffix` (each may be NULL) as one line on
 * standard output, wrapped between words at `width` columns (0: not
 * wrapped), the lines after the first indented as far as `lead` is wide.
 * The suffix keeps its own leading spaces, as on one line. */
void cli_print_wrapped(const char *lead, const char *text, const char *suffix, size_t width);

/* Today: $RUBRIC_TODAY (YYYY-MM-DD) when set, else the local date; on
 * failure the error is printed and an exit code returned. */
int cli_today(rb_date *out);

#endif
