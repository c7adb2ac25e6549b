-- Texts are shown at a terminal and in documents: an escape code anywhere,
-- or a line break in a title, is refused.
process "p" {
  title = "Check-in \27[31mnow",
  description = "Two lines\nare fine here.",
  steps = {
    step "Compare\nnotes" { shows = { "comparison" } },
    step "Agree" { purpose = "Bell \7 here." },
  },
}
