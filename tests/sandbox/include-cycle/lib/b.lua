-- Attack: the other half of the cycle.
include "a.lua"
