-- Two behaviours of one level with the same explicit id.
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
      behaviour "Does the thing." { id = "thing" },
      behaviour "Does the thing again." { id = "thing" },
    },
    questions = { question "Q?" { probes = { "P?" } } },
  },
}
