-- A role target level that the competency's scale (1 to 5) does not have.
role "r" {
  title = "R",
  minutes = 60,
  needs = {
    need "communication" { target = 6 },
    need "collaboration" { target = 0 },
  },
}
