-- Including a file that does not exist.
include "scales/nowhere.lua"
