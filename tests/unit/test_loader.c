/*
 * Unit tests for loading rubric libraries (rb_library_load): the model that
 * comes out, ids, the content hash, diagnostics and the sandbox's limits.
 *
 * Every test writes a small library into a fresh mkdtemp folder and loads
 * it from inside that folder (as "."), so display paths are plain relative
 * names such as "comp.lua" or "parts/role.lua".
 */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "scratch.h"
#include "rubric/rubric.h"

/* ---- helpers -------------------------------------------------------------- */

/* Load the folder as a library, from inside it. */
static rb_library *load_opts(const tmpdir *t, const rb_load_options *opt,
                             rb_diags **diags, size_t *files_run)
{
    int here = open(".", O_RDONLY | O_DIRECTORY);
    rb_library *lib = NULL;
    *diags = NULL;
    if (here < 0 || chdir(t->path) != 0) {
        fprintf(stderr, "cannot enter %s: %s\n", t->path, strerror(errno));
        if (here >= 0)
            close(here);
        return NULL;
    }
    const char *paths[] = { "." };
    rb_library_load(paths, 1, opt, &lib, diags, files_run);
    if (fchdir(here) != 0)
        fprintf(stderr, "cannot go back: %s\n", strerror(errno));
    close(here);
    return lib;
}

static rb_library *load(const tmpdir *t, rb_diags **diags)
{
    return load_opts(t, NULL, diags, NULL);
}

/* The first diagnostic whose message contains `needle`, or NULL. */
static const rb_diag *find_diag(const rb_diags *d, const char *needle)
{
    for (size_t i = 0; d && i < rb_diags_count(d); i++)
        if (strstr(rb_diags_at(d, i)->message, needle))
            return rb_diags_at(d, i);
    return NULL;
}

/* 1-based line of the first occurrence of `needle` in `text`, or 0. */
static int line_of(const char *text, const char *needle)
{
    const char *p = strstr(text, needle);
    if (!p)
        return 0;
    int line = 1;
    for (const char *q = text; q < p; q++)
        line += *q == '\n';
    return line;
}

/* Look an id up and check its kind. The result stays valid for the next
 * seven calls (a small ring), so a test can hold a few at once. */
static const rb_item *find(const rb_library *lib, const char *id, rb_kind kind)
{
    static rb_item ring[8];
    static unsigned next;
    rb_item *it = &ring[next++ % 8];
    if (!rb_library_find(lib, id, it)) {
        fprintf(stderr, "    id '%s' not found\n", id);
        return NULL;
    }
    if (it->kind != kind) {
        fprintf(stderr, "    id '%s' is a %s, not a %s\n", id, rb_kind_name(it->kind),
                rb_kind_name(kind));
        return NULL;
    }
    return it;
}

/* Replace the first `from` in `text` by `to` (a new malloc'ed string). */
static char *replace(const char *text, const char *from, const char *to)
{
    const char *p = strstr(text, from);
    if (!p)
        return NULL;
    size_t n = strlen(text) - strlen(from) + strlen(to) + 1;
    char *out = malloc(n);
    if (!out)
        return NULL;
    snprintf(out, n, "%.*s%s%s", (int)(p - text), text, to, p + strlen(from));
    return out;
}

/* The hash of a library made of the given files (name, text pairs, NULL
 * ended), written into `out`; false (with diagnostics printed) when the
 * library does not load. */
static bool hash_of(char out[80], const char *const *files)
{
    tmpdir t;
    out[0] = '\0';
    if (!tmpdir_make(&t, "loader"))
        return false;
    bool ok = true;
    for (size_t i = 0; files[i]; i += 2)
        ok = ok && tmpdir_put(&t, files[i], files[i + 1]);
    rb_diags *d = NULL;
    rb_library *lib = ok ? load(&t, &d) : NULL;
    if (lib)
        snprintf(out, 80, "%s", rb_library_hash(lib));
    else
        print_diags(d);
    rb_library_free(lib);
    rb_diags_free(d);
    tmpdir_remove(&t);
    return lib != NULL;
}

/* ---- the library used by most tests ------------------------------------------- */

static const char SCALES[] =
    "-- A three-level scale, written out of order.\n"
    "scale \"three\" {\n"
    "  title = \"Three\",\n"
    "  description = \"Three levels.\",\n"
    "  level(2) { name = \"Two\", descriptor = \"Second level.\" },\n"
    "  level(1) { name = \"One\", descriptor = \"First level.\" },\n"
    "  level(3) { name = \"Three\", descriptor = \"Third level.\" },\n"
    "}\n";

static const char COMP_X[] =
    "competency \"x\" {\n"
    "  title = \"X Skill\",\n"
    "  definition = \"Does x well.\",\n"
    "  scale = \"three\",\n"
    "  level(3) {\n"
    "    summary = \"Top.\",\n"
    "    behaviours = { \"B31.\" },\n"
    "    questions = { question \"Q31?\" { probes = { \"How?\" } } },\n"
    "  },\n"
    "  level(1) {\n"
    "    summary = \"Basic.\",\n"
    "    behaviours = {\n"
    "      \"Plain one.\",\n"
    "      behaviour \"With id.\" {\n"
    "        id = \"my-id\", weight = 2.5,\n"
    "        terms = { \"alpha\", \"beta\" },\n"
    "        evidence = { [[\\bfoo\\b]] },\n"
    "      },\n"
    "      \"Plain three.\",\n"
    "    },\n"
    "    questions = {\n"
    "      question \"Q one?\" { probes = { \"P1?\", \"P2?\" } },\n"
    "      question \"Q two?\" { id = \"named\", probes = { \"P?\" } },\n"
    "    },\n"
    "  },\n"
    "  level(2) {\n"
    "    behaviours = { \"B21.\", \"B22.\", behaviour \"B23.\" { terms = { \"gamma\" } } },\n"
    "    questions = { question \"Q21?\" { probes = { \"Why?\" } } },\n"
    "  },\n"
    "}\n";

static const char COMP_Y[] =
    "competency \"y\" {\n"
    "  title = \"Y Skill\",\n"
    "  definition = \"Does y.\",\n"
    "  scale = \"three\",\n"
    "  scoring = { coverage = 0.75, min_evidence = 3 },\n"
    "  level(1) { behaviours = { \"Y1.\" }, questions = { question \"QY1?\" { probes = { \"PY1?\" } } } },\n"
    "  level(2) { behaviours = { \"Y2.\" }, questions = { question \"QY2?\" { probes = { \"PY2?\" } } } },\n"
    "  level(3) { behaviours = { \"Y3.\" }, questions = { question \"QY3?\" { probes = { \"PY3?\" } } } },\n"
    "}\n";

static const char COMP_Z[] =
    "competency \"z\" {\n"
    "  title = \"Z Skill\",\n"
    "  definition = \"Does z.\",\n"
    "  scale = \"three\",\n"
    "  scoring = function(evidence)\n"
    "    return nil\n"
    "  end,\n"
    "  level(1) { behaviours = { \"Z1.\" }, questions = { question \"QZ1?\" { probes = { \"PZ1?\" } } } },\n"
    "  level(2) { behaviours = { \"Z2.\" }, questions = { question \"QZ2?\" { probes = { \"PZ2?\" } } } },\n"
    "  level(3) { behaviours = { \"Z3.\" }, questions = { question \"QZ3?\" { probes = { \"PZ3?\" } } } },\n"
    "}\n";

