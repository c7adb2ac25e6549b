/*
 * Live interview sessions (engine/session/): actions saved and replayed,
 * time spent per item, every refusal word for word, recovery of torn and
 * damaged journals, submitted sessions as recorded answers, and the
 * suggestions of what to ask next.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "rubric/rubric.h"
#include "scratch.h"

static const char LIBRARY[] =
    "scale \"three\" {\n"
    "  title = \"Three\",\n"
    "  level(1) { name = \"One\", descriptor = \"First.\" },\n"
    "  level(2) { name = \"Two\", descriptor = \"Second.\" },\n"
    "  level(3) { name = \"Three\", descriptor = \"Third.\" },\n"
    "}\n"
    "cues {\n"
    "  situation = { \"situation\", \"last year\" },\n"
    "  task = { \"task\", \"goal\" },\n"
    "  action = { \"I decided\", \"I arranged\" },\n"
    "  result = { \"result\", \"as a result\", \"improved\" },\n"
    "  individual = { \"I\", \"my\" },\n"
    "  collective = { \"we\", \"our\" },\n"
    "  past = { \"did\", \"was\", \"gave\" },\n"
    "  hypothetical = { \"would\", \"might\" },\n"
    "  stop_words = { \"a\", \"an\", \"the\", \"to\", \"of\", \"with\", \"i\", \"my\", \"was\" },\n"
    "}\n"
    "competency \"coaching\" {\n"
    "  title = \"Coaching\",\n"
    "  definition = \"Helps people grow.\",\n"
    "  scale = \"three\",\n"
    "  level(1) {\n"
    "    behaviours = { \"Gives regular feedback to team members.\" },\n"
    "    questions = { question \"Tell me about feedback.\" { probes = { \"How often?\" } } },\n"
    "  },\n"
    "  level(2) {\n"
    "    behaviours = {\n"
    "      \"Agrees development goals with each person.\",\n"
    "      \"Arranges stretch assignments for growth.\",\n"
    "    },\n"
    "    questions = {\n"
    "      question \"Tell me about goals you agreed.\" {\n"
    "        probes = { \"What was the situation?\", \"How did you agree them?\",\n"
    "                   \"What was the result?\" },\n"
    "      },\n"
    "    },\n"
    "  },\n"
    "  level(3) {\n"
    "    behaviours = { \"Builds a coaching culture across the organisation.\" },\n"
    "    questions = {\n"
    "      question \"Tell me about culture.\" { probes = { \"Why?\" } },\n"
    "      question \"Tell me about a mentoring scheme.\" { probes = { \"Who?\" } },\n"
    "    },\n"
    "  },\n"
    "}\n"
    "role \"lead\" {\n"
    "  title = \"Team Lead\",\n"
    "  minutes = 30,\n"
    "  needs = { need \"coaching\" { target = 2 } },\n"
    "}\n";

typedef struct fixture {
    tmpdir t;
    rb_library *lib;
    rb_diags *diags;
    char *plan_text;
    size_t plan_len;
    char path[1200];
} fixture;

static bool setup(fixture *f, const char *name)
{
    memset(f, 0, sizeof *f);
    if (!tmpdir_make(&f->t, name) || !tmpdir_put(&f->t, "lib/library.lua", LIBRARY))
        return false;
    char dir[1100];
    snprintf(dir, sizeof dir, "%s/lib", f->t.path);
    const char *paths[] = { dir };
    rb_library_load(paths, 1, NULL, &f->lib, &f->diags, NULL);
    if (!f->lib)
        return false;
    rb_item role;
    if (!rb_library_find(f->lib, "lead", &role))
        return false;
    rb_plan *plan = rb_plan_make(f->lib, role.ptr, 1);
    rb_buf b = { 0 };
    bool ok = plan && rb_plan_json(plan, &b);
    rb_plan_free(plan);
    f->plan_text = b.data;
    f->plan_len = b.len;
    snprintf(f->path, sizeof f->path, "%s/one.session", f->t.path);
    return ok;
}

static void teardown(fixture *f)
{
    free(f->plan_text);
    rb_diags_free(f->diags);
    rb_library_free(f->lib);
    tmpdir_remove(&f->t);
}

static rb_session *start(fixture *f, int64_t now)
{
    rb_diags *d = rb_diags_new();
    rb_session *s = rb_session_create(f->lib, f->path, f->plan_text, f->plan_len, "plan.json",
                                      "Alex Morgan", "Pat Lee", now, d);
    rb_diags_free(d);
    return s;
}

/* The first diagnostic as "file: message", for word-for-word checks. */
static const char *first_diag(const rb_diags *d, char *buf, size_t size)
{
    const rb_diag *x = rb_diags_count(d) ? rb_diags_at(d, 0) : NULL;
    snprintf(buf, size, "%s: %s", x && x->file ? x->file : "", x ? x->message : "(none)");
    return buf;
}

