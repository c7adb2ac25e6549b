-- Misspelt fields in a process and in a step, and a text where a list goes.
process "p" {
  title = "P",
  refferal = "Refer to the assistance programme.",
  steps = {
    step "Discuss" { prompt = { "Listen" }, questions = "What went well?" },
  },
}
