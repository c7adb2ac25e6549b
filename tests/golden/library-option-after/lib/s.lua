-- A one-file library: a two-level scale and a bank.
scale "yes-no" {
  title = "Yes or no",
  level(1) { name = "No", descriptor = "Not shown." },
  level(2) { name = "Yes", descriptor = "Shown." },
}
bank "warm-up" { title = "Warm-up questions", questions = { "How was your journey?" } }
