-- Problem Solving: defining problems, analysing causes and putting workable solutions into effect.
competency "problem-solving" {
  title = "Problem Solving",
  definition = "Identifies and analyses problems, weighs options using evidence and judgement, and puts workable solutions into effect.",
  scale = "proficiency",

  level(1) {
    summary = "Recognises when something is not working and tackles straightforward problems by following established steps.",
    behaviours = {
      behaviour "Notices and reports errors or faults rather than working around them." {
        terms = { "noticed", "reported", "error", "fault" },
      },
      "Follows a checklist or known procedure to fix a routine problem.",
      behaviour "Gathers the basic facts of a problem before asking for help." {
        terms = { "facts", "details", "what happened", "gathered information" },
      },
      "Asks more experienced colleagues how they solved similar problems.",
    },
    questions = {
      question "Tell me about a time you spotted a problem that others had missed." {
        probes = {
          "What was the problem?",
          "How did you notice it?",
          "What did you do about it?",
          "What happened as a result?",
          "What did you learn?",
        },
      },
      question "Describe a situation where you had to fix something using a procedure or guidance you had not used before." {
        probes = {
          "What needed fixing?",
          "Where did you find the procedure?",
          "What steps did you take?",
          "Did it work?",
          "What would you do differently next time?",
        },
      },
    },
  },

  level(2) {
    summary = "Solves common problems with moderate guidance, looking beyond the symptoms and comparing a few options.",
    behaviours = {
      behaviour "Breaks a problem into smaller parts to find where it starts." {
        terms = { "broke down", "narrowed down", "isolated", "step by step" },
        evidence = { [[\b(narrow(ed)? (it )?down|isolat(ed|ing)|broke (it )?down)\b]] },
      },
      "Suggests two or three possible solutions and explains the pros and cons of each.",
      behaviour "Tests a fix on a small scale before applying it fully." {
        terms = { "tested", "trial", "pilot", "checked it worked" },
      },
      "Checks after a fix that the problem has not returned.",
      "Escalates a problem promptly when it is beyond own knowledge, passing on what has already been tried.",
    },
    questions = {
      question "Tell me about a time you worked out the cause of a problem rather than just dealing with its effects." {
        probes = {
          "What were the symptoms?",
          "How did you go about finding the cause?",
          "Who did you involve?",
          "What did you do once you had found it?",
          "What did you learn?",
        },
      },
      question "Describe a situation where you had to choose between several ways of solving a problem." {
        probes = {
          "What were the options?",
          "How did you compare them?",
          "Which did you choose, and why?",
          "How did it work out?",
          "Would you choose differently now?",
        },
      },
    },
  },

  level(3) {
    summary = "Resolves the full range of typical problems independently, using data and root-cause analysis to choose lasting solutions.",
    behaviours = {
      behaviour "Uses root-cause techniques such as the five whys or a fault tree to find underlying causes." {
        terms = { "root cause", "five whys", "fault tree", "underlying cause" },
        evidence = { [[\b(root[- ]cause|five whys|5 whys|fishbone|ishikawa)\b]] },
      },
      "Collects and analyses data to test assumptions about a problem.",
      behaviour "Weighs solutions against cost, risk and effect on others before deciding." {
        terms = { "trade-off", "risk", "cost", "impact" },
      },
      "Makes sound decisions when information is incomplete, stating the assumptions made.",
      "Puts changes in place to stop a problem recurring and documents them for others.",
    },
    questions = {
      question "Tell me about a time you solved a recurring problem for good." {
        probes = {
          "What was the problem and how often did it occur?",
          "How did you investigate it?",
          "What did you find was the root cause?",
          "What did you change, and how did you confirm it worked?",
          "What did you learn?",
        },
      },
      question "Describe a situation where you had to make a decision about a problem without all the information you wanted." {
        probes = {
          "What information was missing?",
          "How did you assess the risks?",
          "What assumptions did you make?",
          "What did you decide, and what happened?",
          "What would you do differently?",
        },
      },
    },
  },

  level(4) {
    summary = "Tackles complex, novel or ambiguous problems that span several areas and advises others on how to approach them.",
    behaviours = {
      behaviour "Frames an ambiguous problem by defining its scope, success criteria and constraints before seeking solutions." {
        terms = { "scope", "success criteria", "constraints", "defined the problem" },
      },
      "Leads people from different disciplines through structured problem-solving sessions.",
      "Analyses how a problem in one system or process affects others.",
      behaviour "Advises colleagues on how to approach difficult problems, challenging weak reasoning constructively." {
        terms = { "advised", "challenged", "reasoning", "assumptions" },
      },
      "Develops contingency plans for problems that cannot yet be fully solved.",
    },
    questions = {
      question "Tell me about a time you were asked to solve a problem that nobody had clearly defined." {
        probes = {
          "What did you know at the start?",
          "How did you define the problem?",
          "Who did you involve, and why?",
          "What solution did you reach, and how was it received?",
          "What did you learn about handling ambiguity?",
        },
      },
      question "Describe a situation where you guided others through a complex problem that crossed team or system boundaries." {
        probes = {
          "What made the problem complex?",
          "What approach did you propose?",
          "How did you keep the group focused?",
          "What was the result?",
          "What advice would you give someone facing a similar problem?",
        },
      },
    },
  },

  level(5) {
    summary = "Develops new problem-solving methods and is recognised across the organisation as the person to consult on its hardest problems.",
    behaviours = {
      behaviour "Creates new methods or tools for problem analysis that are adopted beyond own area." {
        terms = { "new method", "tool", "adopted", "framework" },
      },
      "Solves strategic problems that have no precedent and whose shape keeps changing.",
      behaviour "Builds the organisation's problem-solving capability through training, coaching or communities of practice." {
        terms = { "training", "community of practice", "capability", "coaching" },
      },
      "Anticipates emerging problems from trends and acts before they affect the organisation.",
      "Sets expectations for how the organisation learns from failure, such as through blameless reviews.",
    },
    questions = {
      question "Tell me about a time you developed a new approach to solving a type of problem." {
        probes = {
          "Why were the existing approaches not good enough?",
          "How did you develop the new approach?",
          "How did you test it?",
          "How did you get others to adopt it?",
          "What has been its lasting effect?",
        },
      },
      question "Describe a situation where you anticipated a significant problem before it happened." {
        probes = {
          "What signals did you notice?",
          "How did you convince others that the risk was real?",
          "What action did you take?",
          "What was the outcome?",
          "What did you learn about spotting problems early?",
        },
      },
    },
  },
}
