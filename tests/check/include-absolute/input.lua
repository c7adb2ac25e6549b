-- include with an absolute path.
include "/etc/rubric/scale.lua"
