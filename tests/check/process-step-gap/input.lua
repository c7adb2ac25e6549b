-- A gap (nil) in the list of steps.
process "p" {
  title = "P",
  steps = {
    step "One" { purpose = "x" },
    nil,
    step "Three" { purpose = "y" },
  },
}
