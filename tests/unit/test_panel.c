/*
 * Unit tests for engine/score/panel.c: the consensus rule (median, the
 * lower middle one on a tie), spreads and agreement kinds, the debrief
 * agenda, leniency arithmetic, the agreement table and the checks on the
 * inputs.
 *
 * Interviews are read from small rubric.answers/1 documents written here,
 * against the shipped library (role people-manager, five competencies),
 * and scored as `rubric panel` scores them.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "rubric/rubric.h"
#include "rubric/panel.h"

static const char *const COMPETENCIES[5] = {
    "career-development-coaching", "communication", "collaboration", "leading-change",
    "delivering-results",
};

/* ---- the median ------------------------------------------------------------- */

static int median_of(const int *v, size_t n)
{
    int copy[16];
    memcpy(copy, v, n * sizeof *v);
    return rb_panel_median(copy, n);
}

TEST(median_odd_counts_take_the_middle)
{
    CHECK_EQ_INT(median_of((int[]){ 3 }, 1), 3);
    CHECK_EQ_INT(median_of((int[]){ 2, 4, 3 }, 3), 3);
    CHECK_EQ_INT(median_of((int[]){ 5, 1, 1 }, 3), 1);
    CHECK_EQ_INT(median_of((int[]){ 4, 4, 2, 5, 1 }, 5), 4);
}

TEST(median_even_counts_take_the_lower_middle)
{
    CHECK_EQ_INT(median_of((int[]){ 3, 2 }, 2), 2);
    CHECK_EQ_INT(median_of((int[]){ 2, 3 }, 2), 2);
    CHECK_EQ_INT(median_of((int[]){ 1, 5, 2, 4 }, 4), 2);
    CHECK_EQ_INT(median_of((int[]){ 5, 5, 1, 1 }, 4), 1);
    CHECK_EQ_INT(median_of((int[]){ 3, 3, 4, 4 }, 4), 3);
    CHECK_EQ_INT(median_of((int[]){ -2, -1 }, 2), -2);
}

TEST(median_of_nothing_is_no_level)
{
    CHECK_EQ_INT(rb_panel_median(NULL, 0), 0);
}

/* ---- panels built from written answers ------------------------------------------ */

typedef struct fixture {
    rb_library *lib;
    rb_scorer *scorer;
    rb_diags *diags;
    size_t n;
    rb_interview *iv[16];
    rb_sheet *sheet[16];
    rb_panel_input in[16];
    char source[16][32];
} fixture;

static bool setup(fixture *f)
{
    memset(f, 0, sizeof *f);
    const char *dir = TEST_SOURCE_DIR "/rubrics";
    rb_diags *ld = NULL;
    rb_library_load(&dir, 1, NULL, &f->lib, &ld, NULL);
    rb_diags_free(ld);
    if (!f->lib)
        return false;
    f->diags = rb_diags_new();
    f->scorer = f->diags ? rb_scorer_new(f->lib, f->diags) : NULL;
    return f->scorer != NULL;
}

static void teardown(fixture *f)
{
    for (size_t i = 0; i < f->n; i++) {
        rb_sheet_free(f->sheet[i]);
        rb_interview_free(f->iv[i]);
    }
    rb_scorer_free(f->scorer);
    rb_diags_free(f->diags);
    rb_library_free(f->lib);
}

/* One interview: `ratings` per competency of the role (0: answered, not
 * rated; -1: not asked). `interviewer` NULL leaves the field out. */
