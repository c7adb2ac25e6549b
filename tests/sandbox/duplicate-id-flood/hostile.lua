-- Attack: define the same id endlessly; duplicates are found after the load,
-- where the 500-problem cap does not apply (1.3 million errors, 148 MB).
while true do scale "s" { title = "T", level(1) { name = "One", descriptor = "Level one." } } end
