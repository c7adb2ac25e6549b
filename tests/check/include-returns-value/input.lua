-- A file that includes another and uses the value it returns: no problems.
local common = include "common.lua"

competency "c" {
  title = "C",
  definition = "D.",
  scale = common.scale,
  level(1) {
    behaviours = { common.behaviour },
    questions = { question "Q?" { probes = { "P?" } } },
  },
}
