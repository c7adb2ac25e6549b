-- Attack: store a field through a string, hoping to plant something in the
-- string table that every other file's strings share.
("").upper = function() return "pwned" end
