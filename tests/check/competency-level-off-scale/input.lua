-- A competency with a level 6 that its two-level scale does not have.
scale "s" {
  title = "S",
  level(1) { name = "One", descriptor = "First." },
  level(2) { name = "Two", descriptor = "Second." },
}
competency "c" {
  title = "C",
  definition = "D.",
  scale = "s",
  level(1) {
    behaviours = { "Does the thing." },
    questions = { question "Q?" { probes = { "P?" } } },
  },
  level(2) {
    behaviours = { "Does the thing well." },
    questions = { question "Q?" { probes = { "P?" } } },
  },
  level(6) {
    behaviours = { "Does the thing perfectly." },
    questions = { question "Q?" { probes = { "P?" } } },
  },
}
