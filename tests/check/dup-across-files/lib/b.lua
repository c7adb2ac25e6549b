-- A second competency "c", in another file of the same library.

competency "c" {
  title = "C again",
  definition = "D.",
  scale = "s",
  level(1) {
    behaviours = { "Does the other thing." },
    questions = { question "Q?" { probes = { "P?" } } },
  },
}
