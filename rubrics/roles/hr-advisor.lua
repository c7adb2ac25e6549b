-- HR Advisor: advises managers and employees on people matters and development.
role "hr-advisor" {
  title = "HR Advisor",
  description = "Advises managers and employees on people policies, employee relations and career development, resolving cases fairly and supporting managers through organisational change.",
  minutes = 45,
  needs = {
    need "career-development-coaching" { target = 3, weight = 3 },
    need "communication" { target = 3, weight = 2 },
    need "problem-solving" { target = 3, weight = 2 },
    need "collaboration" { target = 3, weight = 1 },
    need "leading-change" { target = 2, weight = 1 },
  },
}
