-- A competency level with no behaviours field.
scale "s" {
  title = "S",
  level(1) { name = "One", descriptor = "First." },
}
competency "c" {
  title = "C",
  definition = "D.",
  scale = "s",
  level(1) {
    summary = "Does things.",
    questions = { question "Q?" { probes = { "P?" } } },
  },
}
