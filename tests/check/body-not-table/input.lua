-- A definition followed by text instead of a table.
scale "s" "Five levels"
