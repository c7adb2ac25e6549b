-- A scale whose id is empty.
scale "" { title = "S", level(1) { name = "a", descriptor = "b" } }
