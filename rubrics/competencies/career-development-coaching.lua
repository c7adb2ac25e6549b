-- Competency rubric: Career Development and Coaching (behaviours and interview questions per proficiency level).
competency "career-development-coaching" {
  title = "Career Development and Coaching",
  definition = "Fostering employee development by providing resources, tools and information.",
  scale = "proficiency",

  level(1) {
    behaviours = {
      behaviour "Shares knowledge with other employees." {
        terms = { "share knowledge", "knowledge sharing", "colleagues" },
      },
      "Provides advice to others on how to perform work tasks.",
      behaviour "Defines own career goals and expectations." {
        terms = { "career goals", "expectations", "career path" },
      },
      "Identifies conflicts between personal goals and expectations and career goals.",
      behaviour "Works with others to produce innovative solutions." {
        terms = { "collaborate", "innovative solutions", "teamwork" },
      },
    },
    questions = {
      question "Describe a situation where you realized you were capable of providing coaching advice to a new employee?" {
        probes = {
          "Was it part of your official role?",
          "What did you feel you could do to contribute to the individual's development?",
          "What advice and guidance did you give to him/her?",
          "How was it received?",
          "Was the individual better at the job after you helped?",
        },
      },
      question "How did you determine what your career path should look like?" {
        probes = {
          "What questions did you ask yourself?",
          "What factors were critical to identifying and managing your own career?",
          "How did you gather the information related to each of these factors?",
          "Whose advice and guidance did you seek out?",
          "How do you measure career success?",
        },
      },
    },
  },

  level(2) {
    behaviours = {
      "Works with employees to set performance goals and expectations.",
      behaviour "Provides honest, timely, clear and specific feedback on performance in ways that maintain others’ self-esteem." {
        terms = { "feedback", "honest", "timely", "specific", "self-esteem" },
      },
      behaviour "Coaches staff, transferring accumulated knowledge and expertise." {
        terms = { "coach", "knowledge transfer", "expertise" },
        evidence = { [[\bcoach(ed|es|ing)?\b.{0,80}\b(knowledge|expertise|experience)\b]] },
      },
      behaviour "Conducts post-mortems with staff to identify and facilitate the application of lessons learned." {
        terms = { "post-mortem", "lessons learned", "debrief" },
      },
      "Leverages existing career development and coaching tools and resources.",
      "Uses appropriate career development assessments, both formal and informal, for the population served.",
    },
    questions = {
      question "Tell me about a time you successfully coached someone to deal with a difficult situation." {
        probes = {
          "Why did you become the coach and to whom?",
          "What difficulty did they face?",
          "What approach did you take as their coach?",
          "What specific techniques did you use?",
          "How did the situation work out?",
        },
      },
      question "Share an example of a time you helped someone identify and modify a behavior that was impeding his/her performance." {
        probes = {
          "What specific behaviour did you identify as being problematic?",
          "What impacts was the behaviour having on your/ the unit?",
          "What did you do to help modify the behaviour?",
          "How did you determine which approach to take?",
          "How did it work out?",
        },
      },
    },
  },

  level(3) {
    behaviours = {
      behaviour "Conducts development and career planning dialogues with employees." {
        terms = { "career planning", "development plan", "career conversation" },
      },
      behaviour "Identifies high potential individuals to provide them with targeted opportunities for growth." {
        terms = { "high potential", "talent", "targeted opportunities", "growth" },
      },
      behaviour "Mentors employees to promote their learning." {
        terms = { "mentor", "mentoring", "learning" },
        evidence = { [[\bmentor(ed|ing|s)?\b.{0,80}\b(learn(ed|ing|s)?|develop(ed|ing|ment)?|grow(th)?)\b]] },
      },
      "Conducts post-mortems to identify and facilitate the application of lessons learned.",
      "Supports different change management activities (e.g., communications, education, team development), sponsoring and implementing initiatives as needed.",
      "Creates new tools and resources for career development and coaching.",
      "Uses various computer-based resources and tools, e.g., job banks, online job searches, online career planning and assessment instruments.",
    },
    questions = {
      question "Share an occasion where you were instrumental in building an employee's confidence and skills." {
        probes = {
          "How did this situation come about?",
          "What tools and resources did you utilize to help frame the issues?",
          "What action did you take to help the individual?",
          "What skills improvements did you recommend?",
          "What was the overall effect of your efforts?",
        },
      },
      question "Describe a time when you took on a mentoring role with another employee." {
        probes = {
          "What was the reporting relationship?",
          "Why did you mentor this individual?",
          "How did you identify what you could help with?",
          "What did you do to influence the person you were mentoring?",
          "What did you gain from the exercise?",
        },
      },
    },
  },

  level(4) {
    behaviours = {
      behaviour "Establishes budgets for career planning and subsequent development activities." {
        terms = { "budget", "funding", "development activities" },
        evidence = { [[\b(budget(ed|s)?|fund(s|ed|ing)?)\b.{0,80}\b(career|development|training)\b]] },
      },
      behaviour "Guides people managers in career development and coaching conversations." {
        terms = { "people managers", "coaching conversations", "guide" },
      },
      "Addresses recurring interests or issues resulting from career development exercises.",
      "Establishes structures and processes to plan and manage the orderly implementation of change.",
      behaviour "Creates development goals that balance the needs of the organization with employees' career aspirations." {
        terms = { "development goals", "organizational needs", "career aspirations" },
      },
    },
    questions = {
      question "Discuss a time you sought out funds for career development activities in your unit?" {
        probes = {
          "What was the situation?",
          "How did you identify resource requirements?",
          "What information did you have/gather to support development needs?",
          "Who did you solicit for information and support?",
          "What was the result?",
        },
      },
      question "Describe a time you identified an organization’s career development needs?" {
        probes = {
          "Why was this required?",
          "What tools and methodologies did you use to ascertain the current capacity of the staff?",
          "What actions did you take to seek out potential opportunities for existing staff?",
          "How did you align the requirements for the future with the organization's direction?",
          "What was the result?",
        },
      },
    },
  },

  level(5) {
    behaviours = {
      "Sets clear expectations about investments in developing employees.",
      "Establishes organizational guidelines for appropriate career development activities.",
      behaviour "Develops organizational strategies to connect career development activities and organizational objectives." {
        terms = { "strategy", "organizational objectives", "alignment" },
      },
      behaviour "Creates a system to monitor and evaluate investments in career development." {
        terms = { "monitor", "evaluate", "investment", "return on investment" },
      },
    },
    questions = {
      question "Tell us about a scenario where you championed the establishment of career ladders or paths for your organization." {
        probes = {
          "Why was this necessary?",
          "What factors did you consider when looking at the future directions of the organization?",
          "What did you do to engage employees in this exercise?",
          "How did you get buy-in from your colleagues?",
          "How did the efforts pay off as time passed?",
        },
      },
      question "Describe a time you defended the level of career development investments, either current or proposed." {
        probes = {
          "What was the level of investments challenged?",
          "What information was critical to the business case?",
          "How did you incorporate the organization's strategic planning materials into the case?",
          "How did you establish the validity of the resource estimates for career development?",
          "Were your investments supported in the end?",
        },
      },
    },
  },
}
