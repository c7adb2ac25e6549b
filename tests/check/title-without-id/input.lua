-- A competency without an id whose title gives no letters or digits.
scale "s" {
  title = "S",
  level(1) { name = "One", descriptor = "First." },
}
competency {
  title = "!!! ???",
  definition = "D.",
  scale = "s",
  level(1) {
    behaviours = { "Does the thing." },
    questions = { question "Q?" { probes = { "P?" } } },
  },
}
