-- A description containing a NUL byte.
scale "s" {
  title = "S",
  description = "Before\0after",
  level(1) { name = "One", descriptor = "First." },
}