static const char ROLE[] =
    "role \"r\" {\n"
    "  title = \"Role R\",\n"
    "  description = \"Does R things.\",\n"
    "  minutes = 30,\n"
    "  needs = {\n"
    "    need \"x\" { target = 2 },\n"
    "    need \"y\" { target = 3, weight = 2 },\n"
    "  },\n"
    "}\n";

static const char BANK[] =
    "bank \"k\" {\n"
    "  title = \"Bank K\",\n"
    "  questions = {\n"
    "    \"BQ1?\",\n"
    "    question \"BQ2?\" { probes = { \"BP1?\", \"BP2?\" } },\n"
    "  },\n"
    "  options = {\n"
    "    option \"lateral\" { title = \"Lateral\", description = \"Move sideways.\" },\n"
    "  },\n"
    "}\n";

/* Write the standard library into `t`: one file per definition. */
static bool put_standard(const tmpdir *t)
{
    return tmpdir_put(t, "scales.lua", SCALES) && tmpdir_put(t, "comp-x.lua", COMP_X) &&
           tmpdir_put(t, "comp-y.lua", COMP_Y) && tmpdir_put(t, "comp-z.lua", COMP_Z) &&
           tmpdir_put(t, "roles/r.lua", ROLE) && tmpdir_put(t, "banks/k.lua", BANK);
}

/* Load the standard library; NULL (reported) on failure. */
static rb_library *load_standard(tmpdir *t, rb_diags **d)
{
    *d = NULL;
    if (!tmpdir_make(t, "loader"))
        return NULL;
    if (!put_standard(t)) {
        tmpdir_remove(t);
        return NULL;
    }
    rb_library *lib = load(t, d);
    if (!lib)
        print_diags(*d);
    return lib;
}

static void finish(tmpdir *t, rb_library *lib, rb_diags *d)
{
    rb_library_free(lib);
    rb_diags_free(d);
    tmpdir_remove(t);
}

/* ---- a valid library ------------------------------------------------------- */

TEST(valid_library_counts_and_files)
{
    tmpdir t;
    rb_diags *d;
    size_t run = 0;
    REQUIRE(tmpdir_make(&t, "loader"));
    REQUIRE(put_standard(&t));
    rb_library *lib = load_opts(&t, NULL, &d, &run);
    REQUIRE(d != NULL);
    if (!lib)
        print_diags(d);
    CHECK(lib != NULL);
    if (lib) {
        CHECK_EQ_INT(rb_diags_errors(d), 0);
        CHECK_EQ_INT(rb_library_nscales(lib), 1);
        CHECK_EQ_INT(rb_library_ncompetencies(lib), 3);
        CHECK_EQ_INT(rb_library_nroles(lib), 1);
        CHECK_EQ_INT(rb_library_nbanks(lib), 1);
        CHECK_EQ_INT(rb_library_nfiles(lib), 6);
        CHECK_EQ_INT(run, 6);
        /* Files in sorted walk order, folders recursed where they sort. */
        static const char *const want[] = { "banks/k.lua", "comp-x.lua", "comp-y.lua",
                                            "comp-z.lua", "roles/r.lua", "scales.lua" };
        for (size_t i = 0; i < 6 && i < rb_library_nfiles(lib); i++)
            CHECK_EQ_STR(rb_library_file(lib, i), want[i]);
        CHECK_EQ_STR(rb_library_scale(lib, 0)->id, "three");
        CHECK_EQ_STR(rb_library_role(lib, 0)->id, "r");
        CHECK_EQ_STR(rb_library_bank(lib, 0)->id, "k");
        const char *h = rb_library_hash(lib);
        CHECK_EQ_INT(strlen(h), 7 + 64);
        CHECK(strncmp(h, "sha256:", 7) == 0);
        CHECK(strspn(h + 7, "0123456789abcdef") == 64);
        /* Definitions carry file and line. */
        const rb_competency *x = rb_library_competency(lib, 0);
        CHECK_EQ_STR(x->id, "x");
        CHECK_EQ_STR(x->loc.file, "comp-x.lua");
        CHECK_EQ_INT(x->loc.line, 1);
        CHECK_EQ_STR(rb_library_scale(lib, 0)->loc.file, "scales.lua");
        CHECK_EQ_INT(rb_library_scale(lib, 0)->loc.line, line_of(SCALES, "scale \""));
    }
    finish(&t, lib, d);
}

TEST(find_every_kind_of_id)
{
    tmpdir t;
    rb_diags *d;
    rb_library *lib = load_standard(&t, &d);
    REQUIRE(lib != NULL);
    const rb_item *it;

    CHECK((it = find(lib, "three", RB_KIND_SCALE)) &&
          strcmp(((const rb_scale *)it->ptr)->title, "Three") == 0);
    CHECK((it = find(lib, "x", RB_KIND_COMPETENCY)) &&
          strcmp(((const rb_competency *)it->ptr)->title, "X Skill") == 0);
    CHECK((it = find(lib, "r", RB_KIND_ROLE)) &&
          strcmp(((const rb_role *)it->ptr)->title, "Role R") == 0);
    CHECK((it = find(lib, "k", RB_KIND_BANK)) &&
          strcmp(((const rb_bank *)it->ptr)->title, "Bank K") == 0);

    /* Behaviour: knows its competency and level. */
    it = find(lib, "x.L2.b3", RB_KIND_BEHAVIOUR);
    CHECK(it != NULL);
    if (it) {
        CHECK_EQ_STR(((const rb_behaviour *)it->ptr)->text, "B23.");
        CHECK(it->competency && strcmp(it->competency->id, "x") == 0);
        CHECK(it->level && it->level->number == 2);
        CHECK(it->bank == NULL);
    }
    /* Question and probe of a level. */
    it = find(lib, "x.L1.q1", RB_KIND_QUESTION);
    CHECK(it && strcmp(((const rb_question *)it->ptr)->text, "Q one?") == 0);
    it = find(lib, "x.L1.q1.p2", RB_KIND_PROBE);
    CHECK(it != NULL);
    if (it) {
        CHECK_EQ_STR(((const rb_probe *)it->ptr)->text, "P2?");
        CHECK(it->competency && strcmp(it->competency->id, "x") == 0);
        CHECK(it->level && it->level->number == 1);
    }
    /* Bank question, probe and option: know their bank. */
    it = find(lib, "k.q1", RB_KIND_QUESTION);
    CHECK(it && strcmp(((const rb_question *)it->ptr)->text, "BQ1?") == 0 &&
          it->bank && strcmp(it->bank->id, "k") == 0 && it->competency == NULL);
    it = find(lib, "k.q2.p2", RB_KIND_PROBE);
    CHECK(it && strcmp(((const rb_probe *)it->ptr)->text, "BP2?") == 0 && it->bank);
    it = find(lib, "k.lateral", RB_KIND_OPTION);
    CHECK(it != NULL);
    if (it) {
        const rb_option *o = it->ptr;
        CHECK_EQ_STR(o->title, "Lateral");
        CHECK_EQ_STR(o->description, "Move sideways.");
        CHECK(it->bank && strcmp(it->bank->id, "k") == 0);
    }

    /* Unknown ids. */
    rb_item none;
    none.kind = RB_KIND_SCALE;
    CHECK(!rb_library_find(lib, "nope", &none));
    CHECK_EQ_INT(none.kind, RB_KIND_NONE);
    CHECK(none.ptr == NULL);
    CHECK(!rb_library_find(lib, "", &none));
    CHECK(!rb_library_find(lib, "x.L4.b1", &none));
    CHECK(!rb_library_find(lib, "X", &none));  /* case matters */
    finish(&t, lib, d);
}

