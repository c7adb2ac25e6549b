-- A behaviour written in a role, which has no list of behaviours; and a
-- heading of principles over two lines.
role "r" {
  title = "R",
  minutes = 30,
  needs = { need "communication" { target = 3 } },
  behaviour "Listens well." {},
}
process "p" {
  title = "P",
  principles_title = "Ground\n# rules",
  principles = { "Listen first." },
  steps = { step "Talk" { purpose = "Talk it through." } },
}
