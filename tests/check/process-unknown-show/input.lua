-- Shows that are misspelt, unknown or repeated.
process "p" {
  title = "P",
  steps = {
    step "Compare" { shows = { "comparsion", "everything", "strengths", "strengths" } },
  },
}
