-- Lies 17 folders deep, one more than allowed: must never be run.
error("deep.lua was run")
