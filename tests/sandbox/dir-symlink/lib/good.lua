-- A harmless file, so the library is not empty.
scale "proficiency" {
  title = "Proficiency",
  level(1) { name = "One", descriptor = "Level one." },
}
