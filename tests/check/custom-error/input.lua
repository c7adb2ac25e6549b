-- error("custom") in a rubric file is reported at its line.
scale "s" {
  title = "S",
  level(1) { name = "One", descriptor = "First." },
}
error("custom")
