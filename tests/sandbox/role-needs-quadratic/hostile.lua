-- Attack: one role needing the same competency 20,000 times: the duplicate
-- check after the load is quadratic and reports every pair, without a cap
-- and outside the time limit (2*10^8 errors).
scale "s" { title = "S", level(1) { name = "One", descriptor = "Level one." } }
competency "c" { title = "C", definition = "D", scale = "s",
  level(1) { behaviours = { "b" }, questions = { question "q" { probes = { "p" } } } } }
local needs = {}
for i = 1, 20000 do needs[i] = need "c" { target = 1 } end
role "r" { title = "R", minutes = 30, needs = needs }
