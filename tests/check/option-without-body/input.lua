-- option "id" written without its { ... } part.
bank "b" {
  title = "B",
  options = {
    option "mentoring" { title = "Mentoring", description = "Pair with a mentor." },
    option "shadowing",
  },
}
