-- A descriptor longer than the limit of 20000 bytes.
scale "s" {
  title = "S",
  level(1) { name = "One", descriptor = string.rep("x", 20001) },
}
