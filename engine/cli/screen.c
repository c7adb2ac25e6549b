/*
 * Text for a person at the terminal: long lines (questions, behaviours,
 * level descriptors) are wrapped at word boundaries to the terminal's
 * width, so that a hanging indent keeps lists readable instead of the
 * terminal breaking words in the middle. Output to a file or a pipe is
 * never wrapped: scripts and tests see one line per item.
 */
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli/cli.h"

size_t cli_screen_width(void)
{
    if (!isatty(STDOUT_FILENO))
        return 0;
    struct winsize ws;
    size_t cols = 80;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        cols = ws.ws_col;
    /* Wider lines are hard to read; a terminal narrower than 40 columns
     * gains nothing from an indent. */
    if (cols > 100)
        cols = 100;
    return cols < 40 ? 0 : cols - 1;
}

/* Columns taken by `n` bytes of UTF-8 text: one per character. */
static size_t columns(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

void cli_print_wrapped(const char *lead, const char *text, const char *suffix, size_t width)
{
    lead = lead ? lead : "";
    fputs(lead, stdout);
    size_t indent = columns(lead, strlen(lead)), col = indent;
    bool line_empty = true;  /* nothing after the indent yet */
    const char *parts[2] = { text ? text : "", suffix ? suffix : "" };
    for (size_t p = 0; p < 2; p++) {
        const char *s = parts[p];
        size_t gap = 0;  /* spaces owed before the next word */
        bool glued = false;
        if (p == 1) {
            /* The suffix keeps its own spacing; with none it is glued to
             * the text and never starts a line. */
            gap = strspn(s, " ");
            s += gap;
            glued = gap == 0 && !line_empty;
        }
        while (*s) {
            if (*s == '\n') {
                /* A line break of the text: a new line under the indent. */
                printf("\n%*s", (int)indent, "");
                col = indent;
                line_empty = true;
                gap = 0;
                glued = false;
                s++;
                continue;
            }
            if (*s == ' ' || *s == '\t') {
                gap = gap ? gap : 1;
                s++;
                continue;
            }
            size_t wl = strcspn(s, " \t\n"), wc = columns(s, wl);
            if (!line_empty && !glued && width && col + gap + wc > width) {
                printf("\n%*s", (int)indent, "");
                col = indent;
                line_empty = true;
            }
            if (!line_empty) {
                printf("%*s", (int)gap, "");
                col += gap;
            }
            fwrite(s, 1, wl, stdout);
            col += wc;
            s += wl;
            line_empty = false;
            gap = 0;
            glued = false;
        }
    }
    putchar('\n');
}
