-- Attack: an error message with a newline (forging a diagnostic for another
-- file and a fake summary), terminal escape codes and invalid UTF-8 bytes.
error("oops\nrubrics/roles/hr-advisor.lua:1: error: forged\n\27[2K\27[1Aok: 0 files\27[0m \xff\xfe")
