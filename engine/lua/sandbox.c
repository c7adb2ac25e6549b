/*
 * The sandbox rubric files run in. Allow-list only: base (trimmed), string
 * (trimmed), table, math (no random), utf8. Never io, os, package, debug or
 * coroutine; never load, require, pcall (a script must not catch the errors
 * that stop it), metatable access, or bytecode. Memory is capped by the
 * allocator; time by a count hook.
 */
#include <stdlib.h>
#include <string.h>

#include <lualib.h>

#include "lua/lua_internal.h"
#include "util/util.h"

#define HOOK_EVERY 1000
#define REP_LIMIT ((size_t)1 << 20)

static void *sandbox_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    sandbox *sb = ud;
    /* With ptr == NULL, osize is a type tag, not a size. */
    size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        free(ptr);
        sb->mem_used -= old;
        return NULL;
    }
    if (nsize > old && nsize - old > sb->mem_limit - sb->mem_used) {
        sb->mem_refused = true;
        return NULL;
    }
    void *p = realloc(ptr, nsize);
    if (!p)
        return NULL;
    sb->mem_used = sb->mem_used - old + nsize;
    return p;
}

static sandbox *sandbox_from(lua_State *L)
{
    return *(sandbox **)lua_getextraspace(L);
}

static void hook(lua_State *L, lua_Debug *ar)
{
    sandbox *sb = sandbox_from(L);
    if (sb->killed == KILL_NONE) {
        lua_Debug deep;
        sb->instructions += HOOK_EVERY;
        if (sb->instructions > sb->instruction_limit)
            sb->killed = KILL_INSTRUCTIONS;
        else if (lua_getstack(L, SANDBOX_MAX_DEPTH, &deep))
            sb->killed = KILL_DEPTH;
        else if ((++sb->hook_calls & 15) == 0 && monotonic_seconds() > sb->deadline)
            sb->killed = KILL_TIME;
    }
    if (sb->killed != KILL_NONE) {
        /* Once killed, fire on every instruction so nothing runs on. */
        lua_sethook(L, hook, LUA_MASKCOUNT, 1);
        if (lua_getinfo(L, "Sl", ar) && ar->currentline > 0)
            lua_pushfstring(L, "%s:%d: %s", ar->short_src, ar->currentline,
                            SANDBOX_LIMIT_MESSAGE);
        else
            lua_pushliteral(L, SANDBOX_LIMIT_MESSAGE);
        lua_error(L);
    }
}

void sandbox_arm(sandbox *sb, uint64_t instruction_limit, double deadline)
{
    sb->instructions = 0;
    sb->instruction_limit = instruction_limit;
    sb->deadline = deadline;
    sb->killed = KILL_NONE;
    lua_sethook(sb->L, hook, LUA_MASKCOUNT, HOOK_EVERY);
}

void sandbox_resume(sandbox *sb, uint64_t instructions)
{
    sb->instructions = instructions;
    if (sb->killed == KILL_INSTRUCTIONS || sb->killed == KILL_DEPTH)
        sb->killed = KILL_NONE;
    if (sb->killed == KILL_NONE)
        lua_sethook(sb->L, hook, LUA_MASKCOUNT, HOOK_EVERY);
}

void sandbox_disarm(sandbox *sb)
{
    lua_sethook(sb->L, NULL, 0, 0);
    sb->killed = KILL_NONE;
}

int sandbox_msgh(lua_State *L)
{
    /* Never call __tostring: error objects may come from user code. */
    if (lua_type(L, 1) == LUA_TSTRING)
        return 1;
    if (lua_type(L, 1) == LUA_TNUMBER) {
        lua_pushstring(L, lua_tostring(L, 1));
        return 1;
    }
    /* Say where, as Lua does for messages: the first Lua function up the
     * stack (level 1 is error() itself). */
    lua_Debug ar;
    for (int level = 1; lua_getstack(L, level, &ar); level++) {
        if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0) {
            lua_pushfstring(L, "%s:%d: error() was given a %s instead of a message",
                            ar.short_src, ar.currentline, luaL_typename(L, 1));
            return 1;
        }
    }
    lua_pushfstring(L, "error() was given a %s instead of a message", luaL_typename(L, 1));
    return 1;
}

