-- A step written without its title.
process "p" {
  title = "P",
  steps = {
    step { purpose = "Talk." },
  },
}
