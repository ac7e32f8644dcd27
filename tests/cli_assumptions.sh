#!/usr/bin/env bash
# Command-line tests of the stated assumptions (issue 10, items 3, 4, 5, 10):
#   - the flag form and the scenario form give the same answer for the same inputs, with the ONE
#     set of defaults (a scenario without `timeline:` gets the flag form's delays) and under every
#     launch-on setting (`engagement: {launch_on: ...}` = `--launch-on ...`);
#   - every verdict names its launch-on setting, delays and radar requirement (table, JSON,
#     GeoJSON), and every detection names the object and cross-section radars looked for;
#   - launching later can only delay: earliest launch ir-track <= burnout <= radar-track;
#   - the command printed under a report's footprint map reproduces its numbers exactly;
#   - `bmdsim catalog NAME` finds interceptors and radars without --kind.
# Usage: cli_assumptions.sh PATH/TO/bmdsim
set -u
bin=$1
export BMD_DATA_DIR=${BMD_DATA_DIR:-$(dirname "$0")/../data}
. "$(dirname "$0")/lib/cli_assert.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
field() { python3 -c '
import json, sys
d = json.loads(sys.argv[1]); d = d[int(sys.argv[2])] if isinstance(d, list) else d
v = d.get(sys.argv[3], "MISSING")
print("null" if v is None else (str(v).lower() if isinstance(v, bool) else v))' "$1" "$2" "$3"; }
same() { if [ "$2" = "$3" ]; then ok; else bad "$1: expected '$3', got '$2'"; fi; }

# One threat, one site with a radar, IR cueing without delay: the flag form's inputs, no timeline.
write_case() { # LAUNCH_ON
cat >"$tmp/case.yaml" <<EOF
kind: scenario
title: "Test: the flag form's defaults"
engagement: {launch_on: $1}
sensors:
  - {name: sbirs, ir: {cloud_top_m: 10000, delay_s: 0}, notional: true, note: "test"}
sites:
  - {name: site, at: [39.0, 40.0], interceptor: sm-3-block-iia, count: 4, radar: {type: spy-1d, boresight_deg: 100}, cue: [sbirs], notional: true, note: "test"}
threats:
  - {name: mrbm, missile: shahab-3-class, from: [35.5, 51.0], to: [37.5, 41.5], notional: true, note: "test"}
EOF
}
keys="detect_time_s chain_start_s track_time_s earliest_launch_time_s earliest_intercept_time_s latest_intercept_time_s shot_opportunities engageable reason launch_on track_delay_s decision_delay_s launch_delay_s kill_assessment_s fcr_required_at_intercept radar_object detected_object"
flags="--missile shahab-3-class --from 35.5,51 --to 37.5,41.5 --site 39,40 --interceptor sm-3-block-iia --interceptors 4 --radar spy-1d --boresight 100 --no-required-speed"
declare -A launch
for lo in ir-track burnout radar-track; do
    for remote in "" "--no-fcr-coverage"; do
        write_case "$lo"
        sj=$("$bin" engage "$tmp/case.yaml" --json --no-required-speed $remote) || bad "scenario form ($lo $remote) failed"
        fj=$("$bin" engage $flags --launch-on "$lo" $remote --json) || bad "flag form ($lo $remote) failed"
        diff=$(python3 -c '
import json, sys
s, f, lo = json.loads(sys.argv[1])[0], json.loads(sys.argv[2]), sys.argv[3]
bad = [k + ": scenario " + repr(s.get(k, "MISSING")) + " != flag " + repr(f.get(k, "MISSING"))
       for k in sys.argv[4:] if s.get(k, "MISSING") != f.get(k, "MISSING") or k not in f]
if f.get("launch_on") != lo:
    bad.append("launch_on " + repr(f.get("launch_on")) + " != " + lo)
print("; ".join(bad))' "$sj" "$fj" "$lo" $keys)
        if [ -z "$diff" ]; then ok; else bad "flag_form_equals_scenario_form ($lo $remote): $diff"; fi
        [ -z "$remote" ] && launch[$lo]=$(field "$fj" 0 earliest_launch_time_s)
    done
done
# The defaults are those of bmd_engagement_rules_init, and --help says so.
fj=$("$bin" engage $flags --json)
same default_launch_on "$(field "$fj" 0 launch_on)" ir-track
same default_track_delay "$(field "$fj" 0 track_delay_s)" 30
same default_fcr_required "$(field "$fj" 0 fcr_required_at_intercept)" true
case "$(field "$fj" 0 radar_object)" in "warhead 0.1 m^2"*) ok ;; *) bad "radar_object: $(field "$fj" 0 radar_object)" ;; esac
help=$("$bin" engage --help 2>&1)
for w in "--launch-on" "ir-track (default" "radar-track" "default 30" "default 10" "default 5"; do
    case "$help" in *"$w"*) ok ;; *) bad "engage --help lacks '$w'" ;; esac
