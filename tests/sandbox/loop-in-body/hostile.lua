-- Attack: an endless loop inside a function that computes a field of a
-- constructor's body.
local function title()
  while true do end
end
scale "proficiency" {
  title = title(),
  level(1) { name = "One", descriptor = "Level one." },
}
