-- An entry of behaviours that is a number.
scale "s" {
  title = "S",
  level(1) { name = "One", descriptor = "First." },
}
competency "c" {
  title = "C",
  definition = "D.",
  scale = "s",
  level(1) {
    behaviours = { "Does the thing.", 3 },
    questions = { question "Q?" { probes = { "P?" } } },
  },
}
