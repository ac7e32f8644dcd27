#!/usr/bin/env bash
# Command-line tests of `bmdsim engage SCENARIO.yaml`: every number of a (threat, site) pair equals
# the flag form run on the same case (same missile, points, interceptor, radar, IR cueing and
# delays; one interceptor type per site, so the shared flyout table is the flag form's table);
# a site without interceptors is reported as such; a target beyond reach is reported, not an
# error; --geojson and --kml are written; bad input -> one line on stderr, exit 2.
# Usage: cli_engage_scenario.sh PATH/TO/bmdsim
set -u
bin=$1
export BMD_DATA_DIR=${BMD_DATA_DIR:-$(dirname "$0")/../data}
. "$(dirname "$0")/lib/cli_assert.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The field of the object number $2 (0-based) of a JSON array, or of a single object.
field() { python3 -c '
import json, sys
d = json.loads(sys.argv[1]); d = d[int(sys.argv[2])] if isinstance(d, list) else d
v = d.get(sys.argv[3], "MISSING")
print("null" if v is None else (str(v).lower() if isinstance(v, bool) else v))' "$1" "$2" "$3"; }
same() { if [ "$2" = "$3" ]; then ok; else bad "$1: scenario '$2' != flag form '$3'"; fi; }

cat >"$tmp/case.yaml" <<'EOF'
kind: scenario
title: "Test: one MRBM against three sites"
timeline: {detect_to_track_s: 20, track_to_decision_s: 7, decision_to_launch_s: 3, kill_assessment_s: 30}
sensors:
  - {name: sbirs, ir: {cloud_top_m: 10000, delay_s: 5}, notional: true, note: "test"}
sites:
  - {name: near, at: [38.0, 42.5], interceptor: sm-3-block-iia, count: 4, cue: [sbirs], notional: true, note: "test"}
  - {name: far, at: [50.0, 10.0], interceptor: sm-3-block-ia, count: 4, cue: [sbirs], notional: true, note: "test"}
  - {name: at-target, at: [37.5, 41.5], interceptor: thaad, count: 6, radar: {type: an-tpy-2-fbm, boresight_deg: 95}, cue: [sbirs], notional: true, note: "test"}
  - {name: empty, at: [40.0, 40.0], interceptor: gbi, count: 0, cue: [sbirs], notional: true, note: "test"}
threats:
  - {name: mrbm, missile: shahab-3-class, from: [35.5, 51.0], to: [37.5, 41.5], notional: true, note: "test"}
  - {name: too-far, missile: scud-b, from: [35.5, 51.0], to: [52.5, 13.4], notional: true, note: "test"}
EOF

js=$("$bin" engage "$tmp/case.yaml" --json --geojson "$tmp/c.geojson" --kml "$tmp/c.kml"); rc=$?
[ $rc -eq 0 ] && ok || bad "scenario form exit $rc"
n=$(python3 -c 'import json,sys; print(len(json.loads(sys.argv[1])))' "$js" 2>/dev/null)
[ "$n" = 8 ] && ok || bad "expected 2 threats x 4 sites = 8 objects, got '$n'"

keys="detect_time_s track_time_s earliest_launch_time_s earliest_intercept_time_s latest_intercept_time_s intercept_altitude_min_km intercept_altitude_max_km shot_opportunities required_speed_km_s engageable reason threat_range_km threat_flight_time_s"
flags="--missile shahab-3-class --from 35.5,51 --to 37.5,41.5 --track-delay 20 --decision-delay 7 --launch-delay 3 --assess 30 --ir-delay 5"
compare() { # compare INDEX FLAGS...
    local i=$1; shift
    local fj; fj=$("$bin" engage $flags "$@" --json)
    for k in $keys; do same "pair $i ($*) $k" "$(field "$js" "$i" "$k")" "$(field "$fj" 0 "$k")"; done
}
compare 0 --site 38.0,42.5 --interceptor sm-3-block-iia --interceptors 4
compare 1 --site 50.0,10.0 --interceptor sm-3-block-ia --interceptors 4
compare 2 --site 37.5,41.5 --interceptor thaad --interceptors 6 --radar an-tpy-2-fbm --boresight 95
# The case has outcomes of both kinds (so equality is tested on real windows and on empty ones).
same near_is_engageable "$(field "$js" 0 engageable)" true
same far_is_out_of_reach "$(field "$js" 1 reason)" "out of reach"
same site_without_interceptors "$(field "$js" 3 reason)" "no interceptors at the site"
same site_without_interceptors_not_engageable "$(field "$js" 3 engageable)" false
same beyond_reach_reported "$(field "$js" 4 reason)" "target beyond the missile's reach"
same beyond_reach_has_no_range "$(field "$js" 4 threat_range_km)" null
# Detection by the IR sensor is named after the scenario's sensor.
case "$(field "$js" 0 detected_by)" in sbirs*) ok ;; *) bad "detected_by: $(field "$js" 0 detected_by)" ;; esac

# The table form names every pair and the reasons.
tab=$("$bin" engage "$tmp/case.yaml" --no-required-speed)
for w in "mrbm" "at-target" "no interceptors at the site" "target beyond the missile's reach" "engageable"; do
    case "$tab" in *"$w"*) ok ;; *) bad "table lacks '$w'" ;; esac
done

# Exports: GeoJSON parses and holds the sites, coverage, the track and intercept points; KML parses.
python3 - "$tmp/c.geojson" "$tmp/c.kml" <<'EOF' && ok || bad "exports"
import json, sys, xml.dom.minidom
g = json.load(open(sys.argv[1]))
assert g["type"] == "FeatureCollection"
kinds = [f["geometry"]["type"] for f in g["features"]]
names = [f["properties"]["name"] for f in g["features"]]
assert "LineString" in kinds and "Polygon" in kinds and "Point" in kinds, kinds
assert "near" in names and "at-target an-tpy-2-fbm" in names, names
assert any(f["properties"].get("feature") == "intercept" for f in g["features"])
d = xml.dom.minidom.parse(sys.argv[2])
assert d.documentElement.tagName == "kml"
assert len(d.getElementsByTagName("Placemark")) >= len(g["features"])
EOF

# Bad input: one line on stderr, exit 2 (expect_usage_error: tests/lib/cli_assert.sh).
expect_usage_error missing_file "nope.yaml" engage "$tmp/nope.yaml"
sed 's/count: 4, cue/count: -4, cue/' "$tmp/case.yaml" >"$tmp/bad.yaml"
expect_usage_error negative_count "count" engage "$tmp/bad.yaml"
sed 's/sm-3-block-iia/sm-3-block-iiz/' "$tmp/case.yaml" >"$tmp/bad2.yaml"
expect_usage_error unknown_interceptor "sm-3-block-ii" engage "$tmp/bad2.yaml"
expect_usage_error flag_form_option_with_scenario "--missile" engage "$tmp/case.yaml" --missile scud-b
expect_usage_error scenario_option_in_flag_form "--catalog" engage $flags --site 38,42.5 --interceptor thaad --catalog /tmp
expect_usage_error bad_threads "--threads" engage "$tmp/case.yaml" --threads -1

echo "cli_engage_scenario: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
