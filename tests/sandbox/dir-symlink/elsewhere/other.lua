-- Not part of the library: reached only through the folder link lib/up.
error("SECRET: a folder outside the library was walked")
