-- Attack: include a symbolic link that lives inside the library but points
-- to a file outside it (lib/link.lua -> ../outside.lua).
include "link.lua"
