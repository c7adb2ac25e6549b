/*
 * Unit tests for development plans: dates, the line commands of the plan
 * editor, the JSON document (written, read back, shared), the person marker
 * of Markdown and HTML documents, and telling whose a document is.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "rubric/journal.h"
#include "rubric/rubric.h"
#include "scratch.h"

static rb_library *shipped(void)
{
    const char *dir = TEST_SOURCE_DIR "/rubrics";
    rb_library *lib = NULL;
    rb_diags *d = NULL;
    rb_library_load(&dir, 1, NULL, &lib, &d, NULL);
    rb_diags_free(d);
    return lib;
}

static const rb_role *role_of(const rb_library *lib, const char *id)
{
    rb_item item;
    if (!rb_library_find(lib, id, &item) || item.kind != RB_KIND_ROLE)
        return NULL;
    return item.ptr;
}

TEST(dates_are_parsed_strictly)
{
    rb_date d;
    CHECK(rb_date_parse("2024-02-29", &d));
    CHECK_EQ_INT(d.year, 2024);
    CHECK_EQ_INT(d.month, 2);
    CHECK_EQ_INT(d.day, 29);
    CHECK(!rb_date_parse("2025-02-29", &d));
    CHECK(!rb_date_parse("1900-02-29", &d));
    CHECK(rb_date_parse("2000-02-29", &d));
    CHECK(!rb_date_parse("1899-12-31", &d));
    CHECK(!rb_date_parse("2025-1-01", &d));
    CHECK(!rb_date_parse("2025-01-01 ", &d));
    CHECK(!rb_date_parse("2025-13-01", &d));
    CHECK(!rb_date_parse("2025-04-31", &d));
    CHECK(!rb_date_parse("+025-04-01", &d));
    CHECK(!rb_date_parse("", &d));
    char text[RB_DATE_TEXT];
    CHECK(rb_date_parse("2025-03-09", &d));
    rb_date_format(d, text);
    CHECK_EQ_STR(text, "2025-03-09");
    rb_date a, b;
    REQUIRE(rb_date_parse("2025-03-09", &a));
    REQUIRE(rb_date_parse("2025-03-10", &b));
    CHECK(rb_date_compare(a, b) < 0);
    CHECK(rb_date_compare(b, a) > 0);
    CHECK(rb_date_compare(a, a) == 0);
}

TEST(today_comes_from_the_environment)
{
    rb_date d;
    setenv("RUBRIC_TODAY", "2031-12-31", 1);
    CHECK(rb_date_today(&d));
    CHECK_EQ_INT(d.year, 2031);
    setenv("RUBRIC_TODAY", "yesterday", 1);
    CHECK(!rb_date_today(&d));
    unsetenv("RUBRIC_TODAY");
    CHECK(rb_date_today(&d));
    CHECK(d.year >= 2024);
}

TEST(the_marker_gives_the_name_back)
{
    const char *names[] = { "Jordan Lee", "Zoë \"Z\" O'Brien", "a --> b <!-- c", "x\\y",
                            "Ünïcødé 名前", "tab\there", "--", "-" };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        rb_buf b = { 0 };
        rb_person_marker(&b, names[i]);
        rb_buf_puts(&b, "# Rest of the document\n");
        const char *s = rb_buf_str(&b);
        const char *nl = strchr(s, '\n');
        REQUIRE(nl != NULL);
        /* Nothing in the name may close the comment early. */
        const char *close = strstr(s, "-->");
        CHECK(close != NULL && close + 3 == nl);
        CHECK(strstr(s, "--") == s + 2 || strstr(s + 4, "--") == close);
        rb_record_kind kind;
        char *name = rb_record_person(s, b.len, &kind, NULL);
        CHECK_EQ_STR(name ? name : "(none)", names[i]);
        CHECK(kind == RB_RECORD_MARKED);
        free(name);
        rb_buf_release(&b);
    }
}

