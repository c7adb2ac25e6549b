-- One competency using every field: summaries, behaviour options, evidence
-- patterns, terms, question ids, probes and scoring parameters.
competency "active-listening" {
  title = "Active Listening",
  definition = "Understanding what others mean, not only what they say.",
  scale = "three-step",
  scoring = { coverage = 0.6, min_evidence = 1 },

  level(1) {
    behaviours = {
      "Lets others finish speaking.",
      behaviour "Asks clarifying questions." {
        id = "clarifies",
        weight = 2,
        evidence = { [[\bclarif(y|ied|ying)\b]], [[\bwhat (do|did) you mean\b]] },
        terms = { "clarify", "follow-up question" },
      },
    },
    questions = {
      question "Tell me about a time you misunderstood a colleague." {
        probes = { "How did you notice?", "What did you do next?" },
      },
    },
  },

  level(2) {
    summary = "Listens for the concern behind the words.",
    behaviours = { "Summarises what was said before answering." },
    questions = {
      question "How do you make sure you understood a request?" {
        id = "understood",
        probes = { "Give an example from last month." },
      },
    },
  },

  level(3) {
    behaviours = {
      behaviour "Helps a group hear each other in a conflict." { weight = 1.5, terms = { "mediate" } },
    },
    questions = {
      question "Describe a meeting where people talked past each other." {
        probes = { "What did you say?" },
      },
    },
  },
}
