-- One level object placed in two competencies.
scale "s" {
  title = "S",
  level(1) { name = "One", descriptor = "First." },
}
local shared = level(1) {
  behaviours = { "Does the thing." },
  questions = { question "Q?" { probes = { "P?" } } },
}
competency "a" {
  title = "A",
  definition = "D.",
  scale = "s",
  shared,
}
competency "b" {
  title = "B",
  definition = "D.",
  scale = "s",
  shared,
}
