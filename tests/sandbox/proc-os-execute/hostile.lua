-- Attack: run a shell command that creates a file named pwned.
os.execute("touch pwned")
