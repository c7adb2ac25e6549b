-- need called with a table instead of the competency id.
role "r" {
  title = "R",
  minutes = 30,
  needs = { need { target = 3 } },
}
