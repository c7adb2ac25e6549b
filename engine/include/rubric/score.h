/*
 * Scoring recorded answers against the level descriptors.
 *
 * A scorer is prepared once per library (stems of every behaviour, word
 * statistics, compiled evidence patterns, cue lists) and then scores any
 * number of interviews. Every level estimate carries its evidence: which
 * sentence of which answer showed which behaviour, and how strongly.
 */
#ifndef RUBRIC_SCORE_H
#define RUBRIC_SCORE_H

#include <stdbool.h>
#include <stddef.h>

#include "answers.h"
#include "buf.h"
#include "diag.h"
#include "model.h"

typedef struct rb_scorer rb_scorer;

/* NULL (with a diagnostic) when out of memory. */
rb_scorer *rb_scorer_new(const rb_library *lib, rb_diags *diags);
void rb_scorer_free(rb_scorer *s);

typedef enum rb_evidence_kind {
    RB_EVIDENCE_PATTERN,   /* an author's evidence pattern matched */
    RB_EVIDENCE_WORDS,     /* the behaviour's own words (stems) in a sentence */
    RB_EVIDENCE_OBSERVED,  /* the interviewer marked the behaviour as observed */
} rb_evidence_kind;

typedef struct rb_evidence {
    const rb_behaviour *behaviour;
    int level;
    size_t answer;         /* index into the interview's answers */
    int part;              /* -1: the answer text; k >= 0: its probe answer k */
    size_t start, end;     /* byte span of the quoted sentence in that text */
    double strength;       /* 0..1 */
    rb_evidence_kind kind;
} rb_evidence;

/* STAR elements. */
enum {
    RB_STAR_SITUATION = 1,
    RB_STAR_TASK = 2,
    RB_STAR_ACTION = 4,
    RB_STAR_RESULT = 8,
    RB_STAR_ALL = 15,
};

/* How one answer reads, the way a behavioural interviewer listens. */
typedef struct rb_reading {
    unsigned star;          /* RB_STAR_* elements present */
    unsigned individual;    /* "I", "my" ... */
    unsigned collective;    /* "we", "our" ... */
    unsigned past;          /* "I did" */
    unsigned hypothetical;  /* "I would" */
    unsigned specifics;     /* numbers, dates, names */
} rb_reading;

enum rb_flag {
    RB_FLAG_RATING_FAR = 1 << 0,         /* suggestion and rating 2+ levels apart */
    RB_FLAG_RATING_UNSUPPORTED = 1 << 1, /* a rating with no evidence at its level */
    RB_FLAG_NO_RESULT = 1 << 2,          /* an answer with no result */
    RB_FLAG_HYPOTHETICAL = 1 << 3,       /* more "I would" than "I did" */
    RB_FLAG_COLLECTIVE = 1 << 4,         /* "we" and never "I" */
    RB_FLAG_PATTERN_LIMIT = 1 << 5,      /* a pattern was too costly to finish */
    RB_FLAG_POLICY_ERROR = 1 << 6,       /* the rubric's scoring function failed */
};

typedef struct rb_level_result {
    int number;
    double weight;      /* total behaviour weight of the level */
    double evidenced;   /* weight of its behaviours with evidence */
    double coverage;    /* evidenced / weight */
    bool credited;      /* coverage reaches the competency's threshold */
} rb_level_result;

typedef struct rb_competency_result {
    const rb_competency *competency;
    const rb_need *need;       /* NULL when the role does not list it */
    size_t nanswers;           /* answers about this competency */
    int suggested;             /* the level the evidence supports; 0 = insufficient */
    double confidence;         /* 0..1 */
    int rating;                /* the interviewers' level (median), 0 = none */
    int final_level;           /* rating when given, else suggested */
    int gap;                   /* final_level - target (when need) */
    unsigned flags;            /* enum rb_flag */
    unsigned star;             /* STAR elements found across its answers */
    size_t nlevels;
    const rb_level_result *levels;
    size_t nevidence;
    const rb_evidence *evidence;  /* by level, then behaviour, then place */
    const char *policy_note;   /* message from a scoring function, or NULL */
} rb_competency_result;

typedef struct rb_sheet {
    const rb_interview *interview;
    const rb_library *library;
    size_t nresults;
    const rb_competency_result *results;  /* the role's needs first, in order */
    const rb_reading *readings;           /* one per answer */
    double fit;           /* weighted role fit, 0..1 */
    size_t strengths;     /* needs at or above target */
    size_t developments;  /* needs below target */
} rb_sheet;

/* Score one interview. The sheet borrows the interview and the library. */
rb_sheet *rb_score(rb_scorer *s, const rb_interview *iv, rb_diags *diags);
void rb_sheet_free(rb_sheet *sh);

/* One PCRE2 pattern per behaviour of the library, a line each: its authored
 * patterns joined, or for a behaviour without patterns an alternation of
 * its key stems (a baseline for other tools, e.g. pcre2grep -f). */
bool rb_scorer_patterns(const rb_scorer *s, rb_buf *out);

/* The text an evidence item quotes (answer text or probe answer). */
const char *rb_evidence_text(const rb_interview *iv, const rb_evidence *e, size_t *len);

#endif
