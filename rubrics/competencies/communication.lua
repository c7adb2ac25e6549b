-- Communication: conveying ideas clearly, listening well and adapting to the audience.
competency "communication" {
  title = "Communication",
  definition = "Conveys information and ideas clearly, listens to understand others, and adapts the message and medium to the audience and purpose.",
  scale = "proficiency",

  level(1) {
    summary = "Shares routine information accurately and listens attentively, checking understanding when unsure.",
    behaviours = {
      behaviour "Listens to instructions without interrupting and asks questions to confirm what is needed." {
        terms = { "listened", "asked questions", "clarified", "confirmed" },
      },
      "Writes short messages and emails that state the point and any action required.",
      "Passes on information from meetings to the colleagues it affects.",
      behaviour "Replies to enquiries promptly or says when a full answer will follow." {
        terms = { "replied", "responded promptly", "followed up", "acknowledged" },
      },
    },
    questions = {
      question "Tell me about a time you had to make sure you had understood an instruction correctly before acting on it." {
        probes = {
          "What was the instruction and who gave it?",
          "What made you unsure about what was being asked?",
          "What did you do to check your understanding?",
          "What happened as a result?",
          "What would you do differently next time?",
        },
      },
      question "Describe a situation where you had to pass on information to someone who had not been present when it was shared." {
        probes = {
          "What was the information and why did it matter to them?",
          "How did you decide what to include?",
          "How did you get it to them?",
          "How did you know they had understood it?",
          "What did you learn from doing this?",
        },
      },
    },
  },

  level(2) {
    summary = "Explains familiar topics clearly to colleagues and customers, adjusting tone and detail with some guidance.",
    behaviours = {
      behaviour "Summarises a discussion in writing so that absent colleagues can act on it." {
        terms = { "summary", "minutes", "action points", "recap" },
        evidence = { [[\b(summari[sz]ed|recap(ped)?|wrote up)\b]] },
      },
      "Adjusts the level of technical detail when explaining a task to someone outside the team.",
      behaviour "Paraphrases what others have said to confirm shared understanding." {
        terms = { "paraphrased", "played back", "checked understanding", "in my own words" },
      },
      "Presents updates at team meetings using a clear structure and keeping to the time allowed.",
      "Asks a colleague or manager to review an important message before sending it.",
    },
    questions = {
      question "Tell me about a time you had to explain something technical or complex to someone without your background." {
        probes = {
          "Who was the audience and what did they need to know?",
          "How did you find out what they already understood?",
          "How did you adapt your explanation?",
          "How did you check that they had understood?",
          "What did you learn about explaining things to others?",
        },
      },
      question "Describe a situation where a message you sent was misunderstood." {
        probes = {
          "What was the message and how was it misread?",
          "How did you find out there was a problem?",
          "What did you do to put it right?",
          "What was the outcome?",
          "What do you now do differently when writing similar messages?",
        },
      },
    },
  },

  level(3) {
    summary = "Communicates effectively with the full range of everyday audiences and channels, including in sensitive or contested conversations.",
    behaviours = {
      behaviour "Chooses the channel and format for a message according to its urgency, audience and sensitivity." {
        terms = { "channel", "face to face", "format", "audience", "urgency" },
      },
      "Delivers unwelcome news honestly and with tact, explaining the reasons behind it.",
      behaviour "Invites questions and dissenting views in meetings and responds to them openly." {
        terms = { "invited questions", "concerns", "dissenting views", "open discussion" },
      },
      "Prepares written reports and proposals that lead readers from the evidence to a clear recommendation.",
      "Keeps stakeholders informed of progress and risks without waiting to be asked.",
    },
    questions = {
      question "Tell me about a time you had to deliver news that you knew the other person would not want to hear." {
        probes = {
          "What was the situation and what did you have to tell them?",
          "How did you prepare for the conversation?",
          "How did you deliver the message?",
          "How did they react, and how did you respond?",
          "What did you learn about handling difficult conversations?",
        },
      },
      question "Describe a situation where you had to communicate the same information to several different audiences." {
        probes = {
          "Who were the audiences and how did their needs differ?",
          "How did you decide on the content and channel for each?",
          "What did you change between versions?",
          "How well did each message land?",
          "What would you do differently another time?",
        },
      },
    },
  },

  level(4) {
    summary = "Handles high-stakes, complex or conflicting communication and coaches others to communicate well.",
    behaviours = {
      behaviour "Coaches colleagues on structuring presentations and written work, giving specific feedback on drafts." {
        terms = { "coached", "feedback on drafts", "structure", "reviewed" },
        evidence = { [[\b(coach(ed|ing)|mentor(ed|ing))\b]] },
      },
      "Negotiates a shared message with stakeholders who hold opposing views.",
      "Plans the communication for a change or incident, deciding who needs to hear what, when and from whom.",
      behaviour "Presents persuasively to senior or external audiences and handles challenging questions calmly." {
        terms = { "senior leaders", "presented", "persuaded", "challenging questions" },
      },
      "Recognises the concerns underlying a tense conversation and addresses them directly.",
    },
    questions = {
      question "Tell me about a time you were responsible for planning how a significant change would be communicated." {
        probes = {
          "What was the change and who was affected?",
          "How did you work out what each group needed to know?",
          "What sequence and channels did you use, and why?",
          "How did people respond?",
          "What would you change about the plan now?",
        },
      },
      question "Describe a situation where you helped a colleague improve the way they communicated." {
        probes = {
          "What had you noticed about their communication?",
          "How did you raise it with them?",
          "What guidance or practice did you offer?",
          "How did their communication change?",
          "What did you learn about coaching others?",
        },
      },
    },
  },

  level(5) {
    summary = "Shapes how the organisation communicates and is sought out as an authority on its most difficult communication.",
    behaviours = {
      behaviour "Sets communication standards, templates or guidance that are adopted across the organisation." {
        terms = { "style guide", "communication standards", "templates", "adopted" },
        evidence = { [[\b(style guide|communication (standards|guidelines)|playbook)\b]] },
      },
      "Designs channels and forums that improve the flow of information between departments.",
      "Represents the organisation in sensitive external communication, such as with regulators, the media or the public.",
      behaviour "Builds a culture of open dialogue in which people raise bad news early." {
        terms = { "culture", "open dialogue", "bad news early", "psychological safety" },
      },
      "Evaluates the effect of organisation-wide communication and changes the approach in light of the findings.",
    },
    questions = {
      question "Tell me about a time you changed the way information flowed across an organisation." {
        probes = {
          "What problem were you trying to solve?",
          "How did you diagnose the cause?",
          "What did you introduce or change?",
          "How did you win support from other leaders?",
          "How did you measure the effect over time?",
        },
      },
      question "Describe a situation where you represented your organisation in a high-profile or sensitive communication." {
        probes = {
          "What was at stake and who was the audience?",
          "How did you prepare your message and anticipate questions?",
          "Who did you consult beforehand?",
          "What happened?",
          "What did you learn that you have since passed on to others?",
        },
      },
    },
  },
}
