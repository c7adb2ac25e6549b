-- Attack: replace _ENV with a table of our own whose lookups go to the
-- strings' metatable, hoping to reach functions the sandbox removed.
local s = string
_ENV = { string = s }
local f = string.dump or string.find
f(function() end)
