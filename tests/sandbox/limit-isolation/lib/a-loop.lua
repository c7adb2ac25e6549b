-- Attack: an endless loop, hoping the limit that stops it also stops (or
-- eats the budget of) the files checked after it.
while true do end
