# Setup of the interview cases, sourced by ../scratch-case.sh in the scratch
# folder: plan.json, the people-manager plan, and a fixed clock.
export RUBRIC_NOW=1795000000
"$bin" plan --role people-manager -o plan.json 2>/dev/null || fail "no plan"
