-- A valid two-level scale.
scale "two-levels" {
  title = "Two levels",
  description = "Learning or capable.",
  level(1) { name = "Learning", descriptor = "Does it with help." },
  level(2) { name = "Capable", descriptor = "Does it alone." },
}
