-- Attack: hide a climb out of the library after a NUL byte, in case the
-- path is checked as a Lua string but opened as a C string (or the reverse).
include "a-parent.lua\0/../../outside.lua"
