-- Attack: the same backtracking through string.match, called as a method.
local subject = string.rep("a", 60000)
subject:match(string.rep("a-", 40) .. "b")
