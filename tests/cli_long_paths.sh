#!/usr/bin/env bash
# Long folder and output paths (issue 13 item 6 and the MPI paragraph's last lines,
# docs/reliability.md "Bad input"): a data folder or output path of 400 to 4,096 bytes works end
# to end, or, where the system itself refuses it, is refused with a message that names it uncut.
# Before: data folders over 400 bytes were refused (paths were built in 512-byte buffers, messages
# held 512 bytes and cut the path).
# Usage: cli_long_paths.sh PATH/TO/bmdsim
set -u
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib/cli_assert.sh"
data=$(cd "${BMD_DATA_DIR:-$here/../data}" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unset BMD_DATA_DIR

# has NAME TEXT NEEDLE -> TEXT contains NEEDLE (the failure line gives lengths, not the paths)
has() { case "$2" in *"$3"*) ok ;; *) bad "$1: the message (${#2} bytes) lacks the ${#3}-byte text" ;; esac; }

# long_dir BYTES -> creates and prints a folder under $tmp whose path is about BYTES long
long_dir() {
    local p=$tmp/d part
    part=$(printf 'x%.0s' $(seq 1 199))
    while [ $(( ${#p} + 201 )) -le "$1" ]; do p=$p/$part; done
    p=$p/$(printf 'y%.0s' $(seq 1 $(( $1 - ${#p} - 1 ))))
    mkdir -p "$p" && echo "$p"
}
# a data folder there: the catalogue and map data linked in
data_at() { local d; d=$(long_dir "$1"); ln -s "$data/catalog" "$d/catalog"; ln -s "$data/map" "$d/map"; echo "$d"; }

scn=$here/../fuzz/tiny.yaml
fast=(--no-footprints --no-required-speed --threads 1 --quiet)
for bytes in 1000 3600; do
    d=$(data_at $bytes)
    out=$(long_dir $((bytes + 200)))
    check_text "the test folder is $bytes bytes" "${#d}" "$bytes"
    BMD_DATA_DIR=$d "$bin" trajectory --missile scud-b --from 40,40 --azimuth 90 --csv "$out/t.csv" >/dev/null; rc=$?
    check_text "a_data_folder_of_${bytes}_bytes_works_for_trajectory" "$rc" "0"
    [ -s "$out/t.csv" ] && ok || bad "a_data_folder_of_${bytes}_bytes: no CSV"
    BMD_DATA_DIR=$d "$bin" engage --missile shahab-3-class --from 35.5,51 --to 37.5,41.5 \
        --site 37.5,41.5 --interceptor thaad --geojson "$out/e.geojson" >/dev/null; rc=$?
    check_text "a_data_folder_of_${bytes}_bytes_works_for_engage" "$rc" "0"
    "$bin" report "$scn" -o "$out/r.html" --data-dir "$d" --catalog "$d/catalog" "${fast[@]}" >/dev/null; rc=$?
    check_text "a_data_folder_of_${bytes}_bytes_works_for_report" "$rc" "0"
    check_text "a_report_into_a_$((bytes + 200))_byte_folder_writes_its_set" \
        "$(ls "$out" | grep -c '^r\.\(html\|geojson\|kml\)$')" "3"
done

# Beyond the limit (4096 - 256 bytes for the names built inside): refused, the length said.
d=$(long_dir 3900)
err=$(BMD_DATA_DIR=$d "$bin" trajectory --missile scud-b --from 40,40 --azimuth 90 2>&1 >/dev/null); rc=$?
check_text "a_data_folder_beyond_the_limit_is_refused" "$rc" "2"
has "a_data_folder_beyond_the_limit_says_its_length" "$err" "3900 bytes long; at most 3840 allowed"

# A missing data folder at a 3,000-byte path: the message names it whole (it was cut at 512).
d=$(long_dir 3000)/missing
err=$(BMD_DATA_DIR=$d "$bin" trajectory --missile scud-b --from 40,40 --azimuth 90 2>&1 >/dev/null); rc=$?
[ $rc -ne 0 ] && ok || bad "a_missing_long_data_folder: exit 0"
has "a_missing_data_folder_of_3000_bytes_is_named_uncut" "$err" "$d/catalog/missiles"

# Output paths the system refuses, refused before any work: a 3,300-byte path with a 300-byte
# name (over NAME_MAX) is named whole (it was cut at 300 bytes); one over 4,096 bytes (PATH_MAX)
# is refused with its length.
o=$(long_dir 3000)/$(printf 'z%.0s' $(seq 1 300)).html
err=$("$bin" report "$scn" -o "$o" "${fast[@]}" 2>&1 >/dev/null); rc=$?
check_text "an_output_name_over_255_bytes_is_refused" "$rc" "2"
has "an_output_path_the_system_refuses_is_named_uncut" "$err" "'$o'"
o=$(long_dir 3990)/$(printf 'z%.0s' $(seq 1 200)).html
err=$("$bin" report "$scn" -o "$o" "${fast[@]}" 2>&1 >/dev/null); rc=$?
check_text "an_output_path_over_4096_bytes_is_refused" "$rc" "2"
has "an_output_path_over_4096_bytes_says_its_length" "$err" "it is ${#o} bytes long, the system's limit is 4095"
check_text "an_output_path_over_4096_bytes_is_one_line" "$(printf '%s\n' "$err" | wc -l)" "1"

echo "cli_long_paths: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
