-- Attack: include a file by absolute path.
include "/etc/passwd.lua"
