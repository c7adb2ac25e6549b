-- Attack: string.dump is gone from the string table, but strings index a
-- string table through their metatable: try it as a method on a string.
local code = ("x").dump(function() return 1 end)
