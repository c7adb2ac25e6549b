-- A valid scale at the top of a library whose folders nest too deep.
scale "s" {
  title = "S",
  level(1) { name = "One", descriptor = "First." },
}
