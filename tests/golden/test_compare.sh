#!/usr/bin/env bash
# compare.py must fail on a changed number or text and pass within tolerance or on a wall-clock key.
set -u
cmp=$(dirname "$0")/compare.py
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
check() { # check WANT_RC EXPECTED ACTUAL what
    printf '%s\n' "$2" >"$tmp/e"; printf '%s\n' "$3" >"$tmp/a"
    python3 "$cmp" "$tmp/e" "$tmp/a" >"$tmp/out"; rc=$?
    if [ "$rc" -ne "$1" ]; then
        echo "FAIL: $4: exit status $rc, expected $1"; cat "$tmp/out"; fail=1
    else
        echo "ok: $4"
    fi
}
check 0 '{"range_m":1000000.0}' '{"range_m":1000000.0000001}' "a difference of 1e-13 relative passes"
check 1 '{"range_m":1000000.0}' '{"range_m":1000000.01}' "a difference of 1e-8 relative fails"
check 1 '{"range_m":1.0}' '{"range_km":1.0}' "a changed key fails"
check 1 'a,b\n1,2' 'a,b\n1,2,3' "an extra number fails"
check 0 '{"run_time_s":3.2,"x":1}' '{"run_time_s":0.4,"x":1}' "a wall-clock time is not compared"
check 1 '{"apogee_time_s":3.2}' '{"apogee_time_s":0.4}' "a physical time is compared"
check 0 '<coordinates>24.383,44.05,0</coordinates>' '<coordinates>24.383,44.05,0</coordinates>' "KML equal passes"
exit $fail
