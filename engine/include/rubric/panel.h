/*
 * Interview panels: several interviewers have interviewed the same
 * candidates for one role, each rating on their own; the panel brings their
 * ratings together before the debrief (rubric.panel/1, schema:
 * engine/schemas/panel.schema.json).
 *
 * For every candidate and every competency the role needs: each
 * interviewer's rating beside the level the evidence in their own answers
 * suggests, the spread, the consensus (the median rating; with an even
 * number of ratings the lower of the two middle ones), the gap to the
 * target, and whether the competency goes on the debrief agenda and why.
 * Over the whole campaign: each interviewer's leniency or severity (mean of
 * their rating minus the consensus) and the inter-rater agreement statistics
 * of agreement.h per competency (subjects = candidates, raters =
 * interviewers).
 *
 *     rb_panel_input in[] = { { "a.json", iv_a, sheet_a, NULL }, ... };
 *     rb_panel *p = rb_panel_build(lib, in, n, diags);
 *     if (p) rb_panel_markdown(p, &out);
 *     rb_panel_free(p);
 *
 * A panel borrows the interviews, sheets and plans it was built from, and
 * the library: they must outlive it. The library never prints; problems
 * with the inputs come back as diagnostics ("file: error: message").
 */
#ifndef RUBRIC_PANEL_H
#define RUBRIC_PANEL_H

#include <stdbool.h>
#include <stddef.h>

#include "agreement.h"
#include "answers.h"
#include "buf.h"
#include "diag.h"
#include "model.h"
#include "plan.h"
#include "score.h"

#define RB_PANEL_FORMAT "rubric.panel/1"
/* Interviews in one panel: a campaign of hundreds of candidates fits; the
 * agreement tables (candidates x interviewers per competency) stay small. */
#define RB_PANEL_MAX_INTERVIEWS 1000

/* One interviewer's interview of one candidate, already scored. */
typedef struct rb_panel_input {
    const char *source;             /* the file, as the user named it */
    const rb_interview *interview;  /* must name the interviewer */
    const rb_sheet *sheet;          /* rb_score of `interview` */
    const rb_plan *plan;            /* the plan followed, or NULL when unknown */
} rb_panel_input;

/* Why a competency is on the debrief agenda. */
enum rb_panel_reason {
    RB_REASON_RATINGS_APART = 1 << 0,      /* ratings two or more levels apart */
    RB_REASON_EVIDENCE_APART = 1 << 1,     /* consensus two or more levels from the
                                              level the panel's evidence suggests */
    RB_REASON_RATING_FAR = 1 << 2,         /* an interviewer's rating two or more
                                              levels from their own evidence */
    RB_REASON_CONSENSUS_UNSUPPORTED = 1 << 3, /* no interviewer's answers hold
                                              evidence at the consensus level */
    RB_REASON_NOT_RATED = 1 << 4,          /* no interviewer rated it */
};

/* How close the ratings of one competency are. */
typedef enum rb_panel_agreement {
    RB_PANEL_NO_RATINGS,  /* nobody rated it */
    RB_PANEL_SINGLE,      /* one rating: nothing to compare */
    RB_PANEL_SAME,        /* every rating equal */
    RB_PANEL_CLOSE,       /* one level apart */
    RB_PANEL_APART,       /* two or more levels apart */
} rb_panel_agreement;

/* One interviewer's view of one competency. */
typedef struct rb_panel_cell {
    size_t interview;                    /* index into the candidate's interviews */
    const rb_competency_result *result;  /* from that interviewer's sheet */
    int rating;                          /* their rating; 0: none */
    int suggested;                       /* their evidence's level; 0: insufficient */
} rb_panel_cell;

/* One entry of the debrief agenda: a reason, about the whole panel or one
 * interviewer, with a sentence for people. */
typedef struct rb_panel_issue {
    unsigned reason;      /* one enum rb_panel_reason */
    size_t cell;          /* the interviewer's cell, or SIZE_MAX: the panel */
    const char *text;     /* plain text, one line, no full stop */
} rb_panel_issue;

/* An evidence item of one interviewer's sheet. */
typedef struct rb_panel_evidence {
    size_t interview;           /* index into the candidate's interviews */
    const rb_evidence *item;    /* in that interview's sheet */
} rb_panel_evidence;

