-- A scale that starts at 0 ("not shown"): levels count from 1.
scale "shown" {
  title = "Shown or not",
  level(0) { name = "Not shown", descriptor = "No evidence of the behaviour." },
  level(1) { name = "Shown", descriptor = "The behaviour is shown." },
}
