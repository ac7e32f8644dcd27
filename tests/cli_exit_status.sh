#!/usr/bin/env bash
# The exit-status table of cli/cli.h (README "Exit statuses"), class by class for every command:
#   0 success; 1 internal failure (here: standard output cannot be written, /dev/full);
#   2 usage or input error (an unknown option; missing catalogue, scenario, template, grid or map
#     files, with the path in the one line on stderr); 3 no solution (where a command has one);
#   130 interrupted (SIGINT while the command runs; tests/lib/interrupt.py).
# Every command's --help ends with the table. Usage: cli_exit_status.sh PATH/TO/bmdsim
set -u
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib/cli_assert.sh"
export BMD_DATA_DIR=${BMD_DATA_DIR:-$here/../data}
S=$here/../scenarios
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
nowhere=$tmp/nowhere
mkdir -p "$tmp/empty"

# status NAME EXPECTED ARGS... : bmdsim ARGS (stdout discarded) exits EXPECTED
status() {
    local name=$1 want=$2; shift 2
    "$bin" "$@" >/dev/null 2>"$tmp/err"; local rc=$?
    if [ $rc -eq "$want" ]; then ok; else bad "$name: exit $rc, expected $want ($*): $(head -c 300 "$tmp/err")"; fi
}
# output_lost NAME ARGS... : with standard output on /dev/full, exit 1 and say so
output_lost() {
    local name=$1; shift
    "$bin" "$@" >/dev/full 2>"$tmp/err"; local rc=$?
    if [ $rc -eq 1 ] && grep -q "standard output" "$tmp/err"; then ok
    else bad "$name: exit $rc with stdout on /dev/full, expected 1 ($*): $(head -c 300 "$tmp/err")"; fi
}
# missing_file NAME PATH ARGS... : exit 2, one line on stderr naming PATH
missing_file() {
    local name=$1 path=$2; shift 2
    "$bin" "$@" >/dev/null 2>"$tmp/err"; local rc=$?
    if [ $rc -ne 2 ]; then bad "$name: exit $rc, expected 2 ($*): $(head -c 300 "$tmp/err")"; return; fi
    if [ "$(wc -l <"$tmp/err")" -ne 1 ]; then bad "$name: stderr is not one line: $(cat "$tmp/err")"; return; fi
    if grep -qF "$path" "$tmp/err"; then ok; else bad "$name: message does not name '$path': $(cat "$tmp/err")"; fi
}
# interrupted NAME ARGS... : SIGINT while it runs gives 130
interrupted() {
    local name=$1; shift
    local rc; rc=$(python3 "$here/lib/interrupt.py" "$bin" "$@")
    if [ "$rc" = 130 ]; then ok; else bad "$name: exit '$rc' on SIGINT, expected 130 ($*)"; fi
}
# every_class COMMAND-NAME ARGS... : 0, 1, 2 (unknown option) and 130 for one good command line
every_class() {
    local name=$1; shift
    status "${name}_succeeds_with_0" 0 "$@"
    output_lost "${name}_exits_1_when_its_output_is_lost" "$@"
    status "${name}_exits_2_on_an_unknown_option" 2 "$@" --no-such-option
    interrupted "${name}_exits_130_when_interrupted" "$@"
}

engage_flags="--missile shahab-3-class --from 38.08,46.29 --to 39.93,32.86 --site 44.05,24.38 --interceptor sm-3-block-ib"

