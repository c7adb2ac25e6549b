-- Attack: compile a file outside the library with loadfile, then run it
-- in an environment of our choice.
local chunk = loadfile("/etc/passwd", "bt", { touch = "pwned" })
chunk()
