-- An evidence pattern whose escaped bytes are not UTF-8.
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
      behaviour "Does the thing." { evidence = { "caf\xe9" } },
    },
    questions = { question "Q?" { probes = { "P?" } } },
  },
}
