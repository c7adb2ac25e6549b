-- A process whose steps list is empty.
process "p" {
  title = "P",
  steps = {},
}
