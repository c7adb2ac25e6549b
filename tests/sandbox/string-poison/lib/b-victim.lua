-- Loaded after a-poison.lua: every library function must still be the
-- real one here (each assert fails with a clear message if not).
assert(string.lower("ABC") == "abc", "string.lower was poisoned")
assert(("ABC"):lower() == "abc", "the string method lower was poisoned")
assert(string.format("%d", 7) == "7", "string.format was poisoned")
assert(table.concat({ "a", "b" }) == "ab", "table.concat was poisoned")
assert(math.max(1, 2) == 2, "math.max was poisoned")
scale "proficiency" {
  title = "Proficiency",
  level(1) { name = "One", descriptor = "Level one." },
}
