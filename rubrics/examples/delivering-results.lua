-- Example answers for Delivering Results, one sentence per line; `rubric test` checks each is scored at its level.
examples "delivering-results" {

  example {
    level = 1,
    note = "Completes own tasks accurately and on time, checks own work, asks early when unsure and warns when something will be late; own tasks only.",
    answer = [[
In my first job as an accounts assistant at a builders' merchant, I was given the supplier statement reconciliations for the month-end close.
I had a deadline of the third working day, and I completed every reconciliation accurately and on time.
Before handing them to the finance manager, I checked my work against the close checklist.
I was unsure how to treat a credit note from one supplier, so I asked for clarification early instead of guessing.
In the second month one supplier's statement arrived late, so I let my manager know straight away that that reconciliation would be a day late.
All my reconciliations passed the year-end audit in April 2023 with no adjustments.
]],
  },

  example {
    level = 2,
    note = "Plans and prioritises own workload across several tasks, keeps going through setbacks, uses feedback and keeps the manager informed; some guidance on priorities.",
    answer = [[
When I was an events coordinator at a university, I had three graduation receptions to deliver in the same fortnight.
I wrote a simple plan with the steps and dates for each event and kept it on the shared calendar.
Two deadlines clashed in the second week, so I prioritised the largest ceremony and checked the order with my manager first.
When the caterer cancelled five days before, I rang round four others myself rather than waiting to be told what to do.
After the first reception my manager said the table plans were confusing, and I used that feedback to raise the quality of the next one.
I kept her informed of progress with a short note every Friday, so she never had to chase me.
All three receptions ran on the day for about 1,100 guests, and feedback scores went from 3.9 to 4.5 out of 5.
]],
  },

  example {
    level = 3,
    note = "Sets measurable goals, organises people and budget, tracks milestones, removes obstacles and holds people accountable; owns the result independently.",
    answer = [[
As marketing manager for a regional building society, I owned the launch of a first-time buyer mortgage in spring 2022.
I agreed measurable goals with the product and sales heads: 600 applications in the first quarter at a cost per lead under 40 pounds.
I organised the team, the timeline and a budget of 85,000 pounds so that we delivered the full scope at the quality the brand needed.
I tracked progress against the milestones every week, and when the website work started to slip, I acted early and moved a developer across.
When legal sign-off became the obstacle, I removed it for the team by escalating to the right person, the compliance director.
Every Monday I ran a short review where the agency and my own team, me included, answered for what we had promised.
We launched on time and took 710 applications in the first quarter, 18% over target.
]],
  },

  example {
    level = 4,
    note = "Delivers a complex multi-team programme, manages dependencies and trade-offs, makes scope decisions when conditions change, keeps teams motivated and advises other managers; complex delivery.",
    answer = [[
I was programme director for a retailer's move to a new warehouse management system across three distribution centres and 240 stores.
The programme had dependencies between five teams, and I ran a risk register and weekly trade-off decisions across them.
When the supplier lost a key developer in month seven, conditions changed, so I made the call to cut two features from scope rather than slip the date, and explained the cost and timing to the stakeholders.
It was a long and demanding 18 months, so I worked hard to keep the teams focused and motivated, with visible milestones and honest updates.
I also advised two other managers in the business on how to recover the delivery of their own projects, which were running late.
And I changed what we reported on, from releases delivered to things the business cared about, like picking accuracy.
We went live in all three sites by November 2021, and picking accuracy rose from 96.1% to 99.4%.
]],
  },

  example {
    level = 5,
    note = "Translates strategy into goals across divisions, designs the organisation's performance approach, moves investment by value and builds an ownership culture; consulted by senior leaders.",
    answer = [[
As chief operating officer of a national bus operator with 2,800 staff, I was asked by the board to close the gap between our strategy and what actually got delivered.
I translated the five-year strategy into clear goals for each division, cascaded down to team level.
I replaced nine different planning spreadsheets with one performance framework for the whole organisation, reported monthly to the board.
Each quarter we reviewed every initiative and moved money and people towards the ones delivering value, and away from those that weren't.
I worked on a culture of ownership, where teams talked about their failures as openly as their successes.
Two years in, the chief executive and other senior leaders consult me whenever one of our most critical commitments is at risk.
Delivery against the strategic plan rose from 54% to 83% of milestones met, and we withdrew 6 million pounds from projects that were not paying back.
]],
  },
}