static bool add(fixture *f, const char *candidate, const char *interviewer,
                const int ratings[5], const char *role, const char *hash)
{
    rb_buf b = { 0 };
    rb_buf_printf(&b, "{\"format\": \"rubric.answers/1\", \"candidate\": {\"id\": \"%s\"}, "
                  "\"role\": \"%s\", ", candidate, role ? role : "people-manager");
    if (interviewer)
        rb_buf_printf(&b, "\"interviewer\": \"%s\", ", interviewer);
    if (hash)
        rb_buf_printf(&b, "\"library\": \"%s\", ", hash);
    rb_buf_puts(&b, "\"answers\": [");
    const char *sep = "";
    for (size_t k = 0; k < 5; k++) {
        if (ratings[k] < 0)
            continue;
        rb_buf_printf(&b, "%s{\"competency\": \"%s\", \"text\": \"I did it.\"", sep,
                      COMPETENCIES[k]);
        if (ratings[k])
            rb_buf_printf(&b, ", \"rating\": %d", ratings[k]);
        rb_buf_puts(&b, "}");
        sep = ", ";
    }
    rb_buf_puts(&b, "]}");
    size_t i = f->n;
    snprintf(f->source[i], sizeof f->source[i], "in%zu.json", i + 1);
    f->iv[i] = rb_interview_parse(f->lib, f->source[i], 0, b.data, b.len, f->diags);
    rb_buf_release(&b);
    if (!f->iv[i])
        return false;
    f->sheet[i] = rb_score(f->scorer, f->iv[i], f->diags);
    if (!f->sheet[i]) {
        rb_interview_free(f->iv[i]);
        return false;
    }
    f->in[i] = (rb_panel_input){ f->source[i], f->iv[i], f->sheet[i], NULL };
    f->n++;
    return true;
}

static const rb_panel_interviewer *person(const rb_panel *p, const char *name)
{
    for (size_t i = 0; i < p->ninterviewers; i++)
        if (strcmp(p->interviewers[i].name, name) == 0)
            return &p->interviewers[i];
    return NULL;
}

TEST(consensus_spread_and_agreement_of_one_candidate)
{
    fixture f;
    REQUIRE(setup(&f));
    REQUIRE(add(&f, "ana", "Ann", (int[]){ 3, 4, 3, 5, 3 }, NULL, NULL));
    REQUIRE(add(&f, "ana", "Ben", (int[]){ 2, 2, 3, 4, 2 }, NULL, NULL));
    REQUIRE(add(&f, "ana", "Cy", (int[]){ 3, 3, 3, 4, 0 }, NULL, NULL));
    rb_panel *p = rb_panel_build(f.lib, f.in, f.n, f.diags);
    REQUIRE(p != NULL);
    CHECK_EQ_INT(p->ncandidates, 1);
    CHECK_EQ_INT(p->ninterviewers, 3);
    const rb_panel_candidate *c = &p->candidates[0];
    REQUIRE(c->ncompetencies == 5);
    /* 3, 2, 3: consensus 3, spread 1. */
    CHECK_EQ_INT(c->competencies[0].consensus, 3);
    CHECK_EQ_INT(c->competencies[0].spread, 1);
    CHECK_EQ_INT(c->competencies[0].agreement, RB_PANEL_CLOSE);
    /* 4, 2, 3: two levels apart, on the agenda. */
    CHECK_EQ_INT(c->competencies[1].consensus, 3);
    CHECK_EQ_INT(c->competencies[1].spread, 2);
    CHECK_EQ_INT(c->competencies[1].agreement, RB_PANEL_APART);
    CHECK((c->competencies[1].reasons & RB_REASON_RATINGS_APART) != 0);
    CHECK_EQ_INT(c->competencies[1].issues[0].reason, RB_REASON_RATINGS_APART);
    CHECK_EQ_STR(c->competencies[1].issues[0].text,
                 "the ratings run from 2 to 4: Ann 4, Ben 2, Cy 3");
    /* 3, 3, 3 */
    CHECK_EQ_INT(c->competencies[2].agreement, RB_PANEL_SAME);
    CHECK_EQ_INT(c->competencies[2].spread, 0);
    CHECK((c->competencies[2].reasons & RB_REASON_RATINGS_APART) == 0);
    /* 5, 4, 4 */
    CHECK_EQ_INT(c->competencies[3].consensus, 4);
    /* 3, 2 and no rating: the lower of the two middle ones. */
    CHECK_EQ_INT(c->competencies[4].nrated, 2);
    CHECK_EQ_INT(c->competencies[4].consensus, 2);
    CHECK_EQ_INT(c->competencies[4].final_level, 2);
    CHECK_EQ_INT(c->competencies[4].gap, -1);
    /* "I did it." is no evidence of anything: every consensus is
     * unsupported, and the evidence level is none. */
    CHECK_EQ_INT(c->competencies[4].evidence, 0);
    CHECK((c->competencies[4].reasons & RB_REASON_CONSENSUS_UNSUPPORTED) != 0);
    CHECK_EQ_INT(c->agenda, 5);
    rb_panel_free(p);
    teardown(&f);
}

