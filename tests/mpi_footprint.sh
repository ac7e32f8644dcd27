#!/usr/bin/env bash
# mpirun -n 2 bmdsim footprint: the gathered CSV is byte-identical to the single-process run.
set -u
bin=$1
mpirun=$2
here=$(cd "$(dirname "$0")" && pwd)
scn=$here/../scenarios/russia-us-icbm.yaml
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
grid=44,56,5,35,3
"$bin" footprint "$scn" --grid $grid --threads 1 --quiet --csv "$tmp/one.csv" >/dev/null || exit 1
"$mpirun" --allow-run-as-root --oversubscribe -n 2 "$bin" footprint "$scn" --grid $grid \
    --threads 1 --quiet --csv "$tmp/two.csv" --json >"$tmp/two.json" || { echo "FAIL: mpirun" >&2; exit 1; }
cmp "$tmp/one.csv" "$tmp/two.csv" || { echo "FAIL: 2 ranks differ from 1 process" >&2; exit 1; }
grep -q '"processes":2' "$tmp/two.json" || { echo "FAIL: not run on 2 ranks" >&2; exit 1; }
exit 0