static bool act(rb_session *s, rb_action a, int64_t now)
{
    char err[512];
    bool ok = rb_session_act(s, &a, now, err, sizeof err);
    if (!ok)
        fprintf(stderr, "  act failed: %s\n", err);
    return ok;
}

static const char *refusal(rb_session *s, rb_action a)
{
    static char err[512];
    err[0] = '\0';
    if (rb_session_act(s, &a, 1000, err, sizeof err))
        return "(accepted)";
    return err;
}

static char *answers_of(const rb_session *s)
{
    rb_buf b = { 0 };
    if (!rb_session_answers_json(s, &b)) {
        rb_buf_release(&b);
        return NULL;
    }
    return b.data;
}

TEST(items_follow_the_plan)
{
    fixture f;
    REQUIRE(setup(&f, "session-items"));
    rb_session *s = start(&f, 100);
    REQUIRE(s != NULL);
    /* Opening, the target level's question and the one above, closing. */
    CHECK_EQ_INT((int)rb_session_nitems(s), 4);
    CHECK(rb_session_item_at(s, 0)->kind == RB_ITEM_OPENING);
    CHECK(rb_session_item_at(s, 1)->kind == RB_ITEM_QUESTION);
    CHECK_EQ_INT(rb_session_item_at(s, 1)->level, 2);
    CHECK_EQ_INT(rb_session_item_at(s, 2)->level, 3);
    CHECK(rb_session_item_at(s, 3)->kind == RB_ITEM_CLOSING);
    const rb_plan *p = rb_session_plan(s);
    CHECK_EQ_INT(rb_session_item_at(s, 1)->minutes + rb_session_item_at(s, 2)->minutes,
                 p->competencies[0].minutes);
    CHECK_EQ_STR(rb_session_candidate(s), "Alex Morgan");
    CHECK_EQ_STR(rb_session_interviewer(s), "Pat Lee");
    CHECK_EQ_INT((int)rb_session_events(s), 1);
    struct stat st;
    REQUIRE(stat(f.path, &st) == 0);
    CHECK_EQ_INT((int)(st.st_mode & 0777), 0600);
    rb_session_free(s);
    teardown(&f);
}

