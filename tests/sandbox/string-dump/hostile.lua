-- Attack: dump a function to bytecode with string.dump, patch the bytes
-- and load them back (a classic way to forge bad bytecode).
local code = string.dump(function() return 1 end)
local patched = code:sub(1, 20) .. "\255" .. code:sub(22)
