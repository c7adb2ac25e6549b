# Setup of the competency-discussion cases (rubric assess, rubric discuss),
# sourced by ../scratch-case.sh in the scratch folder: the assessment
# scripts of fixtures/ (make-both.sh makes self.json and manager.json from
# them), and today fixed at 2025-03-03.
cp -r "$src/tests/discuss/fixtures"/. ./ || fail "cannot copy the fixtures"
export RUBRIC_TODAY=2025-03-03
