#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"

int cli_next_opt(opt_parser *p, const char **value)
{
    *value = NULL;
    if (p->index >= p->argc)
        return OPT_END;
    const char *a = p->argv[p->index++];
    if (p->done || a[0] != '-' || a[1] == '\0') {
        *value = a;
        return OPT_ARG;
    }
    if (strcmp(a, "--") == 0) {
        p->done = true;
        return cli_next_opt(p, value);
    }
    const char *name = a + (a[1] == '-' ? 2 : 1);
    bool is_long = a[1] == '-';
    const char *eq = is_long ? strchr(name, '=') : NULL;
    size_t nlen = eq ? (size_t)(eq - name) : strlen(name);
    for (int i = 0; p->specs[i].long_name; i++) {
        const opt_spec *s = &p->specs[i];
        bool match = is_long ? (strlen(s->long_name) == nlen &&
                                strncmp(s->long_name, name, nlen) == 0)
                             : (s->short_name && nlen == 1 && name[0] == s->short_name);
        if (!match)
            continue;
        if (!s->takes_value) {
            if (eq) {
                cli_usage_error(p->command, "option '--%s' takes no value", s->long_name);
                return OPT_ERROR;
            }
            return i;
        }
        if (eq) {
            *value = eq + 1;
        } else if (p->index < p->argc) {
            *value = p->argv[p->index++];
        } else {
            cli_usage_error(p->command, "option '%s' needs a value", a);
            return OPT_ERROR;
        }
        return i;
    }
    cli_usage_error(p->command, "unknown option '%s'", a);
    return OPT_ERROR;
}

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *cli_library_dir(const char *option)
{
    if (option && *option)
        return option;
    const char *env = getenv("RUBRIC_LIBRARY");
    if (env && *env)
        return env;
    /* Installed: <prefix>/bin/rubric finds <prefix>/share/rubric. */
    static char installed[PATH_MAX];
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            slash = strrchr(exe, '/');
            if (slash) {
                *slash = '\0';
                int w = snprintf(installed, sizeof installed, "%s/%s", exe,
                                 RUBRIC_INSTALL_DATADIR_REL);
                if (w > 0 && (size_t)w < sizeof installed && is_dir(installed))
                    return installed;
            }
        }
    }
    return RUBRIC_SOURCE_LIBRARY;
}

void cli_print_diags(FILE *f, const rb_diags *d)
{
    for (size_t i = 0; i < rb_diags_count(d); i++) {
        const rb_diag *g = rb_diags_at(d, i);
        const char *sev = g->severity == RB_ERROR ? "error" : "warning";
        if (g->file && g->line > 0)
            fprintf(f, "%s:%d: %s: %s\n", g->file, g->line, sev, g->message);
        else if (g->file)
            fprintf(f, "%s: %s: %s\n", g->file, sev, g->message);
        else
            fprintf(f, "rubric: %s: %s\n", sev, g->message);
        if (g->detail)
            fprintf(f, "%s\n", g->detail);
    }
    if (rb_diags_overflowed(d))
        fprintf(f, "rubric: error: out of memory: some problems are not shown\n");
}

int cli_exit_for(const rb_diags *d)
{
    if (rb_diags_has_system_error(d))
        return EXIT_SYSTEM;
    return rb_diags_errors(d) ? EXIT_INVALID : EXIT_OK;
}

int cli_load(const char *library_option, rb_library **lib)
{
    const char *dir = cli_library_dir(library_option);
    rb_diags *d = NULL;
    rb_library_load(&dir, 1, NULL, lib, &d, NULL);
    if (!d)
        return cli_error(EXIT_SYSTEM, "out of memory");
    int rc = EXIT_OK;
    if (!*lib) {
        cli_print_diags(stderr, d);
        rc = cli_exit_for(d);
        if (rc == EXIT_OK)
            rc = EXIT_INVALID;
        if (rc == EXIT_SYSTEM)
            fprintf(stderr, "rubric: error: cannot load the rubric library '%s'\n", dir);
        else
            fprintf(stderr, "rubric: error: the rubric library '%s' has errors; "
                            "fix them and run 'rubric check' again\n", dir);
    }
    rb_diags_free(d);
    return rc;
}

