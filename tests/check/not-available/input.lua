-- print is not available in rubric files.
print("hello")
