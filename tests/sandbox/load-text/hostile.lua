-- Attack: compile text at run time with load, in a chosen environment, to
-- get past the file's own environment.
local chunk = load("os.execute('touch pwned')", "=x", "t", _ENV)
chunk()
