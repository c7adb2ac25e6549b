-- Entries of steps that are not steps.
process "p" {
  title = "P",
  steps = {
    "Prepare",
    option "o" { title = "O", description = "D" },
    step "Discuss" { purpose = "Talk it through." },
  },
}
