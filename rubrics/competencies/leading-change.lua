-- Leading Change: helping people and teams move from the way things are done now to a better way.
competency "leading-change" {
  title = "Leading Change",
  definition = "Recognising when things need to change, making the case for it, and guiding people through the transition so that new ways of working take hold and last.",
  scale = "proficiency",

  level(1) {
    summary = "Understands why changes happen at work and adjusts own routines constructively when a change affects them.",
    behaviours = {
      behaviour "Adapts own working habits promptly when a new process or tool is introduced." {
        terms = { "adapted", "new process", "new tool", "adjusted my routine" },
      },
      "Asks questions to understand the reasons behind a change before forming a view.",
      "Raises practical concerns about a change through the proper channels rather than resisting quietly.",
      behaviour "Suggests small improvements to everyday tasks within own area." {
        terms = { "suggested", "improvement", "small change", "quicker way" },
      },
    },
    questions = {
      question "Tell me about a time when a change at work affected the way you did your job." {
        probes = {
          "What was the change, and how did you first hear about it?",
          "What did you need to do differently as a result?",
          "What steps did you take to get used to the new way of working?",
          "How did things turn out for you and for the work?",
          "Looking back, what would you do differently the next time something changes?",
        },
      },
      question "Describe a situation where you spotted a better way of doing a routine task." {
        probes = {
          "What was the task, and what made you think it could be improved?",
          "Whose agreement did you need before trying something new?",
          "What exactly did you suggest or try?",
          "What difference did it make?",
          "What did you learn about putting forward ideas?",
        },
      },
    },
  },

  level(2) {
    summary = "Helps colleagues adopt well-defined changes within the team, with guidance from a manager or change lead.",
    behaviours = {
      behaviour "Explains the purpose of a planned change to colleagues in plain terms." {
        terms = { "explained why", "purpose", "reason for the change", "benefits" },
        evidence = { [[\bexplain(ed|ing)?\b.{0,60}\b(why|reason|purpose|benefit)]] },
      },
      "Carries out assigned tasks in a change plan on time and reports progress.",
      behaviour "Supports colleagues who are struggling with a new process by showing them how it works." {
        terms = { "showed them", "helped colleagues", "walked through", "training session" },
      },
      "Passes feedback from the team about a change back to those leading it.",
      "Models the new way of working consistently so that others can follow.",
    },
    questions = {
      question "Tell me about a time you helped colleagues get used to a new system or procedure." {
        probes = {
          "What was being introduced, and why?",
          "What part were you asked to play?",
          "How did you help people who found it difficult?",
          "How well was the change adopted in the end?",
          "What did you learn about helping others through change?",
        },
      },
      question "Describe a situation where you passed on concerns from your team about a change that was under way." {
        probes = {
          "What was the change, and what were people worried about?",
          "Why did you decide to raise it?",
          "How did you present the concerns, and to whom?",
          "What happened as a result?",
          "What would you do the same or differently another time?",
        },
      },
    },
  },

  level(3) {
    summary = "Plans and leads changes within own team or area, winning commitment and dealing with resistance without needing close supervision.",
    behaviours = {
      behaviour "Builds a clear case for change that links the problem, the proposed solution and the expected benefits." {
        terms = { "case for change", "business case", "expected benefits", "problem statement" },
      },
      behaviour "Plans the steps, timing and resources needed to implement a change in own area." {
        terms = { "implementation plan", "milestones", "timeline", "phased", "pilot" },
        evidence = { [[\b(pilot(ed)?|phased|roll(ed)?[- ]?out|milestones?)\b]] },
      },
      "Involves the people affected early so they help shape how the change is made.",
      behaviour "Responds to resistance by listening to objections and adjusting the approach where they are valid." {
        terms = { "resistance", "objections", "pushback", "listened", "adjusted" },
      },
      "Tracks whether the change is delivering the intended benefits and corrects course when it is not.",
    },
    questions = {
      question "Tell me about a time you led a change in the way your team worked." {
        probes = {
          "What prompted the change, and what was your role?",
          "What were you trying to achieve?",
          "How did you plan it and bring people along with you?",
          "How did you know whether it had worked?",
          "What did you learn about leading change that you still use?",
        },
      },
      question "Describe a situation where people pushed back strongly on a change you were responsible for." {
        probes = {
          "What was the change, and who was resisting it?",
          "What did you need to get done despite the pushback?",
          "What did you do to understand and respond to their objections?",
          "What was the outcome, for the change and for your working relationships?",
          "What would you do differently if you faced the same resistance again?",
        },
      },
    },
  },

  level(4) {
    summary = "Leads complex changes that cross teams or functions and coaches other managers to lead change well.",
    behaviours = {
      behaviour "Leads changes that span several teams or functions, aligning their priorities and timelines." {
        terms = { "cross-functional", "several teams", "stakeholders", "aligned priorities" },
      },
      behaviour "Maps stakeholders and tailors engagement to their influence and level of support." {
        terms = { "stakeholder map", "sponsors", "influence", "engagement plan" },
        evidence = { [[\bstakeholder(s)?\b.{0,40}\b(map(ped|ping)?|analysis|engage(d|ment)?)\b]] },
      },
      "Anticipates the effect of change on workload, morale and performance and puts support in place before problems arise.",
      "Advises other managers on how to plan, communicate and sustain the changes they are leading.",
      "Builds new ways of working into processes, measures and roles so the change outlasts the project.",
    },
    questions = {
      question "Tell me about a time you led a change that involved several teams or departments with different priorities." {
        probes = {
          "What was the change, and which groups were involved?",
          "What did you have to achieve, and by when?",
          "How did you bring the different groups into line with one another?",
          "What was the result, and how did you measure it?",
          "What did you learn about leading change across boundaries?",
        },
      },
      question "Describe a situation where you helped another manager lead a difficult change." {
        probes = {
          "What was the change, and what was the manager finding hard?",
          "How did you come to be advising them?",
          "What advice or support did you give?",
          "How did the change and the manager progress afterwards?",
          "What did the experience teach you about developing others as change leaders?",
        },
      },
    },
  },

  level(5) {
    summary = "Shapes organisation-wide change, creates new approaches to leading it and is sought out as an authority on change.",
    behaviours = {
      behaviour "Sets a compelling direction for organisation-wide change that connects with strategy and with what people value." {
        terms = { "vision", "strategy", "organisation-wide", "direction", "transformation" },
      },
      "Develops the organisation's own methods, tools and guidance for leading change.",
      "Builds the organisation's capability for change by growing change leaders at every level.",
      "Judges how much change the organisation can absorb and sequences major initiatives accordingly.",
      "Acts as a trusted adviser to senior leaders on the people side of major change.",
    },
    questions = {
      question "Tell me about a time you set the direction for a major change that affected the whole organisation." {
        probes = {
          "What was the wider context, and why was change needed?",
          "What were you accountable for?",
          "How did you build and communicate the direction so that people committed to it?",
          "What were the lasting results for the organisation?",
          "What would you do differently if you led a change of that size again?",
        },
      },
      question "Describe a situation where you created a new approach or framework for how your organisation handles change." {
        probes = {
          "What gap or problem led you to create it?",
          "What did you set out to achieve?",
          "How did you design it, test it and win support for it?",
          "How widely has it been used, and with what effect?",
          "What have you learnt from how it has been used in practice?",
        },
      },
    },
  },
}
