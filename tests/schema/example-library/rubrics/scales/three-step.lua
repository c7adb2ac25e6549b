-- A three-level scale without a description (exported as null).
scale "three-step" {
  title = "Three-step",
  level(1) { name = "Learning", descriptor = "Needs guidance in routine situations." },
  level(2) { name = "Skilled", descriptor = "Works on their own in typical situations." },
  level(3) { name = "Leading", descriptor = "Handles new situations and guides others." },
}
