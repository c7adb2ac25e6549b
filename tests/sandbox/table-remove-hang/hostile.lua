-- Attack: a sparse table whose length operator reports about 2^61, then
-- table.remove, which shifts every element down in a C loop.
local t = { true }
for k = 0, 61 do t[(1 << k) + 1] = true; t[1 << k] = true end
table.remove(t, 1)
