-- A competency whose id, derived from its title, is already taken.
scale "s" {
  title = "S",
  level(1) { name = "One", descriptor = "First." },
}
competency "problem-solving" {
  title = "Problem solving",
  definition = "D.",
  scale = "s",
  level(1) {
    behaviours = { "Does the thing." },
    questions = { question "Q?" { probes = { "P?" } } },
  },
}
competency {
  title = "Problem Solving!",
  definition = "D.",
  scale = "s",
  level(1) {
    behaviours = { "Does the thing." },
    questions = { question "Q?" { probes = { "P?" } } },
  },
}