static int safe_rep(lua_State *L)
{
    size_t l, lsep;
    luaL_checklstring(L, 1, &l);
    lua_Integer n = luaL_checkinteger(L, 2);
    luaL_optlstring(L, 3, "", &lsep);
    if (n > 0) {
        size_t total = l + lsep;
        if (total && (size_t)n > REP_LIMIT / total)
            return luaL_error(L, "string.rep result would be larger than 1 MiB");
    }
    lua_getfield(L, lua_upvalueindex(1), "rep");
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

/* Copy the named fields of the table at `src` into a new table. */
static void copy_fields(lua_State *L, int src, const char *const *names)
{
    lua_newtable(L);
    for (const char *const *n = names; *n; n++) {
        lua_getfield(L, src, *n);
        lua_setfield(L, -2, *n);
    }
}

static const char *const base_names[] = {
    "assert", "error", "ipairs", "next", "pairs", "select", "tonumber",
    "tostring", "type", "rawlen", "_VERSION", NULL,
};
static const char *const string_names[] = {
    "byte", "char", "format", "len", "lower", "upper", "reverse", "sub", NULL,
};
/* table.move, insert and remove loop in C over ranges the author chooses
 * (or over a length of 2^61 a crafted table reports), out of the hook's
 * reach: move is left out, insert and remove are wrapped. */
static const char *const table_names[] = {
    "concat", "pack", "sort", "unpack", NULL,
};

#define TABLE_LIMIT 1000000

static int guarded_table_call(lua_State *L)
{
    if (lua_type(L, 1) == LUA_TTABLE && lua_rawlen(L, 1) > TABLE_LIMIT)
        return luaL_error(L, "table.%s on a list of more than %d entries",
                          lua_tostring(L, lua_upvalueindex(2)), TABLE_LIMIT);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
    return lua_gettop(L);
}

/* A function that explains why it is missing. */
static int removed(lua_State *L)
{
    return luaL_error(L, "%s is not available in rubric files",
                      lua_tostring(L, lua_upvalueindex(1)));
}

static void add_removed(lua_State *L, int t, const char *field, const char *name)
{
    lua_pushstring(L, name);
    lua_pushcclosure(L, removed, 1);
    lua_setfield(L, t, field);
}
static const char *const math_names[] = {
    "abs", "ceil", "cos", "deg", "exp", "floor", "fmod", "huge", "log", "max",
    "maxinteger", "min", "mininteger", "modf", "pi", "rad", "sin", "sqrt",
    "tan", "tointeger", "type", "ult", NULL,
};
static const char *const utf8_names[] = {
    "char", "charpattern", "codes", "codepoint", "len", "offset", NULL,
};

/* Registry keys for the pristine library tables. */
static const char KEY_LIBS = 'L';

/* Build the pristine library copies; runs under lua_pcall, since even a
 * fresh state can run out of memory when the cap is small. */
static int setup_state(lua_State *L)
{
    luaL_requiref(L, "_G", luaopen_base, 1);
    luaL_requiref(L, LUA_STRLIBNAME, luaopen_string, 1);
    luaL_requiref(L, LUA_TABLIBNAME, luaopen_table, 1);
    luaL_requiref(L, LUA_MATHLIBNAME, luaopen_math, 1);
    luaL_requiref(L, LUA_UTF8LIBNAME, luaopen_utf8, 1);
    lua_settop(L, 0);
    /* Pristine copies, kept in the registry, from which every file's
     * environment is made. */
    lua_pushglobaltable(L);
    int g = lua_gettop(L);
    lua_newtable(L);  /* libs */
    int libs = lua_gettop(L);
    copy_fields(L, g, base_names);
    lua_setfield(L, libs, "_G");
    lua_getfield(L, g, "string");
    int s = lua_gettop(L);
    copy_fields(L, s, string_names);
    lua_pushvalue(L, s);
    lua_pushcclosure(L, safe_rep, 1);
    lua_setfield(L, -2, "rep");
    static const char *const gone[] = { "dump", "find", "match", "gmatch", "gsub",
                                        "pack", "unpack", "packsize", NULL };
    for (const char *const *n = gone; *n; n++) {
        char full[32];
        snprintf(full, sizeof full, "string.%s", *n);
        add_removed(L, lua_gettop(L), *n, full);
    }
    /* Strings index this restricted table, and the metatable is locked. */
    lua_pushliteral(L, "");
    lua_getmetatable(L, -1);
    lua_pushvalue(L, -3);
    lua_setfield(L, -2, "__index");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 2);
    lua_setfield(L, libs, "string");
    lua_pop(L, 1);  /* real string */
    lua_getfield(L, g, "table");
    int tt = lua_gettop(L);
    copy_fields(L, tt, table_names);
    static const char *const guarded[] = { "insert", "remove", NULL };
    for (const char *const *n = guarded; *n; n++) {
        lua_getfield(L, tt, *n);
        lua_pushstring(L, *n);
        lua_pushcclosure(L, guarded_table_call, 2);
        lua_setfield(L, -2, *n);
    }
    add_removed(L, lua_gettop(L), "move", "table.move");
    lua_setfield(L, libs, "table");
    lua_pop(L, 1);
    lua_getfield(L, g, "math");
    copy_fields(L, lua_gettop(L), math_names);
    lua_setfield(L, libs, "math");
    lua_pop(L, 1);
    lua_getfield(L, g, "utf8");
    copy_fields(L, lua_gettop(L), utf8_names);
    lua_setfield(L, libs, "utf8");
    lua_pop(L, 1);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &KEY_LIBS);
    /* Empty the real globals: nothing reaches them from a chunk, but leave
     * nothing behind to find. */
    lua_newtable(L);
    lua_rawseti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
    lua_settop(L, 0);
    return 0;
}

