-- A scale defining level 2 twice.
scale "s" {
  title = "S",
  level(1) { name = "One", descriptor = "First." },
  level(2) { name = "Two", descriptor = "Second." },
  level(2) { name = "Also two", descriptor = "Second again." },
}
