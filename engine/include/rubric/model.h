/*
 * The compiled rubric library: an immutable model of scales, competencies,
 * levels, behaviours, questions, probes, roles and question banks.
 *
 * Everything reachable from an rb_library is owned by it and lives until
 * rb_library_free(). Nothing in it may be modified: all pointers are const.
 * Ids are stable, human-readable strings such as
 * "career-development-coaching.L2.b3" that sheets and sessions refer to.
 */
#ifndef RUBRIC_MODEL_H
#define RUBRIC_MODEL_H

#include <stdbool.h>
#include <stddef.h>

/* Where a definition was written: display path and 1-based line. */
typedef struct rb_loc {
    const char *file;
    int line;
} rb_loc;

typedef struct rb_scale_level {
    int number;
    const char *name;
    const char *descriptor;
    rb_loc loc;
} rb_scale_level;

typedef struct rb_scale {
    const char *id;
    const char *title;
    const char *description;  /* may be NULL */
    size_t nlevels;
    const rb_scale_level *levels;  /* ascending, contiguous numbers */
    rb_loc loc;
} rb_scale;

typedef struct rb_pattern {
    const char *source;  /* PCRE2 syntax, matched caseless */
    rb_loc loc;
} rb_pattern;

typedef struct rb_behaviour {
    const char *id;
    const char *text;
    double weight;
    size_t npatterns;
    const rb_pattern *patterns;
    size_t nterms;
    const char *const *terms;
    rb_loc loc;
} rb_behaviour;

typedef struct rb_probe {
    const char *id;
    const char *text;
} rb_probe;

typedef struct rb_question {
    const char *id;
    const char *text;
    size_t nprobes;
    const rb_probe *probes;
    rb_loc loc;
} rb_question;

typedef struct rb_level {
    int number;
    const char *summary;  /* NULL when the scale's descriptor stands */
    size_t nbehaviours;
    const rb_behaviour *behaviours;
    size_t nquestions;
    const rb_question *questions;
    rb_loc loc;
} rb_level;

typedef enum rb_scoring_kind {
    RB_SCORING_DEFAULT,     /* no scoring field: default parameters */
    RB_SCORING_PARAMETERS,  /* a table of parameters */
    RB_SCORING_FUNCTION,    /* a Lua function replaces the policy */
} rb_scoring_kind;

typedef struct rb_scoring {
    rb_scoring_kind kind;
    double coverage;      /* 0..1 */
    int min_evidence;     /* 1..20 */
    double min_strength;  /* 0..1 */
    int hook;             /* handle of the Lua function, or 0 */
    const char *function_text;  /* the function's source lines, or NULL */
    rb_loc loc;           /* where the function (or the competency) is */
} rb_scoring;

#define RB_DEFAULT_COVERAGE 0.5
#define RB_DEFAULT_MIN_EVIDENCE 2
#define RB_DEFAULT_MIN_STRENGTH 0.35

typedef struct rb_competency {
    const char *id;
    const char *title;
    const char *definition;
    const rb_scale *scale;
    size_t nlevels;
    const rb_level *levels;  /* one per scale level, in scale order */
    rb_scoring scoring;
    rb_loc loc;
} rb_competency;

typedef struct rb_need {
    const rb_competency *competency;
    int target;     /* a level number of the competency's scale */
    double weight;  /* > 0 */
    rb_loc loc;
} rb_need;

typedef struct rb_role {
    const char *id;
    const char *title;
    const char *description;  /* may be NULL */
    int minutes;
    size_t nneeds;
    const rb_need *needs;
    rb_loc loc;
} rb_role;

typedef struct rb_option {
    const char *id;
    const char *title;
    const char *description;
    rb_loc loc;
} rb_option;

typedef struct rb_bank {
    const char *id;
    const char *title;
    const char *description;  /* may be NULL */
    size_t nquestions;
    const rb_question *questions;
    size_t noptions;
    const rb_option *options;
    rb_loc loc;
} rb_bank;

/* An example answer a rubric carries to test itself: `rubric test` scores
 * it and expects `level`, give or take `tolerance`. */
typedef struct rb_example {
    const char *id;                    /* <competency>.e<position> */
    const rb_competency *competency;
    int level;
    int tolerance;
    const char *answer;
    const char *note;                  /* why this level, or NULL */
    rb_loc loc;
} rb_example;

/* Word lists for reading answers the way behavioural interviewers do: STAR
 * elements, ownership, past versus hypothetical, and stop words. Each entry
 * is a word or a short phrase. */
typedef struct rb_cue_list {
    size_t n;
    const char *const *items;
} rb_cue_list;

typedef struct rb_cues {
    rb_cue_list situation, task, action, result;
    rb_cue_list individual, collective;  /* "I" versus "we" */
    rb_cue_list past, hypothetical;      /* "I did" versus "I would" */
    rb_cue_list stop_words;
    rb_loc loc;
} rb_cues;

/* What a step of a discussion process shows from the two assessments, in
 * the order the step lists them. */
