-- Attack: go down into a real folder, then up twice, to leave the library
-- with a path that does not start with "..".
include "sub/../../outside.lua"
