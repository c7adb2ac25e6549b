-- Attack: endless tail calls use no stack, so only the instruction limit
-- can stop them.
local function again(n)
  return again(n + 1)
end
return again(1)
