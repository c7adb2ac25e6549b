-- Attack: run a file outside the library with dofile, past the include
-- rules (its text would also leak through the syntax error message).
dofile("/etc/passwd")
