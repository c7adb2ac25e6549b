-- An entry of options that is text instead of option "id" { ... }.
bank "b" {
  title = "B",
  options = {
    "Mentoring",
  },
  questions = { "What next?" },
}