TEST(whose_document_it_is)
{
    rb_record_kind kind;
    char *format = NULL;
    const char *doc = "{\"format\": \"rubric.assessment/1\", \"person\": \"Ana\"}";
    char *name = rb_record_person(doc, strlen(doc), &kind, &format);
    CHECK_EQ_STR(name ? name : "", "Ana");
    CHECK_EQ_STR(format ? format : "", "rubric.assessment/1");
    CHECK(kind == RB_RECORD_JSON);
    free(name);
    free(format);
    const char *others[] = {
        "{\"format\": \"other/1\", \"person\": \"Ana\"}",
        "{\"format\": \"rubric.answers/1\", \"candidate\": \"Ana\"}",
        "{\"format\": \"rubric.devplan/1\", \"person\": 3}",
        "{\"format\": \"rubric.devplan/1\", \"person\": \"\"}",
        "{\"format\": \"rubric.devplan/1\", \"person\": \"A\", \"person\": \"B\"}",
        "[\"rubric.devplan/1\"]",
        "x<!-- rubric-person: \"Ana\" -->\n",
        "<!-- rubric-person: \"Ana\" -->trailing\n",
        "<!-- rubric-person: Ana -->\n",
        "",
    };
    for (size_t i = 0; i < sizeof others / sizeof *others; i++) {
        name = rb_record_person(others[i], strlen(others[i]), &kind, &format);
        CHECK_MSG(name == NULL, "document %zu is about '%s'", i, name);
        free(name);
        free(format);
    }
}

/* Between the search and the removal a record may be replaced (or its
 * folder swapped): what is removed must be the file that was found. */
TEST(removal_leaves_a_file_put_in_a_records_place)
{
    tmpdir t;
    REQUIRE(tmpdir_make(&t, "records"));
    static const char doc[] = "{\"format\": \"rubric.assessment/1\", \"person\": \"Ana\"}\n";
    REQUIRE(tmpdir_put(&t, "sub/a.json", doc));
    REQUIRE(tmpdir_put(&t, "b.json", doc));
    rb_diags *d = rb_diags_new();
    rb_record_list list;
    REQUIRE(rb_records_find(t.path, "Ana", &list, d));
    REQUIRE(list.n == 2);
    CHECK_EQ_INT((int)list.skipped, 0);
    CHECK_EQ_STR(list.items[0].path, "b.json");
    CHECK_EQ_STR(list.items[1].path, "sub/a.json");
    /* Someone else's file now has the name sub/a.json (renamed over it). */
    char path[2048], other[2048];
    snprintf(path, sizeof path, "%s/sub/a.json", t.path);
    snprintf(other, sizeof other, "%s/sub/bo.json", t.path);
    REQUIRE(tmpdir_put(&t, "sub/bo.json", "{\"format\": \"rubric.assessment/1\", "
                                          "\"person\": \"Bo\"}\n"));
    REQUIRE(rename(other, path) == 0);
    char err[512];
    CHECK(rb_record_remove(t.path, &list, &list.items[0], err, sizeof err));
    CHECK(!rb_record_remove(t.path, &list, &list.items[1], err, sizeof err));
    CHECK_EQ_STR(err, "no longer the file that was found (it was replaced since); left alone");
    struct stat st;
    CHECK(stat(path, &st) == 0);
    rb_record_list_free(&list);
    rb_diags_free(d);
    tmpdir_remove(&t);
}

TEST(progress_sits_beside_the_plan)
{
    char *p = rb_progress_path("plans/jordan.json");
    CHECK_EQ_STR(p, "plans/jordan.progress");
    free(p);
    p = rb_progress_path("plan");
    CHECK_EQ_STR(p, "plan.progress");
    free(p);
}

/* Apply lines; return the status of the last. */
static rb_edit_status edit(rb_devplan_editor *ed, const char *line, rb_diags **d)
{
    rb_diags_free(*d);
    *d = rb_diags_new();
    rb_buf reply = { 0 };
    rb_edit_status st = rb_devplan_edit(ed, line, *d, &reply);
    rb_buf_release(&reply);
    return st;
}

