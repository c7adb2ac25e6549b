-- One behaviour object placed in two levels.
scale "s" {
  title = "S",
  level(1) { name = "One", descriptor = "First." },
  level(2) { name = "Two", descriptor = "Second." },
}
local listens = behaviour "Listens." { weight = 2 }
competency "c" {
  title = "C",
  definition = "D.",
  scale = "s",
  level(1) {
    behaviours = { listens },
    questions = { question "Q?" { probes = { "P?" } } },
  },
  level(2) {
    behaviours = { "Summarises.", listens },
    questions = { question "Q?" { probes = { "P?" } } },
  },
}