sandbox *sandbox_open(size_t mem_limit)
{
    sandbox *sb = calloc(1, sizeof(*sb));
    if (!sb)
        return NULL;
    sb->mem_limit = mem_limit;
    lua_State *L = lua_newstate(sandbox_alloc, sb);
    if (!L) {
        free(sb);
        return NULL;
    }
    sb->L = L;
    *(sandbox **)lua_getextraspace(L) = sb;
    lua_pushcfunction(L, setup_state);
    if (lua_pcall(L, 0, 0, 0) != LUA_OK) {
        lua_close(L);
        free(sb);
        return NULL;
    }
    return sb;
}

void sandbox_close(sandbox *sb)
{
    if (!sb)
        return;
    if (sb->L)
        lua_close(sb->L);
    free(sb);
}

static const char *const known_globals[] = {
    "assert", "error", "ipairs", "next", "pairs", "select", "tonumber",
    "tostring", "type", "rawlen", "string", "table", "math", "utf8",
    "scale", "competency", "level", "behaviour", "question", "bank", "option",
    "role", "need", "include", "examples", "example", "cues", NULL,
};

static int strict_index(lua_State *L)
{
    const char *name = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : NULL;
    if (!name)
        return 0;
    size_t n = 0;
    while (known_globals[n])
        n++;
    static const char *const forbidden[] = {
        "io", "os", "package", "debug", "require", "load", "loadfile", "dofile",
        "loadstring", "pcall", "xpcall", "print", "setmetatable",
        "getmetatable", "rawset", "rawget", "rawequal", "collectgarbage",
        "coroutine", "_G", "_ENV", NULL,
    };
    for (const char *const *f = forbidden; *f; f++)
        if (strcmp(*f, name) == 0)
            return luaL_error(L, "'%s' is not available in rubric files", name);
    const char *best = closest_word(name, known_globals, n);
    if (best)
        return luaL_error(L, "unknown name '%s' (did you mean '%s'?)", name, best);
    return luaL_error(L, "unknown name '%s'", name);
}

void sandbox_push_env(lua_State *L)
{
    luaL_checkstack(L, 8, NULL);
    lua_rawgetp(L, LUA_REGISTRYINDEX, &KEY_LIBS);
    int libs = lua_gettop(L);
    lua_newtable(L);
    int env = lua_gettop(L);
    /* base functions */
    lua_getfield(L, libs, "_G");
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        lua_pushvalue(L, -2);
        lua_insert(L, -2);
        lua_rawset(L, env);
    }
    lua_pop(L, 1);
    static const char *const libnames[] = { "string", "table", "math", "utf8", NULL };
    for (const char *const *ln = libnames; *ln; ln++) {
        lua_getfield(L, libs, *ln);
        int src = lua_gettop(L);
        lua_newtable(L);
        lua_pushnil(L);
        while (lua_next(L, src)) {
            lua_pushvalue(L, -2);
            lua_insert(L, -2);
            lua_rawset(L, -4);
        }
        lua_setfield(L, env, *ln);
        lua_pop(L, 1);
    }
    lua_newtable(L);
    lua_pushcfunction(L, strict_index);
    lua_setfield(L, -2, "__index");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, env);
    lua_remove(L, libs);
}