TEST(no_ratings_at_all_is_on_the_agenda)
{
    fixture f;
    REQUIRE(setup(&f));
    REQUIRE(add(&f, "ana", "Ann", (int[]){ 0, -1, 3, 3, 3 }, NULL, NULL));
    REQUIRE(add(&f, "ana", "Ben", (int[]){ 0, -1, 3, 3, 3 }, NULL, NULL));
    rb_panel *p = rb_panel_build(f.lib, f.in, f.n, f.diags);
    REQUIRE(p != NULL);
    const rb_panel_competency *pc = &p->candidates[0].competencies[0];
    CHECK_EQ_INT(pc->nrated, 0);
    CHECK_EQ_INT(pc->consensus, 0);
    CHECK_EQ_INT(pc->agreement, RB_PANEL_NO_RATINGS);
    CHECK_EQ_INT(pc->reasons, RB_REASON_NOT_RATED);
    REQUIRE(pc->nissues == 1);
    CHECK_EQ_STR(pc->issues[0].text, "no interviewer rated it, and there is not enough "
                                     "evidence to suggest a level");
    /* Not asked at all: no answers, no rating, the same. */
    CHECK_EQ_INT(p->candidates[0].competencies[1].reasons, RB_REASON_NOT_RATED);
    /* Without a level a need counts against the fit: 3 of 9 weight met. */
    CHECK_NEAR(p->candidates[0].fit, 0.667, 1e-9);
    rb_panel_free(p);
    teardown(&f);
}

TEST(leniency_is_the_mean_deviation_from_consensus)
{
    fixture f;
    REQUIRE(setup(&f));
    /* Candidate 1: consensus 3 3 3 3 (Ann +1 everywhere but once). */
    REQUIRE(add(&f, "c1", "Ann", (int[]){ 4, 4, 4, 3, -1 }, NULL, NULL));
    REQUIRE(add(&f, "c1", "Ben", (int[]){ 3, 3, 2, 3, -1 }, NULL, NULL));
    REQUIRE(add(&f, "c1", "Cy", (int[]){ 3, 3, 3, 3, -1 }, NULL, NULL));
    /* Candidate 2: Ann and Ben only; 4 and 2 give the consensus 2 (lower
     * middle), so Ann +2 and Ben 0. Cy alone on delivering-results: a
     * consensus of one rating, not compared. */
    REQUIRE(add(&f, "c2", "Ann", (int[]){ 4, -1, -1, -1, -1 }, NULL, NULL));
    REQUIRE(add(&f, "c2", "ben", (int[]){ 2, -1, -1, -1, -1 }, NULL, NULL));
    REQUIRE(add(&f, "c2", "Cy", (int[]){ -1, -1, -1, -1, 3 }, NULL, NULL));
    rb_panel *p = rb_panel_build(f.lib, f.in, f.n, f.diags);
    REQUIRE(p != NULL);
    CHECK_EQ_INT(p->ncandidates, 2);
    CHECK_EQ_INT(p->ninterviewers, 3);  /* "ben" is Ben */
    const rb_panel_interviewer *ann = person(p, "Ann"), *ben = person(p, "Ben"),
                               *cy = person(p, "Cy");
    REQUIRE(ann && ben && cy);
    CHECK_EQ_INT(ann->candidates, 2);
    CHECK_EQ_INT(ann->ratings, 5);
    CHECK_EQ_INT(ann->compared, 5);
    CHECK_EQ_INT(ann->deviation_sum, 1 + 1 + 1 + 0 + 2);
    CHECK_NEAR(ann->leniency, 1.0, 1e-12);
    CHECK_EQ_INT(ben->compared, 5);
    CHECK_EQ_INT(ben->deviation_sum, 0 + 0 - 1 + 0 + 0);
    CHECK_NEAR(ben->leniency, -0.2, 1e-12);
    CHECK_EQ_INT(cy->ratings, 5);
    CHECK_EQ_INT(cy->compared, 4);
    CHECK_EQ_INT(cy->deviation_sum, 0);
    CHECK_NEAR(cy->leniency, 0.0, 1e-12);
    /* Candidates come in the order first given. */
    const rb_panel_candidate *c2 = &p->candidates[1];
    CHECK_EQ_STR(c2->id, "c2");
    CHECK_EQ_INT(c2->ninterviews, 3);
    CHECK_EQ_INT(c2->competencies[0].consensus, 2);
    CHECK_EQ_INT(c2->competencies[4].consensus, 3);
    CHECK_EQ_INT(c2->competencies[4].agreement, RB_PANEL_SINGLE);

    /* The agreement table of career-development-coaching: rows c1, c2;
     * columns Ann, Ben, Cy: (4, 3, 3) and (4, 2, -). */
    const rb_panel_agreement_stats *st = &p->agreement[0];
    CHECK_EQ_INT(st->ratings, 5);
    CHECK(st->stats.stats[RB_AGREE_PERCENT_ALL].available);
    CHECK_NEAR(st->stats.stats[RB_AGREE_PERCENT_ALL].value, 0.0, 1e-12);
    CHECK(!st->stats.stats[RB_AGREE_COHEN].available);
    CHECK(strstr(st->stats.stats[RB_AGREE_COHEN].reason, "two raters") != NULL);
    CHECK(!st->stats.stats[RB_AGREE_ICC_2_1].available);
    rb_panel_free(p);
    teardown(&f);
}

