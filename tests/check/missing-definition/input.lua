-- A competency without a definition.
scale "s" {
  title = "S",
  level(1) { name = "One", descriptor = "First." },
}
competency "c" {
  title = "C",
  scale = "s",
  level(1) {
    behaviours = { "Does the thing." },
    questions = { question "Q?" { probes = { "P?" } } },
  },
}
