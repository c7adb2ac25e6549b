/*
 * Running a rubric's Lua scoring function (scoring = function(evidence)
 * ... end) at scoring time, in the library's own sandbox and limits.
 */
#ifndef RB_LUA_POLICY_H
#define RB_LUA_POLICY_H

#include <stdbool.h>
#include <stddef.h>

#include "rubric/model.h"

#define POLICY_MAX_LEVELS 32
#define POLICY_INSTRUCTIONS 1000000
#define POLICY_SECONDS 1.0

typedef struct policy_input {
    size_t nlevels;
    struct {
        int number;
        double weight, evidenced, coverage;
        bool credited;
    } levels[POLICY_MAX_LEVELS];
    size_t evidence_count;
    unsigned star;       /* RB_STAR_* bits */
    int rating;          /* 0 for none */
    int suggested;       /* the default policy's level, 0 for none */
    double confidence;   /* the default policy's confidence */
} policy_input;

typedef struct policy_output {
    int level;           /* 0: insufficient evidence */
    double confidence;
    char note[200];
} policy_output;

/* False (with `err` filled) when the function fails, runs too long or
 * returns something that is not a level of the competency's scale. */
bool policy_run(const rb_library *lib, const rb_competency *c, const policy_input *in,
                policy_output *out, char *err, size_t errsize);

#endif
