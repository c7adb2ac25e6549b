-- Not part of the library: if an include reaches this file, its secret
-- shows in the output (and the test fails).
error("SECRET: a file outside the library was run")
