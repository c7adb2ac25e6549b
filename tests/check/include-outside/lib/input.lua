-- Including a file above the library folder is refused, even though it exists.
include "../outside.lua"
