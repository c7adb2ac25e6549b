-- A step listing the same bank question twice.
process "p" {
  title = "P",
  steps = {
    step "Explore" { banks = { "career-conversation.career-success", "career-conversation.career-success" } },
  },
}