TEST(derived_and_explicit_ids)
{
    tmpdir t;
    rb_diags *d;
    rb_library *lib = load_standard(&t, &d);
    REQUIRE(lib != NULL);
    rb_item it;
    /* Positional ids for plain behaviours; an explicit id replaces the
     * positional one but positions still count. */
    CHECK(find(lib, "x.L1.b1", RB_KIND_BEHAVIOUR) != NULL);
    CHECK(find(lib, "x.L1.my-id", RB_KIND_BEHAVIOUR) != NULL);
    CHECK(!rb_library_find(lib, "x.L1.b2", &it));
    const rb_item *b3 = find(lib, "x.L1.b3", RB_KIND_BEHAVIOUR);
    CHECK(b3 && strcmp(((const rb_behaviour *)b3->ptr)->text, "Plain three.") == 0);
    CHECK(find(lib, "x.L2.b1", RB_KIND_BEHAVIOUR) != NULL);
    CHECK(find(lib, "x.L3.b1", RB_KIND_BEHAVIOUR) != NULL);
    /* Questions: positional, or the explicit id; probes follow the question. */
    CHECK(find(lib, "x.L1.named", RB_KIND_QUESTION) != NULL);
    CHECK(!rb_library_find(lib, "x.L1.q2", &it));
    CHECK(find(lib, "x.L1.named.p1", RB_KIND_PROBE) != NULL);
    CHECK(find(lib, "x.L1.q1.p1", RB_KIND_PROBE) != NULL);
    CHECK(!rb_library_find(lib, "x.L1.q1.p3", &it));
    CHECK(find(lib, "x.L2.q1.p1", RB_KIND_PROBE) != NULL);
    CHECK(find(lib, "k.q2", RB_KIND_QUESTION) != NULL);
    CHECK(find(lib, "k.q2.p1", RB_KIND_PROBE) != NULL);

    /* The ids stored in the model match the ones found. */
    const rb_item *it2 = find(lib, "x", RB_KIND_COMPETENCY);
    REQUIRE(it2 != NULL);
    const rb_competency *x = it2->ptr;
    REQUIRE(x->nlevels == 3);
    const rb_level *l1 = &x->levels[0];
    REQUIRE(l1->nbehaviours == 3 && l1->nquestions == 2);
    CHECK_EQ_STR(l1->behaviours[0].id, "x.L1.b1");
    CHECK_EQ_STR(l1->behaviours[1].id, "x.L1.my-id");
    CHECK_EQ_STR(l1->behaviours[2].id, "x.L1.b3");
    CHECK_EQ_STR(l1->questions[0].id, "x.L1.q1");
    CHECK_EQ_STR(l1->questions[1].id, "x.L1.named");
    REQUIRE(l1->questions[0].nprobes == 2);
    CHECK_EQ_STR(l1->questions[0].probes[1].id, "x.L1.q1.p2");
    finish(&t, lib, d);
}

TEST(levels_in_scale_order_and_summaries)
{
    tmpdir t;
    rb_diags *d;
    rb_library *lib = load_standard(&t, &d);
    REQUIRE(lib != NULL);
    const rb_scale *s = rb_library_scale(lib, 0);
    REQUIRE(s->nlevels == 3);
    for (size_t i = 0; i < 3; i++)
        CHECK_EQ_INT(s->levels[i].number, (int)i + 1);
    CHECK_EQ_STR(s->levels[0].name, "One");
    CHECK_EQ_STR(s->levels[1].descriptor, "Second level.");
    CHECK_EQ_INT(s->levels[0].loc.line, line_of(SCALES, "level(1)"));
    CHECK_EQ_STR(s->description, "Three levels.");

    const rb_item *it = find(lib, "x", RB_KIND_COMPETENCY);
    REQUIRE(it != NULL);
    const rb_competency *x = it->ptr;
    CHECK(x->scale == s);
    REQUIRE(x->nlevels == 3);
    /* Written 3, 1, 2; kept in the scale's order 1, 2, 3. */
    for (size_t i = 0; i < 3; i++)
        CHECK_EQ_INT(x->levels[i].number, (int)i + 1);
    CHECK_EQ_STR(x->levels[0].summary, "Basic.");
    CHECK_EQ_STR(x->levels[1].summary, NULL);  /* absent: the scale's descriptor stands */
    CHECK_EQ_STR(x->levels[2].summary, "Top.");
    CHECK_EQ_STR(x->levels[2].behaviours[0].text, "B31.");
    /* Each level keeps its own place in the file. */
    CHECK_EQ_INT(x->levels[0].loc.line, line_of(COMP_X, "level(1)"));
    CHECK_EQ_INT(x->levels[1].loc.line, line_of(COMP_X, "level(2)"));
    CHECK_EQ_INT(x->levels[2].loc.line, line_of(COMP_X, "level(3)"));
    CHECK(rb_competency_level(x, 2) == &x->levels[1]);
    CHECK(rb_competency_level(x, 4) == NULL);
    CHECK(rb_scale_level_of(s, 3) == &s->levels[2]);
    CHECK(rb_scale_level_of(s, 0) == NULL);
    /* The level found through an id is the one in the competency. */
    it = find(lib, "x.L3.b1", RB_KIND_BEHAVIOUR);
    CHECK(it && it->level == &x->levels[2]);
    finish(&t, lib, d);
}

TEST(behaviour_fields_and_default_weight)
{
    tmpdir t;
    rb_diags *d;
    rb_library *lib = load_standard(&t, &d);
    REQUIRE(lib != NULL);
    const rb_item *it = find(lib, "x.L1.b1", RB_KIND_BEHAVIOUR);
    REQUIRE(it != NULL);
    const rb_behaviour *b = it->ptr;
    CHECK_NEAR(b->weight, 1.0, 0);  /* default */
    CHECK_EQ_INT(b->nterms, 0);
    CHECK_EQ_INT(b->npatterns, 0);
    CHECK_EQ_STR(b->loc.file, "comp-x.lua");

    it = find(lib, "x.L1.my-id", RB_KIND_BEHAVIOUR);
    REQUIRE(it != NULL);
    b = it->ptr;
    CHECK_EQ_STR(b->text, "With id.");
    CHECK_NEAR(b->weight, 2.5, 0);
    REQUIRE(b->nterms == 2);
    CHECK_EQ_STR(b->terms[0], "alpha");
    CHECK_EQ_STR(b->terms[1], "beta");
    REQUIRE(b->npatterns == 1);
    CHECK_EQ_STR(b->patterns[0].source, "\\bfoo\\b");
    CHECK_EQ_INT(b->loc.line, line_of(COMP_X, "behaviour \"With id.\""));

    /* A behaviour with a body but no weight also weighs 1. */
    it = find(lib, "x.L2.b3", RB_KIND_BEHAVIOUR);
    REQUIRE(it != NULL);
    CHECK_NEAR(((const rb_behaviour *)it->ptr)->weight, 1.0, 0);
    CHECK_EQ_INT(((const rb_behaviour *)it->ptr)->nterms, 1);

    /* Needs: weight default 1, target kept, competency resolved. */
    const rb_role *r = rb_library_role(lib, 0);
    CHECK_EQ_INT(r->minutes, 30);
    CHECK_EQ_STR(r->description, "Does R things.");
    REQUIRE(r->nneeds == 2);
    CHECK_EQ_STR(r->needs[0].competency->id, "x");
    CHECK_EQ_INT(r->needs[0].target, 2);
    CHECK_NEAR(r->needs[0].weight, 1.0, 0);
    CHECK_EQ_STR(r->needs[1].competency->id, "y");
    CHECK_EQ_INT(r->needs[1].target, 3);
    CHECK_NEAR(r->needs[1].weight, 2.0, 0);
    const rb_item *ix = find(lib, "x", RB_KIND_COMPETENCY);
    CHECK(ix && r->needs[0].competency == ix->ptr);

    /* Bank without a description. */
    const rb_bank *k = rb_library_bank(lib, 0);
    CHECK_EQ_STR(k->description, NULL);
    CHECK_EQ_INT(k->nquestions, 2);
    CHECK_EQ_INT(k->noptions, 1);
    CHECK_EQ_INT(k->questions[0].nprobes, 0);
    finish(&t, lib, d);
}

