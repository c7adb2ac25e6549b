-- Attack: the shared string metatable's __index is a string library table;
-- reach it to find the unrestricted functions (dump, find, rep, ...).
local real = getmetatable("").__index
real.dump(function() end)
