-- A misspelt field of a competency level is reported with a suggestion.
scale "s" {
  title = "S",
  level(1) { name = "One", descriptor = "First." },
}
competency "c" {
  title = "C",
  definition = "D.",
  scale = "s",
  level(1) {
    behaviors = { "Does the thing." },
    questions = { question "Q?" { probes = { "P?" } } },
  },
}
