-- A misspelt scoring parameter is reported with a suggestion.
scale "s" {
  title = "S",
  level(1) { name = "One", descriptor = "First." },
}
competency "c" {
  title = "C",
  definition = "D.",
  scale = "s",
  scoring = { coverag = 0.6 },
  level(1) {
    behaviours = { "Does the thing." },
    questions = { question "Q?" { probes = { "P?" } } },
  },
}
