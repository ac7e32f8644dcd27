#!/usr/bin/env bash
# Run every case of tests/golden/cases.txt and compare its stdout and files with
# tests/golden/expected/NAME/ (compare.py: text equal, numbers within tolerance).
# Usage: run.sh BMDSIM [--refresh] [NAME...]
#   --refresh   write the outputs as the new golden files (after an intended change; review the
#               diff with git before committing)
set -u
bin=$(realpath "$1"); shift
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
refresh=0
only=()
for a in "$@"; do
    if [ "$a" = --refresh ]; then refresh=1; else only+=("$a"); fi
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export BMD_DATA_DIR=${BMD_DATA_DIR:-$src/data}
pass=0 fail=0
while IFS='|' read -r name args; do
    name=$(echo "$name" | tr -d ' ')
    case $name in ''|'#'*) continue ;; esac
    if [ ${#only[@]} -gt 0 ] && [[ " ${only[*]} " != *" $name "* ]]; then continue; fi
    out=$tmp/$name
    mkdir -p "$out"
    args=${args//\{out\}/$out}
    args=${args//\{scenarios\}/$src/scenarios}
    # shellcheck disable=SC2086
    (cd "$out" && "$bin" $args >"$out/stdout.txt" 2>"$tmp/$name.stderr"); rc=$?
    echo "$rc" >"$out/exit_status.txt"
    # Paths of this checkout and of the temporary folder differ from machine to machine: written
    # as {src} and {out} in the outputs before they are compared or stored.
    for f in "$out"/*; do
        sed -i -e "s#$out#{out}#g" -e "s#$src#{src}#g" "$f"
    done
    exp=$here/expected/$name
    if [ $refresh -eq 1 ]; then
        rm -rf "$exp"; mkdir -p "$exp"
        cp "$out"/* "$exp"/
        echo "refreshed $name ($(ls "$exp" | tr '\n' ' '))"
        continue
    fi
    if [ ! -d "$exp" ]; then
        echo "FAIL $name: no golden files in $exp (run: tests/golden/run.sh BMDSIM --refresh $name)"
        fail=$((fail + 1)); continue
    fi
    ok=1
    for f in "$exp"/*; do
        b=$(basename "$f")
        if [ ! -f "$out/$b" ]; then
            echo "FAIL $name: $b was not written (bmdsim $args)"; ok=0; continue
        fi
        python3 "$here/compare.py" "$f" "$out/$b" || ok=0
    done
    for f in "$out"/*; do
        [ -f "$exp/$(basename "$f")" ] || { echo "FAIL $name: new output $(basename "$f") has no golden file"; ok=0; }
    done
    if [ $ok -eq 1 ]; then pass=$((pass + 1)); else
        echo "FAIL $name: bmdsim $args (stderr: $(head -c 300 "$tmp/$name.stderr"))"; fail=$((fail + 1))
    fi
done <"$here/cases.txt"
[ $refresh -eq 1 ] && exit 0
echo "golden: $pass passed, $fail failed"
[ $fail -eq 0 ]
