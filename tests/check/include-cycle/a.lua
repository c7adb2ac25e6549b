-- a.lua includes b.lua, which includes a.lua again: a cycle.
include "b.lua"
