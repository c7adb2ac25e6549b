-- Attack: without getmetatable, index a string for the metatable's fields
-- directly, hoping for the real string table.
local real = ("").__index
local code = real.dump(function() end)
