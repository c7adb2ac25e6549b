/*
 * Development plans inside the engine: a plan owns one arena holding its
 * texts and arrays; arrays grow by copying into a bigger block (the arena
 * frees the old ones with the rest), which is cheap at a plan's sizes.
 */
#ifndef RB_DEVPLAN_INTERNAL_H
#define RB_DEVPLAN_INTERNAL_H

#include "rubric/devplan.h"
#include "util/util.h"

typedef struct owned_devplan {
    rb_devplan plan;  /* first: rb_devplan_free casts back */
    arena *arena;
    size_t cap_competencies, cap_barriers, cap_actions, cap_support;
} owned_devplan;

owned_devplan *devplan_alloc(void);
void devplan_release(owned_devplan *op);

/* Make room for one more element in an array of `size`-byte elements
 * holding *n of *cap. False when out of memory. */
bool devplan_grow(owned_devplan *op, void **items, size_t n, size_t *cap, size_t size);

/* The section names used by /share and in messages: "competencies", ... */
const char *devplan_part_name(rb_devplan_part part);

#endif
