#!/usr/bin/env bash
# Command-line tests of `bmdsim range`: maximum range against payload (table and JSON array),
# agreement with `bmdsim trajectory`, and bad input -> one line on stderr, exit 2.
# Usage: cli_range.sh PATH/TO/bmdsim
set -u
bin=$1
. "$(dirname "$0")/lib/cli_assert.sh"

# JSON array of objects, one per payload: 400, 700, 1000 kg.
out=$("$bin" range --missile no-dong --payload-min 400 --payload-max 1000 --step 300 --from 40,127 --azimuth 90 --json)
n=$(printf '%s' "$out" | grep -o '"payload_kg"' | wc -l)
[ "$n" -eq 3 ] && ok || bad "expected 3 rows, got $n: $out"
case "$out" in '['*']') ok ;; *) bad "not a JSON array: $out" ;; esac
for k in payload_kg max_range_km burnout_speed_km_s apogee_km flight_time_s; do
    case "$out" in *"\"$k\":"*) ok ;; *) bad "json lacks $k" ;; esac
done
# Range falls as the payload grows (rocket equation: less burnout speed).
printf '%s' "$out" | grep -o '"max_range_km":[0-9.]*' | cut -d: -f2 | awk 'NR > 1 && $1 >= prev { exit 1 } { prev = $1 }' && ok || bad "range does not fall with payload"
# The 1000 kg row is the catalogue No-dong (Forden T1 payload): same as bmdsim trajectory.
r1000=$(printf '%s' "$out" | grep -o '"payload_kg":1000,"max_range_km":[0-9.]*' | cut -d: -f3)
t=$("$bin" trajectory --missile no-dong --from 40,127 --azimuth 90 --json)
check range_row_equals_trajectory "$r1000" "$(json_field "$t" max_range_km)" 0.01 "same search"
# Forden (2007) Table 3 No-dong 973 km (azimuth 40 from 39N 125E, 3%), the catalogue payload.
out=$("$bin" range --missile no-dong --payload-min 1000 --payload-max 1000 --from 39,125 --azimuth 40 --steering pitch-program --json)
check no_dong_is_forden_table_3 "$(printf '%s' "$out" | grep -o '"max_range_km":[0-9.]*' | cut -d: -f2)" 973 29.19 "Forden 2007 T3, 3%"
# The default headline: a non-rotating Earth, as catalogues quote ranges. The RS-24 catalogue entry
# cites 10,500-12,000 km at its 1,300 kg payload (data/catalog/missiles/rs-24-yars-class.yaml,
# published_range_km); the headline must fall inside that band (it was 16,746 km when the default
# was a due-east launch from the equator on the rotating Earth).
out=$("$bin" range --missile rs-24-yars-class --payload-min 1300 --payload-max 1300 --json)
check_text default_headline_is_a_non_rotating_earth "$(json_field "$out" earth)" non-rotating
holds rs24_headline_is_inside_the_published_band 'a >= 10500 && a <= 12000' "$(json_field "$out" max_range_km)"
# Beside it, the best and worst azimuth on the rotating Earth: east beats west from the equator.
holds rotating_best_is_east_and_beats_the_headline 'a == 90 && b > c' \
    "$(json_field "$out" rotating_best_azimuth_deg)" "$(json_field "$out" rotating_best_km)" "$(json_field "$out" max_range_km)"
holds rotating_worst_is_below_the_headline 'a < b' "$(json_field "$out" rotating_worst_km)" "$(json_field "$out" max_range_km)"
# A row whose range reaches the antipode (20,003.9 km) is "reaches any point", not a distance.
out=$("$bin" range --missile rs-24-yars-class --payload-min 100 --payload-max 100 --json)
check_text capped_row_is_flagged "$(json_field "$out" reaches_any_point)" true
check_text capped_row_has_no_distance "$(json_field "$out" max_range_km)" null
tab=$("$bin" range --missile rs-24-yars-class --payload-min 100 --payload-max 100)
contains capped_row_reads_any_point "$tab" "any point"
row=$(printf '%s\n' "$tab" | grep -E '^ +100\.0 ')
case "$row" in *20003*) bad "capped row printed as a distance: $row" ;; *"any point"*) ok ;; *) bad "no capped row: $tab" ;; esac
# Uncapped rows keep their distance and say false.
out=$("$bin" range --missile scud-b --payload-min 985 --payload-max 985 --no-rotation --json)
check_text uncapped_row_is_not_flagged "$(json_field "$out" reaches_any_point)" false
case "$out" in *rotating_best*) bad "--no-rotation should drop the azimuth columns: $out" ;; *) ok ;; esac

# Table form: default grid of five rows around the catalogue payload.
tab=$("$bin" range --missile scud-b)
[ "$(printf '%s\n' "$tab" | grep -cE '^ +[0-9]')" -eq 5 ] && ok || bad "default table should have 5 rows: $tab"

expect_usage_error unknown_missile_is_refused scud-b range --missile scudb
expect_usage_error max_below_min_is_refused --payload-max range --missile scud-b --payload-min 900 --payload-max 100
expect_usage_error negative_step_is_refused --step range --missile scud-b --step -5
expect_usage_error too_many_rows_are_refused --step range --missile scud-b --payload-min 1 --payload-max 1000 --step 1
expect_usage_error missing_missile_is_refused --missile range --payload-min 100
expect_usage_error bad_latitude_is_refused latitude range --missile scud-b --from -95,0
"$bin" range --help >/dev/null && ok || bad "range --help should exit 0"

echo "cli_range: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
