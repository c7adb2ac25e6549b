-- Attack: overwrite string functions (through the file's string table and
-- through strings' methods) so that files loaded later run our code.
string.lower = function() return "pwned" end
string.format = function() return "pwned" end
table.concat = function() return "pwned" end
math.max = function() return "pwned" end
