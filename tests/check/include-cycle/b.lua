-- b.lua, included by a.lua, includes a.lua back.

include "a.lua"
