#!/usr/bin/env bash
# Command-line tests of the output files of every command (issue 13, items 7-12, and the faults of
# docs/reliability.md): a command's files are written all-or-nothing; output paths are checked
# before any work; FIFOs, devices and links out of the folder are refused; the trajectory CSV has
# the mode of every other output; an interrupted run (SIGINT) leaves the previous outputs and no
# temporary; a full disk is a clear error that replaces nothing. Each check is named after the
# behaviour that failed before.
# Usage: cli_outputs.sh PATH/TO/bmdsim
set -u
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib/cli_assert.sh"
export BMD_DATA_DIR=${BMD_DATA_DIR:-$here/../data}
scn=$here/../scenarios/russia-us-icbm.yaml
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
traj=(trajectory --missile minuteman-3 --from 41.15,-104.8 --azimuth 10)

# wait_for_handler PID -> returns once PID catches SIGINT (its handler is installed), so that the
# signal sent next is not lost to a start-up race
wait_for_handler() {
    local i
    for i in $(seq 1 600); do
        local caught
        caught=$(awk '/^SigCgt:/ { print $2 }' "/proc/$1/status" 2>/dev/null)
        [ -n "$caught" ] && (( 0x$caught & 2 )) && return 0
        sleep 0.1
    done
}

# only_files NAME DIR EXPECTED... -> DIR holds exactly the EXPECTED names (no temporaries)
only_files() {
    local name=$1 dir=$2; shift 2
    local got want
    got=$(ls -A "$dir" 2>/dev/null | sort | tr '\n' ' ')
    want=$(printf '%s\n' "$@" | sed '/^$/d' | sort | tr '\n' ' ')
    [ "$got" = "$want" ] && ok || bad "$name: files '$got', expected '$want'"
}

# Item 7 and the MPI paragraph: report with missing map data wrote the GeoJSON and KML, then
# failed on the HTML. Now the map data are loaded before the analysis and nothing is written.
mkdir -p "$tmp/empty"
err=$("$bin" report "$scn" -o "$tmp/r7/report.html" --data-dir "$tmp/empty" 2>&1 >/dev/null); rc=$?
[ $rc -ne 0 ] && ok || bad "report_with_missing_map_data_writes_nothing: exit 0"
[ ! -e "$tmp/r7" ] && ok || bad "report_with_missing_map_data_writes_nothing: wrote $(ls -A "$tmp/r7")"
contains "report_with_missing_map_data_says_which_folder" "$err" "$tmp/empty"

# Item 7: trajectory --csv A --kml B, B in a missing folder: A was written before B failed.
err=$("$bin" "${traj[@]}" --csv "$tmp/t7.csv" --kml "$tmp/missing/t7.kml" 2>&1 >/dev/null); rc=$?
[ $rc -ne 0 ] && ok || bad "trajectory_with_one_unwritable_output_writes_none: exit 0"
[ ! -e "$tmp/t7.csv" ] && ok || bad "trajectory_with_one_unwritable_output_writes_none: CSV written"
contains "trajectory_unwritable_output_names_the_folder" "$err" "$tmp/missing"

# Item 8: report -o '' and -o DIR/ wrote FILE.geojson/.kml into the current folder, after the
# analysis. Now refused (exit 2, one line) before the analysis, nothing written anywhere.
mkdir -p "$tmp/cwd8"
( cd "$tmp/cwd8" && expect_usage_error "report_to_an_empty_path_is_refused" "empty" report "$scn" -o '' )
( cd "$tmp/cwd8" && expect_usage_error "report_to_a_folder_path_is_refused" "names a folder" report "$scn" -o "$tmp/cwd8/" )
( cd "$tmp/cwd8" && expect_usage_error "report_to_an_existing_folder_is_refused" "is a folder" report "$scn" -o "$tmp/cwd8" )
only_files "report_to_a_folder_path_writes_nothing" "$tmp/cwd8"
# checked before the analysis: a bad scenario is not even opened
expect_usage_error "report_output_is_checked_before_the_scenario" "names a folder" report /nonexistent.yaml -o "$tmp/cwd8/"

# Item 9: output was renamed over a FIFO, a device, or a link out of the folder.
mkfifo "$tmp/fifo.html"
expect_usage_error "report_onto_a_fifo_is_refused" "FIFO" report "$scn" -o "$tmp/fifo.html"
[ -p "$tmp/fifo.html" ] && ok || bad "report_onto_a_fifo_leaves_the_fifo: it was replaced"
expect_usage_error "csv_onto_a_device_is_refused" "device" "${traj[@]}" --csv /dev/null
mkdir -p "$tmp/l9"
ln -s "$tmp/outside.geojson" "$tmp/l9/link.geojson"
echo outside > "$tmp/outside.geojson"
expect_usage_error "geojson_through_a_link_out_of_the_folder_is_refused" "out of its folder" "${traj[@]}" --geojson "$tmp/l9/link.geojson"
check_text "geojson_through_a_link_leaves_its_target" "$(cat "$tmp/outside.geojson")" "outside"

