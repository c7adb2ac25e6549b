-- Included by input.lua: defines a scale and returns values for the includer.
scale "s" {
  title = "S",
  level(1) { name = "One", descriptor = "First." },
}
return { scale = "s", behaviour = "Does the shared thing." }
