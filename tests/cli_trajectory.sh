#!/usr/bin/env bash
# Command-line tests of `bmdsim trajectory`: numbers against the library tests and published
# values, the JSON keys, the CSV time series, and bad input -> one line on stderr, exit 2.
# Usage: cli_trajectory.sh PATH/TO/bmdsim
set -u
bin=$1
. "$(dirname "$0")/lib/cli_assert.sh"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# Forden (2007) Table 3: Scud-B 288 km at azimuth 40 deg from 39N 125E; pitch program, 3%.
out=$("$bin" trajectory --missile scud-b --from 39,125 --azimuth 40 --max-range --steering pitch-program --json)
check scud_b_max_range_is_forden_table_3 "$(json_field "$out" max_range_km)" 288 8.64 "Forden 2007 T3, 3%"
# The default steering (auto: the longer of the gravity turn and the pitch program) is within 3%
# of Forden's 288 km too (test_trajectory: 292.3 km gravity turn, 287.3 km pitch program).
out=$("$bin" trajectory --missile scud-b --from 39,125 --azimuth 40 --json)
check scud_b_gravity_turn_is_within_3_percent "$(json_field "$out" max_range_km)" 288 8.64 "Forden 2007 T3, 3%"
for k in range_km apogee_km flight_time_s burnout_speed_km_s burnout_angle_deg burnout_altitude_km \
         max_range_km impact_lat impact_lon burnout_time_s reentry_speed_km_s ground_range_km; do
    case "$out" in *"\"$k\":"*) ok ;; *) bad "json lacks $k" ;; esac
done
check scud_b_burns_out_at_75_s "$(json_field "$out" burnout_time_s)" 75 1e-6 "Forden T1 burn time"

# Minuteman III from Minot AFB toward Russia: within the published class (USAF fact sheet
# 9,664 km lower bound; press 13,003 km upper), as test_trajectory.
out=$("$bin" trajectory --missile minuteman-3 --from 48.4,-101.3 --azimuth 300 --json)
r=$(json_field "$out" max_range_km)
awk -v r="$r" 'BEGIN { exit !(r > 9664 && r < 13003) }' && ok || bad "minuteman range $r outside 9,664-13,003 km"

# Aimed at Moscow: the impact is within 100 m of the target (the aim tolerance), reachable.
out=$("$bin" trajectory --missile minuteman-3 --from 48.4,-101.3 --to 55.75,37.62 --json --csv "$tmp/mm3.csv")
case "$out" in *'"reachable":true'*) ok ;; *) bad "moscow should be reachable: $out" ;; esac
m=$(json_field "$out" miss_m)
awk -v m="$m" 'BEGIN { exit !(m != "" && m <= 100) }' && ok || bad "miss $m m above 100 m"
check aimed_impact_latitude "$(json_field "$out" impact_lat)" 55.75 0.001 "target"
# CSV: header with units, equal columns, time increasing, last row at the flight time, ground.
head -1 "$tmp/mm3.csv" | grep -q '^t_s,lat_deg,lon_deg,altitude_km,speed_km_s,' && ok || bad "csv header"
awk -F, 'NR > 1 && NF != 12 { exit 1 }' "$tmp/mm3.csv" && ok || bad "csv rows are not 12 columns"
awk -F, 'NR > 2 && $1 < prev { exit 1 } NR > 1 { prev = $1 }' "$tmp/mm3.csv" && ok || bad "csv time not increasing"
last=$(tail -1 "$tmp/mm3.csv")
check csv_ends_at_impact_time "$(echo "$last" | cut -d, -f1)" "$(json_field "$out" flight_time_s)" 0.01 "summary"
check csv_ends_on_the_ground "$(echo "$last" | cut -d, -f4)" 0 0.001 "impact"
ls "$tmp" | grep -q tmp- && bad "a temporary CSV file was left behind" || ok

# A target beyond reach: the flight along the bearing is still printed (reachable false, max range
# along the bearing), exit 3 "no solution" (cli/cli.h) with one line on stderr.
out=$("$bin" trajectory --missile scud-b --from 39,125 --to 45,140 --json 2>/dev/null); rc=$?
[ $rc -eq 3 ] && ok || bad "unreachable target: exit $rc, expected 3"
case "$out" in *'"reachable":false'*) ok ;; *) bad "unreachable target should say reachable:false" ;; esac
r=$(json_field "$out" max_range_km)
awk -v r="$r" 'BEGIN { exit !(r > 250 && r < 320) }' && ok || bad "scud max range along the bearing $r"

