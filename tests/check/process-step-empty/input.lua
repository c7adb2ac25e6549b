-- Steps with nothing to show: a bare title, and an empty body.
process "p" {
  title = "P",
  steps = {
    step "Prepare",
    step "Discuss" {},
  },
}
