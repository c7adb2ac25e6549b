-- Example answers for Collaboration, one sentence per line; `rubric test` checks each is scored at its level.
examples "collaboration" {

  example {
    level = 1,
    note = "Does own share on time, shares files and helps teammates once finished; a willing team member, no coordinating role.",
    answer = [[
On my placement year at a marketing agency, I was one of four juniors putting together a pitch deck for a garden furniture brand.
My part was the competitor research, and the designer couldn't start until she had it.
I finished my part two days early so that nobody was held up.
I put all my notes and source files on the shared drive and told the others where to find them.
Once my own work was finished, I offered to help Josh, who was behind on the budget slides.
At one point I disagreed with an idea from another junior about the colour scheme, but I listened properly and we went with hers.
We delivered the deck on the Thursday deadline, and the agency won the account, worth about 40,000 pounds a year.
]],
  },

  example {
    level = 2,
    note = "Agrees who does what, raises a disagreement directly, asks for input and credits others; constructive within own team, with some support.",
    answer = [[
I was a junior biomedical scientist in a hospital lab when three of us were asked to validate a new blood analyser in six weeks.
At the start we agreed roles and who was responsible for each part of the validation.
Halfway through, a colleague started changing the sample schedule without telling anyone.
Rather than going to our manager, I raised it with him directly and politely over coffee, and we agreed a way to flag changes.
Before I finalised the validation report, I asked for the other two's input, because their results were in it.
The rest of the lab worked to a fixed Monday routine, so I adapted my working style to fit in with that.
At the team meeting I gave the update and made sure each of them got credit by name.
We signed off the analyser a week early, in March 2023, and it now runs about 400 samples a day.
]],
  },

  example {
    level = 3,
    note = "Resolves dependencies with another team, mediates a conflict, draws in remote colleagues and shares accountability; independent, across teams.",
    answer = [[
In my last role I was a product owner for a supermarket's click-and-collect app, and our launch in 40 stores depended on the store operations team.
Their rota changes and our release dates kept clashing, so I worked with their planner every week to resolve the dependencies and align our plans.
I had built a relationship with my counterpart in operations months earlier, which made those conversations much easier.
Inside my own team, two developers fell out over the checkout design, so I mediated between them and helped each side understand the other's position.
Three of the testers were remote, so I made a point of including them in the discussions and decisions, not just the stand-ups.
When the first store launch went wrong, I owned the mistake with operations rather than blaming them, and we shared the credit later when it worked.
We launched in all 40 stores by October, two weeks late but with 98% of orders ready on time.
]],
  },

  example {
    level = 4,
    note = "Brings together organisations with conflicting interests, sets up an external partnership, removes barriers and rebuilds trust; complex, multi-party collaboration.",
    answer = [[
As a service manager for a city council, I was asked to fix hospital discharges for older people, which were stuck between the council's social care team and the NHS trust.
The two organisations had conflicting interests, and a joint project two years earlier had failed badly.
I brought the groups together in a series of workshops, which I facilitated, to agree one shared objective: nobody waiting more than 48 hours for care.
We set up a formal partnership with the trust, agreeing roles, decision rights and an escalation route for stuck cases.
I identified conflicting targets as the biggest barrier, because the hospital was measured on beds and we were measured on cost, and I got both targets changed.
Rebuilding trust between the teams took longer, so I arranged joint ward rounds every week.
I also advised the two team managers on how to organise their staff so that they worked together every day.
Within nine months delayed discharges fell by 43%.
]],
  },

  example {
    level = 5,
    note = "Redesigns incentives and structures for shared outcomes, builds a long-term alliance and creates a partnership framework others adopt; organisation-wide authority on partnership working.",
    answer = [[
As chief operating officer of a logistics group with 4,000 staff, I inherited an entrenched rivalry between the road freight and warehousing divisions.
They competed for the same customers and each hoarded its own data.
I redesigned the incentive scheme so that bonuses rewarded shared outcomes for the customer rather than individual divisional profit.
I changed the structure too, giving each major customer one account team drawn from both divisions.
Externally, I built a strategic alliance with a rail operator that has brought mutual benefit for seven years, with shared terminals and joint tenders.
With our partners we developed a partnership framework for cross-organisational working, and two other firms in our trade association have since adopted it.
I also tried to model the behaviour myself, sharing my budget and credit with my peers on the executive team.
Cross-division revenue grew from 12 million to 58 million pounds in three years, and the rivalry is now mostly a joke at the Christmas party.
]],
  },
}
