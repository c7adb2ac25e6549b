/*
 * Line input for the interactive commands: libedit at a terminal, plain
 * buffered reads from scripts and pipes (see lineinput.h).
 */
#include "cli/lineinput.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <editline/readline.h>

#include "rubric/rubric.h"

struct cli_input {
    FILE *file;        /* NULL at the terminal */
    bool owns_file;
    bool interactive;
    long lineno;
    const char *name;
    char *line;        /* the last line handed out */
    size_t cap;
};

cli_input *cli_input_open(const char *script)
{
    cli_input *in = calloc(1, sizeof *in);
    if (!in)
        return NULL;
    if (script && strcmp(script, "-") != 0) {
        in->file = fopen(script, "re");
        /* A folder opens, and fails only at the first read: say so now,
         * before a command creates anything. */
        struct stat st;
        if (in->file && fstat(fileno(in->file), &st) == 0 && S_ISDIR(st.st_mode)) {
            fclose(in->file);
            in->file = NULL;
            errno = EISDIR;
        }
        if (!in->file) {
            int e = errno;
            free(in);
            errno = e;
            return NULL;
        }
        in->owns_file = true;
        in->name = script;
    } else if (!script && isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)) {
        in->interactive = true;
        in->name = "<terminal>";
    } else {
        in->file = stdin;
        in->name = "<stdin>";
    }
    return in;
}

bool cli_input_interactive(const cli_input *in) { return in->interactive; }
long cli_input_lineno(const cli_input *in) { return in->lineno; }
const char *cli_input_name(const cli_input *in) { return in->name; }

/* Read one line of a file into in->line, a byte at a time through stdio's
 * buffer, so an endless line costs no more than the cap. */
static cli_input_status read_file_line(cli_input *in)
{
    size_t len = 0;
    bool too_long = false, any = false;
    int c;
    while ((c = getc(in->file)) != EOF) {
        any = true;
        if (c == '\n')
            break;
        if (len >= CLI_MAX_INPUT_LINE) {
            too_long = true;
            continue;
        }
        if (len + 1 >= in->cap) {
            size_t cap = in->cap ? in->cap * 2 : 256;
            char *p = realloc(in->line, cap);
            if (!p)
                return CLI_INPUT_ERROR;
            in->line = p;
            in->cap = cap;
        }
        in->line[len++] = (char)c;
    }
    if (ferror(in->file))
        return CLI_INPUT_ERROR;
    if (!any)
        return CLI_INPUT_EOF;
    in->lineno++;
    if (too_long)
        return CLI_INPUT_TOO_LONG;
    if (!in->line) {
        in->line = malloc(1);
        if (!in->line)
            return CLI_INPUT_ERROR;
        in->cap = 1;
    }
    in->line[len] = '\0';
    if (len && in->line[len - 1] == '\r')
        in->line[--len] = '\0';
    return rb_text_valid(in->line, len) ? CLI_INPUT_LINE : CLI_INPUT_BAD_TEXT;
}

cli_input_status cli_input_read(cli_input *in, const char *prompt, const char **line)
{
    *line = NULL;
    if (!in->interactive) {
        cli_input_status st = read_file_line(in);
        if (st == CLI_INPUT_LINE)
            *line = in->line;
        return st;
    }
    free(in->line);
    in->line = readline(prompt ? prompt : "");
    in->cap = 0;
    if (!in->line)
        return CLI_INPUT_EOF;
    in->lineno++;
    size_t len = strlen(in->line);
    if (len > CLI_MAX_INPUT_LINE)
        return CLI_INPUT_TOO_LONG;
    if (!rb_text_valid(in->line, len))
        return CLI_INPUT_BAD_TEXT;
    if (len)
        add_history(in->line);
    *line = in->line;
    return CLI_INPUT_LINE;
}

void cli_input_close(cli_input *in)
{
    if (!in)
        return;
    if (in->owns_file)
        fclose(in->file);
    free(in->line);
    free(in);
}
