-- A step naming a bank question by its place in the bank: a warning, since
-- the place changes when a question is added before it.
process "p" {
  title = "P",
  steps = {
    step "Explore" { banks = { "career-exploration.q2", "career-conversation.trends" } },
  },
}
