-- A field of a competency that is unknown and close to no known name.
scale "s" {
  title = "S",
  level(1) { name = "One", descriptor = "First." },
}
competency "c" {
  title = "C",
  definition = "D.",
  scale = "s",
  colour = "red",
  level(1) {
    behaviours = { "Does the thing." },
    questions = { question "Q?" { probes = { "P?" } } },
  },
}
