---@meta
-- Editor declarations for the rubric language (see LANGUAGE.md).
--
-- This file is read only by the Lua Language Server (LuaLS, the "Lua"
-- extension for VS Code and other editors) to offer completion, hover help
-- and type checks while you write rubric files. The rubric engine skips
-- `*.d.lua` files when it loads a library, so nothing here is ever run.
--
-- Every constructor can be called in the curried style used in rubric files:
--
--     competency "giving-feedback" { title = ..., ... }
--
-- which Lua reads as `competency("giving-feedback")({ title = ..., ... })`:
-- the first call takes the id and returns a function that takes the table.
-- Keep this file in step with LANGUAGE.md, which is the reference.

-- ---------------------------------------------------------------------------
-- Shared types
-- ---------------------------------------------------------------------------

---An id: lowercase letters, digits and hyphens, for example `giving-feedback`.
---Ids end up in scoring sheets and sessions, so keep them stable once used.
---@alias RubricId string

---A PCRE2 pattern, matched caseless against answers (UTF-8). Write it as a
---long string, `[[\bspecific example\b]]`, so that backslashes reach PCRE2
---unchanged.
---@alias RubricPattern string

---Replaces the default scoring policy of a competency. It is not run when the
---library loads: the scoring commands call it later, in the same sandbox,
---with the evidence found in an answer.
---@alias RubricScoringFunction fun(evidence: table): table

-- ---------------------------------------------------------------------------
-- Values returned by the constructors. Treat them as opaque: put them where
-- the language expects them (a level inside a scale or competency, a behaviour
-- in `behaviours`, a need in `needs`, ...), but do not read or change them.
-- ---------------------------------------------------------------------------

---A recorded `scale` definition.
---@class RubricScale

---A recorded `competency` definition.
---@class RubricCompetency

---A recorded `level(N) { ... }` entry, for a scale or a competency.
---@class RubricLevel

---A recorded `behaviour`.
---@class RubricBehaviour

---`behaviour "text"` without an option table: already a behaviour, and can
---also be called with the options, `behaviour "text" { weight = 2 }`.
---@class RubricBehaviourBuilder: RubricBehaviour
---@overload fun(options: RubricBehaviourOptions): RubricBehaviour

---A recorded `question` with its probes.
---@class RubricQuestion

---A recorded question `bank`.
---@class RubricBank

---A recorded growth `option` of a bank.
---@class RubricOption

---A recorded `role` definition.
---@class RubricRole

---A recorded discussion `process`.
---@class RubricProcess

---A recorded `step` of a process.
---@class RubricStep

---`step "title"` without an option table: already a step, and can also be
---called with the options, `step "title" { purpose = "..." }`.
---@class RubricStepBuilder: RubricStep
---@overload fun(options: RubricStepSpec): RubricStep

---A recorded `need`: one competency of a role.
---@class RubricNeed

-- ---------------------------------------------------------------------------
-- Option tables (what you write between the braces)
-- ---------------------------------------------------------------------------

---Fields of `scale "id" { ... }`. List one `level(N) { name = ..., descriptor = ... }`
---entry for every level; level numbers are whole numbers with no gaps (e.g. 1 to 5).
---@class (exact) RubricScaleSpec
---@field title string Display title of the scale (required).
---@field description? string Longer explanation of the scale.
---@field [integer] RubricLevel `level(N) { name = ..., descriptor = ... }` entries.

---Fields of `level(N) { ... }` inside a `scale`.
---@class (exact) RubricScaleLevelSpec
---@field name string Short name of the level, e.g. "Working" (required).
---@field descriptor string What a person at this level does (required).

---Default scoring parameters of a competency. Every field is optional.
---@class (exact) RubricScoringParams
---@field coverage? number Number 0-1, default 0.5: share of a level's behaviour weight that must be evidenced for the level to be credited.
---@field min_evidence? integer Whole number 1-20, default 2: evidence items needed before any level is suggested.
---@field min_strength? number Number 0-1, default 0.35: weakest lexical match that counts as evidence.

