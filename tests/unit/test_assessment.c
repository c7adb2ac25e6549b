/*
 * Assessments (rubric.assessment/1) and the discussion planner built on two
 * of them: making, writing and reading back, the shared extract, names, and
 * the groups a discussion puts competencies in.
 */
#include <string.h>

#include "check.h"
#include "rubric/rubric.h"

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

/* An assessment of the people-manager role with the given levels. */
static rb_assessment *assessed(const rb_library *lib, rb_assessor_side by, const int *levels)
{
    const rb_role *role = role_of(lib, "people-manager");
    rb_assessment *a = rb_assessment_new(lib, role, "Sam Ortiz", by,
                                         by == RB_BY_SELF ? NULL : "Alex Kim", "2025-03-03");
    for (size_t i = 0; a && i < a->ncompetencies; i++)
        if (levels[i])
            rb_assessment_set_level(a, i, levels[i]);
    return a;
}

TEST(new_assessment_has_every_competency_of_the_role)
{
    rb_library *lib = shipped();
    REQUIRE(lib != NULL);
    const rb_role *role = role_of(lib, "people-manager");
    REQUIRE(role != NULL);
    rb_assessment *a = rb_assessment_new(lib, role, "Sam Ortiz", RB_BY_SELF, "ignored",
                                         "2025-03-03");
    REQUIRE(a != NULL);
    CHECK_EQ_INT((long long)a->ncompetencies, (long long)role->nneeds);
    CHECK_EQ_STR(a->assessor, "Sam Ortiz");
    for (size_t i = 0; i < a->ncompetencies; i++) {
        CHECK(a->competencies[i].competency == role->needs[i].competency);
        CHECK(!a->competencies[i].has_level);
        CHECK(!a->competencies[i].share);
    }
    CHECK(!rb_assessment_set_level(a, 0, 6));
    CHECK(!rb_assessment_set_level(a, 0, 0));
    CHECK(rb_assessment_set_level(a, 0, 5));
    CHECK(!rb_assessment_drop_example(a, 0));
    for (int i = 0; i < RB_MAX_EXAMPLES; i++)
        CHECK(rb_assessment_add_example(a, 0, "An example."));
    CHECK(!rb_assessment_add_example(a, 0, "One too many."));
    CHECK(rb_assessment_drop_example(a, 0));
    CHECK_EQ_INT((long long)a->competencies[0].nexamples, RB_MAX_EXAMPLES - 1);
    rb_assessment_free(a);
    rb_library_free(lib);
}

TEST(json_reads_back_the_same)
{
    rb_library *lib = shipped();
    REQUIRE(lib != NULL);
    int levels[] = { 3, 2, 4, 2, 3 };
    rb_assessment *a = assessed(lib, RB_BY_MANAGER, levels);
    REQUIRE(a != NULL);
    CHECK(rb_assessment_add_example(a, 1, "Line one\nline two \"quoted\""));
    rb_assessment_set_share(a, 1, true);
    rb_buf out = { 0 };
    REQUIRE(rb_assessment_json(a, &out));
    rb_diags *d = rb_diags_new();
    rb_assessment *back = rb_assessment_parse(lib, "a.json", out.data, out.len, d);
    CHECK_EQ_INT((long long)rb_diags_count(d), 0);
    REQUIRE(back != NULL);
    CHECK_EQ_STR(back->person, "Sam Ortiz");
    CHECK_EQ_STR(back->assessor, "Alex Kim");
    CHECK(back->by == RB_BY_MANAGER);
    CHECK_EQ_INT((long long)back->ncompetencies, 5);
    for (size_t i = 0; i < 5; i++)
        CHECK_EQ_INT(back->competencies[i].level, levels[i]);
    CHECK_EQ_STR(back->competencies[1].examples[0], "Line one\nline two \"quoted\"");
    CHECK(back->competencies[1].share);
    rb_buf again = { 0 };
    REQUIRE(rb_assessment_json(back, &again));
    CHECK_EQ_STR(again.data, out.data);
    rb_buf_release(&again);
    rb_buf_release(&out);
    rb_assessment_free(back);
    rb_assessment_free(a);
    rb_diags_free(d);
    rb_library_free(lib);
}

