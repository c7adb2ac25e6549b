-- A title that is a number.
scale "s" {
  title = "S",
  level(1) { name = "One", descriptor = "First." },
}
competency "c" {
  title = 42,
  definition = "D.",
  scale = "s",
  level(1) {
    behaviours = { "Does the thing." },
    questions = { question "Q?" { probes = { "P?" } } },
  },
}
