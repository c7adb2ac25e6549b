-- An invalid id from which no valid id can be suggested.
scale "---" {
  title = "S",
  level(1) { name = "One", descriptor = "First." },
}
