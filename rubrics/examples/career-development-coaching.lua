-- Example answers for Career Development and Coaching, one sentence per line; `rubric test` checks each is scored at its level.
examples "career-development-coaching" {

  -- Level 1: own knowledge, own career, own tasks ---------------------------

  example {
    level = 1,
    note = "Works out own career goals and a conflict with personal plans; no responsibility for anyone else's development.",
    answer = [[
About eighteen months into my first job, as a payroll assistant at a haulage company, my manager asked everyone to bring their career goals to the annual review.
Honestly, I didn't have any.
So I sat down and wrote out what I enjoyed, which was the people questions, not the spreadsheets.
I decided my career path was HR, and my goal was an HR advisor role within three years.
Then I noticed a conflict between that goal and my personal life: I was also finishing a part-time degree, and month-end overtime left me no evenings.
I raised it with my manager, we agreed what she could expect from me on overtime, and I signed up for the CIPD Level 3 course instead of another degree module.
I passed it in June 2022, and the following spring I was appointed HR assistant.
]],
  },

  example {
    level = 1,
    note = "Shows a new colleague how to do the job and shares what they know; informal, peer level.",
    answer = [[
I was a receptionist at a busy dental practice when Amira joined us.
I wasn't her supervisor, but the practice manager was off for her first fortnight, so it fell to me to help her settle in.
I shared my knowledge of the booking system with her, including the things I'd learned the hard way.
I also gave her advice on the daily tasks, like doing the end-of-day cash-up without rushing it.
I wrote a one-page cheat sheet of the jobs she'd meet every day.
Then she had an idea for colour-coding emergency appointments.
We collaborated on it and came up with a simple solution.
Within a month her till discrepancies had gone from about four a week to none.
The practice manager made our colour-coding the standard for all three receptionists.
]],
  },

  example {
    level = 1,
    note = "Shares own knowledge with colleagues and works with them on a better way of doing a task; own work only.",
    answer = [[
In my last role I was a junior analyst in a small insurance claims team.
I'd taught myself some spreadsheet shortcuts for reconciling claims, and I noticed colleagues were still doing the same checks by hand, which took most of a Monday.
I offered to share that knowledge with my colleagues in a half-hour lunchtime session.
Afterwards one of them, Tom, suggested combining my sheet with his checklist.
The three of us collaborated on it for a couple of weeks and came up with a single template that did both jobs.
I also gave advice to the newer people on how to do the trickier reconciliation tasks.
As a result the Monday reconciliation went from about five hours to under two.
My team leader mentioned it in my review when she moved me onto complex claims in 2021.
]],
  },

  -- Level 2: coaching and feedback in common situations, with guidance ----

  example {
    level = 2,
    note = "Coaches a colleague through a difficult situation; no organisational scope.",
    answer = [[
When I was a senior agent in a customer contact centre, my team leader asked me to coach Priya, who had joined three months earlier and was getting badly shaken by abusive callers.
My task was to help her handle escalations without freezing.
I sat in on her calls for a week and coached her using my own experience of calming angry customers.
After each difficult call I gave her honest, specific feedback on her performance.
I always started with what she had done well, so it never dented her self-esteem.
With my team leader, we also set her two performance goals: fewer transfers and shorter wrap-up time.
By the end of the quarter her transfers had fallen from twelve a week to three.
She passed her quality review with 92%.
]],
  },

  example {
    level = 2,
    note = "Runs a lessons-learned review with own staff after a setback and applies the lessons; a common situation, handled with the manager's guidance.",
    answer = [[
Last year I supervised a team of four at a garden centre, and our spring plant sale went badly.
We ran out of bedding plants by eleven and had a queue of unhappy customers.
My manager suggested I get the staff together for a post-mortem and pull out the lessons learned, rather than just writing the day off.
The following Monday we went through what had happened hour by hour, and I made sure everyone spoke, including the weekend students.
We agreed three changes, such as ordering against the previous year's sales instead of guesswork.
Afterwards I gave each person honest, specific feedback on how they'd performed on the day.
I also coached the two new starters, passing on my experience of running the tills on a busy day.
We wrote the changes into the checklist for the autumn sale.
In October the sale ran without a stock-out, and takings were up 18%.
]],
  },

  example {
    level = 2,
    note = "Sets goals and expectations with a new team member and uses the company's existing development tools; guided by HR.",
    answer = [[
When I became a shift supervisor at a hotel, I inherited Marek, a night porter who wanted to move onto the front desk but kept missing handovers.
My job was to agree realistic goals with him.
Our HR partner pointed me to the group's existing coaching tools.
I used the standard skills assessment from them, plus an informal chat about where he saw himself.
Then we set three performance goals for the next six months, starting with complete handover notes every shift.
I coached him on the front desk system, sharing the expertise I'd built up over four years there.
I also gave him honest feedback every Friday, good and bad.
By March his handover notes were complete every night, and in May he moved onto the front desk.
]],
  },

  example {
    level = 2,
    note = "Gives difficult feedback to a direct report and debriefs a mistake with them, with the manager's guidance; one person, a common situation.",
    answer = [[
In my second year as a team leader in a council's benefits office, one of my assessors, Dev, was making the same calculation errors again and again.
The quality team flagged it, and my manager asked me to deal with it before his probation review.
I booked a private meeting the same week and gave him clear, honest feedback on his performance, with three specific cases.
I was careful to say what he did well too, because I didn't want to knock his confidence.
In a short debrief on one case we identified the lesson learned: he was skipping the income check under time pressure.
I coached him through two weeks of cases, using my own experience of the tricky ones.
His error rate dropped from 9% to 2%, and he passed probation in August.
]],
  },

  -- Level 3: development conversations, mentoring, talent, new tools -------

  example {
    level = 3,
    note = "Runs career planning conversations across the team, spots a high-potential person, mentors her and builds a simple new tool; independent and routine across the team.",
    answer = [[
I took over a nine-person accounts team at a housing association, and nobody had had a proper career conversation in two years.
I sat down with each of my employees for a career planning conversation, asking where they wanted to be in three years and what was in the way.
To give those talks some structure I created a new development planning template, which we filled in together.
Those conversations helped me identify Leanne, a purchase ledger clerk, as high potential.
She was sharp, curious and already answering the auditors' questions.
I gave her stretch opportunities to grow, such as leading the year-end fixed asset work.
I also mentored her every fortnight so she kept learning from each stretch.
Within eighteen months Leanne became assistant accountant, and seven of the nine had a written plan they actually used.
]],
  },

  example {
    level = 3,
    note = "Mentors several people and builds a new career resource for the team, drawing on online tools; the full range of the role without needing direction.",
    answer = [[
In my previous role I led a support team of eight at a software company.
People kept asking me what their next step could be, and the only answer the company had was the internal job board.
So I created a new career guide for support staff, covering the roles people had moved into and the skills each one needed.
I linked it to the online skills assessment, the job board and some online career planning tools.
I used the guide in one-to-one career planning conversations with all eight of my employees.
I also mentored two engineers who were keen on product work, and helped them learn by shadowing a product manager.
In the next year three people from my team moved into new roles.
The head of support rolled my guide out to the other two support teams.
]],
  },

  example {
    level = 3,
    note = "Supports a system change with communication and team development, and holds development conversations with those affected; a full, independent contribution.",
    answer = [[
In 2021 our distribution centre moved to a new warehouse system, and my team of twelve pickers were worried their jobs would disappear.
I was asked to support the change on the floor.
I had a one-to-one conversation with each of my employees about their career plans and what the new system meant for them.
Two pickers stood out as high potential, so I gave them the opportunity to train as super users.
That put them in line for the new stock controller roles.
I mentored both of them through the first months so they kept learning.
After go-live we held a post-mortem to capture the lessons learned for the next site.
Nobody left the team, and both super users became stock controllers by the end of the year.
]],
  },

  -- Level 4: complex situations, advising managers, budgets, structures ----

  example {
    level = 4,
    note = "Secures a budget for development across several sites and guides other managers in coaching conversations.",
    answer = [[
As operations manager for a regional bank's four contact centres, I found our attrition was 31%, and exit interviews kept saying the same thing: no career development.
My task was to fix that across all four sites.
I built a case and secured a budget of 120,000 pounds for career development, covering planning workshops and accredited training.
The team leaders didn't know how to hold a career conversation, so I guided the 22 people managers through their first coaching conversations and gave them feedback.
We set development goals that met the bank's need for complaint handlers as well as people's career aspirations.
Within a year attrition fell to 19%, and 40 agents moved into internal roles.
]],
  },

  example {
    level = 4,
    note = "Tackles a recurring problem that career development exercises keep surfacing and puts a structured process in place across departments.",
    answer = [[
When I was HR business partner for a manufacturer's engineering division, our annual talent reviews kept raising the same issue year after year.
Good technicians wanted to grow, but the only route up was into management.
My task was to find an answer that the five department heads would support.
I set up a working group, and together we designed a dual career path with a technical specialist grade.
I put a structured process in place to implement the change in stages, one department per quarter.
I guided the people managers through the career conversations they would need to have.
Each technician's development goals had to fit both the division's skills gaps and their own career aspirations.
By 2023, 14 technicians had moved onto the specialist track, and voluntary turnover in the division had halved.
]],
  },

  example {
    level = 4,
    note = "Advises and equips other managers across regions to run development conversations, and funds the activity; complex, multi-team scope.",
    answer = [[
At a national charity, I led the learning team when a survey showed that only a third of staff had had a development conversation in the previous year.
Managers told us they didn't feel confident having them.
My aim was to change that across six regional teams.
I secured funding from the leadership team for development activities, 400 pounds per person, and set out how managers could spend it.
I trained the regional managers to guide their team leaders in coaching conversations, and I held monthly clinics where they brought difficult cases.
Where people's career aspirations didn't match what the charity needed, I helped managers agree development goals that served both.
A year later 87% of staff reported a development conversation, and internal appointments had doubled.
]],
  },

  -- Level 5: organisation-wide strategy and investment, recognised expert --

  example {
    level = 5,
    note = "Sets the organisation's career development strategy, links it to business objectives and builds a system to evaluate the investment.",
    answer = [[
As Head of Talent for a 6,000-person retail group, the CEO asked me in 2020 why we spent four million a year on training but still hired almost every store manager from outside.
My responsibility was the organization's whole career development strategy.
I rebuilt it around our business objectives, starting with filling 70% of management roles internally.
I agreed with the executive team a clear figure for what we would invest in developing our people and what return we expected from it.
Then I built a quarterly dashboard to evaluate that investment, tracking internal fill rates, retention and cost per promotion.
By 2023 internal fill had reached 72%, and the board used the dashboard to approve two more years of funding.
]],
  },

  example {
    level = 5,
    note = "Establishes organisation-wide guidelines for development activities, ties them to strategy and is invited to present the model externally.",
    answer = [[
When I joined a national health insurer as Director of Learning and Careers, every division ran its own development activities with no common standards.
Nobody knew what any of it achieved.
My task was to bring coherence across the organization.
I wrote company-wide guidelines for career development, covering what each level of employee could expect and how managers should record career discussions.
I tied them to our three-year strategy, so that development served our business objectives rather than running alongside them.
I also set up a way to evaluate the investment, tracking promotions and retention against spend.
Within two years engagement with career development rose by 24 points.
I was invited to present the model at the CIPD annual conference in 2022.
]],
  },

  example {
    level = 5,
    note = "Champions career ladders for the whole organisation and defends the investment at executive level; strategic, organisation-wide.",
    answer = [[
At a software company of about 2,500 people, engineers were leaving because the only way up was management.
As VP of People, I made the case to the executive team for career ladders across the whole organization.
I led the strategy myself, aligning each ladder with our objectives for product quality and retention.
I worked with every function to agree levels and promotion criteria.
When the CFO challenged the cost, I defended the investment with a business case and was clear about what it would return.
We built a system to monitor the return on that investment every quarter: regretted attrition, internal moves and time to promotion.
After two years regretted attrition had dropped from 17% to 9%, and two other companies in our investor group adopted our ladders.
]],
  },
}
