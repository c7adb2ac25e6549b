-- Attack: raise an error whose value is a rubric object (userdata with a
-- __tostring metamethod), so the message handler would run its metamethod.
error(scale "x")
