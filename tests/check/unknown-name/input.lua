-- A call of an undefined name that resembles no known name.
scale "s" {
  title = "S",
  level(1) { name = "One", descriptor = "First." },
}
frobnicate()
