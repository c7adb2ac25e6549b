/*
 * An assessment with the arena that holds it: shared by assessment.c
 * (making, writing, freeing) and json/assessment_read.c (reading). Not
 * installed.
 */
#ifndef RB_ASSESSMENT_INTERNAL_H
#define RB_ASSESSMENT_INTERNAL_H

#include "rubric/assessment.h"
#include "util/util.h"

typedef struct owned_assessment {
    rb_assessment a;               /* first: the public part */
    arena *arena;
    rb_assessment_entry *entries;  /* the same array as a.competencies, writable */
    const char **examples;         /* RB_MAX_EXAMPLES slots per entry */
} owned_assessment;

/* A zeroed assessment with `n` entries (each with room for RB_MAX_EXAMPLES
 * examples), or NULL when out of memory. */
owned_assessment *assessment_alloc(size_t n);

#endif
