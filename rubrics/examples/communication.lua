-- Example answers for Communication, one sentence per line; `rubric test` checks each is scored at its level.
examples "communication" {

  example {
    level = 1,
    note = "Listens, checks what is needed and passes routine information on accurately; own tasks only.",
    answer = [[
In my first month as an admin assistant at an estate agency, the branch manager changed how weekend viewings were booked.
She briefed me on a Friday afternoon, and I listened to all of her instructions before saying anything.
Then I asked questions to confirm exactly what she needed, because two of the steps sounded like they overlapped.
On Monday I passed on the information from that meeting to the two weekend negotiators, since it affected them most.
I wrote them a short email with the main point and the one action they needed to take.
When buyers phoned in confused, I acknowledged each call within the hour and followed up with a full answer once I'd checked.
In the first month we had no double-booked viewings, against about three a month before.
]],
  },

  example {
    level = 2,
    note = "Explains a familiar technical problem to a non-technical team, plays back to check understanding and writes a summary, with the manager reviewing the message; common situation, some guidance.",
    answer = [[
I was a second-line support analyst at a logistics firm when a fault in the scanning app started losing delivery photos.
The depot managers were frustrated and didn't understand why it kept happening.
My task was to explain it to them and agree a workaround.
On the call, the depot lead described what his drivers were seeing, and I played back what he'd said in my own words to check we meant the same thing.
I then explained the cause to the depot team without the technical detail, just what it meant for drivers and what to do.
Afterwards I summarised the call in an email with the three action points, so the managers who weren't there could act on it.
Because it was going to forty people, I asked my manager to review the email before I sent it.
The workaround was in place the next morning, and lost photos dropped from about thirty a day to two.
]],
  },

  example {
    level = 3,
    note = "Delivers unwelcome news to residents, chooses channels by sensitivity, invites challenge and keeps stakeholders informed; independent, sensitive, everyday range.",
    answer = [[
In 2022 I was project coordinator for a housing association's kitchen replacement programme, and the contractor told us 60 homes would be delayed by four months.
It was my job to tell the residents and our board.
Because it was sensitive, I chose the channel carefully: face to face for the worst affected.
The rest got a personal letter.
I was honest about the delay and explained the reasons, including our own part in it.
I invited questions and kept the discussion open, even when people were angry, and I answered every concern I could on the spot.
For the board I wrote a short report that set out the evidence and a clear recommendation to add a second contractor.
After that, the board got a fortnightly update on progress and risks before anyone had to ask.
The board approved the second contractor, and complaints about the programme fell from 22 in the first month to 3 by the end.
]],
  },

  example {
    level = 4,
    note = "Plans the communication for a serious incident, negotiates a shared message between opposing views, handles a tense board and coaches others; high stakes and across teams.",
    answer = [[
When I was communications manager at a regional water company, a contamination incident left 9,000 homes on boil-water notices for five days.
I was responsible for the communication plan for the incident.
Within two hours I had decided who needed to hear what, when and from whom: customers, hospitals, councils, the regulator and our own call centre.
Operations and legal held opposing views on how much to say, so I negotiated a shared message that both directors could stand behind.
I presented our handling to the board, and I handled some very challenging questions from two non-executives calmly.
One call centre lead was close to walking out, so I had a tense conversation with her and addressed her real concern, which was abuse from customers, directly.
I also coached two junior press officers on their drafts, giving them specific feedback before anything went out.
Customer satisfaction for the incident came out at 71%, against a sector benchmark of 55%.
]],
  },

  example {
    level = 5,
    note = "Sets communication standards adopted across the organisation, designs new forums, represents it with regulators and media, and builds a culture of raising bad news early; organisation-wide authority.",
    answer = [[
As Director of Communications for a national rail operator with 11,000 staff, I found every department communicating in its own way, and bad news reached the executive far too late.
My remit was the whole organisation's communication.
I wrote a communication style guide and a set of templates, which all eight departments adopted within a year.
I also designed a monthly forum for operations, engineering and customer teams, so that information stopped getting stuck between departments.
Externally I represented the company with the regulator and the media during the 2019 timetable crisis.
Inside, I worked with the chief executive on a culture where people could flag bad news early without fear, starting with a monthly open session with the leadership team.
Every six months a staff survey told us whether our messages were landing, and we changed our approach based on what it showed.
Trust in leadership communication rose from 38% to 64% in two years, and the industry body asked me to write its guidance on incident communication.
]],
  },
}
