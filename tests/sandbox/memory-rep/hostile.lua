-- Attack: a single string.rep call runs in C without the count hook: ask
-- for a string of a gigabyte.
local s = string.rep("x", 1 << 30)
