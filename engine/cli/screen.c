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
    const char *parts[2] = { text ? text : "", suffix ? suffix : "" };
    bool first = true;
    for (size_t p = 0; p < 2; p++) {
        const char *s = parts[p];
        /* The suffix is glued to the text as it would be on one line. */
        size_t gap = p == 1 ? strspn(s, " ") : 1;
        s += p == 1 ? gap : 0;
        while (*s) {
            size_t wl = strcspn(s, " ");
            if (wl == 0) {
                s++;
                continue;
            }
            size_t wc = columns(s, wl);
            if (!first && width && col + gap + wc > width && col > indent) {
                printf("\n%*s", (int)indent, "");
                col = indent;
            } else if (!first) {
                printf("%*s", (int)gap, "");
                col += gap;
            }
            fwrite(s, 1, wl, stdout);
            col += wc;
            s += wl;
            first = false;
            gap = 1;
        }
    }
    putchar('\n');
}
