#!/usr/bin/env bash
# fuzz/run.sh SECONDS [TARGET...] — build the libFuzzer harnesses (clang, ASan + UBSan) in
# build/fuzz and run each target for SECONDS seconds (default: every target, one after the other;
# BMD_FUZZ_JOBS=N runs N targets at a time). Seeds come from scenarios/ and data/ (fuzz/seeds.sh);
# the growing corpus stays in build/fuzz/corpus/TARGET. Findings (crashes, leaks, timeouts, out of
# memory) are written to build/fuzz/findings/TARGET/ and make the script exit 1. Each run appends
# "TARGET RUNS SECONDS" to build/fuzz/totals.txt; the executions of this call are printed at the end.
#
#   fuzz/run.sh 10                 the CI smoke (test.sh)
#   nice -n 10 fuzz/run.sh 3600    the long run (docs/reliability.md, "Fuzzing")
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(scenario catalog points map argv slow)
build=${BMD_FUZZ_BUILD:-$root/build/fuzz}
if ! command -v clang >/dev/null; then
    echo "fuzz/run.sh: clang is not installed (Debian: apt-get install clang)" >&2
    exit 2
fi
mkdir -p "$build"
if ! { CC=clang cmake -S "$root/fuzz" -B "$build" >"$build/configure.log" 2>&1 &&
       cmake --build "$build" -j "$(nproc)" >"$build/build.log" 2>&1; }; then
    cat "$build/configure.log" "$build/build.log" >&2
    echo "fuzz/run.sh: the fuzz build failed" >&2
    exit 1
fi
seeds="$build/seeds"
rm -rf "$seeds"
"$root/fuzz/seeds.sh" "$seeds"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

# Per-input time budget (s) and the largest input (bytes) of each target.
budget() { case $1 in slow) echo 60 ;; argv) echo 30 ;; *) echo 10 ;; esac; }
max_len() { case $1 in argv) echo 8192 ;; map|points) echo 65536 ;; *) echo 300000 ;; esac; }

run_one() {
    local t=$1 log corpus findings work runs
    corpus="$build/corpus/$t"
    findings="$build/findings/$t"
    work="$build/work/$t"
    log="$build/logs/$t.log"
    mkdir -p "$corpus" "$findings" "$work" "$build/logs"
    # run in a scratch folder: the argv target writes its outputs (report, CSV, ...) there
    (cd "$work" && TMPDIR="$work" "$build/fuzz_$t" -max_total_time="$seconds" \
        -timeout="$(budget "$t")" -max_len="$(max_len "$t")" -rss_limit_mb=2048 \
        -artifact_prefix="$findings/" -print_final_stats=1 "$corpus" "$seeds/$t") >"$log" 2>&1
    local st=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    runs=${runs:-0}
    echo "$t $runs $seconds" >>"$build/totals.txt"
    if [ $st -ne 0 ]; then
        echo "fuzz $t: FINDING (exit $st) after $runs runs; see $log and $findings/" >&2
        grep -E 'ERROR|SUMMARY|runtime error|Test unit written' "$log" | head -8 >&2
        return 1
    fi
    echo "fuzz $t: $runs runs in ${seconds} s, no finding"
}

status=0
jobs=${BMD_FUZZ_JOBS:-1}
total=0
if [ "$jobs" -le 1 ]; then
    for t in "${targets[@]}"; do
        run_one "$t" || status=1
    done
else
    pids=()
    for t in "${targets[@]}"; do
        run_one "$t" &
        pids+=($!)
        while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do sleep 1; done
    done
    for p in "${pids[@]}"; do wait "$p" || status=1; done
fi
for t in "${targets[@]}"; do
    r=$(sed -n 's/^stat::number_of_executed_units: *//p' "$build/logs/$t.log" 2>/dev/null | tail -1)
    total=$((total + ${r:-0}))
done
echo "fuzz: $total executions in this run (${#targets[@]} targets x $seconds s)"
exit $status
