-- Attack: read __index of the string metatable with rawget, which skips
-- any __metatable or __index protection.
local real = rawget(getmetatable(""), "__index")
real.dump(function() end)
