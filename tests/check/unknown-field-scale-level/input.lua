-- An unknown field in a level of a scale.
scale "s" {
  title = "S",
  level(1) { name = "One", descriptor = "First." },
  level(2) {
    name = "Two",
    descripton = "Second.",
  },
}
