-- Attack: switch the collector off so that memory grows without being
-- reclaimed (and the memory cap must hold on its own).
collectgarbage("stop")
local t = {}
for i = 1, 1e9 do t[i] = {} end
