#include <math.h>
#include <stdio.h>
#include <string.h>

#include "lua/lua_internal.h"
#include "lua/policy.h"
#include "rubric/score.h"

static void set_bool(lua_State *L, const char *k, bool v)
{
    lua_pushboolean(L, v);
    lua_setfield(L, -2, k);
}

static void set_num(lua_State *L, const char *k, double v)
{
    lua_pushnumber(L, v);
    lua_setfield(L, -2, k);
}

/* Build the evidence table and call the function; runs protected. */
static int call_policy(lua_State *L)
{
    const policy_input *in = lua_touserdata(L, 1);
    int ref = (int)lua_tointeger(L, 2);
    lua_rawgeti(L, LUA_REGISTRYINDEX, ref);
    lua_createtable(L, 0, 6);
    lua_createtable(L, (int)in->nlevels, 0);
    for (size_t l = 0; l < in->nlevels && l < POLICY_MAX_LEVELS; l++) {
        lua_createtable(L, 0, 5);
        set_num(L, "number", in->levels[l].number);
        set_num(L, "weight", in->levels[l].weight);
        set_num(L, "evidenced", in->levels[l].evidenced);
        set_num(L, "coverage", in->levels[l].coverage);
        set_bool(L, "credited", in->levels[l].credited);
        lua_rawseti(L, -2, (lua_Integer)l + 1);
    }
    lua_setfield(L, -2, "levels");
    set_num(L, "count", (double)in->evidence_count);
    lua_createtable(L, 0, 4);
    set_bool(L, "situation", in->star & RB_STAR_SITUATION);
    set_bool(L, "task", in->star & RB_STAR_TASK);
    set_bool(L, "action", in->star & RB_STAR_ACTION);
    set_bool(L, "result", in->star & RB_STAR_RESULT);
    lua_setfield(L, -2, "star");
    if (in->rating)
        set_num(L, "rating", in->rating);
    if (in->suggested)
        set_num(L, "suggested", in->suggested);
    set_num(L, "confidence", in->confidence);
    lua_call(L, 1, 1);
    return 1;
}

bool policy_run(const rb_library *lib, const rb_competency *c, const policy_input *in,
                policy_output *out, char *err, size_t errsize)
{
    const struct rb_library *l = lib;
    sandbox *sb = l->release_ctx;
    if (!sb || !c->scoring.hook) {
        snprintf(err, errsize, "the scoring function is not available");
        return false;
    }
    lua_State *L = sb->L;
    int top = lua_gettop(L);
    lua_pushcfunction(L, sandbox_msgh);
    int msgh = lua_gettop(L);
    lua_pushcfunction(L, call_policy);
    lua_pushlightuserdata(L, (void *)(uintptr_t)in);
    lua_pushinteger(L, c->scoring.hook);
    sandbox_arm(sb, POLICY_INSTRUCTIONS, monotonic_seconds() + POLICY_SECONDS);
    sb->mem_refused = false;
    int st = lua_pcall(L, 2, 1, msgh);
    kill_reason killed = sb->killed;
    sandbox_disarm(sb);
    bool ok = false;
    if (st != LUA_OK) {
        if (killed != KILL_NONE)
            snprintf(err, errsize, "the scoring function of '%s' ran too long", c->id);
        else if (st == LUA_ERRMEM || sb->mem_refused)
            snprintf(err, errsize, "the scoring function of '%s' ran out of memory", c->id);
        else
            snprintf(err, errsize, "the scoring function of '%s' failed: %s", c->id,
                     lua_tostring(L, -1) ? lua_tostring(L, -1) : "error");
    } else {
        int t = lua_gettop(L);
        double level = NAN, conf = in->confidence;
        if (lua_type(L, t) == LUA_TNUMBER) {
            level = lua_tonumber(L, t);
        } else if (lua_type(L, t) == LUA_TTABLE) {
            lua_getfield(L, t, "level");
            level = lua_type(L, -1) == LUA_TNUMBER ? lua_tonumber(L, -1)
                    : lua_isnil(L, -1) ? 0 : NAN;
            lua_getfield(L, t, "confidence");
            if (lua_type(L, -1) == LUA_TNUMBER)
                conf = lua_tonumber(L, -1);
            lua_getfield(L, t, "note");
            if (lua_type(L, -1) == LUA_TSTRING) {
                size_t n;
                const char *s = lua_tolstring(L, -1, &n);
                snprintf(out->note, sizeof out->note, "%.*s", (int)(n < 199 ? n : 199), s);
            }
        } else if (lua_isnil(L, t)) {
            level = 0;
        }
        if (!isfinite(level) || level != floor(level) ||
            (level != 0 && !rb_scale_level_of(c->scale, (int)level)))
            snprintf(err, errsize, "the scoring function of '%s' returned no level of "
                     "its scale", c->id);
        else if (!(conf >= 0 && conf <= 1))
            snprintf(err, errsize, "the scoring function of '%s' returned a confidence "
                     "outside 0 to 1", c->id);
        else {
            out->level = (int)level;
            out->confidence = floor(conf * 100 + 0.5) / 100;
            ok = true;
        }
    }
    lua_settop(L, top);
    return ok;
}
