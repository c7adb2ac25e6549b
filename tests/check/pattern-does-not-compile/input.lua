-- An evidence pattern that PCRE2 cannot compile: the detail lines show where.
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
      behaviour "Does the thing." { evidence = { [[\bthing\b]], [[(does|did the thing]] } },
    },
    questions = { question "Q?" { probes = { "P?" } } },
  },
}
