process "check-in-talk" {
  title = "Check-in talk",
  description = "A short talk about two assessments.",
  principles = { "The employee leads, the manager supports." },
  referral = "For personal matters, refer to the assistance programme.",
  steps = {
    step "Compare" { id = "compare", prompts = { "Start where you differ." }, shows = { "comparison" } },
    step "Choose" {
      questions = { "What will you work on?" },
      banks = { "check-in.q2", "check-in.mentoring" },
      shows = { "strengths", "development" },
      record = { "Actions:" },
    },
    step "Follow up" { shows = { "follow-up" }, referral = "HR questions go to HR." },
  },
}
