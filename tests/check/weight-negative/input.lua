-- A negative behaviour weight.
scale "s" {
  title = "S",
  level(1) { name = "One", descriptor = "First." },
}
competency "c" {
  title = "C",
  definition = "D.",
  scale = "s",
  level(1) {
    behaviours = {
      behaviour "Does the thing." { weight = -1 },
    },
    questions = { question "Q?" { probes = { "P?" } } },
  },
}
