/*
 * Today's date for the commands that record or compare dates: the local
 * date, or $RUBRIC_TODAY (YYYY-MM-DD) so that tests and demonstrations
 * give the same documents every day.
 */
#include <stdlib.h>

#include "cli/cli.h"

int cli_today(rb_date *out)
{
    if (rb_date_today(out))
        return EXIT_OK;
    const char *env = getenv("RUBRIC_TODAY");
    if (env && *env)
        return cli_error(EXIT_USAGE, "RUBRIC_TODAY is '%.40s', not a date; set it to "
                         "YYYY-MM-DD or unset it", env);
    return cli_error(EXIT_SYSTEM, "cannot read today's date from the clock");
}
