-- A process without steps, and without a title.
process "p" {
  description = "Nothing to do.",
}
