-- A step listing a competency under banks.
process "p" {
  title = "P",
  steps = {
    step "Explore" { banks = { "communication" } },
  },
}