---Fields of `competency "id" { ... }`. List one `level(N) { ... }` entry for
---every level of its scale.
---@class (exact) RubricCompetencySpec
---@field title string Display title (required). Also gives the id when the id is left out.
---@field definition string One or two sentences saying what the competency is (required).
---@field scale RubricId Id of the rating scale, e.g. "proficiency" (required).
---@field scoring? RubricScoringParams|RubricScoringFunction Scoring parameters, or a function that replaces the scoring policy.
---@field [integer] RubricLevel `level(N) { ... }` entries, one per level of the scale.

---Fields of `level(N) { ... }` inside a `competency`.
---@class (exact) RubricCompetencyLevelSpec
---@field summary? string Shown for this level; when absent the scale's descriptor is shown.
---@field behaviours (string|RubricBehaviour)[] At least one behaviour: plain strings or `behaviour "text" { ... }` (required).
---@field questions? (string|RubricQuestion)[] Interview questions: plain strings or `question "text" { ... }`. A level with none gets a warning.

---Options of `behaviour "text" { ... }`. Every field is optional.
---@class (exact) RubricBehaviourOptions
---@field id? RubricId Local id; the full id becomes `<competency>.L<N>.<id>`. Without it: `<competency>.L<N>.b<position>`.
---@field weight? number Greater than 0, at most 100; default 1.
---@field evidence? RubricPattern[] PCRE2 patterns (caseless) that show the behaviour in an answer. Write them as `[[...]]`.
---@field terms? string[] Key words or short phrases for lexical scoring.

---Options of `question "text" { ... }`.
---@class (exact) RubricQuestionOptions
---@field id? RubricId Local id; without it the id is `q<position>`. Probes get `<question id>.p<position>`.
---@field probes? string[] Probing (follow-up) questions. A question with none gets a warning.

---Fields of `bank "id" { ... }`. A bank needs at least one question or option.
---@class (exact) RubricBankSpec
---@field title string Display title (required). Also gives the id when the id is left out.
---@field description? string Longer explanation.
---@field questions? (string|RubricQuestion)[] Questions; ids `<bank>.q<position>`.
---@field options? RubricOption[] Growth options, `option "id" { ... }`; ids `<bank>.<id>`.

---Fields of `option "id" { ... }` inside a bank.
---@class (exact) RubricOptionSpec
---@field title string Display title (required).
---@field description? string Longer explanation.

---Fields of `role "id" { ... }`.
---@class (exact) RubricRoleSpec
---@field title string Display title (required). Also gives the id when the id is left out.
---@field description? string Longer explanation.
---@field minutes integer Interview length in minutes, a whole number from 5 to 480 (required).
---@field needs RubricNeed[] The competencies of the role: `need "competency-id" { target = N, weight = W }` entries (required).

---Fields of `need "competency-id" { ... }` inside a role.
---@class (exact) RubricNeedSpec
---@field target integer Level the role needs, on the competency's scale (required).
---@field weight? number Importance within the role, greater than 0; default 1.

-- ---------------------------------------------------------------------------
-- Constructors
-- ---------------------------------------------------------------------------

---Defines an ordered rating scale.
---
---```lua
---scale "proficiency" {
---  title = "Proficiency",
---  level(1) { name = "Aware", descriptor = "..." },
---}
---```
---Without an id, `scale { title = "Proficiency", ... }`, the id is derived
---from the title (`proficiency`).
---@param id RubricId
---@return fun(spec: RubricScaleSpec): RubricScale
---@overload fun(spec: RubricScaleSpec): RubricScale
function scale(id) end

---Defines a competency and its levels.
---
---```lua
---competency "giving-feedback" {
---  title = "Giving Feedback",
---  definition = "...",
---  scale = "proficiency",
---  level(1) { behaviours = { "..." }, questions = { "..." } },
---}
---```
---Without an id, `competency { title = "Giving Feedback", ... }`, the id is
---derived from the title (`giving-feedback`).
---@param id RubricId
---@return fun(spec: RubricCompetencySpec): RubricCompetency
---@overload fun(spec: RubricCompetencySpec): RubricCompetency
function competency(id) end

---One level, inside a `scale` (fields `name`, `descriptor`) or inside a
---`competency` (fields `summary`, `behaviours`, `questions`).
---
---```lua
---level(2) { behaviours = { "..." }, questions = { "..." } }
---```
---@param n integer Level number: a whole number on the scale.
---@return fun(spec: RubricScaleLevelSpec|RubricCompetencyLevelSpec): RubricLevel
function level(n) end

