-- Question banks for career coaching conversations (not tied to competency levels).
-- The career conversation questions have ids of their own, so that a process
-- step that names one (process/coaching-for-competencies.lua) keeps naming it
-- when questions are added or reordered here.
bank "career-conversation" {
  title = "Career conversation questions",
  description = "Career coaching is a conversation to help employees clarify their career aspirations and take steps towards their career goals.",
  questions = {
    question "What is career success to you?" { id = "career-success" },
    question "What are your strengths and talents?" { id = "strengths" },
    question "What are your areas of development?" { id = "areas-of-development" },
    question "What are your interests?" { id = "interests" },
    question "What are your highs and lows at work?" { id = "highs-and-lows" },
    question "What is important to you in your job?" { id = "what-matters" },
    question "What do people say about you as a professional?" { id = "reputation" },
    question "What trends or changes do you see?" { id = "trends" },
    question "What are the future skills you want to develop?" { id = "future-skills" },
    question "What are your top 2 or 3 career options?" { id = "career-options" },
    question "What roles do you hope to see yourself in 1 or 2 years time?" { id = "roles-ahead" },
    question "What experience or exposure would you like to have?" { id = "experience-wanted" },
  },
}

bank "career-exploration" {
  title = "Exploring with employees who don't know what they want",
  description = "Encourage these employees to take initiative to explore. Know their strengths and skills, manage their reputation, understand what skills will be required in future, and decide what and how they need to develop.",
  questions = {
    "Tell me a time when you really enjoyed your work and felt a sense of aliveness?",
    "What challenges do you enjoy at work?",
    "What projects are interesting to you?",
    "How can you leverage your strengths and experience?",
  },
}

bank "growth-options" {
  title = "Growth options beyond promotion",
  description = "There are many options to grow beyond promotions.",
  options = {
    option "lateral" {
      title = "Lateral",
      description = "same level in the organization but in a different function or business unit.",
    },
    option "enrichment" {
      title = "Enrichment",
      description = "staying in the same job role but learning additional different skills or being exposed to projects.",
    },
    option "exploratory" {
      title = "Exploratory",
      description = "staying in the same job role but exploring different job roles to assess potential fit to other roles.",
    },
    option "realignment" {
      title = "Realignment",
      description = "taking a step back or stepping down from a larger role to take care of other personal priorities, e.g., health or family.",
    },
    option "relocation" {
      title = "Relocation",
      description = "changing organization or location of work.",
    },
  },
}
