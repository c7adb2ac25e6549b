-- Coaching for competencies: the six-step discussion between a manager and an
-- employee, transcribed from the Competency Discussion Planner. `rubric
-- discuss` walks through these steps with the two assessments (`rubric
-- assess`); change the steps here to change the discussion.
process "coaching-for-competencies" {
  title = "Coaching for competencies",
  description = "The Competency Discussion Planner will help you to prepare for a discussion with an employee in which you will: Come to agreement on the ratings for each core competency; Identify key strengths and areas for development; Help the employee begin preparing a plan to develop the employee’s competencies.",

  -- Keys to effective coaching, and the confidentiality ground rule.
  principles_title = "Keys to effective coaching",
  principles = {
    "Positive and constructive, to support continuous improvement and growth",
    "Participatory -- employees are involved in all stages of assessment and development planning",
    "Self-directed -- employees assumes primary responsibility for managing their own development",
    "Future-oriented – coaching focuses on future performance, not on past mistakes",
    "Confidentiality is one of the core ethical standards of coaching: during coaching engagements, the client owns the assessment data, and it is the client’s responsibility to share the information with the next level leader.",
  },

  referral = "Coaching is not a replacement for counselling. Counselling focuses on improving emotional and psychological well-being, helping people address current life challenges. Coaching isn’t a replacement for personal stress management. Stress management involves using techniques and strategies to control stress levels, aiming to improve mental and physical well-being. To find the support you need, please refer to Employee and Family Assistance Services.",

  steps = {
    step "Prepare for the session" {
      id = "prepare",
      purpose = "Before the holding the competency discussion, both you and the employee should:",
      prompts = {
        "Independently assess the employee’s performance relative to the competencies – using the Competencies Assessment Questionnaire (CAQ) – to identify the employee’s: Areas of strength; Opportunities for development",
        "Gather and note examples of behaviours relative to the employee’s competencies to support your assessment and to share with the employee during the discussion",
        "Schedule an appointment for a competencies coaching session with the employee",
        "Ask the employee to complete Step 1 of the Competencies Discussion Planner: Employee",
        "Complete an assessment of the employee’s competencies to identify the employee’s strengths and development opportunities",
      },
      shows = { "strengths", "development" },
      record = { "Potential development activities:" },
    },

    step "Create the climate and initiate discussion" {
      id = "climate",
      purpose = "When the coaching session begins, create a comfortable climate to ensure the employee is relaxed and understands the objective of the session, and then initiate the discussion.",
      prompts = {
        "Ensure the discussion is private and confidential, with no telephone calls or interruptions",
        "Express support and interest in the employee’s development",
        "Guide the discussion (without dominating it) by asking questions to help the employee assess his/her performance. Coaching is a shared process where the employee is expected to take an active role in identifying competencies to develop and finding solutions; the employee leads, the coach supports",
        "Maintain a helpful/constructive tone",
        "Initiate the discussion using the assessment data as a basis. Where the employee has made progress toward achieving his/her goals, recognize this success to reinforce desired behaviours, help maintain motivation and contribute to job satisfaction.",
        "Have the employee describe areas for development/possible coaching from his/her perspective. Record areas of agreement and disagreement and discuss them. You will need to draw upon the behavioural examples you noted on the previous page, and have the employee share his/her examples where your assessments differ.",
        "Probe for behavioural examples by asking questions such as:",
      },
      questions = {
        "Which competencies did you identify as your key strengths?",
        "Which competencies do you see as potential areas for development?",
      },
      shows = { "comparison" },
    },

    step "Identify areas of strength and opportunities for development" {
      id = "strengths-and-opportunities",
      purpose = "The key focus of the session is to identify and agree on the employee’s areas of strength and opportunities for development.",
      prompts = {
        "Agree on areas of strength",
        "Jointly determine development priorities",
        "Agree on 2-3 competencies for development",
        "Establish the goal or target level for performance",
        "Remember, it is a shared process",
        "Check for agreement and understanding",
      },
      questions = {
        "Which of the areas we discussed do you feel you would work on and why?",
        "What is your goal in this area?",
      },
      banks = {
        "career-conversation.strengths",
        "career-conversation.areas-of-development",
        "career-conversation.future-skills",
      },
      record = {
        "Agreed areas of strength:",
        "Competencies for development (2-3) and target level:",
      },
    },

    step "Discuss barriers/challenges" {
      id = "barriers",
      purpose = "At this stage, you and the employee should jointly discuss possible challenges to reaching targeted competency level(s).",
      prompts = {
        "Listen actively, which involves restating, in your own words, what the employee is saying, and summarizing key points",
        "Probe for details",
        "Offer your insights",
        "Check for agreement",
      },
      questions = {
        "What potential challenges do you foresee?",
      },
      record = { "Challenges:" },
      referral = "Coaching is not psychotherapy. At times, the coach may refer the client to the EAP for additional support. Coaching does not include providing guidance on Human Resource processes. The coach will refer the client to HR for support and may consult with HR as needed.",
    },

    step "Agree on a development plan" {
      id = "development-plan",
      purpose = "Once you have come to agreement on areas for development, you and the employee need to discuss development activities and agree on a plan to develop the identified competencies. Then, have the employee prepare his/her development plan based on your discussion.",
      prompts = {
        "(The employee may want to refer to the Core Competency Development Resource Guide (DRG) for ideas to develop the identified competencies.)",
        "What development actions will the employee take?",
        "How will challenges be addressed?",
        "What support will be provided (by you and/or others?",
        "What is the time frame for completion?",
      },
      questions = {
        "What ideas do you have for developing these competencies?",
        "What specific actions will you take?",
        "What support/assistance do you need from me?",
        "How will you address the challenges we discussed?",
        "What is a realistic time frame for completing these development activities?",
        "What actions will you take to develop each of the identified competencies?",
        "How do you propose to address the challenges identified?",
        "What do you feel are reasonable timeframes?",
        "What support do you need from me?",
      },
      banks = {
        "career-conversation.career-options",
        "career-conversation.experience-wanted",
        "growth-options",
      },
      record = {
        "Actions the employee will take:",
        "Actions you will take:",
      },
    },

    step "Follow up" {
      id = "follow-up",
      purpose = "At the end of the coaching for competencies discussion, schedule a follow-up meeting to review the employee’s progress.",
      prompts = {
        "Schedule next coaching session to review progress",
        "The employee’s role is to share his/her progress with regard to the development plan and identify any challenges or difficulties he/she may be having",
        "Your role, as coach, is to recognize successes where the employee has made progress, and to assist with problem solving and provide additional help and support as required",
      },
      shows = { "follow-up" },
    },
  },
}
