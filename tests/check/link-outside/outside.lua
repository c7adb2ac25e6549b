-- Lies outside the library folder lib/; must never be run.
error("outside.lua was run")
