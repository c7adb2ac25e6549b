/*
 * Loading a library: finding its files, running each once in the sandbox,
 * includes, and turning Lua's errors into diagnostics with file and line.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lua/lua_internal.h"

#define MAX_DIR_DEPTH 16

/* Registry key of the table: realpath -> result of the file (or RUNNING). */
static const char KEY_LOADED = 'F';
static char RUNNING = 'R';

loader *loader_of(lua_State *L)
{
    sandbox *sb = *(sandbox **)lua_getextraspace(L);
    return sb->user;
}

void loader_diag(loader *ld, rb_severity sev, const char *file, int line,
                 const char *detail, const char *fmt, ...)
{
    if (ld->stop)
        return;
    if (rb_diags_count(ld->diags) + 1 >= LOADER_MAX_DIAGNOSTICS) {
        ld->stop = true;
        rb_diags_add(ld->diags, RB_ERROR, RB_DIAG_INPUT, file, line, 0, NULL,
                     "too many problems (%d); fix these and check again",
                     LOADER_MAX_DIAGNOSTICS);
        return;
    }
    char msg[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    rb_diags_add(ld->diags, sev, RB_DIAG_INPUT, file, line, 0, detail, "%s", msg);
}

static void system_diag(loader *ld, const char *file, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void system_diag(loader *ld, const char *file, const char *fmt, ...)
{
    char msg[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    rb_diags_add(ld->diags, RB_ERROR, RB_DIAG_SYSTEM, file, 0, 0, NULL, "%s", msg);
}

/* Does `prefix` (as Lua printed it, maybe shortened to "...tail") name
 * `display`? */
static bool names_file(const char *prefix, size_t plen, const char *display)
{
    size_t dlen = strlen(display);
    if (plen == dlen && memcmp(prefix, display, dlen) == 0)
        return true;
    if (plen > 3 && memcmp(prefix, "...", 3) == 0 && dlen >= plen - 3 &&
        memcmp(display + dlen - (plen - 3), prefix + 3, plen - 3) == 0)
        return true;
    return false;
}

void loader_where(lua_State *L, const char **file, int *line)
{
    loader *ld = loader_of(L);
    lua_Debug ar;
    *file = ld->current ? ld->current->display : "?";
    *line = 0;
    if (!lua_getstack(L, 1, &ar) || !lua_getinfo(L, "Sl", &ar))
        return;
    *line = ar.currentline > 0 ? ar.currentline : 0;
    if (ar.source[0] == '@') {
        for (file_run *f = ld->current; f; f = f->outer)
            if (strcmp(ar.source + 1, f->display) == 0) {
                *file = f->display;
                return;
            }
    }
}

/* Split "file:12: message" into its parts, when the file is one being run. */
static void report_lua_error(loader *ld, const char *msg)
{
    const char *file = ld->current->display;
    int line = 0;
    const char *text = msg;
    for (const char *p = msg; (p = strchr(p, ':')) != NULL; p++) {
        const char *q = p + 1;
        if (*q < '0' || *q > '9')
            continue;
        long n = 0;
        while (*q >= '0' && *q <= '9' && n < 100000000)
            n = n * 10 + (*q++ - '0');
        if (q[0] != ':' || q[1] != ' ')
            continue;
        for (file_run *f = ld->current; f; f = f->outer) {
            if (names_file(msg, (size_t)(p - msg), f->display)) {
                file = f->display;
                line = (int)n;
                text = q + 2;
                break;
            }
        }
        break;
    }
    if (!*text)
        text = "error (with no message)";
    loader_diag(ld, RB_ERROR, file, line, NULL, "%s", text);
}

/* Display path for a file under a root: root_display + rest of the path. */
static char *display_for(const char *root_real, const char *root_display,
                         const char *real)
{
    const char *rest = real + strlen(root_real);
    while (*rest == '/')
        rest++;
    size_t n = strlen(root_display) + strlen(rest) + 2;
    char *d = malloc(n);
    if (!d)
        return NULL;
    if (strcmp(root_display, ".") == 0 || root_display[0] == '\0')
        snprintf(d, n, "%s", rest);
    else
        snprintf(d, n, "%s/%s", root_display, rest);
    return d;
}

static bool inside(const char *root_real, const char *real)
{
    size_t n = strlen(root_real);
    if (strcmp(root_real, "/") == 0)
        return true;
    return strncmp(real, root_real, n) == 0 && (real[n] == '/' || real[n] == '\0');
}

/* 1-based line and column of byte offset `off`. */
static void line_col(const char *text, size_t off, int *line, int *col)
{
    int l = 1;
    size_t start = 0;
    for (size_t i = 0; i < off; i++)
        if (text[i] == '\n') {
            l++;
            start = i + 1;
        }
    *line = l;
    *col = (int)utf8_count(text + start, off - start) + 1;
}

static void format_count(unsigned long long n, char *out, size_t outsize)
{
    if (n >= 1000000 && n % 1000000 == 0)
        snprintf(out, outsize, "%llu million", n / 1000000);
    else
        snprintf(out, outsize, "%llu", n);
}

static void format_size(size_t n, char *out, size_t outsize)
{
    if (n % ((size_t)1 << 20) == 0)
        snprintf(out, outsize, "%zu MiB", n >> 20);
    else
        snprintf(out, outsize, "%zu bytes", n);
}

/*
 * Run one file (once per load). Leaves the file's result on the stack
 * (nil when it failed or returned nothing).
 */
static void run_file(loader *ld, const char *real, const char *root_real,
                     const char *root_display)
{
    lua_State *L = ld->sb->L;
    luaL_checkstack(L, 10, NULL);
    lua_rawgetp(L, LUA_REGISTRYINDEX, &KEY_LOADED);
    int loaded = lua_gettop(L);
    lua_getfield(L, loaded, real);
    if (!lua_isnil(L, -1)) {
        lua_remove(L, loaded);
        return;
    }
    lua_pop(L, 2);
    if (ld->stop) {
        lua_pushnil(L);
        return;
    }
    char *display_tmp = display_for(root_real, root_display, real);
    if (display_tmp && !utf8_valid(display_tmp, strlen(display_tmp))) {
        /* Names travel into sheets and JSON: they must be text. */
        loader_diag(ld, RB_ERROR, display_tmp, 0, NULL,
                    "file name is not valid UTF-8; rename the file");
        free(display_tmp);
        lua_pushnil(L);
        return;
    }
    const char *display = display_tmp ? lib_add_file(ld->lib, display_tmp) : NULL;
    free(display_tmp);
    if (!display) {
        system_diag(ld, real, "out of memory");
        ld->stop = true;
        lua_pushnil(L);
        return;
    }
    if (++ld->nrun > ld->opt.max_files) {
        loader_diag(ld, RB_ERROR, display, 0, NULL,
                    "the library has more than %zu files; split it into smaller "
                    "libraries", ld->opt.max_files);
        ld->stop = true;
        lua_pushnil(L);
        return;
    }

    char *text = NULL;
    size_t len = 0;
    read_status rs = read_file_limited(real, ld->opt.max_file_size, &text, &len);
    if (rs == READ_TOO_BIG) {
        char have[32], limit[32];
        format_size(len, have, sizeof have);
        format_size(ld->opt.max_file_size, limit, sizeof limit);
        loader_diag(ld, RB_ERROR, display, 0, NULL,
                    "file is %s, over the limit of %s; split it into several files",
                    have, limit);
        lua_pushnil(L);
        return;
    }
    if (rs == READ_NOT_FILE) {
        loader_diag(ld, RB_ERROR, display, 0, NULL, "%s", errno == EISDIR
                    ? "is a folder, not a file"
                    : "is not a regular file (a pipe or a device?); give a file");
        lua_pushnil(L);
        return;
    }
    if (rs != READ_OK) {
        system_diag(ld, display, "cannot read file: %s", strerror(errno));
        lua_pushnil(L);
        return;
    }
    /* Mark as running before anything can fail, for include cycles. */
    lua_rawgetp(L, LUA_REGISTRYINDEX, &KEY_LOADED);
    lua_pushlightuserdata(L, &RUNNING);
    lua_setfield(L, -2, real);
    lua_pop(L, 1);

    const char *chunk = text;
    size_t clen = len;
    if (clen >= 3 && memcmp(chunk, "\xEF\xBB\xBF", 3) == 0) {
        chunk += 3;
        clen -= 3;
    }
    size_t bad = utf8_invalid_at(chunk, clen);
    bool ok = true;
    if (clen > 0 && chunk[0] == '\x1b') {
        loader_diag(ld, RB_ERROR, display, 0, NULL,
                    "file is compiled Lua bytecode; only rubric source text is accepted");
        ok = false;
    } else if (bad < clen) {
        int line, col;
        line_col(chunk, bad, &line, &col);
        rb_diags_add(ld->diags, RB_ERROR, RB_DIAG_INPUT, display, line, col, NULL,
                     "file is not valid UTF-8 (byte 0x%02X at line %d, column %d); "
                     "save it as UTF-8",
                     (unsigned char)chunk[bad], line, col);
        ok = false;
    }

    file_run fr = { display, real, root_real, root_display, text, len, ld->current };
    int result_set = 0;
    if (ok) {
        char *name = malloc(strlen(display) + 2);
        if (!name) {
            free(text);
            system_diag(ld, display, "out of memory");
            lua_pushnil(L);
            return;
        }
        name[0] = '@';
        strcpy(name + 1, display);
        ld->current = &fr;
        int st = luaL_loadbufferx(L, chunk, clen, name, "t");
        free(name);
        if (st != LUA_OK) {
            const char *m = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
            if (m && strstr(m, "C stack overflow")) {
                loader_diag(ld, RB_ERROR, display, 0, NULL,
                            "the file nests too deeply (brackets or calls more than "
                            "200 levels deep)");
            } else if (st == LUA_ERRMEM) {
                char mem[40];
                format_size(ld->opt.memory_limit, mem, sizeof mem);
                loader_diag(ld, RB_ERROR, display, 0, NULL,
                            "file needs more than %s of memory to load", mem);
            }
            else
                report_lua_error(ld, lua_tostring(L, -1));
            lua_pop(L, 1);
        } else {
            int fn = lua_gettop(L);
            sandbox_push_env(L);
            dsl_register(L, lua_gettop(L));
            if (!lua_setupvalue(L, fn, 1))
                lua_pop(L, 1);
            lua_pushcfunction(L, sandbox_msgh);
            lua_insert(L, fn);
            sandbox *sb = ld->sb;
            uint64_t outer_count = sb->instructions;
            bool nested = fr.outer != NULL;
            if (nested)
                sb->instructions = 0;
            else
                sandbox_arm(sb, ld->opt.instruction_limit, ld->deadline);
            sb->mem_refused = false;
            st = lua_pcall(L, 0, 1, fn);
            kill_reason killed = sb->killed;
            if (st != LUA_OK) {
                char count[40], mem[40];
                format_count(ld->opt.instruction_limit, count, sizeof count);
                format_size(ld->opt.memory_limit, mem, sizeof mem);
                if (killed != KILL_NONE) {
                    const char *m = lua_tostring(L, -1);
                    int line = 0;
                    const char *colon = m ? strstr(m, ": " SANDBOX_LIMIT_MESSAGE) : NULL;
                    if (colon) {
                        const char *p = colon;
                        while (p > m && p[-1] >= '0' && p[-1] <= '9')
                            p--;
                        line = atoi(p);
                    }
                    if (killed == KILL_DEPTH)
                        loader_diag(ld, RB_ERROR, display, line, NULL,
                                    "stopped: calls nest more than %d deep "
                                    "(endless recursion?)", SANDBOX_MAX_DEPTH);
                    else if (killed == KILL_INSTRUCTIONS)
                        loader_diag(ld, RB_ERROR, display, line, NULL,
                                    "stopped after %s Lua instructions: "
                                    "the file runs too long (an endless loop?)", count);
                    else
                        loader_diag(ld, RB_ERROR, display, line, NULL,
                                    "stopped after %g seconds: loading the library "
                                    "takes too long (an endless loop?)",
                                    ld->opt.time_limit);
                } else if (st == LUA_ERRMEM || sb->mem_refused) {
                    loader_diag(ld, RB_ERROR, display, 0, NULL,
                                "stopped: the library uses more than %s of memory "
                                "(while this file ran)", mem);
                } else if (st == LUA_ERRERR) {
                    loader_diag(ld, RB_ERROR, display, 0, NULL,
                                "stopped: calls nest too deeply (endless recursion?)");
                } else {
                    const char *m = lua_tostring(L, -1);
                    if (m && strstr(m, "C stack overflow"))
                        loader_diag(ld, RB_ERROR, display, 0, NULL,
                                    "stopped: the file nests too deeply (brackets or "
                                    "calls more than 200 levels deep)");
                    else if (m && strstr(m, "stack overflow"))
                        loader_diag(ld, RB_ERROR, display, 0, NULL,
                                    "stopped: calls nest too deeply (endless recursion?)");
                    else
                        report_lua_error(ld, m ? m : "error");
                }
                lua_pop(L, 1);
            } else {
                result_set = 1;
            }
            lua_remove(L, fn);  /* the message handler */
            if (nested)
                sandbox_resume(sb, outer_count);
            else
                sandbox_disarm(sb);
            if (sb->mem_refused)
                lua_gc(L, LUA_GCCOLLECT);
            if (killed == KILL_TIME)
                ld->stop = true;
        }
        ld->current = fr.outer;
    }
    free(text);
    if (!result_set)
        lua_pushnil(L);
    /* Remember the result (true when it returned nothing) for includes. */
    lua_rawgetp(L, LUA_REGISTRYINDEX, &KEY_LOADED);
    if (lua_isnil(L, -2))
        lua_pushboolean(L, 1);
    else
        lua_pushvalue(L, -2);
    lua_setfield(L, -2, real);
    lua_pop(L, 1);
}

/* Resolve "." and ".." in an absolute path, in place, without touching the
 * file system. */
static void normalise_path(char *path)
{
    char *out = path;
    const char *p = path;
    while (*p) {
        while (*p == '/')
            p++;
        const char *seg = p;
        while (*p && *p != '/')
            p++;
        size_t n = (size_t)(p - seg);
        if (n == 0 || (n == 1 && seg[0] == '.'))
            continue;
        if (n == 2 && seg[0] == '.' && seg[1] == '.') {
            while (out > path && *--out != '/')
                ;
            continue;
        }
        *out++ = '/';
        memmove(out, seg, n);
        out += n;
    }
    if (out == path)
        *out++ = '/';
    *out = '\0';
}

int loader_include(lua_State *L)
{
    loader *ld = loader_of(L);
    size_t n;
    const char *rel = luaL_checklstring(L, 1, &n);
    file_run *cur = ld->current;
    if (n == 0 || n > PATH_MAX || strlen(rel) != n)
        return luaL_error(L, "include expects a relative path such as "
                             "\"scales/proficiency.lua\"");
    if (rel[0] == '/')
        return luaL_error(L, "include '%s' must be a path relative to this file",
                          rel);
    if (n < 4 || strcmp(rel + n - 4, ".lua") != 0)
        return luaL_error(L, "include '%s' must name a .lua rubric file", rel);
    if (ld->include_depth >= LOADER_MAX_INCLUDE_DEPTH)
        return luaL_error(L, "includes nest more than %d deep",
                          LOADER_MAX_INCLUDE_DEPTH);
    const char *slash = strrchr(cur->real, '/');
    size_t dlen = slash ? (size_t)(slash - cur->real) : 0;
    char *joined = malloc(dlen + n + 2);
    if (!joined)
        return luaL_error(L, "out of memory");
    memcpy(joined, cur->real, dlen);
    joined[dlen] = '/';
    memcpy(joined + dlen + 1, rel, n + 1);
    /* Judge the path as written first, so an include that climbs out is
     * refused as such even when the target does not exist. */
    normalise_path(joined);
    if (!inside(cur->root_real, joined)) {
        free(joined);
        return luaL_error(L, "include '%s' leaves the library directory '%s'; "
                             "includes must stay inside it", rel,
                          cur->root_display[0] ? cur->root_display : ".");
    }
    char *real = realpath(joined, NULL);
    int e = errno;
    free(joined);
    if (!real) {
        if (e == ENOENT || e == ENOTDIR)
            return luaL_error(L, "cannot include '%s': there is no such file", rel);
        return luaL_error(L, "cannot include '%s': %s", rel, strerror(e));
    }
    if (!inside(cur->root_real, real)) {
        free(real);
        return luaL_error(L, "include '%s' leaves the library directory '%s'; "
                             "includes must stay inside it", rel,
                          cur->root_display[0] ? cur->root_display : ".");
    }
    struct stat st;
    if (stat(real, &st) != 0 || !S_ISREG(st.st_mode)) {
        free(real);
        return luaL_error(L, "cannot include '%s': not a regular file", rel);
    }
    /* A cycle: the file is still running further up. */
    lua_rawgetp(L, LUA_REGISTRYINDEX, &KEY_LOADED);
    lua_getfield(L, -1, real);
    bool running = lua_touserdata(L, -1) == &RUNNING;
    lua_pop(L, 2);
    if (running) {
        free(real);
        return luaL_error(L, "include '%s' forms a cycle: that file is still being "
                             "loaded", rel);
    }
    /* Keep `real` alive across a Lua error: put it in a Lua string. */
    lua_pushstring(L, real);
    free(real);
    ld->include_depth++;
    run_file(ld, lua_tostring(L, -1), cur->root_real, cur->root_display);
    ld->include_depth--;
    if (lua_type(L, -1) == LUA_TBOOLEAN)
        lua_pushnil(L);
    return 1;
}

/* ---- directories ---------------------------------------------------------- */

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool is_rubric_file(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && strcmp(name + n - 4, ".lua") == 0 &&
           !(n > 6 && strcmp(name + n - 6, ".d.lua") == 0);
}

static void walk(loader *ld, const char *dir, const char *root_real,
                 const char *root_display, int depth)
{
    if (ld->stop)
        return;
    if (depth > MAX_DIR_DEPTH) {
        char *d = display_for(root_real, root_display, dir);
        loader_diag(ld, RB_ERROR, d ? d : dir, 0, NULL,
                    "folders nest more than %d deep; rubric files below are not loaded",
                    MAX_DIR_DEPTH);
        free(d);
        return;
    }
    DIR *dh = opendir(dir);
    if (!dh) {
        char *d = display_for(root_real, root_display, dir);
        system_diag(ld, d ? d : dir, "cannot read folder: %s", strerror(errno));
        free(d);
        return;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(dh)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 32;
            char **nn = realloc(names, cap * sizeof(char *));
            if (!nn)
                break;
            names = nn;
        }
        if (!(names[n] = strdup(de->d_name)))
            break;
        n++;
        if (n > ld->opt.max_files * 4)
            break;
    }
    closedir(dh);
    if (n)
        qsort(names, n, sizeof(char *), cmp_names);
    lua_State *L = ld->sb->L;
    for (size_t i = 0; i < n; i++) {
        size_t plen = strlen(dir) + strlen(names[i]) + 2;
        char *path = malloc(plen);
        if (!path)
            break;
        snprintf(path, plen, "%s/%s", dir, names[i]);
        struct stat st;
        if (!ld->stop && stat(path, &st) == 0) {
            char *real = realpath(path, NULL);
            if (real && !inside(root_real, real)) {
                char *d = display_for(root_real, root_display, path);
                loader_diag(ld, RB_ERROR, d ? d : path, 0, NULL,
                            "link leads outside the library directory '%s'; it is "
                            "not loaded", root_display);
                free(d);
            } else if (real && S_ISDIR(st.st_mode)) {
                /* Each folder once: links to folders can form loops. */
                lua_rawgetp(L, LUA_REGISTRYINDEX, &KEY_LOADED);
                lua_pushfstring(L, "dir:%s", real);
                lua_pushvalue(L, -1);
                bool seen = lua_rawget(L, -3) != LUA_TNIL;
                lua_pop(L, 1);
                if (!seen) {
                    lua_pushboolean(L, 1);
                    lua_rawset(L, -3);
                    lua_pop(L, 1);
                    walk(ld, real, root_real, root_display, depth + 1);
                } else {
                    lua_pop(L, 2);
                }
            } else if (real && S_ISREG(st.st_mode) && is_rubric_file(names[i])) {
                run_file(ld, real, root_real, root_display);
                lua_pop(L, 1);
            }
            free(real);
        }
        free(path);
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

/* How to show a root: as given, or relative to the working directory when
 * an absolute path lies below it. */
static char *root_display_for(const char *given, const char *real)
{
    char cwd[PATH_MAX];
    if (given[0] == '/' && getcwd(cwd, sizeof cwd)) {
        char *rcwd = realpath(cwd, NULL);
        if (rcwd) {
            size_t n = strlen(rcwd);
            char *r = NULL;
            if (strcmp(real, rcwd) == 0)
                r = strdup(".");
            else if (strncmp(real, rcwd, n) == 0 && real[n] == '/')
                r = strdup(real + n + 1);
            free(rcwd);
            if (r)
                return r;
        }
    }
    char *r = strdup(given);
    if (r) {
        size_t n = strlen(r);
        while (n > 1 && r[n - 1] == '/')
            r[--n] = '\0';
    }
    return r;
}

static void load_path(loader *ld, const char *path)
{
    char *real = realpath(path, NULL);
    if (!real) {
        system_diag(ld, path, "cannot open: %s", strerror(errno));
        return;
    }
    struct stat st;
    if (stat(real, &st) != 0) {
        system_diag(ld, path, "cannot open: %s", strerror(errno));
        free(real);
        return;
    }
    if (S_ISDIR(st.st_mode)) {
        char *disp = root_display_for(path, real);
        char *root = arena_strdup(ld->lib->arena, real);
        char *rdisp = disp ? arena_strdup(ld->lib->arena, disp) : NULL;
        free(disp);
        if (root && rdisp)
            walk(ld, root, root, rdisp, 0);
    } else {
        /* A single file: its folder is its library root. */
        char *slash = strrchr(real, '/');
        char *root = arena_strndup(ld->lib->arena, real,
                                   slash && slash != real ? (size_t)(slash - real) : 1);
        char *given_dir = strdup(path);
        char *gslash = given_dir ? strrchr(given_dir, '/') : NULL;
        const char *gd = ".";
        if (gslash) {
            *gslash = '\0';
            gd = given_dir[0] ? given_dir : "/";
        }
        char *disp = root_display_for(gslash ? gd : ".", root);
        const char *rdisp = disp ? arena_strdup(ld->lib->arena, disp) : NULL;
        free(disp);
        free(given_dir);
        if (root && rdisp) {
            run_file(ld, real, root, rdisp);
            lua_pop(ld->sb->L, 1);
        }
    }
    free(real);
}

struct load_args {
    loader *ld;
    const char *const *paths;
    size_t n;
};

static int load_all(lua_State *L)
{
    struct load_args *a = lua_touserdata(L, 1);
    loader *ld = a->ld;
    const char *const *paths = a->paths;
    size_t n = a->n;
    lua_newtable(L);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &KEY_LOADED);
    dsl_open(L);
    for (size_t i = 0; i < n && !ld->stop; i++)
        load_path(ld, paths[i]);
    return 0;
}

static void release_sandbox(void *ctx)
{
    sandbox_close(ctx);
}

void rb_library_load(const char *const *paths, size_t npaths,
                     const rb_load_options *options, rb_library **out,
                     rb_diags **diags, size_t *files_run)
{
    *out = NULL;
    if (files_run)
        *files_run = 0;
    *diags = rb_diags_new();
    if (!*diags)
        return;
    loader ld = { 0 };
    ld.diags = *diags;
    if (options)
        ld.opt = *options;
    if (!ld.opt.memory_limit)
        ld.opt.memory_limit = RB_DEFAULT_MEMORY_LIMIT;
    if (!ld.opt.instruction_limit)
        ld.opt.instruction_limit = RB_DEFAULT_INSTRUCTION_LIMIT;
    if (!(ld.opt.time_limit > 0))
        ld.opt.time_limit = RB_DEFAULT_TIME_LIMIT;
    if (!ld.opt.max_file_size)
        ld.opt.max_file_size = RB_DEFAULT_MAX_FILE_SIZE;
    if (!ld.opt.max_files)
        ld.opt.max_files = RB_DEFAULT_MAX_FILES;
    ld.deadline = monotonic_seconds() + ld.opt.time_limit;
    ld.lib = lib_new();
    ld.sb = ld.lib ? sandbox_open(ld.opt.memory_limit) : NULL;
    if (!ld.sb) {
        rb_library_free(ld.lib);
        rb_diags_add(*diags, RB_ERROR, RB_DIAG_SYSTEM, NULL, 0, 0, NULL,
                     "out of memory while starting Lua");
        return;
    }
    ld.sb->user = &ld;
    lua_State *L = ld.sb->L;
    /* Everything runs under one protected call so that a memory error in
     * our own C code unwinds cleanly. */
    struct load_args args = { &ld, paths, npaths };
    lua_pushcfunction(L, load_all);
    lua_pushlightuserdata(L, &args);
    int st = lua_pcall(L, 1, 0, 0);
    if (st != LUA_OK) {
        rb_diags_add(*diags, RB_ERROR,
                     st == LUA_ERRMEM ? RB_DIAG_SYSTEM : RB_DIAG_INPUT,
                     ld.current ? ld.current->display : NULL, 0, 0, NULL,
                     "loading stopped: %s",
                     st == LUA_ERRMEM ? "out of memory"
                                      : (lua_tostring(L, -1) ? lua_tostring(L, -1)
                                                             : "error"));
        lua_pop(L, 1);
    }
    ld.current = NULL;
    if (files_run)
        *files_run = ld.nrun;
    /* Cross-file checks run even after errors, so one run shows them all. */
    if (!ld.stop)
        lib_finish(ld.lib, *diags);
    rb_diags_sort(*diags);
    if (rb_diags_errors(*diags) > 0) {
        sandbox_close(ld.sb);
        rb_library_free(ld.lib);
        return;
    }
    if (ld.lib->has_hooks) {
        ld.sb->user = NULL;
        ld.lib->release = release_sandbox;
        ld.lib->release_ctx = ld.sb;
    } else {
        sandbox_close(ld.sb);
    }
    *out = ld.lib;
}
