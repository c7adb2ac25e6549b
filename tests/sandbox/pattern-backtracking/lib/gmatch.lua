-- Attack: the same backtracking through string.gmatch.
local subject = string.rep("a", 60000)
for m in string.gmatch(subject, string.rep("a*", 40) .. "b") do end
