-- Not part of the library: if the library walk runs this file, its secret
-- shows in the output (and the test fails).
error("SECRET: a file outside the library was run")