TEST(actions_survive_a_reload_exactly)
{
    fixture f;
    REQUIRE(setup(&f, "session-replay"));
    rb_session *s = start(&f, 100);
    REQUIRE(s != NULL);
    CHECK(act(s, (rb_action){ .kind = RB_ACT_NOTE, .item = 0, .text = "Opened." }, 110));
    CHECK(act(s, (rb_action){ .kind = RB_ACT_GOTO, .item = 1 }, 120));
    CHECK(act(s, (rb_action){ .kind = RB_ACT_SAY, .item = 1,
                              .text = "Last year I agreed goals with each person." }, 130));
    CHECK(act(s, (rb_action){ .kind = RB_ACT_SAY, .item = 1,
                              .text = "A line to take back." }, 131));
    CHECK(act(s, (rb_action){ .kind = RB_ACT_UNSAY, .item = 1,  }, 132));
    CHECK(act(s, (rb_action){ .kind = RB_ACT_SAY, .item = 1, .part = 3,
                              .text = "As a result two were promoted." }, 140));
    CHECK(act(s, (rb_action){ .kind = RB_ACT_OBSERVE, .item = 1, .id = "coaching.L2.b1" }, 141));
    CHECK(act(s, (rb_action){ .kind = RB_ACT_OBSERVE, .item = 1, .id = "coaching.L2.b2" }, 142));
    CHECK(act(s, (rb_action){ .kind = RB_ACT_UNOBSERVE, .item = 1, .id = "coaching.L2.b2" }, 143));
    CHECK(act(s, (rb_action){ .kind = RB_ACT_RATE, .item = 1, .level = 2 }, 150));
    /* The plan chose one of the two level 3 questions; ask the other. */
    const char *other = strcmp(rb_session_item_at(s, 2)->question->id, "coaching.L3.q1") == 0
                        ? "coaching.L3.q2" : "coaching.L3.q1";
    CHECK(act(s, (rb_action){ .kind = RB_ACT_ASK, .item = 1, .id = other }, 151));
    CHECK(act(s, (rb_action){ .kind = RB_ACT_SKIP, .item = 2 }, 152));
    CHECK(act(s, (rb_action){ .kind = RB_ACT_NOTE, .item = 2, .text = "Extra question." }, 153));
    CHECK_EQ_INT((int)rb_session_nitems(s), 5);
    const rb_session_item *added = rb_session_item_at(s, 2);
    CHECK(added->extra);
    CHECK(added->skipped);
    CHECK_EQ_STR(added->question->id, other);
    CHECK_EQ_INT((int)rb_session_current(s), 3);
    const rb_session_item *it = rb_session_item_at(s, 1);
    CHECK_EQ_INT((int)it->answer.nlines, 1);
    CHECK_EQ_INT((int)it->probes[2].nlines, 1);
    CHECK_EQ_INT((int)it->nobserved, 1);
    CHECK_EQ_INT(it->rating, 2);
    char *before = answers_of(s);
    REQUIRE(before != NULL);
    size_t events = rb_session_events(s);
    rb_session_free(s);

    rb_diags *d = rb_diags_new();
    s = rb_session_load(f.lib, f.path, d);
    REQUIRE(s != NULL);
    CHECK_EQ_INT((int)rb_diags_count(d), 0);
    CHECK_EQ_INT((int)rb_session_events(s), (int)events);
    char *after = answers_of(s);
    CHECK_EQ_STR(after, before);
    CHECK_EQ_INT((int)rb_session_current(s), 3);
    /* A session loaded for reading takes no actions. */
    CHECK_EQ_STR(refusal(s, (rb_action){ .kind = RB_ACT_GOTO, .item = 0 }),
                 "the session was opened for reading only");
    free(after);
    free(before);
    rb_session_free(s);
    rb_diags_free(d);
    teardown(&f);
}

TEST(time_counts_per_item_and_not_while_stopped)
{
    fixture f;
    REQUIRE(setup(&f, "session-time"));
    rb_session *s = start(&f, 1000);
    REQUIRE(s != NULL);
    CHECK(act(s, (rb_action){ .kind = RB_ACT_GOTO, .item = 1 }, 1060));   /* 60 s opening */
    CHECK(act(s, (rb_action){ .kind = RB_ACT_SAY, .item = 1, .text = "x" }, 1100));
    CHECK(act(s, (rb_action){ .kind = RB_ACT_GOTO, .item = 2 }, 1180));   /* 120 s item 1 */
    CHECK(rb_session_seconds(s, 0, 2000) == 60);
    CHECK(rb_session_seconds(s, 1, 2000) == 120);
    CHECK(rb_session_seconds(s, 2, 1200) == 20);  /* current: counts to now */
    rb_session_free(s);
    /* Stopped at 1180; resumed an hour later: the hour does not count. */
    char note[256];
    rb_diags *d = rb_diags_new();
    s = rb_session_resume(f.lib, f.path, NULL, 4780, note, sizeof note, d);
    REQUIRE(s != NULL);
    CHECK_EQ_STR(note, "");
    CHECK(rb_session_seconds(s, 2, 4790) == 10);
    CHECK(act(s, (rb_action){ .kind = RB_ACT_GOTO, .item = 1 }, 4800));
    CHECK(rb_session_seconds(s, 2, 9999) == 20);
    /* A clock that goes back adds nothing. */
    CHECK(act(s, (rb_action){ .kind = RB_ACT_GOTO, .item = 2 }, 4000));
    CHECK(rb_session_seconds(s, 1, 4000) == 120);
    rb_session_free(s);
    rb_diags_free(d);
    teardown(&f);
}

