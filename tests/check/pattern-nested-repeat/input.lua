-- A pattern repeating a group that itself repeats is only a warning.
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
      behaviour "Does the thing." { evidence = { [[\b(thing\s*)+done]] } },
    },
    questions = { question "Q?" { probes = { "P?" } } },
  },
}
