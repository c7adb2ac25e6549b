-- A Lua syntax error: a missing comma between two fields.
scale "s" {
  title = "S"
  description = "Missing the comma above.",
  level(1) { name = "One", descriptor = "First." },
}