int cli_write(const char *path, const rb_buf *b)
{
    return cli_write_mode(path, b, 0644);
}

ssize_t cli_file_head(const char *path, char *buf, size_t size)
{
    buf[0] = '\0';
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return -1;
    struct stat st;
    int e = 0;
    if (fstat(fd, &st) != 0)
        e = errno;
    else if (!S_ISREG(st.st_mode))
        e = S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
    if (e) {
        close(fd);
        errno = e;
        return -1;
    }
    ssize_t n = read(fd, buf, size - 1);
    e = errno;
    close(fd);
    if (n < 0) {
        errno = e;
        return -1;
    }
    buf[n] = '\0';
    return n;
}

void cli_head_format(const char *head, char *out, size_t size)
{
    out[0] = '\0';
    const char *q = strstr(head, "\"format\"");
    if (!q)
        return;
    q += strlen("\"format\"");
    q += strspn(q, " \t\r\n");
    if (*q != ':')
        return;
    q++;
    q += strspn(q, " \t\r\n");
    size_t n = *q == '"' ? strcspn(q + 1, "\"\\") : 0;
    if (n && q[1 + n] == '"' && n < size)
        snprintf(out, size, "%.*s", (int)n, q + 1);
}

/* What kind of record the file at `path` holds, when it is one that must
 * never be replaced by an output: an interview session or a progress
 * journal, recorded answers, an assessment, a development plan (not a
 * shared export of one). NULL when the file is anything else or absent. */
static const char *record_kind(const char *path)
{
    char head[8193], format[64];
    ssize_t n = cli_file_head(path, head, sizeof head);
    if (n <= 0)
        return NULL;
    if (n >= 4 && memcmp(head, RB_JOURNAL_MAGIC, 4) == 0)
        return "a journal (an interview session or a plan's progress)";
    cli_head_format(head, format, sizeof format);
    if (strcmp(format, RB_ANSWERS_FORMAT) == 0)
        return "recorded answers";
    bool assessment = strcmp(format, RB_ASSESSMENT_FORMAT) == 0;
    if (!assessment && strcmp(format, RB_DEVPLAN_FORMAT) != 0)
        return NULL;
    if (strstr(head, "\"view\": \"shared\""))
        return NULL;  /* an export, made again from its plan or assessment */
    return assessment ? "an assessment" : "a development plan";
}

int cli_write_mode(const char *path, const rb_buf *b, unsigned mode)
{
    if (!rb_buf_ok(b))
        return cli_error(EXIT_SYSTEM, "out of memory");
    const char *kind = path && strcmp(path, "-") != 0 ? record_kind(path) : NULL;
    if (kind)
        return cli_error(EXIT_INVALID, "'%s' holds %s, which is never replaced: write to "
                         "another file (nothing was written)", path, kind);
    if (!path || strcmp(path, "-") == 0) {
        if (b->len && fwrite(b->data, 1, b->len, stdout) != b->len)
            return cli_error(EXIT_SYSTEM, "cannot write to standard output: %s",
                             strerror(errno));
        if (fflush(stdout) != 0)
            return cli_error(EXIT_SYSTEM, "cannot write to standard output: %s",
                             strerror(errno));
        return EXIT_OK;
    }
    char err[256];
    if (rb_write_file_atomic(path, b->data ? b->data : "", b->len, mode, err,
                             sizeof err) != 0)
        return cli_error(EXIT_SYSTEM, "cannot write '%s': %s", path, err);
    return EXIT_OK;
}

