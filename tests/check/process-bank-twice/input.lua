-- A step listing the same bank question twice.
process "p" {
  title = "P",
  steps = {
    step "Explore" { banks = { "career-conversation.q1", "career-conversation.q1" } },
  },
}
