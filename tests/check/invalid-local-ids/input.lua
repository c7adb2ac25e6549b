-- Invalid local ids of a behaviour, a question and an option.
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
      behaviour "Does the thing." { id = "The_Thing" },
    },
    questions = {
      question "Q?" { id = "first question", probes = { "P?" } },
    },
  },
}
bank "b" {
  title = "B",
  options = {
    option "Job Rotation" { title = "Job rotation", description = "Move teams." },
  },
}