/* ---- checks on the inputs --------------------------------------------------------- */

static const char *message(const rb_diags *d, size_t i)
{
    return i < rb_diags_count(d) ? rb_diags_at(d, i)->message : "(none)";
}

TEST(an_interview_must_name_its_interviewer)
{
    fixture f;
    REQUIRE(setup(&f));
    REQUIRE(add(&f, "ana", "Ann", (int[]){ 3, 3, 3, 3, 3 }, NULL, NULL));
    REQUIRE(add(&f, "ana", NULL, (int[]){ 3, 3, 3, 3, 3 }, NULL, NULL));
    REQUIRE(add(&f, "ana", "  ", (int[]){ 3, 3, 3, 3, 3 }, NULL, NULL));
    CHECK(rb_panel_build(f.lib, f.in, f.n, f.diags) == NULL);
    CHECK_EQ_INT(rb_diags_errors(f.diags), 2);
    CHECK_EQ_STR(rb_diags_at(f.diags, 0)->file, "in2.json");
    CHECK_EQ_INT(rb_diags_at(f.diags, 0)->line, 0);
    CHECK_EQ_STR(message(f.diags, 0), "the answers do not say who interviewed: add "
                 "\"interviewer\": \"NAME\", so that the panel can tell the ratings apart");
    CHECK_EQ_STR(rb_diags_at(f.diags, 1)->file, "in3.json");
    teardown(&f);
}

TEST(one_interview_per_interviewer_and_candidate)
{
    fixture f;
    REQUIRE(setup(&f));
    REQUIRE(add(&f, "ana", "Ann Lee", (int[]){ 3, 3, 3, 3, 3 }, NULL, NULL));
    REQUIRE(add(&f, "bo", "Ann Lee", (int[]){ 3, 3, 3, 3, 3 }, NULL, NULL));
    REQUIRE(add(&f, "ana", "ANN LEE", (int[]){ 3, 3, 3, 3, 3 }, NULL, NULL));
    CHECK(rb_panel_build(f.lib, f.in, f.n, f.diags) == NULL);
    CHECK_EQ_INT(rb_diags_errors(f.diags), 1);
    CHECK_EQ_STR(rb_diags_at(f.diags, 0)->file, "in3.json");
    CHECK_EQ_STR(message(f.diags, 0), "'ANN LEE' already interviewed candidate 'ana' in "
                 "'in1.json': give each interviewer's interview of a candidate once");
    teardown(&f);
}

/* Spaces count as the person typed them never mattered: around the name,
 * doubled, or a no-break space from a word processor. */
