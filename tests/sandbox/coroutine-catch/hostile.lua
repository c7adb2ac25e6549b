-- Attack: run the endless loop inside a coroutine, so the limit error ends
-- the coroutine only; then go on forever, starting new ones.
while true do
  local co = coroutine.create(function() while true do end end)
  coroutine.resume(co)
end
