-- Attack: an endless loop that calls the constructors again and again with
-- bodies built by a function, so part of its time is spent inside the
-- constructors (C code, where the count hook does not run).
local function body(i)
  local n = 0
  for k = 1, 200 do
    n = n + k % 7
  end
  return {
    title = "Scale " .. n .. " " .. i,
    level(1) { name = "One", descriptor = "Level one." },
  }
end
local i = 0
while true do
  i = i + 1
  scale("s" .. i)(body(i))
end