TEST(refusals_word_for_word)
{
    fixture f;
    REQUIRE(setup(&f, "session-refusals"));
    rb_session *s = start(&f, 100);
    REQUIRE(s != NULL);
    CHECK_EQ_STR(refusal(s, (rb_action){ .kind = RB_ACT_SAY, .item = 0, .text = "hi" }),
                 "the opening has no answer to record; use a note");
    CHECK_EQ_STR(refusal(s, (rb_action){ .kind = RB_ACT_RATE, .item = 3, .level = 2 }),
                 "ratings are given on questions, not the closing");
    CHECK_EQ_STR(refusal(s, (rb_action){ .kind = RB_ACT_RATE, .item = 1, .level = 4 }),
                 "a rating is a level from 1 to 3 of Three (0 clears it)");
    CHECK_EQ_STR(refusal(s, (rb_action){ .kind = RB_ACT_GOTO, .item = 9 }),
                 "the goto event names no item of the plan (\"item\" from 0 to 3)");
    CHECK_EQ_STR(refusal(s, (rb_action){ .kind = RB_ACT_SAY, .item = 1, .part = 5, .text = "x" }),
                 "item 2 has no probe of that number");
    CHECK_EQ_STR(refusal(s, (rb_action){ .kind = RB_ACT_SAY, .item = 1, .text = "" }),
                 "nothing to record");
    CHECK_EQ_STR(refusal(s, (rb_action){ .kind = RB_ACT_UNSAY, .item = 1,  }),
                 "nothing to take back");
    CHECK_EQ_STR(refusal(s, (rb_action){ .kind = RB_ACT_OBSERVE, .item = 1, .id = "coaching.L9.b1" }),
                 "'coaching.L9.b1' is not a behaviour of coaching");
    CHECK_EQ_STR(refusal(s, (rb_action){ .kind = RB_ACT_UNOBSERVE, .item = 1, .id = "coaching.L1.b1" }),
                 "coaching.L1.b1 is not marked as observed");
    CHECK_EQ_STR(refusal(s, (rb_action){ .kind = RB_ACT_ASK, .item = 1, .id = "coaching.L2.q1" }),
                 "coaching.L2.q1 is already item 2");
    CHECK_EQ_STR(refusal(s, (rb_action){ .kind = RB_ACT_ASK, .item = 1, .id = "nope" }),
                 "'nope' is not a question of coaching");
    /* An answer has a size limit; the refusal leaves the session as it was. */
    char *big = malloc(RB_MAX_ANSWER_TEXT + 1);
    REQUIRE(big != NULL);
    memset(big, 'a', RB_MAX_ANSWER_TEXT);
    big[RB_MAX_ANSWER_TEXT] = '\0';
    CHECK_EQ_STR(refusal(s, (rb_action){ .kind = RB_ACT_SAY, .item = 1, .text = big }),
                 "this text would pass the limit of 64 KiB for one answer or its notes; "
                 "go on in a probe's answer or the notes");
    free(big);
    CHECK_EQ_INT((int)rb_session_events(s), 1);
    CHECK(act(s, (rb_action){ .kind = RB_ACT_SUBMIT }, 200));
    CHECK(rb_session_submitted(s));
    CHECK_EQ_INT((int)rb_session_submitted_at(s), 200);
    CHECK_EQ_STR(refusal(s, (rb_action){ .kind = RB_ACT_GOTO, .item = 1 }),
                 "the session was submitted and is final");
    rb_session_free(s);

    /* A submitted session is not resumed; it is read. */
    char buf[3000], expect[3000];
    rb_diags *d = rb_diags_new();
    CHECK(rb_session_resume(f.lib, f.path, NULL, 300, NULL, 0, d) == NULL);
    snprintf(expect, sizeof expect, "%s: the session was submitted and is final; score it "
             "with 'rubric score %s'", f.path, f.path);
    CHECK_EQ_STR(first_diag(d, buf, sizeof buf), expect);
    rb_diags_free(d);
    teardown(&f);
}

