/*
 * rubric new competency ID: a commented skeleton that `rubric check`
 * accepts as it stands, for an author to fill in.
 */
#include <ctype.h>
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"

static const char help[] =
    "usage: rubric new competency [--title T] [--scale ID] [-o FILE] ID\n"
    "\n"
    "Print a commented skeleton for a new competency, with one level for every\n"
    "level of its scale. Fill in the texts, then run 'rubric check FILE'.\n"
    "\n"
    "  --title T       the competency's title (default: from the id)\n"
    "  --scale ID      the scale to use (default: proficiency)\n"
    "  -o, --output F  write to F; refuses to replace an existing file\n";

static bool valid_id(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > 64 || s[0] == '-' || s[n - 1] == '-')
        return false;
    for (size_t i = 0; i < n; i++) {
        if (!(islower((unsigned char)s[i]) || isdigit((unsigned char)s[i]) || s[i] == '-'))
            return false;
        if (s[i] == '-' && s[i + 1] == '-')
            return false;
    }
    return true;
}

/* Lua string literal with escapes for quotes and backslashes. */
static void lua_string(rb_buf *b, const char *s)
{
    rb_buf_putc(b, '"');
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            rb_buf_putc(b, '\\');
        if (*s == '\n') {
            rb_buf_puts(b, "\\n");
            continue;
        }
        rb_buf_putc(b, *s);
    }
    rb_buf_putc(b, '"');
}

static void skeleton(rb_buf *b, const char *id, const char *title, const rb_scale *s)
{
    rb_buf_printf(b, "-- Competency: %s\n", title);
    rb_buf_puts(b,
        "-- Replace every placeholder text below, then check the file with\n"
        "--   rubric check THIS-FILE\n"
        "-- The authoring guide (README.md in the rubric library) explains each part.\n\n");
    rb_buf_printf(b, "competency \"%s\" {\n  title = ", id);
    lua_string(b, title);
    rb_buf_puts(b, ",\n"
        "  -- One sentence: what this competency is about.\n"
        "  definition = \"Describe the competency in one sentence.\",\n");
    rb_buf_printf(b, "  scale = \"%s\",\n", s->id);
    for (size_t i = 0; i < s->nlevels; i++) {
        const rb_scale_level *l = &s->levels[i];
        rb_buf_printf(b, "\n  -- Level %d, %s: %s\n", l->number, l->name, l->descriptor);
        rb_buf_printf(b, "  level(%d) {\n", l->number);
        rb_buf_puts(b,
            "    -- Optional: what this level looks like for this competency.\n"
            "    -- summary = \"...\",\n"
            "    behaviours = {\n"
            "      -- Observable actions, each starting with a verb.\n");
        rb_buf_printf(b,
            "      \"Describe something a person at level %d does.\",\n", l->number);
        rb_buf_puts(b,
            "      -- With options: behaviour \"...\" { weight = 2, terms = { \"...\" },\n"
            "      --                                 evidence = { [[\\bpattern\\b]] } },\n"
            "    },\n"
            "    questions = {\n"
            "      question \"Tell me about a time when ...\" {\n"
            "        probes = {\n"
            "          \"What was the situation?\",\n"
            "          \"What did you do, yourself?\",\n"
            "          \"What was the result?\",\n"
            "        },\n"
            "      },\n"
            "    },\n"
            "  },\n");
    }
    rb_buf_puts(b, "}\n");
}

int cmd_new(int argc, char **argv)
{
    static const opt_spec specs[] = {
        { "title", 0, true }, { "scale", 0, true }, { "output", 'o', true },
        { "library", 0, true }, { "help", 'h', false }, { NULL, 0, false },
    };
    opt_parser p = { argc, argv, 1, specs, "new", false };
    const char *title = NULL, *scale_id = "proficiency", *output = NULL;
    const char *library = NULL, *kind = NULL, *id = NULL, *v;
    int o;
    while ((o = cli_next_opt(&p, &v)) != OPT_END) {
        switch (o) {
        case OPT_ERROR: return EXIT_USAGE;
        case OPT_ARG:
            if (!kind)
                kind = v;
            else if (!id)
                id = v;
            else
                return cli_usage_error("new", "unexpected argument '%s'", v);
            break;
        case 0: title = v; break;
        case 1: scale_id = v; break;
        case 2: output = v; break;
        case 3: library = v; break;
        case 4: fputs(help, stdout); return EXIT_OK;
        }
    }
    if (!kind || !id)
        return cli_usage_error("new", "missing %s; write 'rubric new competency ID'",
                               kind ? "ID" : "what to create");
    if (strcmp(kind, "competency") != 0)
        return cli_usage_error("new", "cannot create a '%s'; only 'competency' is "
                               "supported", kind);
    if (!valid_id(id))
        return cli_error(EXIT_INVALID, "invalid id '%s': use lowercase letters, "
                         "digits and single hyphens, e.g. 'giving-feedback'", id);
    if (output) {
        struct stat st;
        if (lstat(output, &st) == 0)
            return cli_error(EXIT_INVALID, "'%s' already exists; choose another "
                             "file name", output);
    }
    rb_library *lib;
    int rc = cli_load(library, &lib);
    if (rc != EXIT_OK)
        return rc;
    rb_item item;
    if (!rb_library_find(lib, scale_id, &item) || item.kind != RB_KIND_SCALE) {
        rb_library_free(lib);
        return cli_error(EXIT_INVALID, "the library has no scale '%s'; run "
                         "'rubric list' to see its scales", scale_id);
    }
    if (rb_library_find(lib, id, &(rb_item){ 0 })) {
        rb_library_free(lib);
        return cli_error(EXIT_INVALID, "the library already has something with "
                         "id '%s'; choose another id", id);
    }
    char made[160];
    if (!title) {
        size_t k = 0;
        bool up = true;
        for (const char *c = id; *c && k + 1 < sizeof made; c++) {
            if (*c == '-') {
                made[k++] = ' ';
                up = true;
            } else {
                made[k++] = up ? (char)toupper((unsigned char)*c) : *c;
                up = false;
            }
        }
        made[k] = '\0';
        title = made;
    }
    rb_buf b = { 0 };
    skeleton(&b, id, title, item.ptr);
    rc = cli_write(output, &b);
    rb_buf_release(&b);
    rb_library_free(lib);
    return rc;
}
