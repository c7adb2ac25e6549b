-- A scale whose list part has a numbered entry out of sequence.
scale "s" {
  title = "S",
  level(1) { name = "One", descriptor = "First." },
  [5] = level(2) { name = "Two", descriptor = "Second." },
}