TEST(an_existing_file_is_never_replaced)
{
    fixture f;
    REQUIRE(setup(&f, "session-exists"));
    REQUIRE(tmpdir_put(&f.t, "one.session", "precious\n"));
    rb_diags *d = rb_diags_new();
    CHECK(rb_session_create(f.lib, f.path, f.plan_text, f.plan_len, "plan.json", "A", "B",
                            100, d) == NULL);
    char buf[3000], expect[3000];
    snprintf(expect, sizeof expect, "%s: the file already exists; continue that session with "
             "'rubric interview --resume %s', or choose another file", f.path, f.path);
    CHECK_EQ_STR(first_diag(d, buf, sizeof buf), expect);
    FILE *fp = fopen(f.path, "r");
    REQUIRE(fp != NULL);
    char text[32] = "";
    CHECK(fgets(text, sizeof text, fp) != NULL);
    fclose(fp);
    CHECK_EQ_STR(text, "precious\n");
    rb_diags_free(d);
    /* Names must be one line. */
    d = rb_diags_new();
    snprintf(f.path, sizeof f.path, "%s/two.session", f.t.path);
    CHECK(rb_session_create(f.lib, f.path, f.plan_text, f.plan_len, "plan.json", "A\nB", "C",
                            100, d) == NULL);
    snprintf(expect, sizeof expect, "%s: the candidate's and the interviewer's names must be "
             "1 to 200 bytes of text on one line, without control characters", f.path);
    CHECK_EQ_STR(first_diag(d, buf, sizeof buf), expect);
    CHECK(access(f.path, F_OK) != 0);
    rb_diags_free(d);
    teardown(&f);
}

static long file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

TEST(a_torn_last_record_is_dropped_on_resume)
{
    fixture f;
    REQUIRE(setup(&f, "session-torn"));
    rb_session *s = start(&f, 100);
    REQUIRE(s != NULL);
    CHECK(act(s, (rb_action){ .kind = RB_ACT_GOTO, .item = 1 }, 110));
    CHECK(act(s, (rb_action){ .kind = RB_ACT_SAY, .item = 1, .text = "Kept." }, 120));
    char *before = answers_of(s);
    rb_session_free(s);
    long good = file_size(f.path);
    /* The start of a record whose payload never reached the disk. */
    int fd = open(f.path, O_WRONLY | O_APPEND);
    REQUIRE(fd >= 0);
    const unsigned char torn[] = { 40, 0, 0, 0, 1, 2, 3, 4, '{', '"', 'e' };
    CHECK(write(fd, torn, sizeof torn) == (ssize_t)sizeof torn);
    close(fd);

    /* Reading leaves the file alone and warns. */
    rb_diags *d = rb_diags_new();
    s = rb_session_load(f.lib, f.path, d);
    REQUIRE(s != NULL);
    char buf[3000], expect[3000];
    snprintf(expect, sizeof expect, "%s: the last record is incomplete and was ignored "
             "(resume the session to repair it)", f.path);
    CHECK_EQ_STR(first_diag(d, buf, sizeof buf), expect);
    CHECK_EQ_INT((int)file_size(f.path), (int)good + (int)sizeof torn);
    rb_session_free(s);
    rb_diags_free(d);

    char note[1200];
    d = rb_diags_new();
    s = rb_session_resume(f.lib, f.path, NULL, 130, note, sizeof note, d);
    REQUIRE(s != NULL);
    CHECK(strstr(note, "dropped") != NULL);
    CHECK(strstr(note, "truncated") != NULL);
    char *after = answers_of(s);
    CHECK_EQ_STR(after, before);
    CHECK(act(s, (rb_action){ .kind = RB_ACT_SAY, .item = 1, .text = "More." }, 140));
    rb_session_free(s);
    free(before);
    free(after);
    rb_diags_free(d);
    teardown(&f);
}

