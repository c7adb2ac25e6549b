/*
 * Reading the user's lines: from the terminal with line editing and history
 * (libedit), or from a script file or a pipe, one line at a time. The
 * interactive commands (interview, assess, ...) read through this, so the
 * same actions come from a person or from a file.
 */
#ifndef RB_CLI_LINEINPUT_H
#define RB_CLI_LINEINPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define CLI_MAX_INPUT_LINE ((size_t)64 << 10)  /* bytes in one line */

typedef struct cli_input cli_input;

typedef enum cli_input_status {
    CLI_INPUT_LINE,     /* *line holds a line (without its newline) */
    CLI_INPUT_EOF,      /* end of input (or Ctrl-D at the terminal) */
    CLI_INPUT_TOO_LONG, /* a line over CLI_MAX_INPUT_LINE bytes (skipped) */
    CLI_INPUT_BAD_TEXT, /* a line with a NUL byte or invalid UTF-8 (skipped) */
    CLI_INPUT_ERROR,    /* a read error (errno) */
} cli_input_status;

/* Read from `script` ("-" for standard input) or, when NULL, from standard
 * input: with line editing when it is a terminal. NULL when the script
 * cannot be opened (errno set) or out of memory. */
cli_input *cli_input_open(const char *script);
/* True when a person is typing (prompts and screens are worth showing). */
bool cli_input_interactive(const cli_input *in);
/* The number of the line last read (from 1), for messages about a script. */
long cli_input_lineno(const cli_input *in);
/* The name of the input for messages: the script's path or "<stdin>". */
const char *cli_input_name(const cli_input *in);
/* Read one line, showing `prompt` at the terminal. On CLI_INPUT_LINE,
 * *line is owned by the input and valid until the next call. */
cli_input_status cli_input_read(cli_input *in, const char *prompt, const char **line);
void cli_input_close(cli_input *in);

#endif