TEST(shared_extract_holds_only_the_shared_entries)
{
    rb_library *lib = shipped();
    REQUIRE(lib != NULL);
    int levels[] = { 3, 3, 3, 3, 3 };
    rb_assessment *a = assessed(lib, RB_BY_SELF, levels);
    REQUIRE(a != NULL);
    rb_assessment_add_example(a, 0, "Private example.");
    rb_assessment_add_example(a, 3, "Shared example.");
    rb_assessment_set_share(a, 3, true);
    rb_buf out = { 0 };
    REQUIRE(rb_assessment_shared_json(a, &out));
    CHECK(strstr(out.data, "\"format\": \"rubric.assessment/1\"") != NULL);
    CHECK(strstr(out.data, "\"person\": \"Sam Ortiz\"") != NULL);
    CHECK(strstr(out.data, "Private example.") == NULL);
    CHECK(strstr(out.data, "career-development-coaching") == NULL);
    CHECK(strstr(out.data, "Shared example.") != NULL);
    /* The extract is itself an assessment, with the one entry. */
    rb_diags *d = rb_diags_new();
    rb_assessment *back = rb_assessment_parse(lib, "shared.json", out.data, out.len, d);
    REQUIRE(back != NULL);
    CHECK_EQ_INT((long long)back->ncompetencies, 1);
    CHECK_EQ_STR(back->competencies[0].competency->id, "leading-change");
    rb_assessment_free(back);
    /* Nothing shared: no entries at all. */
    rb_assessment_set_share(a, 3, false);
    rb_buf none = { 0 };
    REQUIRE(rb_assessment_shared_json(a, &none));
    CHECK(strstr(none.data, "\"competencies\": []") != NULL);
    rb_buf_release(&none);
    rb_buf_release(&out);
    rb_assessment_free(a);
    rb_diags_free(d);
    rb_library_free(lib);
}

TEST(names)
{
    CHECK(rb_assessment_name_valid("Sam Ortiz"));
    CHECK(rb_assessment_name_valid("Zoë O'Neil-Smith"));
    CHECK(!rb_assessment_name_valid(""));
    CHECK(!rb_assessment_name_valid("   "));
    CHECK(!rb_assessment_name_valid("Sam\nOrtiz"));
    CHECK(!rb_assessment_name_valid("Sam\x7f"));
    CHECK(!rb_assessment_name_valid("\xff\xfe"));
    char longname[RB_MAX_NAME + 2];
    memset(longname, 'a', sizeof longname - 1);
    longname[sizeof longname - 1] = '\0';
    CHECK(!rb_assessment_name_valid(longname));
    longname[RB_MAX_NAME] = '\0';
    CHECK(rb_assessment_name_valid(longname));
}

TEST(discussion_groups_and_gaps)
{
    rb_library *lib = shipped();
    REQUIRE(lib != NULL);
    REQUIRE(rb_library_nprocesses(lib) == 1);
    const rb_process *p = rb_library_process(lib, 0);
    /* Targets are all 3; weights 2, 1, 1, 2, 3. */
    int self_levels[] = { 3, 4, 1, 2, 2 };
    int manager_levels[] = { 3, 3, 2, 1, 2 };
    rb_assessment *s = assessed(lib, RB_BY_SELF, self_levels);
    rb_assessment *m = assessed(lib, RB_BY_MANAGER, manager_levels);
    REQUIRE(s && m);
    rb_diags *d = rb_diags_new();
    rb_discussion *disc = rb_discussion_make(lib, p, m, "m.json", s, "s.json", d);
    REQUIRE(disc != NULL);
    CHECK(disc->self == s);
    CHECK(disc->manager == m);
    CHECK(disc->rows[0].group == RB_GROUP_STRENGTH);     /* 3 and 3 */
    CHECK(disc->rows[1].group == RB_GROUP_TO_SETTLE);    /* 4 and 3: both at target */
    CHECK(disc->rows[2].group == RB_GROUP_DEVELOPMENT);  /* 1 and 2 */
    CHECK_EQ_INT(disc->rows[2].gap_min, 1);
    CHECK_EQ_INT(disc->rows[2].gap_max, 2);
    CHECK(disc->rows[3].group == RB_GROUP_DEVELOPMENT);  /* 2 and 1 */
    CHECK(disc->rows[4].group == RB_GROUP_DEVELOPMENT);  /* 2 and 2 */
    REQUIRE(disc->ndevelopment == 3);
    /* Gap 1 to 2 twice (leading-change weighs 2, collaboration 1), then gap 1. */
    CHECK_EQ_STR(disc->development[0]->competency->id, "leading-change");
    CHECK_EQ_STR(disc->development[1]->competency->id, "collaboration");
    CHECK_EQ_STR(disc->development[2]->competency->id, "delivering-results");
    rb_buf md = { 0 }, html = { 0 }, json = { 0 };
    CHECK(rb_discussion_markdown(disc, &md));
    CHECK(rb_discussion_html(disc, &html));
    CHECK(rb_discussion_json(disc, &json));
    CHECK(strncmp(md.data, "<!-- rubric-person: \"Sam Ortiz\" -->\n", 36) == 0);
    CHECK(strncmp(html.data, "<!-- rubric-person: \"Sam Ortiz\" -->\n<!DOCTYPE html>", 51) == 0);
    CHECK(strstr(json.data, "\"person\": \"Sam Ortiz\"") != NULL);
    /* Every step of the process, in its order. */
    const char *at = md.data;
    for (size_t i = 0; i < p->nsteps; i++) {
        const char *found = strstr(at, p->steps[i].title);
        CHECK(found != NULL);
        if (found)
            at = found;
    }
    rb_buf_release(&md);
    rb_buf_release(&html);
    rb_buf_release(&json);
    rb_discussion_free(disc);
    rb_assessment_free(s);
    rb_assessment_free(m);
    rb_diags_free(d);
    rb_library_free(lib);
}

