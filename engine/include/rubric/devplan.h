/*
 * Development plans (rubric.devplan/1, schema:
 * engine/schemas/devplan.schema.json): what a manager and an employee agree
 * at the end of a competency discussion — two or three competencies to
 * develop with a target level each, the barriers they foresee, the
 * employee's actions, the manager's support, a timeframe and the date of
 * the follow-up meeting — and the progress recorded on the actions since.
 *
 * The employee owns the plan. Every part carries a "share" mark: whether
 * the employee allows it to go to the next-level leader (default: not
 * shared). rb_devplan_shared_json() writes the export that holds only the
 * shared parts (view "shared").
 *
 * A plan copies the titles and level names it needs from the library, so
 * it can be read, shown and shared without one.
 */
#ifndef RUBRIC_DEVPLAN_H
#define RUBRIC_DEVPLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "date.h"
#include "diag.h"
#include "model.h"

#define RB_DEVPLAN_FORMAT "rubric.devplan/1"

#define RB_MAX_DEVPLAN_FILE ((size_t)1 << 20)      /* bytes in one plan document */
#define RB_DEVPLAN_MAX_COMPETENCIES 10
#define RB_DEVPLAN_MAX_ITEMS 100                    /* barriers, actions or support items */
#define RB_DEVPLAN_MAX_TEXT ((size_t)4 << 10)       /* bytes in one text */
#define RB_DEVPLAN_MAX_NAME ((size_t)200)           /* bytes in a person's name */

/* The parts of a plan the owner can mark for sharing. */
typedef enum rb_devplan_part {
    RB_PART_COMPETENCIES,
    RB_PART_BARRIERS,
    RB_PART_ACTIONS,
    RB_PART_SUPPORT,
    RB_PART_TIMEFRAME,
    RB_PART_FOLLOWUP,
    RB_PART_COUNT,
} rb_devplan_part;

typedef struct rb_devplan_competency {
    const char *id;
    const char *title;
    int target;               /* a level of the competency's scale; 0: not given yet */
    const char *target_name;  /* that level's name, or NULL */
    bool share;
} rb_devplan_competency;

typedef struct rb_devplan_item {
    const char *text;
    bool share;
} rb_devplan_item;

typedef struct rb_devplan_action {
    const char *id;          /* "a1", "a2", ... in the order agreed */
    const char *competency;  /* the competency it develops; NULL in a shared
                                export when that competency is not shared */
    const char *text;
    bool share;
} rb_devplan_action;

typedef struct rb_devplan {
    bool shared_view;        /* an export for the next-level leader */
    const char *person;      /* the employee */
    const char *manager;     /* or NULL */
    const char *role_id, *role_title;
    const char *library;     /* the library's hash when the plan was made */
    const char *agreed;      /* YYYY-MM-DD */
    size_t ncompetencies;
    rb_devplan_competency *competencies;
    size_t nbarriers;
    rb_devplan_item *barriers;
    size_t nactions;
    rb_devplan_action *actions;
    size_t nsupport;
    rb_devplan_item *support;
    const char *timeframe;   /* NULL when not given (or not shared) */
    bool timeframe_share;
    const char *followup;    /* YYYY-MM-DD; NULL when not given (or not shared) */
    bool followup_share;
} rb_devplan;

/* ---- entering a plan: the line commands ------------------------------------ */

typedef struct rb_devplan_editor rb_devplan_editor;

typedef enum rb_edit_status {
    RB_EDIT_OK,       /* the line was taken (warnings may be in diags) */
    RB_EDIT_ERROR,    /* the line was refused: see diags; the plan is unchanged */
    RB_EDIT_DONE,     /* /done and the plan is complete */
    RB_EDIT_QUIT,     /* /quit: leave without saving */
    RB_EDIT_NOMEM,
} rb_edit_status;

/* The commands, one per line, as /help shows them. */
extern const char rb_devplan_commands_help[];

/* A new plan for `person` (and `manager`, may be NULL) in `role`, agreed
 * on `today`. The editor borrows `lib` and `role`. NULL when out of memory. */
rb_devplan_editor *rb_devplan_editor_new(const rb_library *lib, const rb_role *role,
                                         const char *person, const char *manager,
                                         rb_date today);
