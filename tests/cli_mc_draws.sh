#!/usr/bin/env bash
# Command-line tests of `bmdsim engage SCENARIO.yaml --samples N --threat-draws K` (the crossed
# design of K threat draws, bmd_mc_options.threat_draws): the design named in the table, the JSON
# (threat_draws, threat_design) and the CSV; bad K (0, > N, not whole, without --samples) -> one
# line naming --threat-draws on stderr, exit 2, nothing written; report --threat-draws K states the
# design in its probability table. Small sample counts.
# Usage: cli_mc_draws.sh PATH/TO/bmdsim
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
EOF
common=(engage "$tmp/case.yaml" --samples 4 --seed 5 --no-required-speed --threads 2
        --vary 'missile.stages[0].burn_time_s=80:100' --vary 'rules.total_delay_s=0:120')

# K = 2 < N = 4: named in the table, the JSON and the CSV
if "$bin" "${common[@]}" --threat-draws 2 --mc-csv "$tmp/k.csv" >"$tmp/k.txt" 2>"$tmp/err"; then ok
else bad "table run failed: $(cat "$tmp/err")"; fi
if grep -q "^Design: threat flights: 2 draws of the missile flight parameters crossed with the 4 samples" "$tmp/k.txt"; then ok
else bad "the table does not state the design: $(head -5 "$tmp/k.txt")"; fi
if grep -q "^# Design: threat flights: 2 draws" "$tmp/k.csv"; then ok; else bad "the CSV does not state the design"; fi
if "$bin" "${common[@]}" --threat-draws 2 --json >"$tmp/k.json" 2>"$tmp/err"; then ok
else bad "json run failed: $(cat "$tmp/err")"; fi
python3 - "$tmp/k.json" <<'EOF' && ok || bad "JSON does not state the design"
import json, sys
mc = json.load(open(sys.argv[1]))["monte_carlo"]
assert mc["threat_draws"] == 2 and "crossed with the 4 samples" in mc["threat_design"], mc
EOF
# K = N: every sample flies its own threats, and says so
if "$bin" "${common[@]}" --threat-draws 4 --json 2>"$tmp/err" | python3 -c '
import json, sys
mc = json.load(sys.stdin)["monte_carlo"]
assert mc["threat_draws"] == 4 and "re-flown in every sample" in mc["threat_design"], mc'; then ok
else bad "K = N not stated: $(cat "$tmp/err")"; fi

# bad K: one line naming --threat-draws, exit 2, nothing written
expect_usage() { # WHAT ARGS...
  local what=$1; shift
  rm -f "$tmp/x.csv"
  "$bin" "$@" --mc-csv "$tmp/x.csv" >/dev/null 2>"$tmp/err"; local st=$?
  if [ $st -eq 2 ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] && [ ! -e "$tmp/x.csv" ] &&
     grep -q -- "--threat-draws" "$tmp/err"; then ok
  else bad "$what: status $st, stderr: $(cat "$tmp/err")"; fi
}
expect_usage "zero threat draws" "${common[@]}" --threat-draws 0
expect_usage "more threat draws than samples" "${common[@]}" --threat-draws 5
expect_usage "fractional threat draws" "${common[@]}" --threat-draws 1.5
expect_usage "threat draws without samples" engage "$tmp/case.yaml" --threat-draws 2
if "$bin" engage "$tmp/case.yaml" --threat-draws 2 >/dev/null 2>"$tmp/err"; then
  bad "threat draws without samples (no CSV) accepted"
elif grep -q -- "--threat-draws" "$tmp/err"; then ok; else bad "no --threat-draws in: $(cat "$tmp/err")"; fi

# report --threat-draws K: the probability table states the design and reproduces it
if "$bin" report "$tmp/case.yaml" -o "$tmp/r.html" --samples 4 --threat-draws 2 --no-footprints \
     --quiet --threads 2 --vary 'missile.stages[0].burn_time_s=80:100' >/dev/null 2>"$tmp/err"; then ok
else bad "report run failed: $(cat "$tmp/err")"; fi
if grep -q "Design: threat flights: 2 draws of the missile flight parameters crossed with the 4 samples" "$tmp/r.html" &&
   grep -q -- "--threat-draws 2 --no-required-speed" "$tmp/r.html"; then ok
else bad "the report's probability table does not state the design"; fi
if "$bin" report "$tmp/case.yaml" -o "$tmp/r0.html" --samples 0 --threat-draws 2 >/dev/null 2>"$tmp/err"; then
  bad "report --samples 0 --threat-draws 2 accepted"
elif [ "$(wc -l <"$tmp/err")" -eq 1 ] && grep -q -- "--threat-draws" "$tmp/err" && [ ! -e "$tmp/r0.html" ]; then ok
else bad "report --samples 0 --threat-draws 2: $(cat "$tmp/err")"; fi

echo "cli_mc_draws: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
