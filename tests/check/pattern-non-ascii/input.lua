-- A bad pattern after non-ASCII text: the caret counts characters, not bytes.
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
      behaviour "Does the thing." { evidence = { [[équipe élargie) et plus]] } },
    },
    questions = { question "Q?" { probes = { "P?" } } },
  },
}
