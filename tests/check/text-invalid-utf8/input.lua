-- A level name whose escaped bytes are not UTF-8.
scale "s" {
  title = "S",
  level(1) { name = "Caf\xe9", descriptor = "First." },
}
