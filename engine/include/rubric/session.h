/*
 * Live interview sessions: one interviewer interviewing one candidate from
 * a plan, every action saved in an append-only journal (journal.h) before
 * the interface moves on.
 *
 * The journal's records are JSON objects, one per event (rubric.session/1,
 * described in engine/README.md). The first record starts the session and
 * carries the whole plan document, so a session file stands alone. The
 * session's state is never stored: it is the replay of its events, and
 * live actions go through the same replay code as recovery, so what a
 * resumed session shows is exactly what was acknowledged.
 *
 * Items are what the interviewer moves through: the opening, the plan's
 * questions in order (with any question asked on top of the plan right
 * after the item it was asked from) and the closing.
 *
 * A session refers into the library it was read against, so it must not
 * outlive that library. The library never prints; errors come back as
 * diagnostics ("file: record N: message").
 */
#ifndef RUBRIC_SESSION_H
#define RUBRIC_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "answers.h"
#include "buf.h"
#include "diag.h"
#include "model.h"
#include "plan.h"
#include "score.h"

#define RB_SESSION_FORMAT "rubric.session/1"
#define RB_SESSION_MAX_ITEMS 200     /* items, extra questions included */
#define RB_SESSION_MAX_NAME 200      /* bytes in a candidate or interviewer name */

typedef enum rb_item_kind {
    RB_ITEM_OPENING,
    RB_ITEM_QUESTION,
    RB_ITEM_CLOSING,
} rb_item_kind;

/* What has been said for one part of an item: lines in the order given. */
typedef struct rb_session_text {
    size_t nlines;
    const char *const *lines;
} rb_session_text;

typedef struct rb_session_item {
    rb_item_kind kind;
    const rb_competency *competency;  /* questions only */
    const rb_plan_competency *planned; /* the plan's entry for it */
    const rb_question *question;      /* questions only */
    int level;                        /* the question's level */
    bool extra;                       /* asked on top of the plan */
    bool skipped;
    int minutes;                      /* its share of the time budget */
    double seconds;                   /* time spent on it so far */
    rb_session_text answer;           /* the answer as said */
    size_t nprobes;                   /* = the question's probes */
    const rb_session_text *probes;    /* what each probe drew out */
    rb_session_text notes;
    size_t nobserved;
    const rb_behaviour *const *observed;
    int rating;                       /* 0: none */
} rb_session_item;

typedef struct rb_session rb_session;

/* ---- actions --------------------------------------------------------------
 * Everything an interviewer does is one action. rb_session_act checks it
 * against the state, appends it to the journal (fdatasync), and only then
 * applies it: on failure nothing changed. */
typedef enum rb_action_kind {
    RB_ACT_GOTO,      /* item: move there (next, back, jump) */
    RB_ACT_SKIP,      /* item: mark skipped and move to the next one */
    RB_ACT_SAY,       /* item, part, text: one more line of the answer
                         (part 0) or of what probe `part` (from 1) drew out */
    RB_ACT_UNSAY,     /* item, part: take back the last line */
    RB_ACT_NOTE,      /* item, text: one more line of notes */
    RB_ACT_OBSERVE,   /* item, id: the behaviour was observed */
    RB_ACT_UNOBSERVE, /* item, id */
    RB_ACT_RATE,      /* item, level (0 clears) on the competency's scale */
    RB_ACT_ASK,       /* item, id: ask this question of the same competency
                         too; it becomes the item after `item` */
    RB_ACT_SUBMIT,    /* the session becomes final */
} rb_action_kind;

typedef struct rb_action {
    rb_action_kind kind;
    size_t item;
    int part;
    const char *text;
    int level;
    const char *id;
} rb_action;

/* Start a new session journal at `path` (created 0600; an existing file is
 * never replaced). `plan_text` is the rubric.plan/1 document, checked
 * against `lib`. `now` is seconds since the epoch. NULL with diagnostics on
 * failure. */
rb_session *rb_session_create(const rb_library *lib, const char *path,
                              const char *plan_text, size_t plan_len,
                              const char *plan_source, const char *candidate,
                              const char *interviewer, int64_t now,
                              rb_diags *diags);