TEST(damage_in_the_middle_stops_with_where)
{
    fixture f;
    REQUIRE(setup(&f, "session-corrupt"));
    rb_session *s = start(&f, 100);
    REQUIRE(s != NULL);
    long first = file_size(f.path);
    CHECK(act(s, (rb_action){ .kind = RB_ACT_GOTO, .item = 1 }, 110));
    CHECK(act(s, (rb_action){ .kind = RB_ACT_SAY, .item = 1, .text = "Kept." }, 120));
    rb_session_free(s);
    /* Flip a byte in the payload of the second record. */
    int fd = open(f.path, O_RDWR);
    REQUIRE(fd >= 0);
    unsigned char c;
    CHECK(pread(fd, &c, 1, first + 10) == 1);
    c ^= 0x20;
    CHECK(pwrite(fd, &c, 1, first + 10) == 1);
    close(fd);
    long size = file_size(f.path);
    rb_diags *d = rb_diags_new();
    CHECK(rb_session_resume(f.lib, f.path, NULL, 130, NULL, 0, d) == NULL);
    char buf[3000], expect[3000];
    snprintf(expect, sizeof expect, "%s: the file is damaged at byte offset %ld (record 2); "
             "the records before it are intact, but the session cannot go on from a "
             "damaged file (rubric does not guess what the damaged part held): restore it "
             "from a backup", f.path, first);
    CHECK_EQ_STR(first_diag(d, buf, sizeof buf), expect);
    CHECK_EQ_INT((int)file_size(f.path), (int)size);  /* left as it was */
    rb_diags_free(d);
    teardown(&f);
}

TEST(events_that_make_no_sense_stop_replay)
{
    fixture f;
    REQUIRE(setup(&f, "session-events"));
    rb_session *s = start(&f, 100);
    REQUIRE(s != NULL);
    rb_session_free(s);
    rb_journal *j;
    REQUIRE(rb_journal_open(f.path, 0, &j, NULL) == RB_JOURNAL_OK);
    const char ev[] = "{\"event\":\"dance\",\"t\":5}";
    CHECK(rb_journal_append(j, ev, strlen(ev), NULL) == RB_JOURNAL_OK);
    rb_journal_close(j, NULL);
    rb_diags *d = rb_diags_new();
    CHECK(rb_session_load(f.lib, f.path, d) == NULL);
    char buf[3000], expect[3000];
    snprintf(expect, sizeof expect, "%s: record 2: unknown event 'dance'", f.path);
    CHECK_EQ_STR(first_diag(d, buf, sizeof buf), expect);
    rb_diags_free(d);

    /* A journal that is not a session. */
    snprintf(f.path, sizeof f.path, "%s/other.session", f.t.path);
    REQUIRE(rb_journal_open(f.path, RB_JOURNAL_CREATE, &j, NULL) == RB_JOURNAL_OK);
    const char other[] = "{\"event\":\"start\",\"t\":5,\"format\":\"x/1\"}";
    CHECK(rb_journal_append(j, other, strlen(other), NULL) == RB_JOURNAL_OK);
    rb_journal_close(j, NULL);
    d = rb_diags_new();
    CHECK(rb_session_load(f.lib, f.path, d) == NULL);
    snprintf(expect, sizeof expect, "%s: record 1: not a rubric.session/1 session (the "
             "first record's format is x/1)", f.path);
    CHECK_EQ_STR(first_diag(d, buf, sizeof buf), expect);
    rb_diags_free(d);
    teardown(&f);
}