TEST(scoring_defaults_parameters_and_function)
{
    tmpdir t;
    rb_diags *d;
    rb_library *lib = load_standard(&t, &d);
    REQUIRE(lib != NULL);
    const rb_item *ix = find(lib, "x", RB_KIND_COMPETENCY);
    const rb_item *iy = find(lib, "y", RB_KIND_COMPETENCY);
    const rb_item *iz = find(lib, "z", RB_KIND_COMPETENCY);
    REQUIRE(ix && iy && iz);
    const rb_competency *x = ix->ptr, *y = iy->ptr, *z = iz->ptr;
    CHECK_EQ_INT(x->scoring.kind, RB_SCORING_DEFAULT);
    CHECK_NEAR(x->scoring.coverage, RB_DEFAULT_COVERAGE, 0);
    CHECK_EQ_INT(x->scoring.min_evidence, RB_DEFAULT_MIN_EVIDENCE);
    CHECK_NEAR(x->scoring.min_strength, RB_DEFAULT_MIN_STRENGTH, 0);
    CHECK_EQ_INT(x->scoring.hook, 0);

    /* Parameters given override, the others keep their defaults. */
    CHECK_EQ_INT(y->scoring.kind, RB_SCORING_PARAMETERS);
    CHECK_NEAR(y->scoring.coverage, 0.75, 0);
    CHECK_EQ_INT(y->scoring.min_evidence, 3);
    CHECK_NEAR(y->scoring.min_strength, RB_DEFAULT_MIN_STRENGTH, 0);
    CHECK_EQ_INT(y->scoring.hook, 0);

    /* A function: kept as a hook; the library keeps its Lua state. */
    CHECK_EQ_INT(z->scoring.kind, RB_SCORING_FUNCTION);
    CHECK(z->scoring.hook != 0);
    CHECK(rb_library_has_hooks(lib));
    /* Freed by finish(): the sanitizer build checks nothing leaks. */
    finish(&t, lib, d);
}

TEST(no_hooks_without_scoring_function)
{
    tmpdir t;
    REQUIRE(tmpdir_make(&t, "loader"));
    REQUIRE(tmpdir_put(&t, "scales.lua", SCALES) && tmpdir_put(&t, "x.lua", COMP_X) &&
            tmpdir_put(&t, "y.lua", COMP_Y));
    rb_diags *d;
    rb_library *lib = load(&t, &d);
    CHECK(lib != NULL);
    if (lib)
        CHECK(!rb_library_has_hooks(lib));
    else
        print_diags(d);
    finish(&t, lib, d);
}

TEST(many_loads_with_hooks_free_cleanly)
{
    /* Each library with a hook owns a Lua state; load and free several,
     * interleaved, so a leak or double free would show (sanitizer build). */
    tmpdir t;
    REQUIRE(tmpdir_make(&t, "loader"));
    REQUIRE(put_standard(&t));
    rb_library *libs[4] = { 0 };
    rb_diags *ds[4] = { 0 };
    for (int i = 0; i < 4; i++) {
        libs[i] = load(&t, &ds[i]);
        CHECK(libs[i] != NULL && rb_library_has_hooks(libs[i]));
    }
    if (libs[0] && libs[3])
        CHECK_EQ_STR(rb_library_hash(libs[0]), rb_library_hash(libs[3]));
    for (int i = 3; i >= 0; i--) {
        rb_library_free(libs[i]);
        rb_diags_free(ds[i]);
    }
    rb_library_free(NULL);
    tmpdir_remove(&t);
}

TEST(warnings_do_not_block)
{
    tmpdir t;
    REQUIRE(tmpdir_make(&t, "loader"));
    /* Level 2 has no questions; the question of level 3 has no probes. */
    static const char comp[] =
        "competency \"w\" {\n"
        "  title = \"W\", definition = \"Does w.\", scale = \"three\",\n"
        "  level(1) { behaviours = { \"W1.\" }, questions = { question \"Q?\" { probes = { \"P?\" } } } },\n"
        "  level(2) { behaviours = { \"W2.\" } },\n"
        "  level(3) { behaviours = { \"W3.\" }, questions = { \"Bare?\" } },\n"
        "}\n";
    REQUIRE(tmpdir_put(&t, "scales.lua", SCALES) && tmpdir_put(&t, "w.lua", comp));
    rb_diags *d;
    rb_library *lib = load(&t, &d);
    CHECK(lib != NULL);
    CHECK_EQ_INT(rb_diags_errors(d), 0);
    CHECK_EQ_INT(rb_diags_warnings(d), 2);
    const rb_diag *x = find_diag(d, "has no questions");
    CHECK(x != NULL);
    if (x) {
        CHECK_EQ_INT(x->severity, RB_WARNING);
        CHECK_EQ_STR(x->file, "w.lua");
        CHECK_EQ_INT(x->line, 4);
    }
    x = find_diag(d, "no probing questions");
    CHECK(x != NULL);
    if (x) {
        CHECK_EQ_INT(x->severity, RB_WARNING);
        CHECK_EQ_STR(x->file, "w.lua");
        CHECK_EQ_INT(x->line, 5);
    }
    if (lib)
        CHECK(find(lib, "w.L3.q1", RB_KIND_QUESTION) != NULL);
    finish(&t, lib, d);
}

/* ---- ids and the content hash ------------------------------------------------ */

TEST(ids_stable_when_texts_change)
{
    char *x2 = replace(COMP_X, "\"B23.\"", "\"A completely different behaviour.\"");
    char *x3 = x2 ? replace(x2, "\"Plain one.\"", "\"Reworded first behaviour.\"") : NULL;
    char *x4 = x3 ? replace(x3, "\"P2?\"", "\"What else?\"") : NULL;
    REQUIRE(x4 != NULL);
    tmpdir t;
    REQUIRE(tmpdir_make(&t, "loader"));
    REQUIRE(tmpdir_put(&t, "scales.lua", SCALES) && tmpdir_put(&t, "x.lua", x4));
    rb_diags *d;
    rb_library *lib = load(&t, &d);
    CHECK(lib != NULL);
    if (lib) {
        const rb_item *it = find(lib, "x.L2.b3", RB_KIND_BEHAVIOUR);
        CHECK(it && strcmp(((const rb_behaviour *)it->ptr)->text,
                           "A completely different behaviour.") == 0);
        it = find(lib, "x.L1.b1", RB_KIND_BEHAVIOUR);
        CHECK(it && strcmp(((const rb_behaviour *)it->ptr)->text,
                           "Reworded first behaviour.") == 0);
        it = find(lib, "x.L1.q1.p2", RB_KIND_PROBE);
        CHECK(it && strcmp(((const rb_probe *)it->ptr)->text, "What else?") == 0);
        CHECK(find(lib, "x.L1.my-id", RB_KIND_BEHAVIOUR) != NULL);
        CHECK(find(lib, "x.L1.named.p1", RB_KIND_PROBE) != NULL);
    } else {
        print_diags(d);
    }
    finish(&t, lib, d);
    free(x2);
    free(x3);
    free(x4);
}

