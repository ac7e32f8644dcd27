#!/usr/bin/env bash
# Command-line tests of `bmdsim map`: writes a well-formed SVG with the sites, and bad input gives
# one line on stderr and exit 2. Usage: cli_map.sh PATH/TO/bmdsim
set -u
bin=$1
. "$(dirname "$0")/lib/cli_assert.sh"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

out=$("$bin" map --center 50,20 --radius 1500 --site "Redzikowo@54.48,17.10,interceptor" \
      --site "Deveselu@44.08,24.35" -o "$dir/m.svg" 2>&1); rc=$?
[ $rc -eq 0 ] && ok || bad "map exit $rc: $out"
[ -s "$dir/m.svg" ] && ok || bad "no SVG written"
grep -q '>Redzikowo</text>' "$dir/m.svg" && ok || bad "site label missing"
grep -q '>Deveselu</text>' "$dir/m.svg" && ok || bad "second site label missing"
if command -v xmllint >/dev/null; then
    xmllint --noout "$dir/m.svg" 2>/dev/null && ok || bad "SVG is not well formed"
fi
ls "$dir" | grep -q '\.tmp\.' && bad "temporary file left behind" || ok

expect_usage_error missing_center center map -o "$dir/x.svg"
expect_usage_error missing_output output map --center 50,20
expect_usage_error bad_center center map --center 95,20 -o "$dir/x.svg"
expect_usage_error bad_radius radius map --center 50,20 --radius -3 -o "$dir/x.svg"
expect_usage_error bad_site site map --center 50,20 --site nowhere -o "$dir/x.svg"
expect_usage_error bad_kind kind map --center 50,20 --site "A@1,2,boat" -o "$dir/x.svg"
"$bin" map --center 50,20 -o /nonexistent-dir/x.svg 2>/dev/null; rc=$?
[ $rc -ne 0 ] && ok || bad "writing into a missing directory succeeded"

echo "cli_map: $pass passed, $fail failed"
[ $fail -eq 0 ]
