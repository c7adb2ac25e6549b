-- level(2) written without its { ... } part.
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
  level(2),
}
