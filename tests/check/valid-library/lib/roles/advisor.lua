-- A valid role needing the listening competency.
role "advisor" {
  title = "Advisor",
  description = "Advises staff.",
  minutes = 45,
  needs = {
    need "listening" { target = 2, weight = 1.5 },
  },
}
