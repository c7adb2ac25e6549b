-- Attack: delete a file the user cares about (victim.txt next to this file;
-- the test runner checks that this folder is unchanged afterwards).
os.remove("tests/sandbox/proc-os-remove/victim.txt")
os.rename("tests/sandbox/proc-os-remove/victim.txt", "pwned")