/* All of the standard library in one file. */
static char *standard_in_one_file(void)
{
    size_t n = strlen(SCALES) + strlen(COMP_X) + strlen(COMP_Y) + strlen(COMP_Z) +
               strlen(ROLE) + strlen(BANK) + 1;
    char *s = malloc(n);
    if (s)
        snprintf(s, n, "%s%s%s%s%s%s", SCALES, COMP_X, COMP_Y, COMP_Z, ROLE, BANK);
    return s;
}

TEST(hash_ignores_layout_formatting_and_comments)
{
    char one[80], split[80], again[80], reformatted[80];
    char *all = standard_in_one_file();
    REQUIRE(all != NULL);
    const char *const f_one[] = { "library.lua", all, NULL };
    CHECK(hash_of(one, f_one));

    /* The standard split: one file per definition, in folders. */
    const char *const f_split[] = { "scales.lua", SCALES, "comp-x.lua", COMP_X,
                                    "comp-y.lua", COMP_Y, "comp-z.lua", COMP_Z,
                                    "roles/r.lua", ROLE, "banks/k.lua", BANK, NULL };
    CHECK(hash_of(split, f_split));
    CHECK_EQ_STR(split, one);
    CHECK(hash_of(again, f_split));  /* and deterministic */
    CHECK_EQ_STR(again, one);

    /* Another split, another order, different formatting, comments, other
     * string quotes, an include, trailing separators. The scoring function
     * of z is written exactly as before (see the bug_ tests below). */
    static const char scale2[] =
        "--[[ the scale,\n     now in a block comment ]]\n"
        "scale 'three' { title = [[Three]]; description = 'Three levels.';\n"
        "  level(3) { descriptor = \"Third level.\", name = \"Three\" };\n"
        "  level(1) { name = 'One', descriptor = 'First level.' };\n"
        "  level(2) { name = \"Two\"; descriptor = \"Second level.\"; }; }\n";
    static const char x2[] =
        "-- x, squeezed\n"
        "competency \"x\" { scale = \"three\", definition = \"Does x well.\", title = \"X Skill\",\n"
        "  level(1) { behaviours = { \"Plain one.\", behaviour \"With id.\" {\n"
        "      evidence = { \"\\\\bfoo\\\\b\" }, terms = { 'alpha', 'beta' }, weight = 2.5, id = 'my-id' },\n"
        "      \"Plain three.\" }, summary = \"Basic.\",\n"
        "    questions = { question \"Q one?\" { probes = { \"P1?\", \"P2?\", } },\n"
        "                  question \"Q two?\" { probes = { \"P?\" }, id = \"named\" } } },\n"
        "  level(2) { questions = { question \"Q21?\" { probes = { \"Why?\" } } },\n"
        "    behaviours = { \"B21.\", \"B22.\", behaviour \"B23.\" { terms = { \"gamma\" } } } },\n"
        "  level(3) { behaviours = { \"B31.\" }, summary = \"Top.\",\n"
        "    questions = { question \"Q31?\" { probes = { \"How?\" } } } } }\n";
    static const char main2[] =
        "include \"parts/y.lua\"   -- y lives elsewhere\n"
        "include 'parts/x.lua'\n";
    static const char rest2[] =
        "bank \"k\" {\n"
        "  options = { option \"lateral\" { description = \"Move sideways.\", title = \"Lateral\" } },\n"
        "  questions = { \"BQ1?\", question \"BQ2?\" { probes = { \"BP1?\", \"BP2?\" } } },\n"
        "  title = \"Bank K\",\n"
        "}\n"
        "role \"r\" { needs = { need \"x\" { target = 2, }, need \"y\" { weight = 2.0, target = 3 } },\n"
        "  minutes = 30.0, title = \"Role R\", description = \"Does R things.\" }\n";
    const char *const f_reformatted[] = { "a-main.lua", main2, "parts/x.lua", x2,
                                          "parts/y.lua", COMP_Y, "zz/scale.lua", scale2,
                                          "zz/z.lua", COMP_Z, "b/rest.lua", rest2, NULL };
    CHECK(hash_of(reformatted, f_reformatted));
    CHECK_EQ_STR(reformatted, one);
    free(all);
}

TEST(hash_changes_with_any_text_change)
{
    char base[80];
    char *all = standard_in_one_file();
    REQUIRE(all != NULL);
    const char *const f_base[] = { "library.lua", all, NULL };
    REQUIRE(hash_of(base, f_base));
    /* One change at a time, each somewhere else in the model. */
    static const char *const edits[][2] = {
        { "title = \"Three\"", "title = \"Three!\"" },              /* scale title */
        { "\"Three levels.\"", "\"3 levels.\"" },                   /* scale description */
        { "\"First level.\"", "\"First level\"" },                  /* scale descriptor */
        { "name = \"Two\"", "name = \"Too\"" },                     /* scale level name */
        { "\"X Skill\"", "\"X skill\"" },                           /* competency title */
        { "\"Does x well.\"", "\"Does x well!\"" },                 /* definition */
        { "\"Basic.\"", "\"Basic\"" },                              /* level summary */
        { "\"Plain one.\"", "\"Plain 1.\"" },                       /* behaviour text */
        { "weight = 2.5", "weight = 2.6" },                         /* behaviour weight */
        { "\"alpha\"", "\"alpha2\"" },                              /* term */
        { "[[\\bfoo\\b]]", "[[\\bfoo]]" },                          /* evidence pattern */
        { "\"Q one?\"", "\"Q 1?\"" },                               /* question text */
        { "\"P2?\"", "\"P2 ?\"" },                                  /* probe text */
        { "id = \"named\"", "id = \"named2\"" },                    /* explicit id */
        { "coverage = 0.75", "coverage = 0.7" },                    /* scoring parameter */
        { "return nil", "return { level = 1 }" },                   /* scoring function */
        { "\"Role R\"", "\"Role R2\"" },                            /* role title */
        { "minutes = 30", "minutes = 31" },                         /* minutes */
        { "target = 2 }", "target = 1 }" },                         /* need target */
        { "target = 3, weight = 2", "target = 3, weight = 3" },     /* need weight */
        { "\"BQ1?\"", "\"BQ1 ?\"" },                                /* bank question */
        { "\"Move sideways.\"", "\"Move across.\"" },               /* option text */
        { "\"B31.\" }", "\"B31.\", \"B32.\" }" },                   /* added behaviour */
    };
    size_t n = sizeof edits / sizeof edits[0];
    char (*hashes)[80] = calloc(n, sizeof *hashes);
    REQUIRE(hashes != NULL);
    for (size_t i = 0; i < n; i++) {
        char *changed = replace(all, edits[i][0], edits[i][1]);
        if (!CHECK_MSG(changed != NULL, "edit %zu: '%s' not in the library", i,
                       edits[i][0]))
            continue;
        const char *const f[] = { "library.lua", changed, NULL };
        if (CHECK_MSG(hash_of(hashes[i], f), "edit %zu (%s) does not load", i,
                      edits[i][1]))
            CHECK_MSG(strcmp(hashes[i], base) != 0,
                      "hash unchanged by replacing %s with %s", edits[i][0],
                      edits[i][1]);
        free(changed);
    }
    /* And no two different edits give the same hash. */
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++)
            if (hashes[i][0])
                CHECK_MSG(strcmp(hashes[i], hashes[j]) != 0, "edits %zu and %zu collide",
                          i, j);
    free(hashes);
    free(all);
}

