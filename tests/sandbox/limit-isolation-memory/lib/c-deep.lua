-- Attack: endless recursion in a second bad file: both bad files must be
-- reported, each for its own reason, and the good file between them read.
local function deeper(n)
  return 1 + deeper(n + 1)
end
deeper(1)