static const char *first_message(const rb_diags *d)
{
    return rb_diags_count(d) ? rb_diags_at(d, 0)->message : "";
}

TEST(the_editor_takes_commands_and_refuses_mistakes)
{
    rb_library *lib = shipped();
    REQUIRE(lib != NULL);
    const rb_role *role = role_of(lib, "people-manager");
    REQUIRE(role != NULL);
    rb_date today;
    REQUIRE(rb_date_parse("2025-03-03", &today));
    rb_devplan_editor *ed = rb_devplan_editor_new(lib, role, "Jordan Lee", NULL, today);
    REQUIRE(ed != NULL);
    const rb_devplan *p = rb_devplan_editor_plan(ed);
    rb_diags *d = NULL;

    CHECK(edit(ed, "   # a comment", &d) == RB_EDIT_OK);
    CHECK(edit(ed, "", &d) == RB_EDIT_OK);
    CHECK(edit(ed, "/action too early", &d) == RB_EDIT_ERROR);
    CHECK(edit(ed, "/done", &d) == RB_EDIT_ERROR);
    CHECK_EQ_INT((int)rb_diags_errors(d), 3);
    CHECK(edit(ed, "/competency communication", &d) == RB_EDIT_OK);
    CHECK(edit(ed, "/competency communication", &d) == RB_EDIT_OK);
    CHECK_EQ_INT((int)p->ncompetencies, 1);
    CHECK(edit(ed, "/target 0", &d) == RB_EDIT_ERROR);
    CHECK(edit(ed, "/target 99999999999999999999", &d) == RB_EDIT_ERROR);
    CHECK(edit(ed, "/target 3x", &d) == RB_EDIT_ERROR);
    CHECK_EQ_INT(p->competencies[0].target, 0);
    CHECK(edit(ed, "/target  4 ", &d) == RB_EDIT_OK);
    CHECK_EQ_INT(p->competencies[0].target, 4);
    CHECK(edit(ed, "/action   Present monthly  ", &d) == RB_EDIT_OK);
    CHECK_EQ_STR(p->actions[0].text, "Present monthly");
    CHECK_EQ_STR(p->actions[0].id, "a1");
    CHECK(!p->actions[0].share);
    CHECK(edit(ed, "/share actions", &d) == RB_EDIT_OK);
    CHECK(p->actions[0].share);
    CHECK(edit(ed, "/action Ask for feedback", &d) == RB_EDIT_OK);
    CHECK(p->actions[1].share);  /* the part's mark holds for later items */
    CHECK(edit(ed, "/private a2", &d) == RB_EDIT_OK);
    CHECK(!p->actions[1].share && p->actions[0].share);
    CHECK(edit(ed, "/followup 2025-03-02", &d) == RB_EDIT_ERROR);
    CHECK(p->followup == NULL);
    CHECK(edit(ed, "/followup 2025-03-03", &d) == RB_EDIT_OK);
    CHECK(edit(ed, "/timeframe June", &d) == RB_EDIT_OK);
    CHECK(edit(ed, "/Done", &d) == RB_EDIT_ERROR);
    CHECK_EQ_STR(first_message(d), "unknown command '/Done' (did you mean '/done'?); type "
                 "/help for the list");
    CHECK(edit(ed, "/done", &d) == RB_EDIT_DONE);
    CHECK_EQ_INT((int)rb_diags_warnings(d), 1);  /* one competency */
    CHECK(edit(ed, "/quit", &d) == RB_EDIT_QUIT);

    /* The document reads back as it was written. */
    rb_buf json = { 0 }, again = { 0 }, shared = { 0 };
    REQUIRE(rb_devplan_json(p, &json));
    rb_diags *rd = rb_diags_new();
    rb_devplan *back = rb_devplan_parse("plan.json", json.data, json.len, rd);
    CHECK_EQ_INT((int)rb_diags_count(rd), 0);
    REQUIRE(back != NULL);
    REQUIRE(rb_devplan_json(back, &again));
    CHECK_EQ_STR(rb_buf_str(&again), rb_buf_str(&json));
    CHECK(back->manager == NULL);

    /* The export holds the shared parts only, and reads back as shared. */
    REQUIRE(rb_devplan_shared_json(back, &shared));
    rb_devplan *view = rb_devplan_parse("shared.json", shared.data, shared.len, rd);
    REQUIRE(view != NULL);
    CHECK(view->shared_view);
    CHECK_EQ_INT((int)view->ncompetencies, 0);
    CHECK_EQ_INT((int)view->nactions, 1);
    CHECK(view->actions[0].competency == NULL);  /* its competency is private */
    CHECK(view->timeframe == NULL && view->followup == NULL);
    CHECK(strstr(rb_buf_str(&shared), "Ask for feedback") == NULL);
    CHECK(strstr(rb_buf_str(&shared), "communication") == NULL);

    rb_devplan_free(view);
    rb_devplan_free(back);
    rb_diags_free(rd);
    rb_buf_release(&json);
    rb_buf_release(&again);
    rb_buf_release(&shared);
    rb_diags_free(d);
    rb_devplan_editor_free(ed);
    rb_library_free(lib);
}

