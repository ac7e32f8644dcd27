#!/usr/bin/env bash
# Command-line tests of `bmdsim scenario check FILE` (and `bmdsim check FILE`): the shipped
# scenarios are valid (exit 0) and summarised with their resolved catalogue entries; a bad file
# gives one line on stderr starting FILE:LINE:COL and naming the field, exit 2.
# Usage: cli_scenario.sh PATH/TO/bmdsim   (BMD_DATA_DIR may point at another data directory)
set -u
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
export BMD_DATA_DIR=${BMD_DATA_DIR:-$here/../data}
scenarios=$here/../scenarios
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib/cli_assert.sh"

# The shipped scenarios are valid and every catalogue name resolves.
for f in europe.yaml iran-europe-small.yaml russia-us-icbm.yaml; do
    out=$("$bin" scenario check "$scenarios/$f"); rc=$?
    if [ $rc -eq 0 ]; then ok; else bad "scenario check $f: exit $rc"; fi
    contains "summary_of_$f" "$out" "valid; every catalogue name resolved"
done
out=$("$bin" check "$scenarios/europe.yaml")
contains check_alias_lists_deveselu "$out" "deveselu"
contains check_alias_resolves_the_interceptor "$out" "Standard Missile-3 Block IB"
contains check_alias_resolves_the_radar "$out" "AN/TPY-2"
contains check_alias_lists_the_ten_divisions "$out" "russia-icbm-divisions  10 points"
js=$("$bin" check "$scenarios/russia-us-icbm.yaml" --json)
contains json_is_valid "$js" '"valid":true'
contains json_names_the_threat "$js" '"name":"kozelsk-washington"'

# The full annotated example of docs/scenarios.md is itself a valid scenario.
awk '/^## A full annotated example/{f=1} f&&/^```yaml/{g=1;next} g&&/^```/{exit} g' \
    "$here/../docs/scenarios.md" > "$tmp/example.yaml"
if [ -s "$tmp/example.yaml" ] && "$bin" check "$tmp/example.yaml" >/dev/null; then ok; else
    bad "docs_example_is_valid: $("$bin" check "$tmp/example.yaml" 2>&1 | tail -1)"; fi

# A scenario with a negative count: one line, FILE:LINE:COL, the field, exit 2.
sed 's/count: 24/count: -3/' "$scenarios/iran-europe-small.yaml" > "$tmp/bad-count.yaml"
line=$(grep -n 'count: -3' "$tmp/bad-count.yaml" | cut -d: -f1)
col=$(grep 'count: -3' "$tmp/bad-count.yaml" | awk '{ print index($0, "-3") }')
expect_usage_error negative_count_names_file_line_column "$tmp/bad-count.yaml:$line:$col: field 'sites[0].count'" \
    scenario check "$tmp/bad-count.yaml"
# An unknown missile: suggestions, exit 2; with --no-resolve the file itself is valid.
sed 's/missile: shahab-3-class/missile: shahab-3-clas/' "$scenarios/iran-europe-small.yaml" > "$tmp/bad-name.yaml"
expect_usage_error unknown_missile_suggests_close_names "did you mean shahab-3-class" check "$tmp/bad-name.yaml"
if "$bin" check "$tmp/bad-name.yaml" --no-resolve >/dev/null; then ok; else bad "no_resolve_accepts_unknown_names"; fi
# A latitude out of range.
sed 's/at: \[44.050, 24.383\]/at: [144.050, 24.383]/' "$scenarios/iran-europe-small.yaml" > "$tmp/bad-lat.yaml"
expect_usage_error latitude_out_of_range "latitude in [-90, 90]" check "$tmp/bad-lat.yaml"
# Usage errors.
expect_usage_error missing_file "cannot open scenario file" check "$tmp/none.yaml"
expect_usage_error no_subcommand "subcommand" scenario
expect_usage_error unknown_subcommand "not a subcommand" scenario run "$scenarios/europe.yaml"
expect_usage_error no_file "give the scenario file" check
expect_usage_error unknown_option "unknown option" check "$scenarios/europe.yaml" --jsn
expect_usage_error unknown_catalogue_dir "cannot open catalogue directory" check "$scenarios/europe.yaml" --catalog "$tmp/none"

echo "cli_scenario: $pass passed, $fail failed"
[ $fail -eq 0 ]
