-- A definition given a second { ... } part.
local s = scale "s" {
  title = "S",
  level(1) { name = "One", descriptor = "First." },
}
s { title = "Again" }
