-- Attack: string.rep reached as a method of a string (through the shared
-- string metatable), with a separator, to get round a cap on string.rep.
local s = ("xy"):rep(1 << 40, ",")
