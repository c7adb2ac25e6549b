-- Diagnostics as JSON: one error with a detail, one warning.
scale "s" {
  title = "S",
  level(1) { name = "One", descriptor = "First." },
}
competency "c" {
  title = "C",
  definition = "D.",
  scale = "s",
  level(1) {
    behaviours = {
      behaviour "Does the thing." { evidence = { [[thing(]] } },
    },
  },
}
