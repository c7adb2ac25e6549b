-- A step drawing on a bank the library does not have (checked with the shipped library).
process "p" {
  title = "P",
  steps = {
    step "Explore" {
      banks = { "career-conversations", "growth-options.laterl", "career-conversation.career-success" },
    },
  },
}