# --- kepler
every_class kepler kepler --speed 7 --angle 30 --json
status kepler_range_beyond_reach_exits_3 3 kepler --range 15000 --speed 5
status kepler_escape_speed_exits_3 3 kepler --speed 12 --angle 30
# --- loft (Kepler) and loft --full
every_class loft loft --apogee 2800 --range 900
# issue 11: an orbital implied speed is an answer ("any point on the Earth"), exit 0
status loft_orbital_inference_exits_0 0 loft --apogee 100 --range 19990
every_class loft_full loft --apogee 2802 --range 933 --full
status loft_full_unreachable_apogee_exits_3 3 loft --apogee 6000 --range 1000 --full --tw 1.3,1.5
missing_file loft_full_missing_template_names_it "$nowhere.yaml" loft --apogee 2802 --range 933 --full --template "$nowhere.yaml"
# --- trajectory
every_class trajectory trajectory --missile scud-b --from 0,0 --azimuth 90
status trajectory_target_beyond_reach_exits_3 3 trajectory --missile scud-b --from 0,0 --to 30,30
missing_file trajectory_missing_catalogue_names_it "$nowhere" trajectory --missile scud-b --from 0,0 --azimuth 90 --dir "$nowhere"
BMD_DATA_DIR=$nowhere missing_file trajectory_missing_data_folder_names_it "$nowhere" trajectory --missile scud-b --from 0,0 --azimuth 90
# --- range (no "no solution" class: every payload row is an answer)
every_class range range --missile scud-b --payload-min 900 --payload-max 1000 --step 100
missing_file range_missing_missile_file_names_it "$nowhere.yaml" range --missile "$nowhere.yaml"
# --- catalog
every_class catalog catalog
missing_file catalog_missing_catalogue_names_it "$nowhere" catalog --dir "$nowhere"
# --- exchange
every_class exchange exchange --warheads 3 --sspk 0.8 --shots 2
status exchange_unreachable_requirement_exits_3 3 exchange --warheads 1 --sspk 0.5 --shots 1 --required 1
# --- sensor
every_class sensor sensor --radar spy-1d --at 44,24
status sensor_unreachable_target_exits_3 3 sensor --radar spy-1d --at 1,2 --missile scud-b --from 1,2 --to 3,4
missing_file sensor_missing_radar_file_names_it "$nowhere.yaml" sensor --radar "$nowhere.yaml" --at 44,24
# --- engage, flag form and scenario form
# shellcheck disable=SC2086
every_class engage engage $engage_flags --no-required-speed
status engage_target_beyond_reach_exits_3 3 engage --missile scud-b --from 0,0 --to 30,30 --site 1,1 --interceptor thaad
missing_file engage_missing_interceptor_file_names_it "$nowhere.yaml" engage --missile shahab-3-class --from 38.08,46.29 --to 39.93,32.86 --site 44.05,24.38 --interceptor "$nowhere.yaml"
every_class engage_scenario engage "$S/iran-europe-small.yaml" --no-required-speed
missing_file engage_missing_scenario_names_it "$nowhere.yaml" engage "$nowhere.yaml"
# --- scenario check / check
every_class scenario scenario check "$S/iran-europe-small.yaml"
every_class check check "$S/iran-europe-small.yaml"
missing_file scenario_missing_file_names_it "$nowhere.yaml" scenario check "$nowhere.yaml"
missing_file scenario_missing_catalogue_names_it "$nowhere" scenario check "$S/iran-europe-small.yaml" --catalog "$nowhere"
# --- report
every_class report report "$S/iran-europe-small.yaml" -o "$tmp/r.html" --no-footprints --no-required-speed --no-remote --quiet
missing_file report_missing_scenario_names_it "$nowhere.yaml" report "$nowhere.yaml" -o "$tmp/r2.html"
missing_file report_missing_map_data_names_it "$tmp/empty" report "$S/iran-europe-small.yaml" -o "$tmp/r3.html" --no-footprints --no-required-speed --no-remote --quiet --data-dir "$tmp/empty"
# --- footprint
every_class footprint footprint "$S/iran-europe-small.yaml" --grid 38,40,30,34,1 --quiet
missing_file footprint_missing_grid_file_names_it "$nowhere.txt" footprint "$S/iran-europe-small.yaml" --grid "$nowhere.txt"
missing_file footprint_missing_scenario_names_it "$nowhere.yaml" footprint "$nowhere.yaml" --grid 38,40,30,34,1
# --- map
every_class map map --center 40,30 --radius 1000 -o "$tmp/m.svg"
missing_file map_missing_data_folder_names_it "$nowhere" map --center 40,30 -o "$tmp/m2.svg" --data-dir "$nowhere"
missing_file map_missing_map_files_name_them "$tmp/empty" map --center 40,30 -o "$tmp/m3.svg" --data-dir "$tmp/empty"
# --- the program itself
status version_succeeds_with_0 0 version
output_lost version_exits_1_when_its_output_is_lost version
status no_command_exits_2 2
status unknown_command_exits_2 2 frobnicate

# Every --help (and bmdsim --help) ends with the table.
for c in kepler loft trajectory range catalog exchange sensor engage scenario check report footprint map sweep; do
    h=$("$bin" $c --help); rc=$?
    if [ $rc -eq 0 ] && case "$h" in *"exit status: 0 success"*"3 no solution"*"130 interrupted"*) true ;; *) false ;; esac
    then ok; else bad "$c --help (exit $rc) lacks the exit-status table"; fi
done
case "$("$bin" --help)" in *"exit status: 0 success"*) ok ;; *) bad "bmdsim --help lacks the exit-status table" ;; esac

echo "cli_exit_status: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