# Lofted plan for an apogee: the apogee is met (root found to 1 km in the library).
out=$("$bin" trajectory --missile no-dong --from 40,127 --azimuth 90 --apogee 400 --json)
check lofted_apogee_is_met "$(json_field "$out" apogee_km)" 400 1.0 "requested"
# A payload heavier than the catalogue's flies shorter.
a=$("$bin" trajectory --missile no-dong --from 40,127 --azimuth 90 --json)
b=$("$bin" trajectory --missile no-dong --from 40,127 --azimuth 90 --payload 1500 --json)
awk -v a="$(json_field "$a" max_range_km)" -v b="$(json_field "$b" max_range_km)" 'BEGIN { exit !(b < a) }' && ok || bad "heavier payload should fly shorter"
# A kick of 89 deg flies Scud-B into the ground while it still burns (75 s burn): a normal
# answer, exit 0, impacted in the boost phase, before the burnout time.
out=$("$bin" trajectory --missile scud-b --from 0,0 --azimuth 90 --kick 89 --json); rc=$?
[ $rc -eq 0 ] && ok || bad "boost-phase impact: exit $rc"
case "$out" in *'"impacted":true'*'"impact_phase":"boost"'*) ok ;; *) bad "boost-phase impact should say impacted, phase boost: $out" ;; esac
awk -v t="$(json_field "$out" flight_time_s)" 'BEGIN { exit !(t > 0 && t < 75) }' && ok || bad "boost-phase impact after the 75 s burn"
# Non-rotating sphere: due east and due west from the equator fly the same range (symmetry).
e=$("$bin" trajectory --missile scud-b --from 0,0 --azimuth 90 --kick 20 --earth sphere --no-rotation --json)
w=$("$bin" trajectory --missile scud-b --from 0,0 --azimuth 270 --kick 20 --earth sphere --no-rotation --json)
check east_equals_west_without_rotation "$(json_field "$e" range_km)" "$(json_field "$w" range_km)" 0.01 "symmetry"

# Bad input: one line, exit 2.
expect_usage_error unknown_missile_suggests_the_closest scud-b trajectory --missile scudb --from 39,125 --azimuth 40
expect_usage_error kick_above_90_is_refused --kick trajectory --missile scud-b --from 39,125 --azimuth 40 --kick 95
expect_usage_error latitude_above_90_is_refused latitude trajectory --missile scud-b --from 95,125 --azimuth 40
expect_usage_error longitude_above_180_is_refused longitude trajectory --missile scud-b --from 39,200 --azimuth 40
expect_usage_error target_latitude_is_checked --to trajectory --missile scud-b --from 39,125 --to -91,0
expect_usage_error bad_latlon_text_is_refused LAT,LON trajectory --missile scud-b --from 39 --azimuth 40
expect_usage_error catalogue_field_errors_give_the_place "must be positive" trajectory --missile scud-b --from 39,125 --azimuth 40 --set 'stages[0].burn_time_s=-3'
printf 'kind: missile\nname: broken\n' > "$tmp/broken.yaml"
expect_usage_error broken_file_names_file_line_column "broken.yaml:" trajectory --missile "$tmp/broken.yaml" --from 39,125 --azimuth 40
expect_usage_error to_and_azimuth_together_are_refused "either" trajectory --missile scud-b --from 39,125 --azimuth 40 --to 40,130
expect_usage_error missing_from_is_refused --from trajectory --missile scud-b --azimuth 40
expect_usage_error unknown_shape_is_refused --shape trajectory --missile scud-b --from 39,125 --to 40,127 --shape flat
"$bin" trajectory --help >/dev/null && ok || bad "trajectory --help should exit 0"

# GeoJSON and KML of an aimed flight: the track is a LineString with altitude (RFC 7946 3-D
# positions, lon first), the KML a 3-D LineString with absolute altitude; a file that cannot be
# written leaves nothing behind and exits non-zero.
gdir=$(mktemp -d)
"$bin" trajectory --missile scud-b --from 39,125 --to 40.5,127 --geojson "$gdir/t.geojson" --kml "$gdir/t.kml" >/dev/null
rc=$?
[ $rc -eq 0 ] && ok || bad "geojson/kml export: exit $rc"
grep -q '"type":"LineString"' "$gdir/t.geojson" && ok || bad "geojson has no LineString"
grep -Eq '"coordinates":\[\[125(\.[0-9]+)?,39(\.[0-9]+)?,[0-9.]+' "$gdir/t.geojson" && ok || bad "geojson track does not start lon,lat,alt near the launch point"
grep -q '<altitudeMode>absolute</altitudeMode>' "$gdir/t.kml" && ok || bad "kml track lacks absolute altitude"
"$bin" trajectory --missile scud-b --from 39,125 --azimuth 40 --max-range --geojson "$gdir/missing/t.geojson" >/dev/null 2>&1
[ $? -ne 0 ] && ok || bad "writing into a missing directory should fail"
[ -z "$(ls -A "$gdir/missing" 2>/dev/null)" ] && ok || bad "a failed write left a file behind"
rm -rf "$gdir"

echo "cli_trajectory: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
