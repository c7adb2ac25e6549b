-- A scale with no levels.
scale "s" {
  title = "S",
  description = "Nothing to rate with.",
}
