-- behaviour called with a number instead of its text.
scale "s" {
  title = "S",
  level(1) { name = "One", descriptor = "First." },
}
competency "c" {
  title = "C",
  definition = "D.",
  scale = "s",
  level(1) {
    behaviours = { behaviour(1) },
  },
}
