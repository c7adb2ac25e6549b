-- A role needing a competency the library does not have (checked with the shipped library).
role "r" {
  title = "R",
  minutes = 60,
  needs = {
    need "communication" { target = 3 },
    need "comunication" { target = 3 },
  },
}
