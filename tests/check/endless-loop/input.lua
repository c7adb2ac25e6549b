-- An endless loop is stopped after 20 million instructions, at its line.

while true do end
