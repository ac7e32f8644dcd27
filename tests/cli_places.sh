#!/usr/bin/env bash
# Command-line tests of place names: `bmdsim places QUERY` (table and JSON), a place name wherever
# LAT,LON is accepted giving the same answer as the coordinates, and an unknown name refused with
# exit 2 and the closest name suggested. Usage: cli_places.sh PATH/TO/bmdsim
set -u
bin=$1
. "$(dirname "$0")/lib/cli_assert.sh"

out=$("$bin" places kurecik 2>&1); rc=$?
[ $rc -eq 0 ] && ok || bad "places kurecik exit $rc: $out"
contains places_table_name "$out" "Kürecik"
contains places_table_source "$out" "wiki-kurecik"
json=$("$bin" places kozelsk --json 2>&1); rc=$?
[ $rc -eq 0 ] && ok || bad "places --json exit $rc: $json"
printf '%s' "$json" | python3 -c 'import json,sys; json.load(sys.stdin)' 2>/dev/null && ok \
    || bad "places --json is not JSON: $json"
# scenarios/europe.yaml: kozelsk at [54.03, 35.78]
check places_json_lat "$(json_field "$json" lat_deg)" 54.03 1e-9 "scenarios/europe.yaml"
check places_json_lon "$(json_field "$json" lon_deg)" 35.78 1e-9 "scenarios/europe.yaml"
check_text places_json_country "$(json_field "$json" country)" "Russia"
out=$("$bin" places russia --limit 3 2>&1)
holds places_limit 'a == 5' "$(printf '%s\n' "$out" | wc -l)" # header, column names, 3 rows
contains places_limit_more "$out" "use --limit"

# A place name gives exactly the answer of its coordinates
a=$("$bin" trajectory --missile rs-24-yars-class --from kozelsk --to washington --json 2>&1); rc=$?
[ $rc -eq 0 ] && ok || bad "trajectory --from kozelsk --to washington exit $rc: $a"
b=$("$bin" trajectory --missile rs-24-yars-class --from 54.03,35.78 --to 38.90,-77.04 --json 2>&1)
check_text names_equal_coordinates "$a" "$b"
a=$("$bin" trajectory --missile rs-24-yars-class --from "Yoshkar-Ola" --to "NEW YORK" --json 2>&1)
b=$("$bin" trajectory --missile rs-24-yars-class --from 56.63,47.89 --to 40.71,-74.01 --json 2>&1)
check_text names_ignore_case "$a" "$b"

expect_usage_error unknown_place "did you mean Kozelsk (Russia, 54.03 N 35.78 E)?" \
    trajectory --missile rs-24-yars-class --from kozelsc --to washington
expect_usage_error unknown_place_no_suggestion "bmdsim places" \
    trajectory --missile rs-24-yars-class --from xqzzyv --to washington
expect_usage_error places_bad_limit "--limit" places kozelsk --limit 2.5
expect_usage_error places_missing_data "places.tsv" places kozelsk --data-dir /nonexistent

echo "cli_places: $pass passed, $fail failed"
[ $fail -eq 0 ]
