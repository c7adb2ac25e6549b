-- Scale levels missing their name, their descriptor, or both.
scale "s" {
  title = "S",
  level(1) { descriptor = "First." },
  level(2) { name = "Two" },
  level(3) {},
}
