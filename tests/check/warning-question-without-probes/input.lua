-- A question without probes is a warning only: status 0.
scale "s" {
  title = "S",
  level(1) { name = "One", descriptor = "First." },
}
competency "c" {
  title = "C",
  definition = "D.",
  scale = "s",
  level(1) {
    behaviours = { "Does the thing." },
    questions = {
      "Tell me about the thing.",
      question "And the other thing?" {},
    },
  },
}
