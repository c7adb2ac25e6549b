-- Attack: a file that includes itself, for an endless include cycle.
include "hostile.lua"