TEST(names_differing_only_in_spaces_are_one_interviewer)
{
    fixture f;
    REQUIRE(setup(&f));
    REQUIRE(add(&f, "ana", "Ann Lee", (int[]){ 3, 3, 3, 3, 3 }, NULL, NULL));
    REQUIRE(add(&f, "ana", "Ann Lee ", (int[]){ 3, 3, 3, 3, 3 }, NULL, NULL));
    REQUIRE(add(&f, "ana", " ann  lee", (int[]){ 3, 3, 3, 3, 3 }, NULL, NULL));
    REQUIRE(add(&f, "ana", "Ann\xc2\xa0Lee", (int[]){ 3, 3, 3, 3, 3 }, NULL, NULL));
    REQUIRE(add(&f, "ana", "Anne Lee", (int[]){ 3, 3, 3, 3, 3 }, NULL, NULL));
    REQUIRE(add(&f, "ana", "AnnLee", (int[]){ 3, 3, 3, 3, 3 }, NULL, NULL));
    CHECK(rb_panel_build(f.lib, f.in, f.n, f.diags) == NULL);
    CHECK_EQ_INT(rb_diags_errors(f.diags), 3);
    CHECK_EQ_STR(rb_diags_at(f.diags, 0)->file, "in2.json");
    CHECK_EQ_STR(rb_diags_at(f.diags, 1)->file, "in3.json");
    CHECK_EQ_STR(rb_diags_at(f.diags, 2)->file, "in4.json");
    teardown(&f);
}

TEST(one_role_and_one_library)
{
    fixture f;
    REQUIRE(setup(&f));
    const char *h1 = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
    const char *h2 = "sha256:2222222222222222222222222222222222222222222222222222222222222222";
    REQUIRE(add(&f, "ana", "Ann", (int[]){ 3, 3, 3, 3, 3 }, NULL, NULL));
    REQUIRE(add(&f, "ana", "Ben", (int[]){ 3, 3, 3, -1, -1 }, "hr-advisor", h1));
    REQUIRE(add(&f, "ana", "Cy", (int[]){ 3, 3, 3, 3, 3 }, NULL, h2));
    CHECK(rb_panel_build(f.lib, f.in, f.n, f.diags) == NULL);
    /* The two hashes also differ from the library's: two warnings from the
     * reader, then the panel's errors. */
    CHECK_EQ_INT(rb_diags_errors(f.diags), 2);
    size_t e = 0;
    for (size_t i = 0; i < rb_diags_count(f.diags); i++) {
        const rb_diag *g = rb_diags_at(f.diags, i);
        if (g->severity != RB_ERROR)
            continue;
        if (e == 0)
            CHECK_EQ_STR(g->message, "the interview is for the role 'hr-advisor', but "
                         "'in1.json' is for 'people-manager': a panel brings together "
                         "interviews for one role");
        else
            CHECK_EQ_STR(g->message, "the interview was recorded with another version of "
                         "the rubric library than 'in2.json' (sha256:2222222222222222222222"
                         "222222222222222222222222222222222222222222, not sha256:11111111"
                         "11111111111111111111111111111111111111111111111111111111): ratings "
                         "against different rubrics cannot be compared; interview with the "
                         "same library");
        e++;
    }
    teardown(&f);
}

TEST(nothing_to_bring_together)
{
    rb_diags *d = rb_diags_new();
    REQUIRE(d != NULL);
    CHECK(rb_panel_build(NULL, NULL, 0, d) == NULL);
    CHECK_EQ_STR(message(d, 0), "no interviews to bring together");
    rb_diags_free(d);
}

TEST(too_many_interviews)
{
    rb_diags *d = rb_diags_new();
    REQUIRE(d != NULL);
    rb_panel_input in[1] = { { NULL, NULL, NULL, NULL } };
    /* The count is checked before any input is looked at. */
    CHECK(rb_panel_build(NULL, in, RB_PANEL_MAX_INTERVIEWS + 1, d) == NULL);
    CHECK_EQ_STR(message(d, 0), "1001 interviews are more than one panel takes (1000): "
                 "bring the candidates together in smaller groups");
    rb_diags_free(d);
}

CHECK_MAIN()
