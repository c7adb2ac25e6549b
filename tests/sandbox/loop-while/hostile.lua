-- Attack: an endless loop, to hang whoever checks or loads the library.
local n = 0
while true do
  n = n + 1
end
