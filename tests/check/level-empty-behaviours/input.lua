-- A competency level with an empty list of behaviours.
scale "s" {
  title = "S",
  level(1) { name = "One", descriptor = "First." },
}
competency "c" {
  title = "C",
  definition = "D.",
  scale = "s",
  level(1) {
    behaviours = {},
    questions = { question "Q?" { probes = { "P?" } } },
  },
}
