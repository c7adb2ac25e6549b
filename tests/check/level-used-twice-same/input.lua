-- The same level object written twice in one competency.
scale "s" { title = "S", level(1) { name = "a", descriptor = "b" } }
local l = level(1) { behaviours = { "Does a thing." } }
competency "c" { title = "C", definition = "D.", scale = "s", l, l }
