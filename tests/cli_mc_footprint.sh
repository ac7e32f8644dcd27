#!/usr/bin/env bash
# Command-line tests of `bmdsim footprint SCENARIO --samples N` (the coverage probability per
# cell): strict JSON naming the sampler, seed, N and every varied parameter with its distribution
# and source; the CSV and GeoJSON the same bytes on 1 and 2 threads; band polygons valid under
# GEOS (Debian's python3-shapely) and naming the run; bad input -> one line on stderr, exit 2,
# nothing written. A 3-cell grid and a few samples (seconds).
# Usage: cli_mc_footprint.sh PATH/TO/bmdsim
set -u
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
export BMD_DATA_DIR=${BMD_DATA_DIR:-$here/../data}
. "$(dirname "$0")/lib/cli_assert.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
py=/usr/bin/python3
[ -x "$py" ] || py=python3

cat >"$tmp/case.yaml" <<'YAML'
kind: scenario
title: "Test: one MRBM against one site"
timeline: {detect_to_track_s: 20, track_to_decision_s: 7, decision_to_launch_s: 3, kill_assessment_s: 30}
sensors:
  - {name: sbirs, ir: {cloud_top_m: 10000, delay_s: 5}, notional: true, note: "test"}
sites:
  - {name: near, at: [38.0, 42.5], interceptor: sm-3-block-iia, count: 4, cue: [sbirs], notional: true, note: "test"}
threats:
  - {name: mrbm, missile: shahab-3-class, from: [35.5, 51.0], to: [37.5, 41.5], notional: true, note: "test"}
YAML
common=(footprint "$tmp/case.yaml" --grid 37,39,36,40,2 --launch mrbm --quiet --samples 4 --seed 3
        --vary 'rules.total_delay_s=0:300')

for t in 1 2; do
  "$bin" "${common[@]}" --threads $t --json --csv "$tmp/p$t.csv" --geojson "$tmp/p$t.geojson" \
      --kml "$tmp/p$t.kml" >"$tmp/p$t.json" 2>"$tmp/err" || bad "run on $t threads: $(cat "$tmp/err")"
done
for ext in csv geojson kml json; do
  if cmp -s "$tmp/p1.$ext" "$tmp/p2.$ext"; then ok; else bad "1 and 2 threads differ ($ext)"; fi
done
if python3 "$here/lib/json_strict.py" "$tmp/p1.json"; then ok; else bad "JSON not strict"; fi
python3 - "$tmp/p1.json" <<'PY' && ok || bad "JSON does not name the run"
import json, sys
d = json.load(open(sys.argv[1]))
mc = d["coverage_probability"]
assert mc["samples"] == 4 and mc["seed"] == 3 and mc["sampler"] == "lhs", mc
paths = [p["path"] for p in mc["parameters"]]
assert "rules.total_delay_s" in paths, paths
assert all(p["distribution"] and p["source"] and p["origin"] for p in mc["parameters"])
assert len(d["cells"]) == 6 and sum(b["cells"] for b in mc["bands"]) == 6
for c in d["cells"]:
    assert 0 <= c["p_at_least_two_shots"] <= c["p_at_least_one_shot"] <= 1, c
    assert c["p_at_least_one_shot"] * 4 == round(c["p_at_least_one_shot"] * 4), c
PY
if grep -q "^# .*4 samples, seed 3, sampler lhs" "$tmp/p1.csv" &&
   grep -q "^# Varied: rules.total_delay_s ~ uniform(0, 300) s" "$tmp/p1.csv"; then ok
else bad "CSV does not name the run"; fi
"$py" - "$tmp/p1.geojson" "$tmp/p1.json" <<'PY' && ok || bad "GeoJSON band polygons invalid or unnamed"
import json, sys
from shapely.geometry import shape
from shapely.validation import explain_validity
g = json.load(open(sys.argv[1]))
cells = json.load(open(sys.argv[2]))["cells"]
polys = [f for f in g["features"] if "probability_band" in f["properties"]]
want = {b for b in (1, 2, 3) if any(c["p_at_least_one_shot"] >= (0.1, 0.5, 0.9)[b - 1] for c in cells)}
assert {f["properties"]["probability_band"] for f in polys} == want, (want, polys)
for f in polys:
    p = f["properties"]
    assert p["samples"] == 4 and p["seed"] == 3 and p["sampler"] == "lhs", p
    assert "rules.total_delay_s ~ uniform(0, 300) s" in p["parameters"], p
    assert "launch_on" in p, p
    s = shape(f["geometry"])
    assert s.is_valid, explain_validity(s)