TEST(the_editor_caps_what_a_plan_holds)
{
    rb_library *lib = shipped();
    REQUIRE(lib != NULL);
    rb_date today;
    REQUIRE(rb_date_parse("2025-03-03", &today));
    rb_devplan_editor *ed = rb_devplan_editor_new(lib, role_of(lib, "people-manager"),
                                                  "Jordan Lee", "Sam Park", today);
    REQUIRE(ed != NULL);
    rb_diags *d = NULL;
    for (int i = 0; i < RB_DEVPLAN_MAX_ITEMS; i++)
        CHECK(edit(ed, "/barrier time", &d) == RB_EDIT_OK);
    CHECK(edit(ed, "/barrier one too many", &d) == RB_EDIT_ERROR);
    char *long_line = malloc(RB_DEVPLAN_MAX_TEXT + 20);
    REQUIRE(long_line != NULL);
    memcpy(long_line, "/support ", 9);
    memset(long_line + 9, 'x', RB_DEVPLAN_MAX_TEXT + 1);
    long_line[9 + RB_DEVPLAN_MAX_TEXT + 1] = '\0';
    CHECK(edit(ed, long_line, &d) == RB_EDIT_ERROR);
    CHECK_EQ_INT((int)rb_devplan_editor_plan(ed)->nsupport, 0);
    free(long_line);
    rb_diags_free(d);
    rb_devplan_editor_free(ed);
    rb_library_free(lib);
}

/* ---- reading progress journals strictly --------------------------------------- */

static rb_devplan *jordan_plan(void)
{
    rb_diags *d = rb_diags_new();
    rb_devplan *p = rb_devplan_read(TEST_SOURCE_DIR "/tests/develop/fixtures/jordan.json", d);
    rb_diags_free(d);
    return p;
}

/* A journal at `path` holding the records given, in order. */
static bool journal_with(const char *path, const char *const *records)
{
    rb_journal *j = NULL;
    if (rb_journal_open(path, RB_JOURNAL_CREATE | RB_JOURNAL_EXCL, &j, NULL) != RB_JOURNAL_OK)
        return false;
    bool ok = true;
    for (size_t i = 0; records[i] && ok; i++)
        ok = rb_journal_append(j, records[i], strlen(records[i]), NULL) == RB_JOURNAL_OK;
    return rb_journal_close(j, NULL) == RB_JOURNAL_OK && ok;
}

/* The only message rb_progress_read gives for the journal `records`. */
static char *progress_problem(const rb_devplan *plan, const char *const *records)
{
    tmpdir t;
    if (!tmpdir_make(&t, "progress"))
        return NULL;
    char path[1100];
    snprintf(path, sizeof path, "%s/jordan.progress", t.path);
    char *msg = NULL;
    if (journal_with(path, records)) {
        rb_diags *d = rb_diags_new();
        rb_progress *pr = rb_progress_read(plan, path, d);
        if (!pr && rb_diags_count(d) == 1) {
            const char *m = rb_diags_at(d, 0)->message;
            const char *tail = strstr(m, "record ");
            msg = strdup(tail ? tail : m);
        }
        rb_progress_free(pr);
        rb_diags_free(d);
    }
    tmpdir_remove(&t);
    return msg;
}

