-- Attack: include a file in the folder above the library with "..".
include "../outside.lua"
