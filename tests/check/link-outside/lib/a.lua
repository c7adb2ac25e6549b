-- A valid scale next to a link that leads out of the library.
scale "s" {
  title = "S",
  level(1) { name = "One", descriptor = "First." },
}
