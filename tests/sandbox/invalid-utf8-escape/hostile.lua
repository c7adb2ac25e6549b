-- Attack: the file itself is valid UTF-8, but escapes put invalid bytes
-- (an overlong "/" and a lone 0xFF) into a title, past the file check.
scale "proficiency" {
  title = "Up \xC0\xAF.. \xFF",
  level(1) { name = "One", descriptor = "Level one." },
}
