-- Uses 8 MiB for a moment: fine on its own.
local s = {}
for i = 1, 8 do s[i] = string.rep("y", 1 << 20) .. i end
scale "proficiency" { title = "P", level(1) { name = "One", descriptor = "Level one." } }
