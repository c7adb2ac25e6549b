-- A file with a byte that is not UTF-8 (0xE9, Latin-1 e-acute) on line 3.
scale "s" {
  title = "Niveau débutant",
  level(1) { name = "One", descriptor = "First." },
}
