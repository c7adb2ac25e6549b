-- A bank with neither questions nor options.
bank "b" {
  title = "B",
  description = "Nothing here yet.",
}
