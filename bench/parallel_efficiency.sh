#!/usr/bin/env bash
# Parallel efficiency of the Monte Carlo commands (issue 12: >= 90 % on 2 threads): each command
# run with --threads 1 and --threads 2, alternately, REPEAT times; the best wall time of each
# count gives efficiency = T1 / (2 T2). Also checks that both counts write the same bytes.
# Meaningful only on an otherwise idle machine (the script prints the load average before and
# after; user CPU time per run shows whether the process was starved).
# Usage: bench/parallel_efficiency.sh [BUILD_DIR] [REPEAT]   (default build/release, 2)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="${1:-$here/../build/release}"
repeat="${2:-2}"
exe="$build/bmdsim"
[ -x "$exe" ] || { echo "build $exe first" >&2; exit 2; }
export BMD_DATA_DIR="${BMD_DATA_DIR:-$here/../data}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

# name | arguments (without --threads)
cases=(
  "engage-europe-200|engage $here/../scenarios/europe.yaml --samples 200 --no-required-speed --json"
  "footprint-europe-150x40|footprint $here/../scenarios/europe.yaml --launch kozelsk --grid 45,59,10,19,1 --samples 40 --quiet --json"
)
printf '%-26s %10s %10s %10s %10s %11s %s\n' case "T1 wall s" "T1 user s" "T2 wall s" "T2 user s" efficiency output
for c in "${cases[@]}"; do
    name="${c%%|*}"; args="${c#*|}"
    best1=""; best2=""; user1=""; user2=""
    for ((r = 0; r < repeat; r++)); do
        for t in 1 2; do
            /usr/bin/time -f "%e %U" -o "$tmp/time" "$exe" $args --threads "$t" >"$tmp/out$t"
            read -r wall user <"$tmp/time"
            if [ "$t" = 1 ]; then
                if [ -z "$best1" ] || awk -v a="$wall" -v b="$best1" 'BEGIN { exit !(a < b) }'; then best1=$wall; user1=$user; fi
            else
                if [ -z "$best2" ] || awk -v a="$wall" -v b="$best2" 'BEGIN { exit !(a < b) }'; then best2=$wall; user2=$user; fi
            fi
        done
    done
    same=identical
    cmp -s "$tmp/out1" "$tmp/out2" || same=DIFFERENT
    eff=$(awk -v a="$best1" -v b="$best2" 'BEGIN { printf "%.1f %%", 100 * a / (2 * b) }')
    printf '%-26s %10s %10s %10s %10s %11s %s\n' "$name" "$best1" "$user1" "$best2" "$user2" "$eff" "$same"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
