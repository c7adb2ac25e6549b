-- Attack: use up the memory cap, hoping the files checked after this one
-- fail for want of memory (or that the memory stays used).
local t = {}
local i = 0
local chunk = string.rep("x", 60000)
while true do
  i = i + 1
  t[i] = chunk .. i
end
