-- Example answers for Leading Change, one sentence per line; `rubric test` checks each is scored at its level.
examples "leading-change" {

  example {
    level = 1,
    note = "Adapts own routine to a new system, asks why, raises a concern properly and suggests a small improvement; own area only.",
    answer = [[
When I worked on the pharmacy counter at a high-street chemist, head office replaced our paper prescription log with a tablet app.
At first I didn't see the point, so at the team huddle I asked questions to understand the reasons behind the change.
Once the pharmacist explained the audit rules, I adapted my routine quickly and stopped keeping my own paper notes.
One practical concern was that the tablet timed out while we were serving customers, so I raised it through the proper channel, the store manager's weekly report, rather than moaning about it.
I also suggested a small improvement: keeping the tablet on a stand by the till, which was quicker than fetching it from the back.
Within a month the whole counter team was logging every prescription in the app, and our store had no missing entries at the March audit.
]],
  },

  example {
    level = 2,
    note = "Helps colleagues adopt a well-defined change: explains why, shows people how, models it and feeds back to the project lead; within the team, guided by the change lead.",
    answer = [[
I was a staff nurse on a surgical ward when the hospital moved from paper drug charts to electronic prescribing in 2022.
The project team gave each ward a champion, and my manager asked me to do it for ours.
At handovers I explained to colleagues why we were changing, mainly the reduction in dosing errors, in plain terms rather than the project jargon.
I did the tasks I was given in the ward plan, like checking everyone's log-ins, on time, and reported progress to the project lead each Friday.
Several of the healthcare assistants were struggling, so I walked them through the new process on real patients during quiet shifts.
I passed the team's feedback back to the project lead, including the problem with the screen locking during drug rounds, which they fixed.
I also made a point of using the system properly every shift, so others could follow my lead.
Our ward reached 100% electronic charts two weeks ahead of the hospital target.
]],
  },

  example {
    level = 3,
    note = "Makes the case for a change in own area, plans and pilots it, involves staff early, responds to resistance and tracks benefits; leads change independently.",
    answer = [[
As practice manager of a GP surgery with 14,000 patients, I could see our 8am phone queue was failing patients and exhausting the reception team.
I put together a business case for online triage that linked the problem to the expected benefits for patients and staff, and the partners approved it.
I involved the receptionists and two of the GPs early, so they helped shape how triage requests would be handled.
We piloted it with one GP for a month before rolling it out to the whole practice, with milestones agreed at each partners' meeting.
Two of the senior receptionists pushed back hard, so I listened to their objections and adjusted the approach, keeping a phone line for older patients.
Each month I checked the numbers against the benefits we'd promised, and when afternoon demand spiked I moved a GP session to cope.
Six months later the morning queue had gone from 45 minutes to under 10, and reception sickness absence halved.
]],
  },

  example {
    level = 4,
    note = "Leads a change across several functions and sites, maps and engages stakeholders, anticipates the effect on morale and advises other managers; complex, cross-functional change.",
    answer = [[
As head of claims operations at an insurer, I led the merger of three regional claims centres into one national service.
It spanned claims, IT, HR and finance, so my first job was aligning their priorities and timelines around one plan.
I mapped the stakeholders by influence and support, and spent extra time engaging the two regional directors who stood to lose the most.
I knew workload and morale would dip during the move, so we had temporary staff and a redeployment team in place before go-live.
I also met the other managers every fortnight to help them plan and communicate the change in their own teams and keep it going.
To make it stick, we built the new way of working into job roles, performance measures and the claims process itself, so it didn't depend on the project team.
The merger finished in 14 months, and claim settlement times improved by 22% while staff engagement held steady.
]],
  },

  example {
    level = 5,
    note = "Sets the direction for an organisation-wide transformation, builds the organisation's own change method and leaders, sequences major initiatives and advises the executive; authority on change.",
    answer = [[
As chief transformation officer at a national housing charity with 3,500 staff, I was asked to lead our move to a neighbourhood-based service model.
I set out a vision for the organisation-wide transformation that connected our strategy with what staff valued most, which was more time with residents.
We developed our own change method, with simple tools and guidance that any manager could use.
To build capability, I set up a network of change leaders at every level, 120 people in all, from caretakers to directors.
We had eleven major initiatives competing for attention, more than the organisation could absorb, so I sequenced them over three years.
Throughout, the chief executive and senior leaders used me as a trusted adviser on the people side of the change.
By 2024 all 40 neighbourhood teams were running, resident satisfaction was up 17 points, and two other housing groups have borrowed our method.
]],
  },
}