# Item 10: the trajectory CSV had its own writer: mode 0600 (other outputs 0644), no fsync.
( umask 022 && "$bin" "${traj[@]}" --csv "$tmp/m10.csv" >/dev/null ) || bad "trajectory --csv failed"
check_text "trajectory_csv_gets_the_mode_of_every_other_output" "$(stat -c %a "$tmp/m10.csv")" "644"
chmod 640 "$tmp/m10.csv"
"$bin" "${traj[@]}" --csv "$tmp/m10.csv" >/dev/null || bad "trajectory --csv (again) failed"
check_text "a_replaced_csv_keeps_its_mode" "$(stat -c %a "$tmp/m10.csv")" "640"

# Item 11: SIGINT during report left temporaries and a mixed set. Now: exit 130, one message,
# the previous outputs untouched, no temporary. (The signal is sent once the run has started.)
mkdir -p "$tmp/r11"
for f in report.html report.geojson report.kml; do echo previous > "$tmp/r11/$f"; done
"$bin" report "$scn" -o "$tmp/r11/report.html" --quiet >/dev/null 2>"$tmp/r11.err" &
pid=$!
wait_for_handler $pid
sleep 1
kill -INT $pid
wait $pid; rc=$?
check_text "interrupted_report_exits_130" "$rc" "130"
contains "interrupted_report_says_nothing_was_written" "$(cat "$tmp/r11.err")" "interrupted: no output written"
check_text "interrupted_report_keeps_the_previous_html" "$(cat "$tmp/r11/report.html")" "previous"
check_text "interrupted_report_keeps_the_previous_kml" "$(cat "$tmp/r11/report.kml")" "previous"
only_files "interrupted_report_leaves_no_temporary" "$tmp/r11" report.html report.geojson report.kml

# Item 11: SIGINT during footprint: exit 130, previous CSV untouched.
echo previous > "$tmp/f11.csv"
"$bin" footprint "$scn" --grid 30,70,-10,60,0.5 --quiet --csv "$tmp/f11.csv" >/dev/null 2>"$tmp/f11.err" &
pid=$!
wait_for_handler $pid
sleep 1
kill -INT $pid
wait $pid; rc=$?
check_text "interrupted_footprint_exits_130" "$rc" "130"
check_text "interrupted_footprint_keeps_the_previous_csv" "$(cat "$tmp/f11.csv")" "previous"
contains "interrupted_footprint_says_so_once" "$(cat "$tmp/f11.err")" "interrupted: no output written"
check_text "interrupted_footprint_says_it_once" "$(grep -c interrupted "$tmp/f11.err")" "1"

# Full disk: a clear error naming the file and the reason, exit 2 (an output file that cannot be
# written: cli/cli.h), the previous file untouched, no
# temporary. A 16 KiB tmpfs in a private mount namespace when the system allows it (ENOSPC),
# else a 1 KiB file-size limit (EFBIG) on the same code path.
mkdir -p "$tmp/full"
echo previous > "$tmp/full/t.csv"
if unshare -rm true 2>/dev/null; then
    err=$(unshare -rm sh -c 'mount -t tmpfs -o size=16k tmpfs "$1" && echo previous > "$1/t.csv" &&
          "$2" trajectory --missile minuteman-3 --from 41.15,-104.8 --azimuth 10 --csv "$1/t.csv" --interval 0.5 >/dev/null;
          echo "rc=$?"; cat "$1/t.csv"; ls -A "$1"' sh "$tmp/full" "$bin" 2>&1)
    contains "full_disk_is_a_clear_error" "$err" "No space left on device"
    contains "full_disk_exits_2_output_not_writable" "$err" "rc=2"
    contains "full_disk_keeps_the_previous_file" "$err" "previous"
    check_text "full_disk_leaves_no_temporary" "$(printf '%s\n' "$err" | tail -1)" "t.csv"
else
    echo "cli_outputs: no private mount namespace here; the full disk is simulated with ulimit -f"
fi
err=$( (ulimit -f 1; trap '' XFSZ; "$bin" "${traj[@]}" --csv "$tmp/full/t.csv" --interval 0.5 >/dev/null) 2>&1); rc=$?
check_text "file_size_limit_exits_2_output_not_writable" "$rc" "2"
contains "file_size_limit_is_a_clear_error" "$err" "File too large"
check_text "file_size_limit_keeps_the_previous_file" "$(cat "$tmp/full/t.csv")" "previous"
only_files "file_size_limit_leaves_no_temporary" "$tmp/full" t.csv

echo "cli_outputs: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