done
# Waiting for burnout or for a radar can only delay the earliest launch.
python3 - "${launch[ir-track]}" "${launch[burnout]}" "${launch[radar-track]}" <<'EOF' && ok || bad "earliest launch not ordered: ${launch[*]}"
import sys
v = [float("inf") if x in ("null", "inf") else float(x) for x in sys.argv[1:]]
assert v[0] <= v[1] <= v[2], v
EOF
# The table and the GeoJSON state the rules.
write_case burnout
tab=$("$bin" engage "$tmp/case.yaml" --no-required-speed --geojson "$tmp/c.geojson")
for w in "launch on burnout" "track 30 s" "must see the intercept: yes" "warhead 0.1 m^2"; do
    case "$tab" in *"$w"*) ok ;; *) bad "scenario table lacks '$w'" ;; esac
done
python3 - "$tmp/c.geojson" <<'EOF' && ok || bad "GeoJSON site lacks the rules"
import json, sys
g = json.load(open(sys.argv[1]))
site = [f for f in g["features"] if f["properties"].get("name") == "site"][0]["properties"]
assert site["launch_on"] == "burnout" and site["track_delay_s"] == 30, site
assert site["fcr_required_at_intercept"] == "yes", site
cov = [f for f in g["features"] if f["properties"].get("object") == "warhead"]
assert cov and cov[0]["properties"]["rcs_m2"] == 0.1, cov
EOF

# The report's footprint command reproduces its numbers (a small launch-area map).
cat >"$tmp/fp.yaml" <<'EOF'
kind: scenario
title: "Test: a report footprint reproduced"
sensors:
  - {name: sbirs, ir: {cloud_top_m: 10000, delay_s: 30}, notional: true, note: "test"}
sites:
  - {name: site, at: [39.0, 40.0], interceptor: sm-3-block-iia, count: 4, radar: {type: spy-1d, boresight_deg: 100}, cue: [sbirs], notional: true, note: "test"}
launch_areas:
  - {name: west, missile: shahab-3-class, shape: min-energy, box: {south: 35.0, north: 37.0, west: 46.0, east: 48.0, step_deg: 1.0}, notional: true, note: "test", points: [{name: p1, at: [36.0, 47.0]}]}
threats:
  - {name: p1-ankara, missile: shahab-3-class, from: p1, to: [39.93, 32.86], notional: true, note: "test"}
EOF
if "$bin" report "$tmp/fp.yaml" -o "$tmp/r.html" >/dev/null 2>&1; then ok; else bad "report failed"; fi
python3 - "$tmp/r.html" >"$tmp/cmds" <<'EOF' || bad "no command under the report's maps"
import html, re, sys
s = open(sys.argv[1]).read()
caps = re.findall(r"<figcaption>(.*?)</figcaption>", s, re.S)
out = []
for c in caps:
    m = re.search(r"Reproduce its numbers: <code>(.*?)</code>", c)
    a = re.search(r"Covered: ([0-9,]+) km", c)
    if m and a:
        out.append(html.unescape(m.group(1)) + "\t" + a.group(1).replace(",", ""))
assert out
print("\n".join(out))
EOF
while IFS=$'\t' read -r cmd km2; do
    args=${cmd#bmdsim footprint }
    js=$("$bin" footprint $args --quiet --json) || { bad "printed command failed: $cmd"; continue; }
    got=$(python3 -c 'import json,sys; print(round(json.loads(sys.argv[1])["maps"][0]["covered_area_km2_1_shot"]))' "$js")
    same "printed command reproduces the report's covered area ($cmd)" "$got" "$km2"
    case "$cmd" in *"--launch-on ir-track"*"--no-fcr-coverage"*) ok ;; *) bad "command lacks the mode: $cmd" ;; esac
    same "footprint JSON names its launch-on setting" "$(field "$js" 0 launch_on)" ir-track
done <"$tmp/cmds"
grep -q "Verdicts under each engagement setting" "$tmp/r.html" && ok || bad "report lacks the settings table"
grep -q "launch on radar-track" "$tmp/r.html" && ok || bad "report lacks the radar-track setting"

# catalog NAME finds any kind.
for n in sm-3-block-iia spy-1d rs-24-yars-class; do
    if "$bin" catalog "$n" >/dev/null 2>&1; then ok; else bad "catalog $n without --kind"; fi
done

echo "cli_assumptions: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
