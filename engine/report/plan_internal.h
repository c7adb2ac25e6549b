/*
 * A plan with the arena that holds it: shared by plan.c (making, freeing)
 * and json/plan_read.c (reading). Not installed.
 */
#ifndef RB_PLAN_INTERNAL_H
#define RB_PLAN_INTERNAL_H

#include "rubric/plan.h"
#include "util/util.h"

typedef struct owned_plan {
    rb_plan plan;  /* first: the public part */
    arena *arena;
} owned_plan;

/* A zeroed plan and its arena, or NULL when out of memory. */
owned_plan *plan_alloc(void);

#endif
