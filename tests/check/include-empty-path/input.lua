-- include with an empty path.
include ""
