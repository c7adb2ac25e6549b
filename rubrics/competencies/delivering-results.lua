-- Delivering Results: turning goals into finished, good-quality outcomes that matter.
competency "delivering-results" {
  title = "Delivering Results",
  definition = "Taking ownership of goals, organising work and resources, and persisting through obstacles to produce good-quality outcomes on time.",
  scale = "proficiency",

  level(1) {
    summary = "Completes own clearly defined tasks to the expected standard and deadline, asking for help when stuck.",
    behaviours = {
      behaviour "Completes assigned tasks accurately and by the agreed deadline." {
        terms = { "deadline", "on time", "completed", "accurate" },
      },
      "Checks own work against the expected standard before handing it over.",
      "Asks for help or clarification early when unsure how to proceed.",
      behaviour "Lets others know promptly when a task is likely to be late." {
        terms = { "let them know", "flagged", "delay", "warned" },
      },
    },
    questions = {
      question "Tell me about a time you had to finish a piece of work to a tight deadline." {
        probes = {
          "What was the work, and why was the deadline tight?",
          "What exactly were you responsible for?",
          "How did you organise yourself to get it done?",
          "Did you meet the deadline, and what was the quality like?",
          "What did you learn about managing your own time?",
        },
      },
      question "Describe a situation where you realised you could not finish a task as planned." {
        probes = {
          "What was the task, and what got in the way?",
          "When did you realise there was a problem?",
          "What did you do about it, and who did you tell?",
          "How did it turn out?",
          "What would you do differently next time?",
        },
      },
    },
  },

  level(2) {
    summary = "Plans and delivers own workload across several tasks, with some guidance on priorities.",
    behaviours = {
      behaviour "Sets out a simple plan for own work with clear steps and dates." {
        terms = { "plan", "to-do list", "steps", "schedule" },
      },
      behaviour "Prioritises tasks by urgency and importance and checks priorities with the manager when they conflict." {
        terms = { "prioritised", "urgent", "important", "competing deadlines" },
        evidence = { [[\bprioriti[sz](e|ed|ing)\b]] },
      },
      "Keeps going with a task when meeting routine setbacks rather than waiting to be told what to do.",
      "Uses feedback on completed work to raise the quality of the next piece.",
      "Keeps the manager informed of progress without needing to be chased.",
    },
    questions = {
      question "Tell me about a time you had several pieces of work due at once." {
        probes = {
          "What were the tasks, and who were they for?",
          "What did you need to deliver, and by when?",
          "How did you decide what to do first?",
          "What was delivered, and how was it received?",
          "What did the experience teach you about prioritising?",
        },
      },
      question "Describe a situation where you ran into a setback partway through a task." {
        probes = {
          "What was the task, and what went wrong?",
          "What was at stake if it was not finished?",
          "What did you do to get it back on track?",
          "What was the final result?",
          "What did you learn from the setback?",
        },
      },
    },
  },

  level(3) {
    summary = "Takes ownership of results across the full range of typical work, setting goals, managing resources and overcoming obstacles independently.",
    behaviours = {
      behaviour "Sets clear, measurable goals for own work or team and agrees them with those who depend on the outcome." {
        terms = { "measurable goals", "targets", "objectives", "agreed", "success criteria" },
        evidence = { [[\b(measurable|smart|kpis?|okrs?|success criteria)\b]] },
      },
      "Organises people, time and budget so that work is delivered to the agreed scope and quality.",
      behaviour "Tracks progress against milestones and acts early when work begins to slip." {
        terms = { "milestones", "tracked progress", "slipping", "behind schedule" },
      },
      "Removes obstacles for the team by solving problems or escalating them to the right person.",
      "Holds self and others accountable for commitments in a fair and consistent way.",
    },
    questions = {
      question "Tell me about a time you were responsible for delivering a significant piece of work from start to finish." {
        probes = {
          "What was the work, and why did it matter?",
          "What goals or standards did you have to meet?",
          "How did you plan it and keep it on track?",
          "What did you achieve, and how did you measure it?",
          "What did you learn that you have applied since?",
        },
      },
      question "Describe a situation where a project you owned started to fall behind." {
        probes = {
          "What was the project, and what caused the delay?",
          "What were you accountable for delivering?",
          "What actions did you take to recover the position?",
          "What was the outcome for the deadline, the budget and the quality?",
          "What would you do differently to avoid slipping in future?",
        },
      },
    },
  },

  level(4) {
    summary = "Delivers results in complex or unfamiliar situations involving several teams and helps others improve how they deliver.",
    behaviours = {
      behaviour "Delivers complex programmes with many dependencies, managing risks and trade-offs across teams." {
        terms = { "dependencies", "risks", "trade-offs", "programme", "several teams" },
        evidence = { [[\b(trade[- ]?offs?|risk register|dependenc(y|ies)|mitigat(e|ed|ion))\b]] },
      },
      "Makes sound decisions on scope, time and cost when conditions change, and explains them to stakeholders.",
      behaviour "Keeps teams focused and motivated through long or demanding pieces of work." {
        terms = { "motivated", "focused", "momentum", "morale" },
      },
      "Advises other managers on planning, tracking and recovering the delivery of their own work.",
      "Introduces measures that show whether work is creating real value, not only whether it is finished.",
    },
    questions = {
      question "Tell me about a time you delivered a result in a situation that was new or highly uncertain." {
        probes = {
          "What made the situation new or uncertain?",
          "What were you expected to achieve?",
          "How did you decide on your approach and manage the risks?",
          "What was the result, and how did you judge its success?",
          "What did you learn about delivering in uncertain conditions?",
        },
      },
      question "Describe a situation where you helped another team or manager turn around work that was failing to deliver." {
        probes = {
          "What was going wrong, and how did you become involved?",
          "What needed to be achieved?",
          "What did you advise or do to turn things around?",
          "What was the outcome?",
          "What did you learn about helping others to deliver?",
        },
      },
    },
  },

  level(5) {
    summary = "Shapes how the organisation sets and achieves its goals, creating new approaches to delivery and being recognised as an authority on performance.",
    behaviours = {
      behaviour "Translates organisational strategy into clear, connected goals for divisions and teams." {
        terms = { "strategy", "organisational goals", "cascaded", "priorities", "alignment" },
      },
      "Designs organisation-wide approaches for planning, tracking and reporting on performance.",
      "Decides where to invest or withdraw resources based on the value each initiative delivers.",
      "Builds a culture in which people take ownership of outcomes and learn from both successes and failures.",
      "Is consulted by senior leaders on how to deliver the organisation's most critical commitments.",
    },
    questions = {
      question "Tell me about a time you changed the way your organisation set or tracked its goals." {
        probes = {
          "What was wrong with the previous approach?",
          "What were you trying to achieve for the organisation?",
          "How did you design the new approach and get it adopted?",
          "What impact has it had on performance?",
          "What have you learnt from it since?",
        },
      },
      question "Describe a situation where you had to decide to stop or scale back a major initiative to protect wider results." {
        probes = {
          "What was the initiative, and why was it under question?",
          "What responsibility did you hold for the decision?",
          "How did you reach the decision and win support for it?",
          "What was the effect on the organisation's results?",
          "What did you learn about making such decisions?",
        },
      },
    },
  },
}
