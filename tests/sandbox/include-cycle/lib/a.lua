-- Attack: a.lua and b.lua include each other, for endless recursion
-- through the loader (and its C stack).
include "b.lua"
scale "proficiency" {
  title = "Proficiency",
  level(1) { name = "One", descriptor = "Level one." },
}
