bank "check-in" {
  title = "Weekly check-in",
  description = "Questions and options for a short weekly conversation.",
  questions = {
    "How is your week going?",
    question "What would help you most right now?" { probes = { "Who could help?" } },
  },
  options = {
    option "mentoring" { title = "Mentoring", description = "Pair with a more experienced colleague." },
  },
}
