-- Attack: keep 58 MiB alive by returning it (the loader keeps every file's
-- result for include), so the next, innocent file is blamed for memory.
local t = {}
for i = 1, 58 * 1024 do t[i] = string.rep("x", 1000) .. i end
return t
