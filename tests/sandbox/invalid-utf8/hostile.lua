-- Attack: invalid UTF-8 (an overlong encoding of "/" and a lone 0xFF byte) in
-- a title, to corrupt reports and JSON output or fool path and id checks.
scale "proficiency" {
  title = "Up À¯.. ÿ",
  level(1) { name = "One", descriptor = "Level one." },
}
