-- Attack: end the whole checker with status 0 before any error can be
-- reported, so a broken (or hostile) library looks clean.
os.exit(0, true)