TEST(only_submitted_sessions_are_answers)
{
    fixture f;
    REQUIRE(setup(&f, "session-submitted"));
    rb_session *s = start(&f, 1795000000);
    REQUIRE(s != NULL);
    CHECK(act(s, (rb_action){ .kind = RB_ACT_SAY, .item = 1,
                              .text = "I agreed goals." }, 1795000010));
    CHECK(act(s, (rb_action){ .kind = RB_ACT_RATE, .item = 1, .level = 2 }, 1795000020));
    rb_diags *d = rb_diags_new();
    /* Not while the interview has it open. */
    CHECK(rb_session_read_submitted(f.lib, f.path, d) == NULL);
    char buf[3000], expect[3000];
    snprintf(expect, sizeof expect, "%s: the session is open in another 'rubric interview'; "
             "finish there first", f.path);
    CHECK_EQ_STR(first_diag(d, buf, sizeof buf), expect);
    rb_diags_free(d);
    rb_session_free(s);
    d = rb_diags_new();
    CHECK(rb_session_read_submitted(f.lib, f.path, d) == NULL);
    snprintf(expect, sizeof expect, "%s: the session is not submitted yet; finish it with "
             "'rubric interview --resume %s' and /submit", f.path, f.path);
    CHECK_EQ_STR(first_diag(d, buf, sizeof buf), expect);
    rb_diags_free(d);
    d = rb_diags_new();
    s = rb_session_resume(f.lib, f.path, NULL, 1795000025, NULL, 0, d);
    REQUIRE(s != NULL);
    rb_diags_free(d);
    CHECK(act(s, (rb_action){ .kind = RB_ACT_SUBMIT }, 1795000030));
    rb_session_free(s);
    CHECK(rb_session_file(f.path));
    d = rb_diags_new();
    rb_interview *iv = rb_session_read_submitted(f.lib, f.path, d);
    REQUIRE(iv != NULL);
    CHECK_EQ_STR(iv->candidate_id, "alex-morgan");
    CHECK_EQ_STR(iv->candidate_name, "Alex Morgan");
    CHECK_EQ_STR(iv->interviewer, "Pat Lee");
    CHECK_EQ_STR(iv->date, "2026-11-18");
    CHECK_EQ_STR(iv->role->id, "lead");
    REQUIRE(iv->nanswers == 1);
    CHECK_EQ_STR(iv->answers[0].question->id, "coaching.L2.q1");
    CHECK_EQ_STR(iv->answers[0].text, "I agreed goals.");
    CHECK_EQ_INT(iv->answers[0].rating, 2);
    rb_interview_free(iv);
    rb_diags_free(d);
    teardown(&f);
}