/* Once a bug: the hash covers a scoring function by the source lines it was
 * written on, looked up among the files still running. A function that
 * comes from an included file (include returns it) is not found: its text
 * is left out, so two libraries that differ only in that function hash the
 * same.
 * (Failed against the engine when written; the engine has since been
 * fixed, and the test stays as a regression test.) */
TEST(regression_hash_ignores_scoring_function_from_include)
{
    static const char comp[] =
        "competency \"z\" {\n"
        "  title = \"Z Skill\", definition = \"Does z.\", scale = \"three\",\n"
        "  scoring = include \"policy/score.lua\",\n"
        "  level(1) { behaviours = { \"Z1.\" }, questions = { question \"Q1?\" { probes = { \"P?\" } } } },\n"
        "  level(2) { behaviours = { \"Z2.\" }, questions = { question \"Q2?\" { probes = { \"P?\" } } } },\n"
        "  level(3) { behaviours = { \"Z3.\" }, questions = { question \"Q3?\" { probes = { \"P?\" } } } },\n"
        "}\n";
    char h1[80], h2[80];
    const char *const f1[] = { "scales.lua", SCALES, "comp.lua", comp, "policy/score.lua",
                               "return function(evidence)\n  return { level = 1 }\nend\n",
                               NULL };
    const char *const f2[] = { "scales.lua", SCALES, "comp.lua", comp, "policy/score.lua",
                               "return function(evidence)\n  return { level = 3 }\nend\n",
                               NULL };
    REQUIRE(hash_of(h1, f1));
    REQUIRE(hash_of(h2, f2));
    CHECK_MSG(strcmp(h1, h2) != 0, "different scoring functions, same hash %s", h1);
}

/* Once a bug: only the function's own lines are hashed, not the values it closes
 * over, so changing a local the function uses keeps the hash.
 * (Failed against the engine when written; the engine has since been
 * fixed, and the test stays as a regression test.) */
TEST(regression_hash_ignores_scoring_function_upvalues)
{
    static const char comp[] =
        "local threshold = %d\n"
        "competency \"z\" {\n"
        "  title = \"Z Skill\", definition = \"Does z.\", scale = \"three\",\n"
        "  scoring = function(evidence)\n"
        "    return { level = threshold }\n"
        "  end,\n"
        "  level(1) { behaviours = { \"Z1.\" }, questions = { question \"Q1?\" { probes = { \"P?\" } } } },\n"
        "  level(2) { behaviours = { \"Z2.\" }, questions = { question \"Q2?\" { probes = { \"P?\" } } } },\n"
        "  level(3) { behaviours = { \"Z3.\" }, questions = { question \"Q3?\" { probes = { \"P?\" } } } },\n"
        "}\n";
    char c1[1024], c2[1024], h1[80], h2[80];
    snprintf(c1, sizeof c1, comp, 1);
    snprintf(c2, sizeof c2, comp, 3);
    const char *const f1[] = { "scales.lua", SCALES, "comp.lua", c1, NULL };
    const char *const f2[] = { "scales.lua", SCALES, "comp.lua", c2, NULL };
    REQUIRE(hash_of(h1, f1));
    REQUIRE(hash_of(h2, f2));
    CHECK_MSG(strcmp(h1, h2) != 0, "different thresholds, same hash %s", h1);
}

/* Once a bug: the hashed text of a scoring function is its whole source lines,
 * indentation, comments and neighbouring code included, so re-indenting
 * (or commenting) the function changes the hash, against "not its layout,
 * comments or formatting" in model.h.
 * (Failed against the engine when written; the engine has since been
 * fixed, and the test stays as a regression test.) */
TEST(regression_hash_changes_when_scoring_function_reformatted)
{
    char h1[80], h2[80];
    char *z2 = replace(COMP_Z, "  scoring = function(evidence)\n    return nil\n  end,\n",
                       "  scoring = function(evidence) -- the policy\n"
                       "      return nil\n"
                       "  end,\n");
    REQUIRE(z2 != NULL);
    const char *const f1[] = { "scales.lua", SCALES, "z.lua", COMP_Z, NULL };
    const char *const f2[] = { "scales.lua", SCALES, "z.lua", z2, NULL };
    CHECK(hash_of(h1, f1));
    CHECK(hash_of(h2, f2));
    CHECK_EQ_STR(h2, h1);
    free(z2);
}

/* ---- errors ------------------------------------------------------------------- */

/* Load a library of (name, text) files; expect no library and errors. */
static rb_library *load_files(tmpdir *t, const char *const *files, rb_diags **d)
{
    *d = NULL;
    if (!tmpdir_make(t, "loader"))
        return NULL;
    for (size_t i = 0; files[i]; i += 2)
        if (!tmpdir_put(t, files[i], files[i + 1]))
            return NULL;
    return load(t, d);
}

TEST(error_unknown_field_has_file_and_line)
{
    char *bad = replace(COMP_X, "  definition = ", "  titel = \"oops\",\n  definition = ");
    REQUIRE(bad != NULL);
    tmpdir t;
    rb_diags *d;
    const char *const files[] = { "scales.lua", SCALES, "comp.lua", bad, NULL };
    rb_library *lib = load_files(&t, files, &d);
    CHECK(lib == NULL);
    REQUIRE(d != NULL);
    CHECK_EQ_INT(rb_diags_errors(d), 1);
    const rb_diag *x = find_diag(d, "unknown field 'titel'");
    CHECK(x != NULL);
    if (x) {
        CHECK_EQ_INT(x->severity, RB_ERROR);
        CHECK_EQ_INT(x->kind, RB_DIAG_INPUT);
        CHECK_EQ_STR(x->file, "comp.lua");
        CHECK_EQ_INT(x->line, 1);  /* the competency's line */
        CHECK_MSG(strstr(x->message, "did you mean 'title'") != NULL, "message: %s",
                  x->message);
    } else {
        print_diags(d);
    }
    finish(&t, lib, d);
    free(bad);
}

TEST(error_lua_syntax_and_runtime_errors_have_lines)
{
    tmpdir t;
    rb_diags *d;
    const char *const files[] = {
        "a-syntax.lua", "-- fine\nlocal x = 1\nlocal y = = 2\n",
        "b-runtime.lua", "local t = {}\n\nerror(\"boom here\")\n",
        "c-global.lua", "\n\ncompetncy \"q\" { }\n",
        "d-index.lua", "local t = nil\nlocal v = t.field\n",
        NULL,
    };
    rb_library *lib = load_files(&t, files, &d);
    CHECK(lib == NULL);
    REQUIRE(d != NULL);
    CHECK_EQ_INT(rb_diags_errors(d), 4);
    /* Sorted by file order, one each. */
    REQUIRE(rb_diags_count(d) == 4);
    const rb_diag *x = rb_diags_at(d, 0);
    CHECK_EQ_STR(x->file, "a-syntax.lua");
    CHECK_EQ_INT(x->line, 3);
    x = rb_diags_at(d, 1);
    CHECK_EQ_STR(x->file, "b-runtime.lua");
    CHECK_EQ_INT(x->line, 3);
    CHECK_EQ_STR(x->message, "boom here");
    x = rb_diags_at(d, 2);
    CHECK_EQ_STR(x->file, "c-global.lua");
    CHECK_EQ_INT(x->line, 3);
    CHECK_MSG(strstr(x->message, "did you mean 'competency'") != NULL, "message: %s",
              x->message);
    x = rb_diags_at(d, 3);
    CHECK_EQ_STR(x->file, "d-index.lua");
    CHECK_EQ_INT(x->line, 2);
    for (size_t i = 0; i < rb_diags_count(d); i++)
        CHECK_EQ_INT(rb_diags_at(d, i)->kind, RB_DIAG_INPUT);
    finish(&t, lib, d);
}

