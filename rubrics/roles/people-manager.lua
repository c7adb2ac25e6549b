-- People Manager: leads a team, develops its people and delivers its goals.
role "people-manager" {
  title = "People Manager",
  description = "Leads a team day to day: sets direction and goals, develops and coaches team members, guides them through change and is accountable for the team's results.",
  minutes = 60,
  needs = {
    need "career-development-coaching" { target = 3, weight = 2 },
    need "communication" { target = 3, weight = 1 },
    need "collaboration" { target = 3, weight = 1 },
    need "leading-change" { target = 3, weight = 2 },
    need "delivering-results" { target = 3, weight = 3 },
  },
}
