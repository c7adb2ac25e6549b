-- A level number far outside any scale.
scale "s" {
  title = "S",
  level(1) { name = "a", descriptor = "b" },
  level(4294967298) { name = "c", descriptor = "d" },
}
