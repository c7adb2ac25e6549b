-- Attack: every definition copies its texts out of Lua into the model,
-- outside Lua's memory cap: define scales with the longest texts allowed
-- over and over, to exhaust the machine's memory.
local long = string.rep("x", 19999)
local i = 0
while true do
  i = i + 1
  scale("s" .. i) {
    title = long,
    description = long,
    level(1) { name = "One", descriptor = long },
  }
end
