-- An entry of terms that is a number.
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
      behaviour "Does the thing." { terms = { "thing", 7 } },
    },
    questions = { question "Q?" { probes = { "P?" } } },
  },
}
