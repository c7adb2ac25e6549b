-- Including a path that is not a .lua file.
include "notes.txt"
