-- Attack: start a shell through io.popen and create a file named pwned.
local p = io.popen("touch pwned && echo done")
local out = p:read("a")
p:close()
