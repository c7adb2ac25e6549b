-- Scale levels 1, 2 and 4: level 3 is missing.
scale "s" {
  title = "S",
  level(1) { name = "One", descriptor = "First." },
  level(2) { name = "Two", descriptor = "Second." },
  level(4) { name = "Four", descriptor = "Fourth." },
}
