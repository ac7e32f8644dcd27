#!/usr/bin/env bash
# One threat, one answer (issue 10): the same missile, launch point, aim point and shape flown by
# every command that flies a threat — trajectory --to, engage (flag form and scenario form),
# sensor, scenario check, footprint (one cell, launch-area mode) and report — gives the same flight
# time (within 0.5 s) and apogee (within 1 km), for an ICBM, an intermediate range, a medium range,
# a lofted and a depressed trajectory. All of them call bmd_aim_fly_to; before issue 10 the
# analysis path searched its max-range plan at azimuth 0 with the gravity turn only, and
# Kozelsk -> Washington took 1,546.5 s (apogee 903 km) in trajectory and 1,449 s (711 km) in engage.
# Usage: cli_one_answer.sh PATH/TO/bmdsim
set -u
bin=$1
. "$(dirname "$0")/lib/cli_assert.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# name missile from to shape
cases="icbm rs-24-yars-class 54.0,35.8 38.9,-77.0 min-energy
irbm_range hwasong-14-class 39.03,125.75 13.45,144.79 min-energy
mrbm no-dong 39.03,125.75 35.1,129.04 min-energy
lofted hwasong-15-class 39.03,125.75 40.5,136.0 lofted
depressed rs-24-yars-class 54.0,35.8 38.9,-77.0 depressed"

# csv_column FILE NAME -> the value of column NAME in the first data row
csv_column() {
    awk -F, -v want="$2" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == want) c = i; next }
                          NR == 2 && c { print $c; exit }' "$1"
}

while read -r name missile from to shape; do
    [ -n "$name" ] || continue
    # the reference: trajectory --to
    out=$("$bin" trajectory --missile "$missile" --from "$from" --to "$to" --shape "$shape" --json)
    t_ref=$(json_field "$out" flight_time_s)
    a_ref=$(json_field "$out" apogee_km)
    holds "${name}_trajectory_flies" 'a > 0 && b > 0' "$t_ref" "$a_ref"

    # engage, flag form
    out=$("$bin" engage --missile "$missile" --from "$from" --to "$to" --shape "$shape" \
        --site 45.0,20.0 --interceptor sm-3-block-iia --no-required-speed --json)
    check "${name}_engage_flag_form_flight_time" "$(json_field "$out" threat_flight_time_s)" "$t_ref" 0.5 "trajectory --to"
    check "${name}_engage_flag_form_apogee" "$(json_field "$out" threat_apogee_km)" "$a_ref" 1 "trajectory --to"

    # a scenario with this one threat
    lat=${from%,*} lon=${from#*,} tlat=${to%,*} tlon=${to#*,}
    yaml=$work/$name.yaml
    cat >"$yaml" <<EOF
kind: scenario
title: "one threat: $name"
earth: wgs84
timeline: {detect_to_track_s: 30, track_to_decision_s: 10, decision_to_launch_s: 5, kill_assessment_s: 30, notional: true, note: "test"}
sites:
  - name: site
    at: [45.0, 20.0]
    interceptor: sm-3-block-iia
    count: 4
    notional: true
    note: "test"
threats:
  - name: t
    missile: $missile
    from: [$lat, $lon]
    to: [$tlat, $tlon]
    shape: $shape
    notional: true
    note: "test"
EOF

    # engage, scenario form
    out=$("$bin" engage "$yaml" --no-required-speed --json)
    check "${name}_engage_scenario_form_flight_time" "$(json_field "$out" threat_flight_time_s)" "$t_ref" 0.5 "trajectory --to"
    check "${name}_engage_scenario_form_apogee" "$(json_field "$out" threat_apogee_km)" "$a_ref" 1 "trajectory --to"

    # sensor, trajectory form
    out=$("$bin" sensor --radar uewr-fylingdales --at 54.36,-0.67 --missile "$missile" \
        --from "$from" --to "$to" --shape "$shape" --json)
    check "${name}_sensor_flight_time" "$(json_field "$out" flight_time_s)" "$t_ref" 0.5 "trajectory --to"
    check "${name}_sensor_apogee" "$(json_field "$out" apogee_km)" "$a_ref" 1 "trajectory --to"

    # scenario check
    out=$("$bin" scenario check "$yaml" --json)
    check "${name}_scenario_check_flight_time" "$(json_field "$out" flight_time_s)" "$t_ref" 0.5 "trajectory --to"
    check "${name}_scenario_check_apogee" "$(json_field "$out" apogee_km)" "$a_ref" 1 "trajectory --to"

    # footprint, one cell: the launch point, in launch-area mode toward the threat's target
    printf '%s\n' "$from" >"$work/$name.pts"
    "$bin" footprint "$yaml" --mode launch-area --grid "$work/$name.pts" --target t \
        --csv "$work/$name.csv" --quiet >/dev/null
    check "${name}_footprint_cell_flight_time" "$(csv_column "$work/$name.csv" flight_time_s)" "$t_ref" 0.5 "trajectory --to"
    check "${name}_footprint_cell_apogee" "$(csv_column "$work/$name.csv" apogee_km)" "$a_ref" 1 "trajectory --to"

    # report: the threat's trajectory feature in its GeoJSON
    "$bin" report "$yaml" -o "$work/$name/r.html" --no-footprints --no-required-speed \
        --no-remote --quiet >/dev/null
    geo=$(cat "$work/$name/r.geojson" 2>/dev/null)
    check "${name}_report_flight_time" "$(json_field "$geo" impact_time_s)" "$t_ref" 0.5 "trajectory --to"
    check "${name}_report_apogee" "$(json_field "$geo" apogee_km)" "$a_ref" 1 "trajectory --to"
done <<<"$cases"

# The case of issue 10: Kozelsk -> Washington on the minimum-energy trajectory takes about half an
# hour ("some 30 minutes" for intercontinental ranges in published analyses), not 1,449-1,546 s.
out=$("$bin" trajectory --missile rs-24-yars-class --from 54.0,35.8 --to 38.9,-77.0 --json)
holds kozelsk_washington_min_energy_is_about_half_an_hour 'a > 1700 && a < 2000' "$(json_field "$out" flight_time_s)"

echo "cli_one_answer: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
