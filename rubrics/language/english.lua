-- How answers are read: the words that show each part of a behavioural
-- answer (STAR: situation, task, action, result), whether the speaker says
-- "I" or "we", talks about what they did or what they would do, and the
-- common words that carry no evidence. Words are matched after stemming,
-- so "organise" also finds "organised" and "organising". Phrases of a few
-- words are matched as written, word by word.
cues {
  situation = {
    "situation", "context", "background", "at the time", "when I was",
    "there was", "we had", "the team was", "the problem was", "last year",
    "in my previous role", "in my last role", "at my last", "a few years ago",
    "one time", "once", "while I was", "the project", "ago", "years ago",
    "months ago", "a couple of years", "during", "in my first", "at the start",
  },
  task = {
    "task", "goal", "aim", "objective", "responsible", "responsibility",
    "my job was", "my role was", "I needed to", "I had to", "we needed to",
    "I was asked", "was asked to", "challenge", "deadline", "target",
    "asked me to", "needed to", "had to", "it was up to me", "I wanted to",
  },
  action = {
    "I decided", "I organised", "I arranged", "I set up", "I spoke",
    "I met", "I asked", "I worked", "I started", "I created", "I built",
    "I led", "I coached", "I explained", "I proposed", "I made sure",
    "so I", "then I", "first I", "I took",
  },
  result = {
    "result", "outcome", "as a result", "in the end", "eventually",
    "afterwards", "which meant", "this meant", "led to", "improved",
    "increased", "reduced", "saved", "achieved", "delivered", "succeeded",
    "promoted", "feedback was", "since then", "went on to", "by the end",
    "percent", "within", "on time", "finished", "completed", "closed",
    "resolved", "fixed", "won", "grew", "cut", "dropped", "fell", "rose",
    "went from", "ended up", "now", "since", "the next", "stayed",
  },
  individual = { "I", "me", "my", "myself", "I'm", "I've", "I'd" },
  collective = { "we", "us", "our", "ourselves", "we're", "we've" },
  past = {
    "did", "was", "were", "had", "made", "took", "led", "spoke", "met",
    "went", "gave", "told", "wrote", "built", "ran", "set", "put", "felt",
    "thought", "found", "brought", "taught", "chose", "began", "knew",
  },
  hypothetical = {
    "would", "could", "might", "should", "I'd", "if I were", "I would",
    "I'd probably", "I tend to", "usually", "generally", "normally",
    "typically",
  },
  stop_words = {
    "a", "an", "the", "and", "or", "but", "if", "then", "so", "of", "to", "in",
    "on", "at", "by", "for", "with", "from", "into", "onto", "about", "as",
    "is", "are", "be", "been", "being", "am", "this", "that", "these", "those",
    "it", "its", "they", "them", "their", "he", "she", "him", "her", "his",
    "hers", "you", "your", "who", "whom", "which", "what", "when", "where",
    "why", "how", "all", "any", "each", "other", "some", "such", "own",
    "same", "too", "very", "can", "will", "just", "also", "not", "no", "do",
    "does", "up", "out", "over", "under", "again", "further", "than", "more",
    "most", "both", "few", "only", "etc", "i", "me", "my", "we", "us", "our",
    "has", "have", "had", "get", "got", "one", "two", "three", "there",
    "here", "was", "were", "would", "could", "should", "might",
  },
}
