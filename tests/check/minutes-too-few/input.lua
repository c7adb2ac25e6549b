-- A role interview of 3 minutes, under the minimum of 5.
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
    questions = { question "Q?" { probes = { "P?" } } },
  },
}
role "r" {
  title = "R",
  minutes = 3,
  needs = { need "c" { target = 1 } },
}
