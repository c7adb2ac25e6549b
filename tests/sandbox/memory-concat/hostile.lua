-- Attack: double a string until it no longer fits in memory.
local s = "x"
while true do
  s = s .. s
end
