-- Attack: raise an error whose value is a table, hoping the checker calls
-- tostring or a metamethod on it (or crashes on a non-string error).
error({ code = 42, message = "not a string" })
