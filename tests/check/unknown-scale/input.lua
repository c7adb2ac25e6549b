-- A competency naming a scale that does not exist, close to one that does.
scale "proficiency" {
  title = "Proficiency",
  level(1) { name = "One", descriptor = "First." },
}
competency "c" {
  title = "C",
  definition = "D.",
  scale = "proficency",
  level(1) {
    behaviours = { "Does the thing." },
    questions = { question "Q?" { probes = { "P?" } } },
  },
}
