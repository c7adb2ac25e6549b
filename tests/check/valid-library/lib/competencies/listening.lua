-- A valid competency on the two-level scale, with options on behaviours.
competency "listening" {
  title = "Listening",
  definition = "Hears and understands what others say.",
  scale = "two-levels",
  scoring = { coverage = 0.6, min_evidence = 1, min_strength = 0.4 },
  level(1) {
    behaviours = {
      "Lets others finish speaking.",
      behaviour "Asks questions to check understanding." {
        id = "asks",
        weight = 2,
        evidence = { [[\bask(ed|s)?\b.*\bquestions?\b]] },
        terms = { "asked", "clarified" },
      },
    },
    questions = {
      question "Tell me about a time you had to listen carefully." {
        id = "careful",
        probes = { "What did you hear?", "What did you do next?" },
      },
    },
  },
  level(2) {
    summary = "Listens well even in heated discussions.",
    behaviours = { "Summarises opposing views fairly." },
    questions = {
      question "Describe a heated meeting you took part in." {
        probes = { "How did you make sure every side was heard?" },
      },
    },
  },
}
