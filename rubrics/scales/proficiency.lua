-- Proficiency scale: the five-level scale shared by competency rubrics.
scale "proficiency" {
  title = "Proficiency",
  description = "Five levels of proficiency, from introductory understanding to recognized expertise within the organization.",

  level(1) {
    name = "Introductory",
    descriptor = "Demonstrates introductory understanding, directing people to the appropriate source for further information.",
  },

  level(2) {
    name = "Developing",
    descriptor = "Applies the competency in common situations that present limited difficulties, working with a moderate level of guidance.",
  },

  level(3) {
    name = "Proficient",
    descriptor = "Applies the competency in the full range of typical situations, requiring guidance in only the most complex or new situations.",
  },

  level(4) {
    name = "Advanced",
    descriptor = "Applies the competency in new or complex situations and advises others.",
  },

  level(5) {
    name = "Expert",
    descriptor = "Develops new approaches and methods in the area. Is recognized as an expert within the organization.",
  },
}
