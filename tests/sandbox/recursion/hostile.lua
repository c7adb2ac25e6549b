-- Attack: endless (non-tail) recursion, to overflow the Lua or C stack.
local function deeper(n)
  return 1 + deeper(n + 1)
end
deeper(1)