typedef enum rb_show {
    RB_SHOW_COMPARISON,   /* both levels side by side, examples where they differ */
    RB_SHOW_STRENGTHS,    /* proposed areas of strength */
    RB_SHOW_DEVELOPMENT,  /* proposed areas for development, with the gap */
    RB_SHOW_FOLLOW_UP,    /* room to schedule the follow-up meeting */
} rb_show;

/* One step of a discussion process: what the leader of the discussion
 * does, says and asks, which bank questions or growth options to draw on,
 * what to record, and when to refer elsewhere (coaching is not
 * counselling). Lists may be empty; texts may be NULL. */
typedef struct rb_step {
    const char *id;          /* <process>.<local id> or <process>.s<position> */
    const char *title;
    const char *purpose;
    size_t nprompts;
    const char *const *prompts;     /* points for the leader of the discussion */
    size_t nquestions;
    const char *const *questions;   /* questions to ask */
    size_t nbank_items;
    const struct rb_item *bank_items;  /* banks, bank questions or options */
    size_t nshows;
    const rb_show *shows;
    size_t nrecord;
    const char *const *record;      /* what to write down, e.g. "Actions ..." */
    const char *referral;
    rb_loc loc;
} rb_step;

/* A discussion process, such as coaching for competencies: the steps a
 * manager and an employee go through with their two assessments. */
typedef struct rb_process {
    const char *id;
    const char *title;
    const char *description;  /* may be NULL */
    size_t nprinciples;
    const char *const *principles;  /* ground rules shown before the steps */
    const char *principles_title;   /* their heading; NULL: "Principles" */
    const char *referral;     /* shown before the steps; may be NULL */
    size_t nsteps;
    const rb_step *steps;
    rb_loc loc;
} rb_process;

typedef struct rb_library rb_library;

/* What an id names, for rb_library_find(). */
typedef enum rb_kind {
    RB_KIND_NONE,
    RB_KIND_SCALE,
    RB_KIND_COMPETENCY,
    RB_KIND_BEHAVIOUR,
    RB_KIND_QUESTION,
    RB_KIND_PROBE,
    RB_KIND_ROLE,
    RB_KIND_BANK,
    RB_KIND_OPTION,
    RB_KIND_PROCESS,
    RB_KIND_STEP,
} rb_kind;

typedef struct rb_item {
    rb_kind kind;
    const void *ptr;  /* the rb_scale, rb_competency, ... named by the id */
    const rb_competency *competency;  /* owner, for behaviours/questions/probes */
    const rb_level *level;            /* owner level, likewise */
    const rb_bank *bank;              /* owner bank, for bank items */
    const rb_process *process;        /* owner process, for steps */
} rb_item;

size_t rb_library_nscales(const rb_library *lib);
const rb_scale *rb_library_scale(const rb_library *lib, size_t i);
size_t rb_library_ncompetencies(const rb_library *lib);
const rb_competency *rb_library_competency(const rb_library *lib, size_t i);
size_t rb_library_nroles(const rb_library *lib);
const rb_role *rb_library_role(const rb_library *lib, size_t i);
size_t rb_library_nbanks(const rb_library *lib);
const rb_bank *rb_library_bank(const rb_library *lib, size_t i);
size_t rb_library_nprocesses(const rb_library *lib);
const rb_process *rb_library_process(const rb_library *lib, size_t i);
size_t rb_library_nexamples(const rb_library *lib);
const rb_example *rb_library_example(const rb_library *lib, size_t i);
/* The library's cue lists, or NULL when it defines none. */
const rb_cues *rb_library_cues(const rb_library *lib);
size_t rb_library_nfiles(const rb_library *lib);
const char *rb_library_file(const rb_library *lib, size_t i);

/* Look an id up. Returns false (and kind NONE) when nothing has that id. */
bool rb_library_find(const rb_library *lib, const char *id, rb_item *out);

/* The id of a scale, competency, role, bank or process closest to `id` (a likely
 * typo), or NULL when none is close. */
const char *rb_library_suggest(const rb_library *lib, const char *id);
/* The same among the items of one kind (a role, a process, ...). */
const char *rb_library_suggest_kind(const rb_library *lib, const char *id, rb_kind kind);

/* "sha256:<64 hex digits>" over the library's content (not its layout, comments
 * or formatting): equal hashes mean the same definitions. */
const char *rb_library_hash(const rb_library *lib);

/* True when some competency keeps a Lua scoring function, so the sandboxed
 * Lua state stays open for the library's lifetime. */
bool rb_library_has_hooks(const rb_library *lib);

const char *rb_kind_name(rb_kind kind);
/* "comparison", "strengths", ... as written in process files. */
const char *rb_show_name(rb_show show);

/* The level of `c` numbered `number`, or NULL. */
const rb_level *rb_competency_level(const rb_competency *c, int number);
/* The scale level numbered `number`, or NULL. */
const rb_scale_level *rb_scale_level_of(const rb_scale *s, int number);

void rb_library_free(rb_library *lib);

#endif
