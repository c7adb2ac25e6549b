-- A competency with level 1 of its two-level scale but not level 2.
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
}
