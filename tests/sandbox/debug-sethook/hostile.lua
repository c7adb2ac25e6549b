-- Attack: remove the count hook that enforces the instruction limit, then
-- run forever.
debug.sethook()
while true do end
