-- A file using more than 64 MiB of Lua memory is stopped.
local s = string.rep("x", 1024 * 1024)
local t = {}
for i = 1, 100 do
  t[i] = s .. i
end