TEST(discussion_refuses_a_pair_that_does_not_belong_together)
{
    rb_library *lib = shipped();
    REQUIRE(lib != NULL);
    const rb_process *p = rb_library_process(lib, 0);
    int levels[] = { 3, 3, 3, 3, 3 };
    rb_assessment *a = assessed(lib, RB_BY_SELF, levels);
    rb_assessment *b = assessed(lib, RB_BY_SELF, levels);
    rb_assessment *other = rb_assessment_new(lib, role_of(lib, "people-manager"), "Jo Bloggs",
                                             RB_BY_MANAGER, "Alex Kim", "2025-03-03");
    REQUIRE(a && b && other);
    rb_diags *d = rb_diags_new();
    CHECK(rb_discussion_make(lib, p, a, "a.json", b, "b.json", d) == NULL);
    CHECK_EQ_INT((long long)rb_diags_errors(d), 1);
    CHECK(rb_discussion_make(lib, p, a, "a.json", other, "o.json", d) == NULL);
    CHECK_EQ_INT((long long)rb_diags_errors(d), 2);
    CHECK_EQ_STR(rb_diags_at(d, 1)->message,
                 "'a.json' is about Sam Ortiz and 'o.json' is about Jo Bloggs; a discussion "
                 "needs two assessments of the same person");
    rb_assessment_free(a);
    rb_assessment_free(b);
    rb_assessment_free(other);
    rb_diags_free(d);
    rb_library_free(lib);
}

TEST(a_person_marker_cannot_close_the_comment)
{
    rb_library *lib = shipped();
    REQUIRE(lib != NULL);
    const rb_role *role = role_of(lib, "people-manager");
    rb_assessment *s = rb_assessment_new(lib, role, "A --> <b>", RB_BY_SELF, NULL, "2025-03-03");
    rb_assessment *m = rb_assessment_new(lib, role, "A --> <b>", RB_BY_MANAGER, "M",
                                         "2025-03-03");
    REQUIRE(s && m);
    rb_diags *d = rb_diags_new();
    rb_discussion *disc = rb_discussion_make(lib, rb_library_process(lib, 0), s, "s", m, "m", d);
    REQUIRE(disc != NULL);
    rb_buf html = { 0 };
    CHECK(rb_discussion_html(disc, &html));
    const char *nl = strchr(html.data, '\n');
    REQUIRE(nl != NULL);
    /* The first line is the marker and holds exactly one comment end. */
    const char *end = strstr(html.data, "-->");
    CHECK(end != NULL && end + 3 == nl);
    CHECK(strstr(html.data, "<b>") == NULL);
    rb_buf_release(&html);
    rb_discussion_free(disc);
    rb_assessment_free(s);
    rb_assessment_free(m);
    rb_diags_free(d);
    rb_library_free(lib);
}

CHECK_MAIN()
