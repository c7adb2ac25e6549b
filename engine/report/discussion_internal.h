/*
 * Pieces shared by discussion.c and discussion_render.c. Not installed.
 */
#ifndef RB_DISCUSSION_INTERNAL_H
#define RB_DISCUSSION_INTERNAL_H

#include "rubric/discussion.h"
#include "rubric/records.h"

/* The manager's level minus the employee's (0 unless both assessed). */
int discussion_difference(const rb_discussion_row *r);
/* "agreed", "self-higher", "manager-higher", "self-only", "manager-only". */
const char *discussion_agreement(const rb_discussion_row *r);

#endif
