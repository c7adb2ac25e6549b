-- Attack: a memory bomb: grow a table until the machine runs out of memory.
local t = {}
local i = 0
while true do
  i = i + 1
  t[i] = { i, i, i, i }
end
