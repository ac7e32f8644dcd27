#!/usr/bin/env bash
# mpirun -n 2 bmdsim footprint when something goes wrong (issue 13, the MPI paragraph): a rank
# that fails while loading, a SIGINT that reaches one rank only, and Ctrl-C at mpirun each end
# the whole job — no hang (every run is bounded by `timeout`), one message, nothing written;
# and under mpirun the default thread count is the node's processors shared among the ranks
# (mpirun's binding of each rank to one core used to leave one thread per rank).
# Usage: mpi_faults.sh PATH/TO/bmdsim PATH/TO/mpirun
set -u
bin=$1
mpirun=$2
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib/cli_assert.sh"
export BMD_DATA_DIR=${BMD_DATA_DIR:-$here/../data}
scn=$here/../scenarios/russia-us-icbm.yaml
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mpi=("$mpirun" --allow-run-as-root --oversubscribe)
big=30,70,-10,60,0.25 # long enough to be interrupted (the interruption ends it early)

# A rank failing while loading (its data folder is empty): the job hung, rank 0 at full CPU.
mkdir -p "$tmp/empty"
echo previous > "$tmp/load.csv"
timeout 120 "${mpi[@]}" -n 1 "$bin" footprint "$scn" --grid 44,56,5,35,3 --quiet --csv "$tmp/load.csv" \
    : -n 1 env BMD_DATA_DIR="$tmp/empty" "$bin" footprint "$scn" --grid 44,56,5,35,3 --quiet \
    --csv "$tmp/load.csv" >/dev/null 2>"$tmp/load.err"; rc=$?
[ $rc -ne 124 ] && ok || bad "a_rank_failing_while_loading_ends_the_job: timed out (hang)"
[ $rc -ne 0 ] && ok || bad "a_rank_failing_while_loading_ends_the_job: exit 0"
check_text "a_rank_failing_while_loading_says_why_once" "$(grep -c '^bmdsim footprint:' "$tmp/load.err")" "1"
contains "a_rank_failing_while_loading_names_the_folder" "$(cat "$tmp/load.err")" "$tmp/empty"
check_text "a_rank_failing_while_loading_writes_nothing" "$(cat "$tmp/load.csv")" "previous"

# rank_pid RANK -> the pid of that rank of the running job (from its environment)
rank_pid() {
    local p r
    for p in $(pgrep -f "footprint.*$big"); do
        r=$(tr '\0' '\n' < "/proc/$p/environ" 2>/dev/null | sed -n 's/^OMPI_COMM_WORLD_RANK=//p')
        [ "$r" = "$1" ] && { echo "$p"; return; }
    done
}
# wait_running RANK... -> returns when those ranks have started computing (handlers installed)
wait_running() {
    local i r p caught
    for r in "$@"; do
        for i in $(seq 1 600); do
            p=$(rank_pid "$r")
            caught=$([ -n "$p" ] && awk '/^SigCgt:/ { print $2 }' "/proc/$p/status" 2>/dev/null)
            [ -n "$caught" ] && (( 0x$caught & 2 )) && break
            sleep 0.1
        done
    done
    sleep 2 # into the computation
}

# A SIGINT that reaches one rank only: one rank waited in a gather, the other in a reduction.
echo previous > "$tmp/int.csv"
timeout 300 "${mpi[@]}" -n 2 "$bin" footprint "$scn" --grid $big --threads 1 --quiet \
    --csv "$tmp/int.csv" >/dev/null 2>"$tmp/int.err" &
job=$!
wait_running 0 1
kill -INT "$(rank_pid 1)"
wait $job; rc=$?
[ $rc -ne 124 ] && ok || bad "a_sigint_to_one_rank_ends_the_job: timed out (hang)"
check_text "a_sigint_to_one_rank_exits_130" "$rc" "130"
check_text "a_sigint_to_one_rank_says_so_once" "$(grep -c 'interrupted: no output written' "$tmp/int.err")" "1"
check_text "a_sigint_to_one_rank_writes_nothing" "$(cat "$tmp/int.csv")" "previous"

# Ctrl-C at mpirun: the terminal sends SIGINT to its foreground process group, mpirun and the
# ranks. The ranks stop, rank 0 says "interrupted: no output written", nothing is written. The
# exit status is mpirun's own, 1, whatever the ranks return (Open MPI 4.1's orterun sets 1 when
# it gets SIGINT, before the ranks' statuses arrive; MPI_Abort(130) from a rank gives 1 as well:
# docs/reliability.md). The job runs in its own session like a terminal's foreground group; a
# watchdog loop outside that group bounds it (before, `timeout` shared the group, forwarded the signal
# to mpirun a second and third time, and mpirun's forced exit sometimes lost rank 0's line).
echo previous > "$tmp/ctrlc.csv"
setsid "${mpi[@]}" -n 2 "$bin" footprint "$scn" --grid $big --threads 1 --quiet \
    --csv "$tmp/ctrlc.csv" >/dev/null 2>"$tmp/ctrlc.err" &
job=$!
wait_running 0 1
kill -INT -- -"$job"
for _ in $(seq 1 3000); do kill -0 "$job" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$job" 2>/dev/null; then kill -KILL -- -"$job"; echo hung > "$tmp/ctrlc.hung"; fi
wait $job; rc=$?
[ ! -e "$tmp/ctrlc.hung" ] && ok || bad "ctrl_c_at_mpirun_ends_the_job: killed by the watchdog (hang)"
check_text "ctrl_c_at_mpirun_exits_with_mpiruns_status_1" "$rc" "1"
check_text "ctrl_c_at_mpirun_says_interrupted_once" "$(grep -c 'interrupted: no output written' "$tmp/ctrlc.err")" "1"
check_text "ctrl_c_at_mpirun_writes_nothing" "$(cat "$tmp/ctrlc.csv")" "previous"
check_text "ctrl_c_at_mpirun_leaves_no_temporary" "$(ls -A "$tmp" | grep -c 'ctrlc.csv.tmp')" "0"

# Default threads under mpirun: one rank on this node gets every processor (mpirun bound it to
# one core, which left one thread).
json=$(timeout 120 "${mpi[@]}" -n 1 "$bin" footprint "$scn" --grid 44,56,5,35,3 --quiet --json)
check_text "one_rank_under_mpirun_uses_every_processor" "$(json_field "$json" threads)" "$(nproc)"
json=$(timeout 120 "${mpi[@]}" -n 2 "$bin" footprint "$scn" --grid 44,56,5,35,3 --quiet --json \
    --csv "$tmp/two.csv")
expected=$(( $(nproc) / 2 )); [ "$expected" -ge 1 ] || expected=1
check_text "two_ranks_share_the_processors" "$(json_field "$json" threads)" "$expected"
# and with default threads the gathered CSV is still bit for bit the one-process one
"$bin" footprint "$scn" --grid 44,56,5,35,3 --quiet --csv "$tmp/one.csv" >/dev/null
cmp -s "$tmp/one.csv" "$tmp/two.csv" && ok || bad "two_ranks_with_default_threads_match_one_process: CSV differs"

echo "mpi_faults: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