TEST(a_progress_journal_starts_with_the_plan_record)
{
    rb_devplan *plan = jordan_plan();
    REQUIRE(plan != NULL);
    const char *const headless[] = {
        "{\"event\":\"progress\",\"date\":\"2025-03-10\",\"action\":\"a1\",\"status\":\"done\"}",
        NULL,
    };
    char *m = progress_problem(plan, headless);
    CHECK_EQ_STR(m, "record 1: the first record must name the person and "
                    "the plan; reading stopped");
    free(m);
    const char *const good[] = {
        "{\"event\":\"plan\",\"person\":\"Jordan Lee\",\"plan\":\"jordan.json\"}",
        "{\"event\":\"progress\",\"date\":\"2025-03-10\",\"action\":\"a1\",\"status\":\"done\"}",
        NULL,
    };
    CHECK(progress_problem(plan, good) == NULL);
    rb_devplan_free(plan);
}

TEST(a_progress_record_with_an_unknown_field_stops_reading)
{
    rb_devplan *plan = jordan_plan();
    REQUIRE(plan != NULL);
    const char *const records[] = {
        "{\"event\":\"plan\",\"person\":\"Jordan Lee\",\"plan\":\"jordan.json\"}",
        "{\"event\":\"progress\",\"date\":\"2025-03-10\",\"action\":\"a1\",\"status\":\"done\","
        "\"owner\":\"someone else\"}",
        NULL,
    };
    char *m = progress_problem(plan, records);
    CHECK_EQ_STR(m, "record 2: unknown field 'owner'; reading stopped");
    free(m);
    const char *const other_event[] = {
        "{\"event\":\"plan\",\"person\":\"Jordan Lee\",\"plan\":\"jordan.json\"}",
        "{\"event\":\"meeting\",\"date\":\"2025-03-10\"}",
        NULL,
    };
    m = progress_problem(plan, other_event);
    CHECK_EQ_STR(m, "record 2: unknown event 'meeting'; reading stopped");
    free(m);
    rb_devplan_free(plan);
}

/* A journal is read as strictly as `followup` writes it: no report before
 * the plan was agreed, notes of plain text within the limit, the plan's
 * file named as text. */