PY
if grep -q "probability_band" "$tmp/p1.kml"; then ok; else bad "KML without the bands"; fi

expect_usage() { # WHAT ARGS...
  local what=$1; shift
  rm -f "$tmp/x.csv"
  "$bin" "$@" --csv "$tmp/x.csv" >/dev/null 2>"$tmp/err"; local st=$?
  if [ $st -eq 2 ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] && [ ! -e "$tmp/x.csv" ]; then ok
  else bad "$what: status $st, stderr: $(cat "$tmp/err")"; fi
}
base=(footprint "$tmp/case.yaml" --grid 37,39,36,40,2 --launch mrbm --quiet)
expect_usage "zero samples" "${base[@]}" --samples 0
expect_usage "too many samples" "${base[@]}" --samples 1000000
expect_usage "low > high" "${base[@]}" --samples 2 --vary 'rules.total_delay_s=300:0'
expect_usage "unknown field" "${base[@]}" --samples 2 --vary 'interceptor.burnout_sped_m_s=1:2'
expect_usage "unknown sampler" "${base[@]}" --samples 2 --sampler sobol
expect_usage "vary without samples" "${base[@]}" --vary 'rules.total_delay_s=0:1'
expect_usage "exposure mode" footprint "$tmp/case.yaml" --mode exposure --grid 37,39,36,40,2 --samples 2
expect_usage "missile override" "${base[@]}" --missile shahab-3-class --samples 2
expect_usage "zero threat draws" "${base[@]}" --samples 2 --threat-draws 0
expect_usage "more threat draws than samples" "${base[@]}" --samples 2 --threat-draws 3
expect_usage "fractional threat draws" "${base[@]}" --samples 4 --threat-draws 1.5
expect_usage "threat draws without samples" footprint "$tmp/case.yaml" --grid 37,39,36,40,2 --launch mrbm --quiet --threat-draws 2
if grep -q -- "--threat-draws" "$tmp/err"; then ok; else bad "the message does not name --threat-draws: $(cat "$tmp/err")"; fi
expect_usage "cold draws without samples" footprint "$tmp/case.yaml" --grid 37,39,36,40,2 --launch mrbm --quiet --cold-draws
if grep -q -- "--cold-draws" "$tmp/err"; then ok; else bad "the message does not name --cold-draws: $(cat "$tmp/err")"; fi

# the crossed design (K = 2 threat draws of 4 samples) is named in the JSON, the CSV and GeoJSON
"$bin" "${base[@]}" --samples 4 --seed 3 --vary 'missile.stages[0].burn_time_s=70:110' \
    --threat-draws 2 --json --csv "$tmp/k.csv" --geojson "$tmp/k.geojson" >"$tmp/k.json" \
    2>"$tmp/err" || bad "run with --threat-draws 2: $(cat "$tmp/err")"
python3 - "$tmp/k.json" "$tmp/k.geojson" <<'PY' && ok || bad "the crossed design is not named"
import json, sys
mc = json.load(open(sys.argv[1]))["coverage_probability"]
assert mc["threat_draws"] == 2 and mc["threats_reflown_per_sample"], mc
assert "2 draws of the missile flight parameters crossed with the 4 samples" in mc["threat_design"], mc
polys = [f for f in json.load(open(sys.argv[2]))["features"] if "probability_band" in f["properties"]]
assert all(f["properties"]["threat_draws"] == 2 and "crossed" in f["properties"]["threat_design"]
           for f in polys), polys
PY
if grep -q "^# Design: threat flights: 2 draws" "$tmp/k.csv"; then ok; else bad "CSV without the design"; fi

echo "cli_mc_footprint: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
