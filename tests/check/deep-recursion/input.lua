-- Calls nesting without end through a library function are stopped.
local function f()
  table.sort({ 1, 2 }, function(a, b) f() return a < b end)
end
f()
