-- Example answers for Problem Solving, one sentence per line; `rubric test` checks each is scored at its level.
examples "problem-solving" {

  example {
    level = 1,
    note = "Spots and reports a fault, gathers the facts, follows the known procedure and asks an experienced colleague; straightforward problem, established steps.",
    answer = [[
I was a Saturday assistant at a public library when the self-service kiosk started issuing books to the wrong member.
I noticed the error because a girl came back with someone else's receipt, and I reported it to the duty manager straight away instead of just reissuing her books by hand.
Before asking for help, I gathered the basic facts: which kiosk, roughly when it started, and what had happened to the three loans I could find.
I followed the checklist in the staff folder for a kiosk fault, which meant switching it to out of order and restarting it.
When it happened again, I asked a more experienced colleague how she had solved a similar problem last year, and she showed me how to clear the card reader cache.
The kiosk worked for the rest of the day, and the supplier fixed the underlying fault the following Tuesday.
]],
  },

  example {
    level = 2,
    note = "Narrows a recurring payroll fault down, compares options, trials a fix and checks it holds, escalating the part beyond own knowledge; common problem, moderate guidance.",
    answer = [[
As a payroll officer at a care provider, I found that about a dozen night workers were being underpaid every month.
My manager asked me to find out why before the next pay run.
I narrowed it down by comparing the rotas with the timesheets, and the error only happened on shifts that crossed midnight.
I came up with three possible solutions and explained the pros and cons of each to my manager: a manual correction, a rota change or a fix to the pay rule.
We chose the pay rule, and I trialled the fix on a small group of six staff before applying it to everyone.
The system supplier had to change one setting, so I escalated it to them, passing on what I had already tried.
Two months after the fix, I checked the payslips again to make sure the problem had not come back.
Underpayment complaints went from twelve a month to none by June.
]],
  },

  example {
    level = 3,
    note = "Uses root-cause analysis and data, weighs options against cost and risk, and documents a lasting fix; independent, typical problem.",
    answer = [[
I was a quality engineer at a bakery plant when one line started rejecting around 8% of its loaves for uneven baking.
Everyone assumed the new oven was faulty, and the plan was to call the manufacturer back.
I collected three weeks of line data to test that assumption, and the rejects actually followed the dough temperature, not the oven.
A five whys session with the shift leads got us to the root cause: a mixer cooling jacket that had been set wrong after a service.
I weighed the options against cost, risk and the impact on production, and chose to recalibrate the jacket over a weekend rather than replace it.
I had to decide before all the data was in, so I stated my assumptions in the change note and agreed a point to review them.
To stop the problem recurring, I added a temperature check to the start-up procedure and documented it for all three shifts.
Rejects fell to 1.2% within a month, which saved about 90,000 pounds a year.
]],
  },

  example {
    level = 4,
    note = "Frames an ambiguous cross-system problem, leads structured sessions across disciplines, analyses knock-on effects, challenges weak reasoning and plans contingency; complex and novel.",
    answer = [[
As head of billing operations at an energy supplier, I was handed a vague complaint from the board: customers were getting bills that made no sense.
Nobody could say how big the problem was.
So I spent the first two weeks framing it: the scope, what success would look like, and our constraints.
I then ran structured problem-solving sessions with people from IT, metering, finance and customer service.
We traced how a fault in the meter data platform rippled through billing and into the complaint queues.
Several team leads wanted to blame the new billing software, and I challenged that reasoning constructively by asking them to show the evidence behind their assumptions.
Some errors could not be fixed until the next platform release.
For those we developed a contingency plan: hold the bills and check them by hand.
Within six months confusing-bill complaints fell by 60%, and the ombudsman closed its review of us in November 2021.
]],
  },

  example {
    level = 5,
    note = "Creates a problem-analysis method adopted across the group, builds organisational capability and anticipates emerging problems; recognised authority on the hardest problems.",
    answer = [[
As director of continuous improvement for an airline group, I was asked by the chief executive to tackle delays that no single department could explain.
It was a strategic problem with no precedent for us, and its shape kept changing as new routes were added.
I created a new method of delay analysis that followed each delay across departments.
Engineering, ground operations and our two partner airlines all adopted it.
To build the organisation's own problem-solving capability, I set up a community of practice and trained 240 people in the method.
I also had my team watch the trends in our operational data, which is how we caught a crew fatigue issue months before it showed up in delays.
I set the expectation that every major failure goes through a blameless review, so that we learn from it instead of hunting for someone to blame.
On-time performance went from 71% to 84% in two years, and I now advise the group board on its hardest operational problems.
]],
  },
}