---A behaviour with options. A plain string in `behaviours` is a behaviour too.
---
---```lua
---behaviour "Gives a specific example." { weight = 2, terms = { "example" } }
---```
---@param text string What the person does, as one sentence.
---@return RubricBehaviourBuilder
function behaviour(text) end

---An interview question with its probing questions. A plain string in
---`questions` is a question too (without probes).
---
---```lua
---question "Tell me about ..." { probes = { "What happened next?" } }
---```
---@param text string The question as it is asked.
---@return fun(options: RubricQuestionOptions): RubricQuestion
function question(text) end

---A question bank not tied to levels.
---
---```lua
---bank "feedback-growth" { title = "...", options = { option "..." { title = "..." } } }
---```
---Without an id, `bank { title = "...", ... }`, the id is derived from the title.
---@param id RubricId
---@return fun(spec: RubricBankSpec): RubricBank
---@overload fun(spec: RubricBankSpec): RubricBank
function bank(id) end

---A growth option inside a bank; its full id is `<bank>.<id>`.
---@param id RubricId
---@return fun(spec: RubricOptionSpec): RubricOption
function option(id) end

---A role and the competencies it needs.
---
---```lua
---role "team-lead" {
---  title = "Team Lead",
---  minutes = 60,
---  needs = { need "giving-feedback" { target = 3, weight = 2 } },
---}
---```
---Without an id, `role { title = "Team Lead", ... }`, the id is derived from the title.
---@param id RubricId
---@return fun(spec: RubricRoleSpec): RubricRole
---@overload fun(spec: RubricRoleSpec): RubricRole
function role(id) end

---One competency of a role, inside `needs`.
---@param competency_id RubricId Id of an existing competency.
---@return fun(spec: RubricNeedSpec): RubricNeed
function need(competency_id) end

---Runs another file of the library (once, however often it is included) and
---returns what that file returns.
---
---```lua
---local shared = include "shared/listening-behaviours.lua"
---```
---@param path string Relative path of a `.lua` file in the library.
---@return any
function include(path) end

---What a step shows from the two assessments.
---@alias RubricShow "comparison"|"strengths"|"development"|"follow-up"

---Fields of `process "id" { ... }`.
---@class (exact) RubricProcessSpec
---@field title string Display title (required). Also gives the id when the id is left out.
---@field description? string What the discussion is for.
---@field principles? string[] Ground rules shown before the steps.
---@field principles_title? string Their heading (default "Principles").
---@field referral? string Shown before the steps: where to refer people when coaching is not the answer.
---@field steps RubricStep[] The steps, in order: 1 to 50 `step "title" { ... }` entries (required).

---Options of `step "title" { ... }`. A step needs at least one of them.
---@class (exact) RubricStepSpec
---@field id? RubricId Local id; the full id becomes `<process>.<id>`. Without it: `<process>.s<position>`.
---@field purpose? string What the step is for.
---@field prompts? string[] Points for the one leading the discussion (a checklist).
---@field questions? string[] Questions to ask.
---@field banks? RubricId[] Ids of banks, bank questions (`career-conversation.q2`) or growth options (`growth-options.lateral`).
---@field shows? RubricShow[] What to show from the two assessments here, in this order.
---@field record? string[] Labels of what to write down at this step.
---@field referral? string Where to refer the person when what comes up is not for coaching.

---A discussion process, such as coaching for competencies: the steps `rubric
---discuss` walks through with an employee's and a manager's assessments.
---
---```lua
---process "coaching-for-competencies" {
---  title = "Coaching for competencies",
---  steps = {
---    step "Prepare for the session" { shows = { "strengths", "development" } },
---    step "Follow up" { shows = { "follow-up" } },
---  },
---}
---```
---@param id RubricId
---@return fun(spec: RubricProcessSpec): RubricProcess
---@overload fun(spec: RubricProcessSpec): RubricProcess
function process(id) end

---One step of a process, inside `steps`.
---@param title string What happens in this step, e.g. "Discuss barriers/challenges".
---@return RubricStepBuilder
function step(title) end
