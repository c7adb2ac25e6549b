-- Calling a misspelt constructor: the name is unknown, with a suggestion.
scale "s" {
  title = "S",
  level(1) { name = "One", descriptor = "First." },
}

competncy "c" {
  title = "C",
}