TEST(suggestions_follow_what_is_missing)
{
    fixture f;
    REQUIRE(setup(&f, "session-suggest"));
    rb_session *s = start(&f, 100);
    REQUIRE(s != NULL);
    rb_diags *d = rb_diags_new();
    rb_scorer *sc = rb_scorer_new(f.lib, d);
    REQUIRE(sc != NULL);
    rb_suggestion sg;
    CHECK(!rb_session_suggest(s, sc, 0, &sg, d));  /* the opening */

    /* Nothing said yet: all of STAR and both behaviours are missing; the
     * probes asking for the situation and the result come first. */
    REQUIRE(rb_session_suggest(s, sc, 1, &sg, d));
    CHECK_EQ_INT((int)sg.star_missing, RB_STAR_ALL);
    CHECK_EQ_INT((int)sg.nmissing, 2);
    REQUIRE(sg.nprobes == 3);
    CHECK_EQ_INT((int)sg.probes[0], 0);   /* "What was the situation?" */
    CHECK_EQ_INT((int)sg.probe_star[0], RB_STAR_SITUATION);
    CHECK_EQ_INT((int)sg.probes[1], 1);   /* "How did you agree them?" */
    CHECK_EQ_INT((int)sg.probe_star[1], RB_STAR_ACTION);
    CHECK_EQ_INT((int)sg.probes[2], 2);   /* "What was the result?" */
    CHECK(sg.advice == RB_ADVICE_NONE);

    /* A whole story showing both behaviours: the level is met, so the
     * level above (the plan's next item) is worth trying. */
    CHECK(act(s, (rb_action){ .kind = RB_ACT_SAY, .item = 1,
                              .text = "Last year my task was to grow the team. I decided to "
                                      "agree development goals with each person and I "
                                      "arranged stretch assignments for growth." }, 110));
    CHECK(act(s, (rb_action){ .kind = RB_ACT_SAY, .item = 1, .part = 3,
                              .text = "As a result every person improved." }, 120));
    REQUIRE(rb_session_suggest(s, sc, 1, &sg, d));
    CHECK_EQ_INT((int)sg.star_missing, 0);
    CHECK_EQ_INT((int)sg.nmissing, 0);
    CHECK_EQ_INT((int)sg.nprobes, 0);  /* nothing left to draw out */
    CHECK_EQ_INT(sg.suggested, 2);
    CHECK(sg.advice == RB_ADVICE_HIGHER);
    CHECK_EQ_INT(sg.question_level, 3);
    CHECK_EQ_INT((int)sg.question_item, 2);

    rb_scorer_free(sc);
    rb_session_free(s);
    rb_diags_free(d);
    teardown(&f);
}

TEST(a_long_story_without_the_level_suggests_the_level_below)
{
    fixture f;
    REQUIRE(setup(&f, "session-lower"));
    rb_session *s = start(&f, 100);
    REQUIRE(s != NULL);
    rb_diags *d = rb_diags_new();
    rb_scorer *sc = rb_scorer_new(f.lib, d);
    REQUIRE(sc != NULL);
    CHECK(act(s, (rb_action){ .kind = RB_ACT_SAY, .item = 1,
                              .text = "Last year the office moved across town and I decided "
                                      "to plan the move myself, booking vans, labelling "
                                      "boxes, arranging parking permits and telling the "
                                      "building manager about lift times, then checking "
                                      "the new desks and cables on the weekend before "
                                      "everyone arrived on the Monday morning as planned. "
                                      "As a result the move was smooth and nobody lost "
                                      "a day of work." }, 110));
    rb_suggestion sg;
    REQUIRE(rb_session_suggest(s, sc, 1, &sg, d));
    CHECK(sg.advice == RB_ADVICE_LOWER);
    CHECK_EQ_INT(sg.question_level, 1);
    CHECK_EQ_INT((int)sg.question_item, (int)SIZE_MAX);  /* not in the plan */
    REQUIRE(sg.question != NULL);
    CHECK_EQ_STR(sg.question->id, "coaching.L1.q1");
    rb_scorer_free(sc);
    rb_session_free(s);
    rb_diags_free(d);
    teardown(&f);
}

TEST(names_become_slugs)
{
    char out[16];
    rb_name_slug("Pat O'Lee", out, sizeof out);
    CHECK_EQ_STR(out, "pat-o-lee");
    rb_name_slug("  --Alex   Morgan!! ", out, sizeof out);
    CHECK_EQ_STR(out, "alex-morgan");
    rb_name_slug("Zoë Brontë", out, sizeof out);
    CHECK_EQ_STR(out, "zoë-brontë");
    rb_name_slug("?!", out, sizeof out);
    CHECK_EQ_STR(out, "x");
    /* Cut to fit, never inside a character. */
    rb_name_slug("abcdefghijklmnoé", out, sizeof out);
    CHECK_EQ_STR(out, "abcdefghijklmno");
    rb_name_slug("abcdefghijklmné", out, sizeof out);
    CHECK_EQ_STR(out, "abcdefghijklmn");
    char tiny[4];
    rb_name_slug("a b c", tiny, sizeof tiny);
    CHECK_EQ_STR(tiny, "a-b");
}

CHECK_MAIN()
