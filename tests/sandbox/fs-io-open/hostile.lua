-- Attack: write a file named pwned through the io library.
local f = io.open("pwned", "w")
f:write("the sandbox let a rubric file write here\n")
f:close()
