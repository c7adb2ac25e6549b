-- A title made only of spaces.
scale "s" {
  title = "   ",
  level(1) { name = "One", descriptor = "First." },
}