TEST(error_in_included_file_names_that_file)
{
    tmpdir t;
    rb_diags *d;
    const char *const files[] = {
        "main.lua", "-- includes a part\ninclude \"parts/bad.lua\"\n",
        "parts/bad.lua", "local a = 1\nlocal b = 2\nerror(\"inner problem\")\n",
        NULL,
    };
    rb_library *lib = load_files(&t, files, &d);
    CHECK(lib == NULL);
    const rb_diag *x = find_diag(d, "inner problem");
    CHECK(x != NULL);
    if (x) {
        CHECK_EQ_STR(x->file, "parts/bad.lua");
        CHECK_EQ_INT(x->line, 3);
    } else {
        print_diags(d);
    }
    finish(&t, lib, d);
}

TEST(error_cross_file_references)
{
    tmpdir t;
    rb_diags *d;
    char *xbad = replace(COMP_X, "scale = \"three\"", "scale = \"thre\"");
    char *rbad = replace(ROLE, "need \"y\" { target = 3", "need \"y\" { target = 9");
    REQUIRE(xbad && rbad);
    const char *const files[] = { "scales.lua", SCALES, "x.lua", xbad, "y.lua", COMP_Y,
                                  "roles.lua", rbad, NULL };
    rb_library *lib = load_files(&t, files, &d);
    CHECK(lib == NULL);
    const rb_diag *x = find_diag(d, "unknown scale 'thre'");
    CHECK(x != NULL);
    if (x) {
        CHECK_EQ_STR(x->file, "x.lua");
        CHECK_EQ_INT(x->line, 1);
        CHECK_MSG(strstr(x->message, "did you mean 'three'") != NULL, "message: %s",
                  x->message);
    }
    /* y's target is off its scale: reported at the need's own line. */
    x = find_diag(d, "target level 9");
    CHECK(x != NULL);
    if (x) {
        CHECK_EQ_STR(x->file, "roles.lua");
        CHECK_EQ_INT(x->line, line_of(ROLE, "need \"y\""));
    }
    if (!x)
        print_diags(d);
    finish(&t, lib, d);
    free(xbad);
    free(rbad);
}

TEST(error_duplicate_ids)
{
    tmpdir t;
    rb_diags *d;
    /* An explicit id equal to a positional one, and a competency defined in
     * two files. */
    static const char dup[] =
        "competency \"d\" {\n"
        "  title = \"D\", definition = \"Does d.\", scale = \"three\",\n"
        "  level(1) { behaviours = { \"D1.\", behaviour \"D2.\" { id = \"b1\" } },\n"
        "             questions = { question \"Q?\" { probes = { \"P?\" } } } },\n"
        "  level(2) { behaviours = { \"D2.\" }, questions = { question \"Q?\" { probes = { \"P?\" } } } },\n"
        "  level(3) { behaviours = { \"D3.\" }, questions = { question \"Q?\" { probes = { \"P?\" } } } },\n"
        "}\n";
    char *again = replace(dup, "{ id = \"b1\" }", "{ id = \"fine\" }");
    REQUIRE(again != NULL);
    const char *const files[] = { "scales.lua", SCALES, "a.lua", dup, "b.lua", again, NULL };
    rb_library *lib = load_files(&t, files, &d);
    CHECK(lib == NULL);
    const rb_diag *x = find_diag(d, "duplicate id 'd.L1.b1'");
    CHECK(x != NULL);
    if (x) {
        CHECK_EQ_STR(x->file, "a.lua");
        CHECK_EQ_INT(x->line, 3);
    }
    x = find_diag(d, "duplicate id 'd'");
    CHECK(x != NULL);
    if (x) {
        CHECK_EQ_STR(x->file, "b.lua");
        CHECK_EQ_INT(x->line, 1);
        CHECK_MSG(strstr(x->message, "a.lua:1") != NULL, "message: %s", x->message);
    }
    if (!x)
        print_diags(d);
    finish(&t, lib, d);
    free(again);
}

TEST(library_only_when_no_errors)
{
    tmpdir t;
    REQUIRE(tmpdir_make(&t, "loader"));
    REQUIRE(put_standard(&t));
    /* One bad value among good definitions: no library at all. */
    char *bad = replace(ROLE, "minutes = 30", "minutes = 3");
    REQUIRE(bad != NULL);
    REQUIRE(tmpdir_put(&t, "roles/r.lua", bad));
    rb_diags *d;
    size_t run = 0;
    rb_library *lib = load_opts(&t, NULL, &d, &run);
    CHECK(lib == NULL);
    CHECK_EQ_INT(rb_diags_errors(d), 1);
    CHECK_EQ_INT(run, 6);  /* every file still ran */
    const rb_diag *x = find_diag(d, "minutes");
    CHECK(x && x->line == line_of(ROLE, "role") && strcmp(x->file, "roles/r.lua") == 0);
    rb_diags_free(d);
    /* Fixed: the library comes back. */
    REQUIRE(tmpdir_put(&t, "roles/r.lua", ROLE));
    lib = load(&t, &d);
    CHECK(lib != NULL);
    CHECK_EQ_INT(rb_diags_errors(d), 0);
    finish(&t, lib, d);
    free(bad);
}

/* ---- sandbox limits -------------------------------------------------------------- */

TEST(memory_limit_stops_a_growing_table)
{
    tmpdir t;
    REQUIRE(tmpdir_make(&t, "loader"));
    REQUIRE(put_standard(&t));
    REQUIRE(tmpdir_put(&t, "grow.lua",
                "-- keeps growing a table\n"
                "local t = {}\n"
                "local i = 0\n"
                "while true do\n"
                "  i = i + 1\n"
                "  t[i] = { i, tostring(i) }\n"
                "end\n"));
    rb_load_options opt = { 0 };
    opt.memory_limit = (size_t)4 << 20;
    rb_diags *d;
    rb_library *lib = load_opts(&t, &opt, &d, NULL);
    CHECK(lib == NULL);
    REQUIRE(d != NULL);
    /* Exactly one error: the growing file; the others still loaded fine. */
    CHECK_EQ_INT(rb_diags_errors(d), 1);
    const rb_diag *x = find_diag(d, "memory");
    CHECK(x != NULL);
    if (x) {
        CHECK_EQ_STR(x->file, "grow.lua");
        CHECK_EQ_INT(x->severity, RB_ERROR);
        CHECK_EQ_INT(x->kind, RB_DIAG_INPUT);
        CHECK_MSG(strstr(x->message, "4 MiB") != NULL, "message: %s", x->message);
    }
    CHECK(find_diag(d, "instructions") == NULL);
    if (rb_diags_errors(d) != 1)
        print_diags(d);
    finish(&t, lib, d);
}

