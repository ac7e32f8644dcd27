#!/usr/bin/env bash
# Every JSON the command line writes is valid JSON (RFC 8259: no NaN or Infinity) whose objects
# never repeat a key, checked by a strict parser (tests/lib/json_strict.py: Python's json with an
# object_pairs_hook that rejects duplicates): the --json of every command and form, and the
# GeoJSON exports of trajectory, engage (both forms), footprint and report.
# Usage: cli_json_strict.sh PATH/TO/bmdsim
set -u
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib/cli_assert.sh"
export BMD_DATA_DIR=${BMD_DATA_DIR:-$here/../data}
S=$here/../scenarios
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0

# strict NAME FILE : FILE is strict JSON
strict() {
    if python3 "$here/lib/json_strict.py" "$2" 2>"$tmp/why"; then ok; else bad "$1: $(cat "$tmp/why")"; fi
}
# json NAME ARGS... : bmdsim ARGS exits 0 and its standard output is strict JSON
json() {
    local name=$1; shift
    n=$((n + 1))
    "$bin" "$@" >"$tmp/out$n.json" 2>"$tmp/err"; local rc=$?
    if [ $rc -ne 0 ]; then bad "$name: exit $rc ($*): $(head -c 300 "$tmp/err")"; return; fi
    strict "$name" "$tmp/out$n.json"
}

# The checker itself rejects what it must (a test that cannot fail is a defect).
printf '{"a":1,"a":2}' >"$tmp/dup.json"
python3 "$here/lib/json_strict.py" "$tmp/dup.json" 2>/dev/null && bad "checker accepts a duplicate key" || ok
printf '{"a":NaN}' >"$tmp/nan.json"
python3 "$here/lib/json_strict.py" "$tmp/nan.json" 2>/dev/null && bad "checker accepts NaN" || ok
printf '{"a":{"b":1,"c":[{"d":1,"d":1}]}}' >"$tmp/deep.json"
python3 "$here/lib/json_strict.py" "$tmp/deep.json" 2>/dev/null && bad "checker misses a nested duplicate" || ok

json kepler_angle kepler --speed 7 --angle 30 --json
json kepler_min_energy kepler --range 10000 --min-energy --json
json kepler_two_trajectories kepler --range 5000 --speed 6 --json
json loft loft --apogee 2800 --range 900 --json
json loft_full loft --apogee 2802 --range 933 --full --toward 35,135 --json
json trajectory_aimed trajectory --missile shahab-3-class --from 38.08,46.29 --to 39.93,32.86 --json \
    --geojson "$tmp/t.geojson" --kml "$tmp/t.kml"
strict trajectory_geojson "$tmp/t.geojson"
json trajectory_azimuth trajectory --missile rs-24-yars-class --from 54,35.8 --azimuth 300 --json
json trajectory_lofted trajectory --missile no-dong --from 40,125 --azimuth 90 --apogee 400 --json
json range range --missile scud-b --json
json catalog_missiles catalog --json
json catalog_missile catalog rs-24-yars-class --json
json catalog_radars catalog --kind radar --json
json catalog_radar catalog uewr-fylingdales --kind radar --json
json catalog_interceptors catalog --kind interceptor --json
json catalog_interceptor catalog sm-3-block-iia --kind interceptor --json
json exchange_salvo exchange --warheads 10 --decoys 20 --sspk 0.7 --shots 2 --inventory 36 --json
json exchange_sls exchange --warheads 3 --sspk 0.8 --shots 1 --doctrine sls --required 0.99 --json
json sensor_site sensor --radar an-tpy-2-fbm --at 38.35,37.79 --json
json sensor_trajectory sensor --radar uewr-fylingdales --at 54.36,-0.67 --missile rs-24-yars-class \
    --from 54.03,35.78 --to 38.90,-77.04 --json
json engage_flags engage --missile shahab-3-class --from 38.08,46.29 --to 39.93,32.86 --site 44.05,24.38 \
    --interceptor sm-3-block-ib --radar spy-1d --json --geojson "$tmp/e.geojson" --kml "$tmp/e.kml"
strict engage_flags_geojson "$tmp/e.geojson"
json engage_scenario engage "$S/iran-europe-small.yaml" --json --geojson "$tmp/es.geojson" --no-required-speed
strict engage_scenario_geojson "$tmp/es.geojson"
json scenario_check scenario check "$S/europe.yaml" --json
json footprint footprint "$S/iran-europe-small.yaml" --grid 38,40,30,34,1 --quiet --json \
    --geojson "$tmp/f.geojson" --required-speed
strict footprint_geojson "$tmp/f.geojson"
"$bin" report "$S/iran-europe-small.yaml" -o "$tmp/r.html" --geojson "$tmp/r.geojson" --no-footprints \
    --no-required-speed --quiet >/dev/null 2>"$tmp/err" && ok || bad "report: $(cat "$tmp/err")"
strict report_geojson "$tmp/r.geojson"

# The exchange's objects add up (issue 10 item 8: never "30 engaged, 12 left over" of 30).
out=$(cat "$tmp/out$(grep -l '"model":"exchange","doctrine":"salvo"' "$tmp"/out*.json | sed 's/.*out\([0-9]*\)\.json/\1/' | head -1).json")
check exchange_engaged_is_18_of_30 "$(json_field "$out" expected_engaged)" 18 1e-6 "36 interceptors / 2 shots"
check exchange_unengaged_is_12_of_30 "$(json_field "$out" expected_unengaged)" 12 1e-6 "30 - 18"
check exchange_candidates_are_30 "$(json_field "$out" expected_candidates)" 30 0 "10 + 20"

echo "cli_json_strict: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
