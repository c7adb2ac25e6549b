-- 600 scales without levels: the output stops after 500 problems.
for i = 1, 600 do
  scale ("s" .. i) { title = "S" }
end
