-- string.rep is capped at 1 MiB.
local filler = string.rep("x", 2 * 1024 * 1024)