int cli_save_private(const char *output, const rb_buf *b, bool rendered)
{
    int rc = rendered ? cli_write_mode(output, b, 0600) : cli_error(EXIT_SYSTEM, "out of memory");
    if (rc == EXIT_OK && output && strcmp(output, "-") != 0)
        fprintf(stderr, "wrote %s\n", output);
    return rc;
}

int cli_read_done(rb_diags *d, bool got)
{
    cli_print_diags(stderr, d);
    int rc = cli_exit_for(d);
    rb_diags_free(d);
    return rc == EXIT_OK && !got ? EXIT_INVALID : rc;
}

const rb_role *cli_find_role(const rb_library *lib, const char *id)
{
    return cli_find_kind(lib, id, RB_KIND_ROLE);
}

const void *cli_find_kind(const rb_library *lib, const char *id, rb_kind kind)
{
    rb_item item;
    if (rb_library_find(lib, id, &item) && item.kind == kind)
        return item.ptr;
    const char *what = rb_kind_name(kind);
    const char *plural = what[strlen(what) - 1] == 's' ? "es" : "s";  /* processes */
    const char *near = rb_library_suggest_kind(lib, id, kind);
    if (item.kind != RB_KIND_NONE)
        cli_error(EXIT_INVALID, "'%s' is a %s, not a %s; run 'rubric list' to see the %s%s",
                  id, rb_kind_name(item.kind), what, what, plural);
    else if (near)
        cli_error(EXIT_INVALID, "unknown %s '%s' (did you mean '%s'?)", what, id, near);
    else
        cli_error(EXIT_INVALID, "unknown %s '%s'; run 'rubric list' to see the %s%s", what, id,
                  what, plural);
    return NULL;
}

int cli_check_new_output(const char *path, const char *what)
{
    struct stat st;
    if (lstat(path, &st) == 0)
        return cli_error(EXIT_INVALID, "'%s' already exists; choose another name for %s (it "
                         "is never overwritten)", path, what);
    const char *slash = strrchr(path, '/');
    char dir[PATH_MAX];
    if (!slash)
        snprintf(dir, sizeof dir, ".");
    else if (slash == path)
        snprintf(dir, sizeof dir, "/");
    else
        snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
    if (stat(dir, &st) != 0)
        return errno == ENOENT
                   ? cli_error(EXIT_INVALID, "cannot save %s to '%s': the folder '%s' does not "
                               "exist", what, path, dir)
                   : cli_error(EXIT_INVALID, "cannot save %s to '%s': cannot look at the folder "
                               "'%s' (%s)", what, path, dir, strerror(errno));
    if (!S_ISDIR(st.st_mode))
        return cli_error(EXIT_INVALID, "cannot save %s to '%s': '%s' is not a folder", what,
                         path, dir);
    if (access(dir, W_OK | X_OK) != 0)
        return cli_error(EXIT_INVALID, "cannot save %s to '%s': the folder '%s' is not "
                         "writable (%s)", what, path, dir, strerror(errno));
    return EXIT_OK;
}

int cli_write_new_private(const char *path, const rb_buf *b)
{
    if (!path || strcmp(path, "-") == 0)
        return cli_write_mode(NULL, b, 0600);
    if (!rb_buf_ok(b))
        return cli_error(EXIT_SYSTEM, "out of memory");
    char err[256];
    if (rb_write_file_new(path, b->data ? b->data : "", b->len, 0600, err, sizeof err) != 0)
        return errno == EEXIST
                   ? cli_error(EXIT_INVALID, "'%s' already exists; nothing was written", path)
                   : cli_error(EXIT_SYSTEM, "cannot write '%s': %s", path, err);
    return EXIT_OK;
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("rubric: error: ", stderr);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    if (cmd)
        fprintf(stderr, "\nrun 'rubric %s --help' for usage\n", cmd);
    else
        fprintf(stderr, "\nrun 'rubric --help' for usage\n");
    return EXIT_USAGE;
}

int cli_error(int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("rubric: error: ", stderr);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return code;
}