TEST(memory_limit_stops_a_growing_string)
{
    tmpdir t;
    REQUIRE(tmpdir_make(&t, "loader"));
    REQUIRE(tmpdir_put(&t, "scales.lua", SCALES));
    REQUIRE(tmpdir_put(&t, "strings.lua",
                "local s = \"x\"\n"
                "while true do s = s .. s end\n"));
    rb_load_options opt = { 0 };
    opt.memory_limit = (size_t)4 << 20;
    rb_diags *d;
    rb_library *lib = load_opts(&t, &opt, &d, NULL);
    CHECK(lib == NULL);
    CHECK_EQ_INT(rb_diags_errors(d), 1);
    const rb_diag *x = find_diag(d, "memory");
    CHECK(x && strcmp(x->file, "strings.lua") == 0);
    if (!x)
        print_diags(d);
    finish(&t, lib, d);
}

TEST(memory_limit_allows_the_standard_library)
{
    tmpdir t;
    REQUIRE(tmpdir_make(&t, "loader"));
    REQUIRE(put_standard(&t));
    rb_load_options opt = { 0 };
    opt.memory_limit = (size_t)4 << 20;
    rb_diags *d;
    rb_library *lib = load_opts(&t, &opt, &d, NULL);
    CHECK(lib != NULL);
    if (!lib)
        print_diags(d);
    finish(&t, lib, d);
}

TEST(instruction_limit_stops_a_loop)
{
    tmpdir t;
    REQUIRE(tmpdir_make(&t, "loader"));
    REQUIRE(put_standard(&t));
    REQUIRE(tmpdir_put(&t, "loop.lua",
                "-- never ends\n"
                "local n = 0\n"
                "while true do n = n + 1 end\n"));
    rb_load_options opt = { 0 };
    opt.instruction_limit = 200000;
    rb_diags *d;
    rb_library *lib = load_opts(&t, &opt, &d, NULL);
    CHECK(lib == NULL);
    REQUIRE(d != NULL);
    CHECK_EQ_INT(rb_diags_errors(d), 1);
    const rb_diag *x = find_diag(d, "instructions");
    CHECK(x != NULL);
    if (x) {
        CHECK_EQ_STR(x->file, "loop.lua");
        CHECK_EQ_INT(x->line, 3);
        CHECK_EQ_INT(x->kind, RB_DIAG_INPUT);
    } else {
        print_diags(d);
    }
    finish(&t, lib, d);
}

TEST(instruction_limit_is_per_file)
{
    /* Three files each using most of the budget: none is stopped. */
    tmpdir t;
    REQUIRE(tmpdir_make(&t, "loader"));
    REQUIRE(put_standard(&t));
    static const char busy[] =
        "local n = 0\n"
        "for i = 1, 60000 do n = n + i end\n"
        "assert(n > 0)\n";
    REQUIRE(tmpdir_put(&t, "busy1.lua", busy) && tmpdir_put(&t, "busy2.lua", busy) &&
            tmpdir_put(&t, "busy3.lua", busy));
    rb_load_options opt = { 0 };
    opt.instruction_limit = 200000;
    rb_diags *d;
    rb_library *lib = load_opts(&t, &opt, &d, NULL);
    CHECK(lib != NULL);
    if (!lib)
        print_diags(d);
    finish(&t, lib, d);
}

TEST(instruction_limit_in_an_included_file)
{
    tmpdir t;
    REQUIRE(tmpdir_make(&t, "loader"));
    REQUIRE(tmpdir_put(&t, "main.lua", "include \"parts/spin.lua\"\n"));
    REQUIRE(tmpdir_put(&t, "parts/spin.lua", "local n = 0\n\nrepeat n = n + 1 until false\n"));
    rb_load_options opt = { 0 };
    opt.instruction_limit = 100000;
    rb_diags *d;
    rb_library *lib = load_opts(&t, &opt, &d, NULL);
    CHECK(lib == NULL);
    const rb_diag *x = find_diag(d, "instructions");
    CHECK(x != NULL);
    if (x) {
        CHECK_EQ_STR(x->file, "parts/spin.lua");
        CHECK_EQ_INT(x->line, 3);
    } else {
        print_diags(d);
    }
    finish(&t, lib, d);
}

/* Once a bug: the limit messages divide by 2^20 or by a million and print whole
 * numbers, so limits below 1 MiB / 1 million read "more than 0 MiB of
 * memory" and "stopped after 0 million Lua instructions". */
TEST(regression_limit_messages_never_round_small_limits_to_zero)
{
    tmpdir t;
    REQUIRE(tmpdir_make(&t, "loader"));
    REQUIRE(tmpdir_put(&t, "grow.lua", "local t = {}\nwhile true do t[#t + 1] = {} end\n"));
    REQUIRE(tmpdir_put(&t, "loop.lua", "while true do end\n"));
    rb_load_options opt = { 0 };
    opt.memory_limit = (size_t)512 << 10;
    opt.instruction_limit = 200000;
    rb_diags *d;
    rb_library *lib = load_opts(&t, &opt, &d, NULL);
    CHECK(lib == NULL);
    const rb_diag *m = find_diag(d, "memory");
    const rb_diag *i = find_diag(d, "instructions");
    CHECK(m != NULL && i != NULL);
    if (m)
        CHECK_MSG(strstr(m->message, " 0 MiB") == NULL, "message: %s", m->message);
    if (i)
        CHECK_MSG(strstr(i->message, " 0 million") == NULL, "message: %s", i->message);
    finish(&t, lib, d);
}

/* Run one load with the given memory limit in a child process; returns
 * the signal that killed the child, 0 when the load returned either a
 * library without errors or no library with errors, -1 otherwise. */
static int load_in_child(const tmpdir *t, size_t memory_limit)
{
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        /* Keep a child's abort quiet. */
        int devnull = open("/dev/null", O_WRONLY);
        if (devnull >= 0)
            dup2(devnull, 2);
        rb_load_options opt = { 0 };
        opt.memory_limit = memory_limit;
        rb_diags *d;
        rb_library *lib = load_opts(t, &opt, &d, NULL);
        int code = (lib == NULL) == (rb_diags_errors(d) > 0) ? 0 : 1;
        rb_library_free(lib);
        rb_diags_free(d);
        _exit(code);
    }
    int status = 0;
    if (waitpid(pid, &status, 0) != pid)
        return -1;
    if (WIFSIGNALED(status))
        return WTERMSIG(status);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

/* Once a bug: sandbox_open() opens the standard libraries outside any protected
 * call, assuming "the cap of a fresh state always allows" it. A small
 * rb_load_options.memory_limit (about 5 to 16 KiB here: big enough for
 * lua_newstate, too small for the libraries) makes that fail, and the
 * unprotected Lua error aborts the whole process (Lua panic, SIGABRT)
 * instead of giving an "out of memory" diagnostic. Smaller limits are
 * handled ("out of memory while starting Lua"). Each load runs in a child
 * so the abort does not take the other tests with it.
 * (Failed against the engine when written; the engine has since been
 * fixed, and the test stays as a regression test.) */
TEST(regression_small_memory_limit_aborts_process)
{
    tmpdir t;
    REQUIRE(tmpdir_make(&t, "loader"));
    REQUIRE(tmpdir_put(&t, "scales.lua", SCALES));
    int killed = 0;
    for (size_t kib = 1; kib <= 32; kib++) {
        int sig = load_in_child(&t, kib * 1024);
        if (sig > 0 && killed++ == 0)
            CHECK_MSG(false, "rb_library_load with memory_limit = %zu KiB killed the "
                             "process (signal %d)", kib, sig);
        else if (sig < 0)
            CHECK_MSG(false, "memory_limit = %zu KiB: unexpected outcome", kib);
    }
    CHECK_EQ_INT(killed, 0);
    tmpdir_remove(&t);
}

CHECK_MAIN()
