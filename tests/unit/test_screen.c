/*
 * Text wrapped for the terminal (cli/screen.c): between words at the
 * width, under a hanging indent as wide as the lead, a text's own line
 * breaks kept under the indent, a suffix glued to the text when it has no
 * space of its own.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "cli/cli.h"

/* What cli_print_wrapped writes to standard output. */
static char *wrapped(const char *lead, const char *text, const char *suffix, size_t width)
{
    static char out[4096];
    fflush(stdout);
    FILE *tmp = tmpfile();
    if (!tmp)
        return NULL;
    int saved = dup(STDOUT_FILENO);
    dup2(fileno(tmp), STDOUT_FILENO);
    cli_print_wrapped(lead, text, suffix, width);
    fflush(stdout);
    dup2(saved, STDOUT_FILENO);
    close(saved);
    rewind(tmp);
    size_t n = fread(out, 1, sizeof out - 1, tmp);
    out[n] = '\0';
    fclose(tmp);
    return out;
}

TEST(words_wrap_under_the_lead)
{
    CHECK_EQ_STR(wrapped("  1. ", "Conducts development and career planning dialogues with "
                         "employees.", NULL, 30),
                 "  1. Conducts development and\n"
                 "     career planning dialogues\n"
                 "     with employees.\n");
    /* Width 0: one line, as for a file or a pipe; runs of spaces are one. */
    CHECK_EQ_STR(wrapped("Q: ", "Tell  me about a time.", NULL, 0), "Q: Tell me about a time.\n");
    /* A word longer than the width stands alone on its line. */
    CHECK_EQ_STR(wrapped("- ", "a extraordinarilylongword b", NULL, 10),
                 "- a\n  extraordinarilylongword\n  b\n");
}

TEST(a_suffix_keeps_its_spacing_or_is_glued)
{
    CHECK_EQ_STR(wrapped("  2. ", "Mentors employees.", "  [observed]", 0),
                 "  2. Mentors employees.  [observed]\n");
    CHECK_EQ_STR(wrapped("  2. ", "Mentors employees.", "  [observed]", 24),
                 "  2. Mentors employees.\n     [observed]\n");
    /* No space of its own: never put on a line of its own. */
    CHECK_EQ_STR(wrapped("", "aaaa bbbb cccc dddd", "?", 19), "aaaa bbbb cccc dddd?\n");
}

TEST(the_texts_own_line_breaks_stay_under_the_indent)
{
    CHECK_EQ_STR(wrapped("     - ", "First line\nsecond\tline", NULL, 0),
                 "     - First line\n       second line\n");
    CHECK_EQ_STR(wrapped(NULL, "", NULL, 40), "\n");
}

CHECK_MAIN()
