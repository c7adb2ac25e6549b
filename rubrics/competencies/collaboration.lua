-- Collaboration: working with others towards shared goals, within and across teams.
competency "collaboration" {
  title = "Collaboration",
  definition = "Works with others towards shared goals, building trust, contributing a fair share and drawing on the strengths of different people and groups.",
  scale = "proficiency",

  level(1) {
    summary = "Takes part willingly in team work, completing own share and helping colleagues when asked.",
    behaviours = {
      behaviour "Completes agreed tasks on time so that colleagues who depend on them are not held up." {
        terms = { "deadline", "on time", "my part", "agreed tasks" },
      },
      "Offers help to teammates once own work is finished.",
      behaviour "Shares information and files that others need to do their work." {
        terms = { "shared", "handed over", "kept informed", "shared drive" },
      },
      "Treats colleagues' ideas with respect, even when disagreeing with them.",
    },
    questions = {
      question "Tell me about a time you were part of a team working towards a shared goal." {
        probes = {
          "What was the goal and what was your role?",
          "How were the tasks divided?",
          "What did you contribute?",
          "How did the team do?",
          "What did you learn about working in a team?",
        },
      },
      question "Describe a situation where you helped a colleague who was struggling with their workload." {
        probes = {
          "How did you notice they needed help?",
          "What did you offer to do?",
          "How did you balance it with your own work?",
          "What difference did it make?",
          "What would you do differently?",
        },
      },
    },
  },

  level(2) {
    summary = "Works constructively with colleagues in and around own team, raising and settling minor friction with some support.",
    behaviours = {
      behaviour "Agrees roles and responsibilities with teammates at the start of a shared piece of work." {
        terms = { "roles", "responsibilities", "agreed", "who does what" },
      },
      "Raises a disagreement directly and politely with the person concerned rather than going around them.",
      behaviour "Asks for colleagues' input before finalising work that affects them." {
        terms = { "input", "consulted", "asked for views", "feedback" },
        evidence = { [[\b(consulted|asked (for )?(their|his|her|the team's) (input|views|opinions?))\b]] },
      },
      "Adapts own working style to fit the team's agreed ways of working.",
      "Acknowledges the contributions of others in team updates.",
    },
    questions = {
      question "Tell me about a time you disagreed with a teammate about how to approach a task." {
        probes = {
          "What was the disagreement about?",
          "How did you raise it?",
          "How did you reach an agreement?",
          "What was the outcome for the work and for your relationship?",
          "What did you learn?",
        },
      },
      question "Describe a situation where you worked with someone whose working style was very different from yours." {
        probes = {
          "How did your styles differ?",
          "What difficulties did this cause?",
          "What did you do to work well together?",
          "What was the result?",
          "What did you take away from the experience?",
        },
      },
    },
  },

  level(3) {
    summary = "Builds effective working relationships across teams and functions, handling conflict and competing priorities independently.",
    behaviours = {
      behaviour "Works with other teams to resolve dependencies and align plans." {
        terms = { "dependencies", "cross-functional", "other teams", "aligned plans" },
        evidence = { [[\b(dependenc(y|ies)|cross[- ]functional|other teams?)\b]] },
      },
      "Mediates conflict between team members by helping each side understand the other's position.",
      "Builds relationships with counterparts in other departments before they are needed.",
      behaviour "Shares credit and accountability for joint outcomes, including failures." {
        terms = { "shared credit", "joint outcome", "accountability", "owned the mistake" },
      },
      "Seeks out quieter or remote colleagues and includes them in discussions and decisions.",
    },
    questions = {
      question "Tell me about a time you needed cooperation from another team that had different priorities." {
        probes = {
          "What did you need from them, and why?",
          "What were their priorities and constraints?",
          "How did you approach them?",
          "What was agreed, and how did it work out?",
          "What would you do differently?",
        },
      },
      question "Describe a situation where you helped resolve a conflict within a team." {
        probes = {
          "What was the conflict and who was involved?",
          "How did you come to be involved?",
          "What steps did you take?",
          "What was the outcome?",
          "What did you learn about handling conflict?",
        },
      },
    },
  },

  level(4) {
    summary = "Leads collaboration in complex, multi-party or cross-organisational settings and advises others on working together.",
    behaviours = {
      behaviour "Brings together groups with conflicting interests to agree a shared objective and a way of working." {
        terms = { "stakeholders", "shared objective", "conflicting interests", "facilitated" },
        evidence = { [[\b(facilitat(ed|ing)|brought (them |everyone |the groups )?together)\b]] },
      },
      "Sets up partnerships with external organisations, agreeing roles, decision rights and escalation routes.",
      "Advises managers on team structures and practices that encourage cooperation.",
      behaviour "Rebuilds trust between teams after a failed or contentious joint project." {
        terms = { "trust", "rebuilt", "relationship", "repaired" },
      },
      "Identifies and removes barriers, such as conflicting targets, that discourage teams from working together.",
    },
    questions = {
      question "Tell me about a time you led a piece of work that depended on several teams or organisations." {
        probes = {
          "What was the work and who was involved?",
          "How did you establish shared goals and responsibilities?",
          "What tensions arose, and how did you handle them?",
          "What was achieved?",
          "What would you do differently?",
        },
      },
      question "Describe a situation where you had to rebuild a working relationship that had broken down." {
        probes = {
          "What had gone wrong?",
          "Why was it important to repair it?",
          "What did you do?",
          "How did the relationship change?",
          "What did you learn?",
        },
      },
    },
  },

  level(5) {
    summary = "Creates the conditions for collaboration across the organisation and is recognised as an authority on partnership working.",
    behaviours = {
      behaviour "Designs organisational structures, incentives or processes that reward shared outcomes over individual gain." {
        terms = { "incentives", "shared outcomes", "operating model", "structures" },
      },
      "Builds strategic alliances with outside partners that deliver long-term mutual benefit.",
      "Models collaborative behaviour at senior level, openly sharing resources and credit with peers.",
      behaviour "Develops new methods or frameworks for cross-organisational working that others adopt." {
        terms = { "framework", "new approach", "adopted", "partnership model" },
      },
      "Resolves entrenched rivalries between major groups or functions.",
    },
    questions = {
      question "Tell me about a time you changed how different parts of an organisation worked together." {
        probes = {
          "What was wrong with the way they worked before?",
          "How did you build the case for change?",
          "What did you introduce?",
          "How did you deal with resistance?",
          "What was the lasting effect?",
        },
      },
      question "Describe a situation where you established a long-term partnership with another organisation." {
        probes = {
          "What was the purpose of the partnership?",
          "How did you build trust with the other party?",
          "How did you agree governance and shared goals?",
          "What has the partnership achieved?",
          "What did you learn that you have shared with others?",
        },
      },
    },
  },
}