typedef struct rb_panel_competency {
    const rb_need *need;               /* the role's need: competency, target, weight */
    size_t ncells;                     /* one per interview of the candidate */
    const rb_panel_cell *cells;
    size_t nrated;                     /* cells with a rating */
    int low, high;                     /* lowest and highest rating (when nrated) */
    int spread;                        /* high - low; 0 without ratings */
    int consensus;                     /* median rating (lower middle); 0: none */
    int evidence;                      /* median of the suggested levels; 0: none */
    int final_level;                   /* consensus, else evidence, else 0 */
    int gap;                           /* final_level - target, when final_level */
    rb_panel_agreement agreement;
    unsigned reasons;                  /* enum rb_panel_reason; 0: not on the agenda */
    size_t nissues;                    /* the reasons spelt out, in enum order */
    const rb_panel_issue *issues;
    size_t nevidence;                  /* every interviewer's evidence, by level, */
    const rb_panel_evidence *evidence_items; /* behaviour, interviewer, place */
} rb_panel_competency;

typedef struct rb_panel_candidate {
    const char *id;
    const char *name;                   /* may be NULL */
    size_t ninterviews;                 /* in the order given */
    const rb_panel_input *const *interviews;
    size_t ncompetencies;               /* the role's needs, in order */
    const rb_panel_competency *competencies;
    double fit;                         /* role fit from the final levels, 0..1 */
    size_t strengths, developments;     /* needs at / below target */
    size_t agenda;                      /* competencies on the debrief agenda */
} rb_panel_candidate;

/* An interviewer over the whole campaign. */
typedef struct rb_panel_interviewer {
    const char *name;
    size_t candidates;   /* candidates they interviewed */
    size_t ratings;      /* ratings they gave on the role's competencies */
    size_t compared;     /* of those, ratings with a consensus of two or more */
    long deviation_sum;  /* sum of rating - consensus over the compared ones */
    double leniency;     /* deviation_sum / compared; 0 when compared is 0 */
} rb_panel_interviewer;

/* Agreement between the interviewers on one competency: a ratings table
 * with one row per candidate and one column per interviewer. */
typedef struct rb_panel_agreement_stats {
    const rb_need *need;
    size_t ratings;        /* cells with a rating */
    rb_agreement stats;    /* every statistic: value or reason */
} rb_panel_agreement_stats;

typedef struct rb_panel {
    const rb_library *library;
    const rb_role *role;
    size_t ninputs;
    const rb_panel_input *inputs;           /* copies of what was given */
    size_t ncandidates;                     /* in order of first appearance */
    const rb_panel_candidate *candidates;
    size_t ninterviewers;                   /* in order of first appearance */
    const rb_panel_interviewer *interviewers;
    size_t nagreement;                      /* one per need of the role */
    const rb_panel_agreement_stats *agreement;
} rb_panel;

/* Consolidate `n` scored interviews (1 to RB_PANEL_MAX_INTERVIEWS). Every interview must name its
 * interviewer; all must be for the same role, recorded with the same
 * library and, where known, from the same plan; an interviewer may appear
 * once per candidate. Every problem is added to `diags` (file: error:
 * message); NULL when there was any, or when memory ran out. */
rb_panel *rb_panel_build(const rb_library *lib, const rb_panel_input *inputs, size_t n,
                         rb_diags *diags);
void rb_panel_free(rb_panel *p);

/* The consensus rule: the median of `n` levels, and with an even number
 * the lower of the two middle ones (a level the whole panel can stand
 * behind: half of the interviewers rated at or below it, and no level is
 * credited that half of them did not see). Sorts `levels` in place.
 * 0 when n is 0. */
int rb_panel_median(int *levels, size_t n);

/* Short names and sentences for the reasons and agreement kinds, shared by
 * every format ("ratings-apart", ...). */
const char *rb_panel_reason_name(unsigned reason);
const char *rb_panel_agreement_name(rb_panel_agreement a);

/* The panel as Markdown: per candidate the consolidated sheet and the
 * debrief agenda, then the interviewers' leniency and the agreement
 * statistics. */
bool rb_panel_markdown(const rb_panel *p, rb_buf *out);
/* The same as one self-contained printable HTML page (no network). */
bool rb_panel_html(const rb_panel *p, rb_buf *out);
/* rubric.panel/1, pretty-printed, ending in a newline. */
bool rb_panel_json(const rb_panel *p, rb_buf *out);

#endif