/* Continue a session after a crash or a closed terminal: recover the
 * journal (a torn last record is dropped and reported in *note, a buffer
 * of `note_size` bytes, "" when nothing was dropped), replay it and open it
 * for appending. Damage in the middle stops with an error saying where.
 * With `interviewer` (not NULL), a session of another interviewer is
 * refused before anything is written to it. */
rb_session *rb_session_resume(const rb_library *lib, const char *path,
                              const char *interviewer, int64_t now, char *note,
                              size_t note_size, rb_diags *diags);
/* True when a save failed: the session refuses every further action and
 * must be closed and resumed. */
bool rb_session_broken(const rb_session *s);

/* Read a session without writing to it (for scoring and panels). */
rb_session *rb_session_load(const rb_library *lib, const char *path, rb_diags *diags);

void rb_session_free(rb_session *s);

/* Do one action at time `now`. False with a one-line message in `err` when
 * the action is not possible (the session is submitted, an id is unknown,
 * ...) or could not be saved; the session is then unchanged. After a save
 * failure the session refuses further actions: resume it. */
bool rb_session_act(rb_session *s, const rb_action *a, int64_t now,
                    char *err, size_t errsize);

/* ---- reading the state --------------------------------------------------- */
const rb_plan *rb_session_plan(const rb_session *s);
const char *rb_session_path(const rb_session *s);
const char *rb_session_candidate(const rb_session *s);
const char *rb_session_interviewer(const rb_session *s);
int64_t rb_session_started(const rb_session *s);
bool rb_session_submitted(const rb_session *s);
int64_t rb_session_submitted_at(const rb_session *s);  /* 0 when not */
size_t rb_session_nitems(const rb_session *s);
const rb_session_item *rb_session_item_at(const rb_session *s, size_t i);
size_t rb_session_current(const rb_session *s);
/* Seconds spent on item i up to `now` (the current item keeps counting;
 * time while the session was not running does not count). */
double rb_session_seconds(const rb_session *s, size_t i, int64_t now);
/* Events in the journal. */
size_t rb_session_events(const rb_session *s);

/* The session as recorded answers (rubric.answers/1 in memory): one answer
 * per question item with anything said, rated, observed or noted. The
 * interview borrows the session. NULL, with the reason in `diags`, when
 * nothing was recorded (rb_session_answer_count is 0) or out of memory. */
rb_interview *rb_session_interview(const rb_session *s, rb_diags *diags);
/* How many answers rb_session_interview gives. */
size_t rb_session_answer_count(const rb_session *s);
/* The same as a rubric.answers/1 document. */
bool rb_session_answers_json(const rb_session *s, rb_buf *out);

/* True when the file at `path` begins like a session journal (so a
 * command taking answers can take a session too). */
bool rb_session_file(const char *path);
/* The recorded answers of the submitted session at `path`: an error (with
 * how to finish it) when it is not submitted. The interview does not
 * refer to the session. */
rb_interview *rb_session_read_submitted(const rb_library *lib, const char *path,
                                        rb_diags *diags);

/* ---- what to ask next ----------------------------------------------------- */
typedef enum rb_level_advice {
    RB_ADVICE_NONE,       /* keep probing at this level */
    RB_ADVICE_HIGHER,     /* the target is clearly met: try the level above */
    RB_ADVICE_LOWER,      /* the target is clearly not met: try the level below */
} rb_level_advice;

#define RB_SUGGEST_MAX_PROBES 3

typedef struct rb_suggestion {
    unsigned star_missing;         /* RB_STAR_* with no evidence yet */
    size_t nmissing;               /* target-level behaviours with no evidence */
    const rb_behaviour *missing[32];
    size_t nprobes;                /* probes to ask, best first (not yet asked) */
    size_t probes[RB_SUGGEST_MAX_PROBES];  /* indices into the item's probes */
    unsigned probe_star[RB_SUGGEST_MAX_PROBES];  /* STAR each would draw out */
    int suggested;                 /* the level the evidence supports so far */
    rb_level_advice advice;
    const rb_question *question;   /* the question to try for the advice */
    int question_level;
    size_t question_item;          /* its item when already in the session,
                                      else SIZE_MAX */
} rb_suggestion;

/* Look at what has been said for item i's competency and suggest what to
 * ask next. False when out of memory or the item is not a question. */
bool rb_session_suggest(const rb_session *s, rb_scorer *scorer, size_t i,
                        rb_suggestion *out, rb_diags *diags);

#endif