TEST(progress_records_are_read_as_strictly_as_they_are_written)
{
    rb_devplan *plan = jordan_plan();
    REQUIRE(plan != NULL);
#define HEAD "{\"event\":\"plan\",\"person\":\"Jordan Lee\",\"plan\":\"jordan.json\"}"
    static const struct { const char *record, *message; } cases[] = {
        { "{\"event\":\"progress\",\"date\":\"2025-03-02\",\"action\":\"a1\","
          "\"status\":\"done\"}",
          "record 2: its date 2025-03-02 is before the plan was agreed (2025-03-03); reading "
          "stopped" },
        { "{\"event\":\"progress\",\"date\":\"2025-03-10\",\"action\":\"a1\","
          "\"status\":\"done\",\"note\":\"\\u001b[31mred\"}",
          "record 2: the note holds a control character; reading stopped" },
        { "{\"event\":\"progress\",\"date\":\"2025-03-10\",\"action\":\"a1\","
          "\"status\":\"done\",\"note\":\"\\u009b31m\"}",
          "record 2: the note holds a control character; reading stopped" },
        { "{\"event\":\"progress\",\"date\":\"2025-03-10\",\"action\":\"a1\","
          "\"status\":\"done\",\"note\":\"\"}",
          "record 2: the note is empty or over 4096 bytes; reading stopped" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *const records[] = { HEAD, cases[i].record, NULL };
        char *m = progress_problem(plan, records);
        CHECK_EQ_STR(m ? m : "(accepted)", cases[i].message);
        free(m);
    }
    const char *const plan_number[] = {
        "{\"event\":\"plan\",\"person\":\"Jordan Lee\",\"plan\":5}", NULL,
    };
    char *m = progress_problem(plan, plan_number);
    CHECK_EQ_STR(m ? m : "(accepted)", "record 1: a misplaced or incomplete plan record; "
                 "reading stopped");
    free(m);
#undef HEAD
    rb_devplan_free(plan);
}

TEST(a_journal_that_cannot_be_looked_at_is_not_empty_progress)
{
    rb_devplan *plan = jordan_plan();
    REQUIRE(plan != NULL);
    tmpdir t;
    REQUIRE(tmpdir_make(&t, "progress"));
    REQUIRE(tmpdir_put(&t, "plan.json", "{}"));
    char path[1100];
    /* A file where a folder should be: not "nothing recorded yet". */
    snprintf(path, sizeof path, "%s/plan.json/jordan.progress", t.path);
    rb_diags *d = rb_diags_new();
    rb_progress *pr = rb_progress_read(plan, path, d);
    CHECK(pr == NULL);
    REQUIRE(rb_diags_count(d) == 1);
    CHECK(strstr(rb_diags_at(d, 0)->message, "cannot look at the progress journal: ") != NULL);
    rb_progress_free(pr);
    rb_diags_free(d);
    tmpdir_remove(&t);
    rb_devplan_free(plan);
}

TEST(plan_texts_never_carry_control_characters)
{
    rb_library *lib = shipped();
    REQUIRE(lib != NULL);
    rb_date today;
    REQUIRE(rb_date_parse("2025-03-03", &today));
    rb_devplan_editor *ed = rb_devplan_editor_new(lib, role_of(lib, "people-manager"),
                                                  "Jordan Lee", NULL, today);
    REQUIRE(ed != NULL);
    rb_diags *d = NULL;
    CHECK(edit(ed, "/barrier \x1b[2J cleared screen", &d) == RB_EDIT_ERROR);
    CHECK_EQ_STR(first_message(d), "the line holds a control character (byte 0x1B); type "
                                   "plain text");
    CHECK(edit(ed, "/barrier \xff\xfe", &d) == RB_EDIT_ERROR);
    CHECK_EQ_STR(first_message(d), "the line is not UTF-8 text; type it again or save the "
                                   "script as UTF-8");
    CHECK(edit(ed, "/barrier time\twith a tab", &d) == RB_EDIT_OK);
    CHECK_EQ_INT((int)rb_devplan_editor_plan(ed)->nbarriers, 1);
    rb_diags_free(d);
    rb_devplan_editor_free(ed);
    rb_library_free(lib);

    /* And a document read back refuses them too. */
    static const char doc[] =
        "{\"format\":\"rubric.devplan/1\",\"view\":\"full\",\"person\":\"Jo\\u001b]0;x\\u0007\","
        "\"role\":{\"id\":\"people-manager\",\"title\":\"People Manager\"},"
        "\"library\":\"sha256:x\",\"agreed\":\"2025-03-03\",\"competencies\":[{\"id\":"
        "\"communication\",\"title\":\"Communication\",\"target\":3,\"target_name\":null,"
        "\"share\":false}],\"barriers\":[{\"text\":\"line one\\nline two\",\"share\":false}],"
        "\"actions\":[],\"support\":[],\"timeframe\":{\"text\":\"3 months\",\"share\":false},"
        "\"followup\":{\"date\":\"2025-06-03\",\"share\":false}}";
    rb_diags *pd = rb_diags_new();
    rb_devplan *p = rb_devplan_parse("doc.json", doc, sizeof doc - 1, pd);
    CHECK(p == NULL);
    REQUIRE(rb_diags_count(pd) == 1);
    CHECK_EQ_STR(rb_diags_at(pd, 0)->message, "person: holds a control character or a line "
                                               "break; write it on one line");
    rb_diags_free(pd);
}

CHECK_MAIN()
