#!/usr/bin/env bash
# engage SCENARIO --samples N and footprint --samples N over MPI ranks (engage below; footprint
# further down): 'mpirun -n 1' and 'mpirun -n 2' print the same
# JSON and write the same --mc-csv, byte for byte, as one process without mpirun (samples split
# over the ranks, records gathered on rank 0 in sample order, reduced there; rank 0 alone
# writes). Bad input under mpirun: one line on stderr, exit 2, nothing written.
# Usage: mpi_engage_mc.sh PATH/TO/bmdsim MPIRUN MPI_BUILT (ON/OFF); exit 77 (skip) when bmdsim
# was built without MPI.
set -u
bin=$1
mpirun=${2:-}
built=${3:-OFF}
case "$built" in ON|on|1|TRUE|true|YES|yes) ;; *) echo "skipped: bmdsim built without -DBMD_MPI=ON"; exit 77 ;; esac
[ -n "$mpirun" ] || { echo "skipped: no mpirun"; exit 77; }
here=$(cd "$(dirname "$0")" && pwd)
export BMD_DATA_DIR=${BMD_DATA_DIR:-$here/../data}
. "$(dirname "$0")/lib/cli_assert.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
run() { "$mpirun" --allow-run-as-root --oversubscribe -n "$@"; }

# Threats re-flown and flyout tables rebuilt per sample (a missile and an interceptor parameter
# vary), a discrete rules parameter, an LHS design that depends on N; 5 samples split 3 + 2.
cat >"$tmp/case.yaml" <<'YAML'
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
uncertain:
  rules.launch_on: {dist: [ir-track, burnout, radar-track], notional: true, note: "test"}
YAML
args=(engage "$tmp/case.yaml" --samples 5 --seed 3 --no-required-speed --json --threads 1
      --vary 'interceptor.burnout_speed_m_s=2500:4500' --vary 'missile.payload.rv_mass_kg=900:1100'
      --vary 'rules.total_delay_s=0:200')

"$bin" "${args[@]}" --mc-csv "$tmp/p0.csv" >"$tmp/p0.json" 2>"$tmp/err" || bad "one process: $(cat "$tmp/err")"
for n in 1 2; do
  if run $n "$bin" "${args[@]}" --mc-csv "$tmp/p$n.csv" >"$tmp/p$n.json" 2>"$tmp/err"; then ok
  else bad "mpirun -n $n failed: $(cat "$tmp/err")"; fi
  if cmp -s "$tmp/p0.json" "$tmp/p$n.json"; then ok; else bad "mpirun -n $n: JSON differs from one process"; fi
  if cmp -s "$tmp/p0.csv" "$tmp/p$n.csv"; then ok; else bad "mpirun -n $n: CSV differs from one process"; fi
done
python3 - "$tmp/p2.json" <<'PY' && ok || bad "the JSON is not one run of 5 samples (rank 0 alone writes)"
import json, sys
d = json.load(open(sys.argv[1]))          # one JSON document: a second rank's output would break it
mc = d["monte_carlo"]
assert mc["samples"] == 5 and mc["seed"] == 3, mc
assert mc["threats_reflown_per_sample"] and mc["flyout_tables_rebuilt_per_sample"], mc
assert mc["pairs_skipped_verdict_certain"] == 5, mc   # the far site in every sample, summed over ranks
PY

# More ranks than samples: a rank with no sample still gives the same bytes.
few=(engage "$tmp/case.yaml" --samples 1 --seed 3 --no-required-speed --json --threads 1
     --vary 'rules.total_delay_s=0:200')
"$bin" "${few[@]}" >"$tmp/f0.json" 2>/dev/null || bad "one sample, one process failed"
if run 2 "$bin" "${few[@]}" >"$tmp/f2.json" 2>"$tmp/err" && cmp -s "$tmp/f0.json" "$tmp/f2.json"; then ok
else bad "one sample on 2 ranks differs or failed: $(cat "$tmp/err")"; fi

# footprint --samples N: each rank runs a block of samples, rank 0 sums the per-cell integer
# counts and divides by N; CSV, GeoJSON and JSON the same bytes as one process (3 samples: 2 + 1;
# an interceptor parameter (tables rebuilt per sample) and a rules parameter).
fpa=(footprint "$tmp/case.yaml" --grid 37,39,36,40,2 --launch mrbm --quiet --samples 3 --seed 3
     --threads 1 --json --vary 'rules.total_delay_s=0:300' --vary 'interceptor.burnout_speed_m_s=2000:4000')
"$bin" "${fpa[@]}" --csv "$tmp/c0.csv" --geojson "$tmp/c0.geojson" >"$tmp/c0.json" 2>"$tmp/err" \
  || bad "footprint, one process: $(cat "$tmp/err")"
for n in 1 2; do
  if run $n "$bin" "${fpa[@]}" --csv "$tmp/c$n.csv" --geojson "$tmp/c$n.geojson" >"$tmp/c$n.json" 2>"$tmp/err"; then ok
  else bad "footprint, mpirun -n $n failed: $(cat "$tmp/err")"; fi
  for ext in csv geojson json; do
    if cmp -s "$tmp/c0.$ext" "$tmp/c$n.$ext"; then ok; else bad "footprint, mpirun -n $n: $ext differs from one process"; fi
  done
done
python3 - "$tmp/c2.json" <<'PY' && ok || bad "footprint JSON: not one run of 3 samples with cells between 0 and 1"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["coverage_probability"]["samples"] == 3
ps = [c["p_at_least_one_shot"] for c in d["cells"]]
assert all(0 <= p <= 1 for p in ps) and any(0 < p < 1 for p in ps), ps  # a non-trivial map
PY
rm -f "$tmp/x.csv"
run 2 "$bin" footprint "$tmp/case.yaml" --grid 37,39,36,40,2 --launch mrbm --samples 2 --mode exposure \
  --csv "$tmp/x.csv" >"$tmp/out" 2>"$tmp/err"; st=$?
if [ $st -eq 2 ] && [ "$(grep -c '^bmdsim footprint:' "$tmp/err")" -eq 1 ] && [ ! -e "$tmp/x.csv" ]; then ok
else bad "footprint --samples --mode exposure on 2 ranks: status $st, stderr: $(cat "$tmp/err")"; fi

# Bad input on every rank: one line from bmdsim on stderr (mpirun adds its own note of the exit
# status), exit 2, nothing written.
rm -f "$tmp/x.csv"
run 2 "$bin" engage "$tmp/case.yaml" --samples 0 --mc-csv "$tmp/x.csv" >"$tmp/out" 2>"$tmp/err"; st=$?
if [ $st -eq 2 ] && [ "$(grep -c '^bmdsim engage:' "$tmp/err")" -eq 1 ] && [ ! -e "$tmp/x.csv" ] && [ ! -s "$tmp/out" ]; then ok
else bad "--samples 0 on 2 ranks: status $st, stderr: $(cat "$tmp/err")"; fi

echo "mpi_engage_mc: $pass passed, $fail failed"
[ $fail -eq 0 ]
