-- A good file after the looping one: it must still be run and checked. Its
-- question has no probes, so its warning shows that it was read.
scale "proficiency" {
  title = "Proficiency",
  level(1) { name = "One", descriptor = "Level one." },
}
competency "listening" {
  title = "Listening",
  definition = "Hears what others say.",
  scale = "proficiency",
  level(1) {
    behaviours = { "Lets others finish." },
    questions = { "Tell me about a time you listened." },
  },
}
