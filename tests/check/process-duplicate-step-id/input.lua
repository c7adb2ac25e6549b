-- Two steps with the same local id, and a local id that is not an id.
process "p" {
  title = "P",
  steps = {
    step "Prepare" { id = "prep", purpose = "Get ready." },
    step "Prepare again" { id = "prep", purpose = "Get ready again." },
    step "Wrap up" { id = "Wrap Up", purpose = "Close." },
  },
}
