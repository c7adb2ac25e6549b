-- A behaviour weight given as text.
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
      behaviour "Does the thing." { weight = "high" },
    },
    questions = { question "Q?" { probes = { "P?" } } },
  },
}
