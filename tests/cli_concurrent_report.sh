#!/usr/bin/env bash
# Two `bmdsim report` PROCESSES writing the same -o at the same time (issue 13 item 12,
# docs/reliability.md "Faults"): each writes its own temporaries, and the renames of a set are
# serialised by an exclusive flock of the folder, so the folder ends with the complete set (HTML,
# GeoJSON, KML) of one run, never a mix, and no temporary. Before the output module the two sets
# interleaved. The runs differ only in the scenario's title ("concurrent run A" / "B"), which
# every file of a set carries.
# Usage: cli_concurrent_report.sh PATH/TO/bmdsim
set -u
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib/cli_assert.sh"
export BMD_DATA_DIR=${BMD_DATA_DIR:-$here/../data}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fast=(--no-footprints --no-required-speed --threads 1 --quiet)
for r in A B O; do
    sed "s/^title: .*/title: \"concurrent run $r\"/" "$here/../fuzz/tiny.yaml" > "$tmp/$r.yaml"
done

# which_run DIR -> the run (A, B, O) every file of DIR/r.* comes from, "mixed: ..." or "missing"
which_run() {
    local f got=() r
    for f in r.html r.geojson r.kml r.czml; do
        [ -s "$1/$f" ] || { echo "missing $f"; return; }
        r=$(grep -o "concurrent run [ABO]" "$1/$f" | head -1 | cut -c16)
        got+=("${r:-?}")
    done
    if [ "${got[0]}" = "${got[1]}" ] && [ "${got[1]}" = "${got[2]}" ] &&
        [ "${got[2]}" = "${got[3]}" ]; then echo "${got[0]}"
    else echo "mixed: html ${got[0]}, geojson ${got[1]}, kml ${got[2]}, czml ${got[3]}"; fi
}
# no_temporaries NAME DIR -> DIR holds r.html, r.geojson, r.kml and r.czml only
no_temporaries() {
    check_text "$1" "$(ls -A "$2" | sort | tr '\n' ' ')" "r.czml r.geojson r.html r.kml "
}

# Round 1, commits forced to meet: the test holds the folder's lock while both runs compute and
# write their temporaries; both must then wait at the commit, the previous set (run O) untouched.
# Released, they commit one after the other.
d=$tmp/r1
mkdir -p "$d"
"$bin" report "$tmp/O.yaml" -o "$d/r.html" "${fast[@]}" >/dev/null 2>&1 || bad "report O failed"
exec 9<"$d"
flock -x 9
"$bin" report "$tmp/A.yaml" -o "$d/r.html" "${fast[@]}" >/dev/null 2>"$tmp/a.err" & pa=$!
"$bin" report "$tmp/B.yaml" -o "$d/r.html" "${fast[@]}" >/dev/null 2>"$tmp/b.err" & pb=$!
for _ in $(seq 1 1200); do # both sets written (3 temporaries each), or a run ended early
    [ "$(ls -A "$d" | grep -c '\.tmp\.')" -ge 6 ] && break
    kill -0 $pa 2>/dev/null && kill -0 $pb 2>/dev/null || break
    sleep 0.1
done
check_text "two_runs_both_reach_the_commit_while_the_folder_is_locked" "$(ls -A "$d" | grep -c '\.tmp\.')" "6"
sleep 0.5 # both now wait for the lock
kill -0 $pa 2>/dev/null && kill -0 $pb 2>/dev/null && ok || bad "a run did not wait for the folder lock"
check_text "a_waiting_commit_leaves_the_previous_set" "$(which_run "$d")" "O"
flock -u 9
exec 9<&-
wait $pa; ra=$?
wait $pb; rb=$?
check_text "both_concurrent_runs_succeed" "$ra $rb" "0 0"
r=$(which_run "$d")
case $r in A|B) ok ;; *) bad "two_runs_into_one_folder_leave_one_complete_set: $r" ;; esac
no_temporaries "two_runs_into_one_folder_leave_no_temporary" "$d"

# Round 2, free race: started together; a reader that takes the folder's lock (as the commit
# does) checks the set over and over while they run: it must always see one complete set.
for round in 2; do
    d=$tmp/r$round
    mkdir -p "$d"
    "$bin" report "$tmp/O.yaml" -o "$d/r.html" "${fast[@]}" >/dev/null 2>&1 || bad "report O failed"
    "$bin" report "$tmp/A.yaml" -o "$d/r.html" "${fast[@]}" >/dev/null 2>&1 & pa=$!
    "$bin" report "$tmp/B.yaml" -o "$d/r.html" "${fast[@]}" >/dev/null 2>&1 & pb=$!
    seen=""
    while kill -0 $pa 2>/dev/null || kill -0 $pb 2>/dev/null; do
        r=$(flock -s "$d" bash -c "$(declare -f which_run); which_run '$d'")
        case $r in A|B|O) ;; *) seen="$seen; $r" ;; esac
        sleep 0.05
    done
    wait $pa; ra=$?
    wait $pb; rb=$?
    check_text "round_${round}_both_runs_succeed" "$ra $rb" "0 0"
    check_text "round_${round}_a_locking_reader_never_sees_a_mixed_set" "$seen" ""
    r=$(which_run "$d")
    case $r in A|B) ok ;; *) bad "round_${round}_two_runs_into_one_folder_leave_one_complete_set: $r" ;; esac
    no_temporaries "round_${round}_leaves_no_temporary" "$d"
done

echo "cli_concurrent_report: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
