-- A need whose competency id is empty.
role "r" { title = "R", minutes = 30, needs = { need "" { target = 1 } } }
