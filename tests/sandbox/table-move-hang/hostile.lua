-- Attack: table.move copies in C, where the count hook never fires: ask it
-- to move 10^14 (absent) elements; no memory is used, so only time stops it.
table.move({}, 1, 1e14, 2)