/* Apply one line. Problems go to `diags` without file or line (the caller
 * knows where the line came from); what was done goes to `reply` (one or
 * more lines, for a person at the terminal). Blank lines and lines starting
 * with '#' are ignored. */
rb_edit_status rb_devplan_edit(rb_devplan_editor *ed, const char *line, rb_diags *diags,
                               rb_buf *reply);
/* The plan so far (borrowed from the editor). */
const rb_devplan *rb_devplan_editor_plan(const rb_devplan_editor *ed);
void rb_devplan_editor_free(rb_devplan_editor *ed);

/* ---- documents ----------------------------------------------------------------- */

/* The plan as rubric.devplan/1 JSON, pretty-printed, ending in a newline. */
bool rb_devplan_json(const rb_devplan *plan, rb_buf *out);
/* The export for the next-level leader: only the parts marked to share
 * (view "shared"). */
bool rb_devplan_shared_json(const rb_devplan *plan, rb_buf *out);
/* Markdown and one self-contained printable HTML page. Both start with the
 * line <!-- rubric-person: "NAME" --> (see records.h). */
bool rb_devplan_markdown(const rb_devplan *plan, rb_buf *out);
bool rb_devplan_html(const rb_devplan *plan, rb_buf *out);

/* Read a rubric.devplan/1 document (at most RB_MAX_DEVPLAN_FILE bytes).
 * Problems go to `diags` as "source:line: error: message"; NULL when there
 * were errors. */
rb_devplan *rb_devplan_parse(const char *source, const char *text, size_t len,
                             rb_diags *diags);
rb_devplan *rb_devplan_read(const char *path, rb_diags *diags);
/* Only plans read with rb_devplan_parse/read are freed with this. */
void rb_devplan_free(rb_devplan *plan);

/* ---- follow-up: progress on the actions -------------------------------------------
 *
 * Progress is kept in an append-only journal beside the plan (journal.h):
 * PLAN.json -> PLAN.progress, mode 0600, one JSON record per event, each on
 * disk before it is reported saved. The first record names the person and
 * the plan; then one record per progress report. */

typedef enum rb_action_status {
    RB_ACTION_OPEN,          /* nothing reported yet */
    RB_ACTION_IN_PROGRESS,
    RB_ACTION_DONE,
    RB_ACTION_BLOCKED,
} rb_action_status;

/* "open", "in-progress", "done", "blocked"; and back (false when unknown). */
const char *rb_action_status_name(rb_action_status s);
bool rb_action_status_parse(const char *s, rb_action_status *out);

typedef struct rb_progress_entry {
    char date[RB_DATE_TEXT];  /* YYYY-MM-DD */
    const char *action;       /* an action id of the plan */
    rb_action_status status;
    const char *note;         /* or NULL */
} rb_progress_entry;

typedef struct rb_progress {
    size_t n;
    rb_progress_entry *entries;  /* in the order recorded */
    const char *person;          /* from the journal's first record, or NULL */
} rb_progress;

/* The journal's path for a plan: "x.json" -> "x.progress", else
 * "x" -> "x.progress". Malloc'ed; NULL when out of memory. */
char *rb_progress_path(const char *plan_path);

/* Read the progress recorded for `plan` in the journal at `path`. A
 * journal that does not exist is empty progress. A torn last record is
 * dropped (the writer died before it was saved) and reported as a warning
 * with the journal's note; damage stops reading with an error that says
 * where. Records for actions the plan does not have are errors too. NULL
 * when there were errors. */
rb_progress *rb_progress_read(const rb_devplan *plan, const char *path, rb_diags *diags);
/* Append one entry (creating the journal, mode 0600, when needed) and wait
 * until it is on disk. The entry must name an action of `plan`. */
bool rb_progress_append(const rb_devplan *plan, const char *plan_path, const char *path,
                        const rb_progress_entry *entry, rb_diags *diags);
/* The latest status of action `id` (RB_ACTION_OPEN when none recorded). */
rb_action_status rb_progress_status(const rb_progress *pr, const char *id);
/* Each action with its latest status, then the history, as text. */
bool rb_progress_history(const rb_devplan *plan, const rb_progress *pr, rb_buf *out);
void rb_progress_free(rb_progress *pr);

#endif
