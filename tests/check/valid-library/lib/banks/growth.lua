-- A valid bank with questions and options.
bank "growth" {
  title = "Growth",
  description = "Questions and options for a growth conversation.",
  questions = {
    "What would you like to learn next?",
    question "Who do you learn the most from?" { probes = { "Why them?" } },
  },
  options = {
    option "mentoring" { title = "Mentoring", description = "Pair with a mentor." },
  },
}
