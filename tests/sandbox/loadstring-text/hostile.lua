-- Attack: the Lua 5.1 name for load, in case only load was removed.
local chunk = loadstring("os.execute('touch pwned')")
chunk()
