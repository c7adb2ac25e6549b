-- Attack: read hidden globals with rawget, bypassing the strict __index of
-- the file's environment.
local io_lib = rawget(_ENV, "io")
io_lib.open("pwned", "w")
