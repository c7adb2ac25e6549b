-- An unknown field in the options of a behaviour.
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
      "Does the thing.",
      behaviour "Does another thing." {
        wieght = 2,
      },
    },
    questions = { question "Q?" { probes = { "P?" } } },
  },
}
