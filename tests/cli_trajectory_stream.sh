#!/usr/bin/env bash
# trajectory --csv streams its rows (issue 13 item 4, docs/reliability.md): the rows are written
# into the output's temporary as the flight is flown, so the memory of a run does not grow with
# the number of rows (before: the whole series was held, about 170 bytes a row). The bytes are
# those of the stored series: a golden file written before the change, and the CSV written
# beside a GeoJSON (which needs the stored series) for several missiles and intervals.
# Usage: cli_trajectory_stream.sh PATH/TO/bmdsim
set -u
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib/cli_assert.sh"
export BMD_DATA_DIR=${BMD_DATA_DIR:-$here/../data}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Golden: tests/data/trajectory_rs24_kozelsk_washington_10s.csv was written by bmdsim before the
# CSV was streamed (main a14ff36); 193 lines with 3 stages, apogee, reentry and impact.
"$bin" trajectory --missile rs-24-yars-class --from 54.05,35.78 --to 38.9,-77.0 --interval 10 \
    --csv "$tmp/golden.csv" >/dev/null || bad "golden case: bmdsim failed"
if cmp -s "$tmp/golden.csv" "$here/data/trajectory_rs24_kozelsk_washington_10s.csv"; then ok; else
    bad "streamed_csv_keeps_the_bytes_of_the_stored_series: differs from the golden file ($(cmp "$tmp/golden.csv" "$here/data/trajectory_rs24_kozelsk_washington_10s.csv" 2>&1))"
fi

# Streamed (--csv alone) and stored (--csv with --geojson) give the same bytes.
for m in "scud-b --from 40,40 --azimuth 90" "taepodong-1 --from 40,129 --azimuth 80 --kick 4" \
         "minuteman-3 --from 41.15,-104.8 --azimuth 10 --kick 5"; do
    for dt in 0.37 3.3; do
        # shellcheck disable=SC2086
        "$bin" trajectory --missile $m --interval $dt --csv "$tmp/s.csv" >/dev/null
        # shellcheck disable=SC2086
        "$bin" trajectory --missile $m --interval $dt --csv "$tmp/t.csv" --geojson "$tmp/t.geojson" >/dev/null
        if [ -s "$tmp/s.csv" ] && cmp -s "$tmp/s.csv" "$tmp/t.csv"; then ok; else
            bad "streamed_csv_equals_the_stored_csv: $m, interval $dt"
        fi
    done
done

# Memory: the peak resident size of a run with 302,284 rows (interval 0.01 s) is that of a run
# with 15,124 rows (0.2 s). Before: about 38 MiB more (the series held in memory). Allowed: 8 MiB
# (allocator and page-cache noise); no timing is measured.
peak_kib() { # peak_kib INTERVAL -> max RSS of the bmdsim run, KiB
    python3 - "$bin" "$1" "$tmp/mem.csv" <<'EOF'
import resource, subprocess, sys
b, dt, out = sys.argv[1:]
subprocess.run([b, "trajectory", "--missile", "minuteman-3", "--from", "41.15,-104.8",
                "--azimuth", "10", "--kick", "5", "--interval", dt, "--csv", out],
               stdout=subprocess.DEVNULL, check=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
EOF
}
few=$(peak_kib 0.2); few_rows=$(wc -l < "$tmp/mem.csv")
many=$(peak_kib 0.01); many_rows=$(wc -l < "$tmp/mem.csv")
holds "a_long_csv_series_has_about_20_times_the_rows" "b >= 19 * a" "$few_rows" "$many_rows"
holds "a_long_csv_series_does_not_grow_the_memory_of_the_run (KiB: $few for $few_rows rows, $many for $many_rows rows)" \
    "b - a < 8192" "$few" "$many"

# A write error while streaming (ulimit -f) stops the flight: a clear error naming the reason,
# the previous file kept, no temporary.
mkdir -p "$tmp/full"
echo previous > "$tmp/full/t.csv"
err=$( (ulimit -f 64; trap '' XFSZ; "$bin" trajectory --missile minuteman-3 --from 41.15,-104.8 \
    --azimuth 10 --kick 5 --interval 0.01 --csv "$tmp/full/t.csv" >/dev/null) 2>&1); rc=$?
check_text "a_write_error_while_streaming_exits_2" "$rc" "2"
contains "a_write_error_while_streaming_says_why" "$err" "File too large"
check_text "a_write_error_while_streaming_keeps_the_previous_file" "$(cat "$tmp/full/t.csv")" "previous"
check_text "a_write_error_while_streaming_leaves_no_temporary" "$(ls -A "$tmp/full")" "t.csv"

echo "cli_trajectory_stream: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
