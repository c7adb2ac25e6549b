-- An option without its description.
bank "b" {
  title = "B",
  options = {
    option "mentoring" {
      title = "Mentoring",
    },
  },
}
