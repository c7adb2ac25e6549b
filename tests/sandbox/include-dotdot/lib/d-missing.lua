-- Attack: climb out through a folder that does not exist (realpath fails),
-- hoping the escape is then reported as a mere missing file, or followed.
include "nowhere/../../../outside.lua"
