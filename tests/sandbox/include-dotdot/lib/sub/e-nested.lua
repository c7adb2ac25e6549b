-- Attack: from a subfolder, climb out of the library by one level more
-- than the subfolder's depth.
include "../../outside.lua"
