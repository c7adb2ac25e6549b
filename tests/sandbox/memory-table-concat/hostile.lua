-- Attack: table.concat builds its result in C without the count hook: join
-- many copies of a large string into one huge string.
local big = string.rep("x", 1 << 20)
local t = {}
for i = 1, 1024 do t[i] = big end
local s = table.concat(t)
