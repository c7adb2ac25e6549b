-- An id with capitals and spaces: the message suggests a valid one.
scale "s" {
  title = "S",
  level(1) { name = "One", descriptor = "First." },
}
competency "Problem Solving" {
  title = "Problem solving",
  definition = "D.",
  scale = "s",
  level(1) {
    behaviours = { "Does the thing." },
    questions = { question "Q?" { probes = { "P?" } } },
  },
}
