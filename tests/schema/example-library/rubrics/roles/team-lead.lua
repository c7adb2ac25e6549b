role "team-lead" {
  title = "Team Lead",
  minutes = 30,
  needs = {
    need "active-listening" { target = 2, weight = 1.5 },
  },
}
