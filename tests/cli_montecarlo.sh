#!/usr/bin/env bash
# Command-line tests of the Monte Carlo options of `bmdsim engage SCENARIO.yaml --samples N`:
# strict JSON naming the sampler, seed, N and every varied parameter with its distribution and
# source; the same bytes on 1 and 2 threads; a CSV; bad input -> one line on stderr, exit 2,
# nothing written. Small sample counts (rules-only parameters: threats and tables shared).
# Usage: cli_montecarlo.sh PATH/TO/bmdsim
set -u
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
export BMD_DATA_DIR=${BMD_DATA_DIR:-$here/../data}
. "$(dirname "$0")/lib/cli_assert.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cat >"$tmp/case.yaml" <<'EOF'
kind: scenario
title: "Test: one MRBM against one site"
timeline: {detect_to_track_s: 20, track_to_decision_s: 7, decision_to_launch_s: 3, kill_assessment_s: 30}
sensors:
  - {name: sbirs, ir: {cloud_top_m: 10000, delay_s: 5}, notional: true, note: "test"}
sites:
  - {name: near, at: [38.0, 42.5], interceptor: sm-3-block-iia, count: 4, cue: [sbirs], notional: true, note: "test"}
threats:
  - {name: mrbm, missile: shahab-3-class, from: [35.5, 51.0], to: [37.5, 41.5], notional: true, note: "test"}
uncertain:
  rules.launch_on: {dist: [ir-track, burnout, radar-track], notional: true, note: "test"}
EOF
common=(engage "$tmp/case.yaml" --samples 6 --seed 5 --no-required-speed --vary 'rules.total_delay_s=0:300')

# JSON: strict, and it names the run
if "$bin" "${common[@]}" --json --threads 1 >"$tmp/a.json" 2>"$tmp/err"; then ok; else bad "json run failed: $(cat "$tmp/err")"; fi
if python3 "$here/lib/json_strict.py" "$tmp/a.json"; then ok; else bad "JSON not strict"; fi
python3 - "$tmp/a.json" <<'EOF' && ok || bad "JSON does not name the run"
import json, sys
d = json.load(open(sys.argv[1]))
mc = d["monte_carlo"]
assert mc["samples"] == 6 and mc["seed"] == 5 and mc["sampler"] == "lhs", mc
paths = [p["path"] for p in mc["parameters"]]
assert "rules.total_delay_s" in paths and "rules.launch_on" in paths, paths
assert all(p["distribution"] and p["source"] and p["origin"] for p in mc["parameters"])
p = d["pairs"][0]
assert 0 <= p["p_at_least_one_shot"] <= 1 and p["p_at_least_two_shots"] <= p["p_at_least_one_shot"]
assert "rules.total_delay_s" in p["first_order_index"]
EOF
# the same bytes on 2 threads
"$bin" "${common[@]}" --json --threads 2 >"$tmp/b.json" 2>/dev/null
if cmp -s "$tmp/a.json" "$tmp/b.json"; then ok; else bad "1 and 2 threads differ"; fi
# the table and the CSV name the sampler, seed, N and parameters
"$bin" "${common[@]}" --sampler halton --mc-csv "$tmp/p.csv" >"$tmp/t.txt" 2>"$tmp/err" || bad "table run: $(cat "$tmp/err")"
for f in "$tmp/t.txt" "$tmp/p.csv"; do
  if grep -q "6 samples, halton sampler" "$f" && grep -q "rules.total_delay_s ~ uniform(0, 300) s" "$f"; then ok; else bad "$f does not name the run"; fi
done
if grep -q '^mrbm,near,6,' "$tmp/p.csv"; then ok; else bad "CSV row missing"; fi

# The fast path (tables built when needed, pairs out of their radar's reach skipped) with threats
# re-flown and tables rebuilt: the same bytes on 1 and 2 threads, and the JSON says what it saved.
cat >"$tmp/fast.yaml" <<'EOF'
kind: scenario
title: "Test: one MRBM, a ship near its track and a site far from it"
timeline: {detect_to_track_s: 20, track_to_decision_s: 7, decision_to_launch_s: 3, kill_assessment_s: 30}
sensors:
  - {name: sbirs, ir: {cloud_top_m: 10000, delay_s: 5}, notional: true, note: "test"}
sites:
  - {name: near, at: [38.0, 42.5], interceptor: sm-3-block-ib, count: 4, radar: spy-1d, cue: [sbirs], notional: true, note: "test"}
  - {name: far, at: [58.0, 2.0], interceptor: sm-3-block-iia, count: 8, radar: spy-1d, cue: [sbirs], notional: true, note: "test"}
threats:
  - {name: mrbm, missile: shahab-3-class, from: [35.5, 51.0], to: [37.5, 41.5], notional: true, note: "test"}
EOF
fast=(engage "$tmp/fast.yaml" --samples 3 --seed 2 --no-required-speed --json
      --vary 'interceptor.burnout_speed_m_s=2500:4000' --vary 'missile.payload.rv_mass_kg=900:1100')
"$bin" "${fast[@]}" --threads 1 >"$tmp/f1.json" 2>"$tmp/err" || bad "fast-path run: $(cat "$tmp/err")"
"$bin" "${fast[@]}" --threads 2 >"$tmp/f2.json" 2>/dev/null
if cmp -s "$tmp/f1.json" "$tmp/f2.json"; then ok; else bad "fast path: 1 and 2 threads differ"; fi
python3 - "$tmp/f1.json" <<'EOF' && ok || bad "fast path: JSON does not say what was saved"
import json, sys
mc = json.load(open(sys.argv[1]))["monte_carlo"]
assert mc["threats_reflown_per_sample"] and mc["flyout_tables_rebuilt_per_sample"], mc
assert mc["pairs_skipped_verdict_certain"] == 3, mc   # the far site, every sample
assert mc["flyout_tables_built"] <= 3, mc              # never the far site's SM-3 IIA table
EOF

# bad input: one line, exit 2, nothing written
expect_usage() { # WHAT ARGS...
  local what=$1; shift
  rm -f "$tmp/x.csv"
  "$bin" "$@" --mc-csv "$tmp/x.csv" >/dev/null 2>"$tmp/err"; local st=$?
  if [ $st -eq 2 ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] && [ ! -e "$tmp/x.csv" ]; then ok
  else bad "$what: status $st, stderr: $(cat "$tmp/err")"; fi
}
expect_usage "zero samples" engage "$tmp/case.yaml" --samples 0
expect_usage "too many samples" engage "$tmp/case.yaml" --samples 1000000
expect_usage "low > high" engage "$tmp/case.yaml" --samples 2 --vary 'rules.total_delay_s=300:0'
expect_usage "bad sd" engage "$tmp/case.yaml" --samples 2 --vary 'interceptor.burnout_speed_m_s=normal(4500,-1)'
expect_usage "unknown field" engage "$tmp/case.yaml" --samples 2 --vary 'interceptor.burnout_sped_m_s=1:2'
expect_usage "unknown sampler" engage "$tmp/case.yaml" --samples 2 --sampler sobol
expect_usage "vary without samples" engage "$tmp/case.yaml" --vary 'rules.total_delay_s=0:1'
if grep -q "burnout_speed_m_s" <("$bin" engage "$tmp/case.yaml" --samples 2 --vary 'interceptor.burnout_sped_m_s=1:2' 2>&1); then ok; else bad "unknown field not suggested"; fi

echo "cli_montecarlo: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
