-- A step written after steps = { ... } closed: reported at its own line.
process "q" {
  title = "Q",
  steps = {
    step "One" { purpose = "x" },
  },
  step "Stray" { purpose = "z" },
}
