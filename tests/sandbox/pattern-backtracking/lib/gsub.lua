-- Attack: the same backtracking through string.gsub, called as a method.
local subject = string.rep("a", 60000)
local s = subject:gsub(string.rep("a*", 40) .. "b", "x")
