/*
 * What the session module shares between its files.
 */
#ifndef RB_SESSION_INTERNAL_H
#define RB_SESSION_INTERNAL_H

#include "rubric/session.h"

/* The session as recorded answers; when `item_of` is not NULL (room for
 * one entry per item), item_of[a] is the item answer a came from. */
rb_interview *session_interview(const rb_session *s, size_t *item_of, rb_diags *diags);
/* How many answers session_interview gives (items with anything said,
 * rated, observed or noted). */
size_t session_answer_count(const rb_session *s);

/* The library the session was read against. */
const rb_library *session_library(const rb_session *s);

#endif
