#!/usr/bin/env bash
# Hostile and malformed input (issue 13, input half): every check is a behaviour that failed
# before (hang, unbounded allocation, undefined behaviour, silent truncation, malformed output)
# and is now refused with one clear line, or handled. docs/reliability.md, "Bad input".
set -u
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
root=$here/..
tiny=$root/fuzz/tiny.yaml
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
# check NAME EXPECTED_STATUS MESSAGE_REGEX -- command...: the status and one stderr line matching
check() {
    local name=$1 want=$2 re=$3
    shift 4
    timeout 120 "$@" >"$tmp/out" 2>"$tmp/err"
    local st=$?
    # want "input": exit 1 or 2 (missing files: their exit status is issue 13 item 15)
    if { [ "$want" = input ] && [ "$st" -ne 1 ] && [ "$st" -ne 2 ]; } ||
       { [ "$want" != input ] && [ "$st" -ne "$want" ]; } || ! grep -Eq -- "$re" "$tmp/err"; then
        echo "FAIL: $name: expected exit $want and stderr matching /$re/; got exit $st:" >&2
        head -c 600 "$tmp/err" >&2
        fail=1
    fi
}
ok() { if ! eval "$2"; then echo "FAIL: $1" >&2; fail=1; fi; }

# 1. a map data step near 2^63 is refused before the sums overflow (UBSan caught it before)
mkdir -p "$tmp/mapdata/map"
printf 'L 2 0 0 9223372036854775000 0\n' >"$tmp/mapdata/map/ne_110m.txt"
check "a map data step near 2^63 is refused, not summed" input 'larger than the globe' -- \
    "$bin" map --center 0,0 --data-dir "$tmp/mapdata" -o "$tmp/m.svg"
printf 'L 2 0 0\0 1 1\n' >"$tmp/mapdata/map/ne_110m.txt"
check "map data with a NUL byte is refused" input 'NUL byte' -- \
    "$bin" map --center 0,0 --data-dir "$tmp/mapdata" -o "$tmp/m.svg"

# 2. a grid step of 1e-300 is refused on load with the cell count, before any rows x cols
sed 's/step_deg: 0.5/step_deg: 1e-300/' "$tiny" >"$tmp/step.yaml"
check "a scenario grid step of 1e-300 is refused with the cell count" 2 \
    "box.step_deg': step 1e-300 gives .* cells .*at most 1000000000" -- "$bin" check "$tmp/step.yaml"

# 3. an endless binary points file ends with an error instead of hanging
check "footprint --grid /dev/zero stops at the first NUL byte" 2 '/dev/zero line 1: a NUL byte' -- \
    "$bin" footprint "$tiny" --grid /dev/zero --quiet

# 4. a tiny --interval is refused before the series is sampled
check "trajectory --interval 1e-300 is refused" 2 '--interval: 1e-300 s is outside .*\[0.01, 3600\]' -- \
    "$bin" trajectory --missile scud-b --from 33,36 --azimuth 90 --csv "$tmp/t.csv" --interval 1e-300
"$bin" trajectory --missile scud-b --from 33,36 --azimuth 90 --csv "$tmp/t.csv" --interval 0.01 >/dev/null
ok "trajectory --interval 0.01 still writes the series" '[ $(wc -l <"$tmp/t.csv") -gt 1000 ]'

# 5. YAML nested 100,000 deep is refused at depth 65 (it took 18-52 s before)
python3 -c "print('kind: scenario\ntitle: ' + '[' * 100000 + ']' * 100000)" >"$tmp/deep.yaml"
check "YAML nested 100000 deep is refused quickly" 2 'nested more than 64 deep' -- \
    timeout 20 "$bin" check "$tmp/deep.yaml"
python3 -c "print('kind: scenario\ntitle: x\nnotes: [' + ', '.join(['a'] * 1000001) + ']')" >"$tmp/wide.yaml"
check "YAML with more than a million nodes is refused" 2 'more than 1000000 values' -- \
    "$bin" check "$tmp/wide.yaml"
head -c 17000000 /dev/zero | tr '\0' ' ' >"$tmp/big.yaml"
check "a YAML file over 16 MiB is refused" 2 'larger than 16 MiB' -- "$bin" check "$tmp/big.yaml"

# 6. an -o path too long for the .geojson/.kml beside it is refused, not cut
long=$tmp/$(printf 'd%.0s' $(seq 1 1100)).html
check "report -o with a 1100-byte path is refused, not truncated" 2 'cannot use the output path of [0-9]+ bytes \(File name too long\)' -- \
    "$bin" report "$tiny" -o "$long"

# 13. invalid UTF-8 never makes the SVG malformed; a points-file name that is not UTF-8 is refused
"$bin" map --center 44,24 --radius 800 --title "$(printf 'caf\xe9 \xff\xfe')" \
    --site "$(printf 'b\xe9ad')@44,24" -o "$tmp/u.svg" >/dev/null 2>&1
ok "an SVG with Latin-1 title and site name is well-formed XML with U+FFFD" \
    'python3 -c "import sys, xml.etree.ElementTree as E; t = open(sys.argv[1], encoding=\"utf-8\").read(); E.fromstring(t.encode()); assert \"caf\ufffd\" in t" "$tmp/u.svg"'
printf '33.5,36.3,caf\xe9\n' >"$tmp/latin1.txt"
check "a points-file name that is not UTF-8 is refused with its line" 2 'latin1.txt line 1: the name is not UTF-8' -- \
    "$bin" footprint "$tiny" --grid "$tmp/latin1.txt" --quiet

# 14. a points-file line longer than 511 bytes is one record, not two
{ printf '33.5,36.3,'; printf ' %.0s' $(seq 1 600); printf 'far-name\n'; } >"$tmp/long.txt"
"$bin" footprint "$tiny" --grid "$tmp/long.txt" --quiet --csv "$tmp/p.csv" >/dev/null 2>"$tmp/err"
ok "a 620-byte points-file line is one record with its name" \
    '[ $(($(wc -l <"$tmp/p.csv") - 1)) -eq 1 ] && grep -q ",far-name," "$tmp/p.csv"'
{ printf '33.5,36.3,'; printf 'n%.0s' $(seq 1 70); printf '\n'; } >"$tmp/longname.txt"
check "a points-file name over 63 bytes is refused, not cut" 2 'the name is 70 bytes long; at most 63' -- \
    "$bin" footprint "$tiny" --grid "$tmp/longname.txt" --quiet

# 16. absurd --set values are refused up front, naming the field
for s in 'payload.rv_mass_kg=-5:must be positive' 'stages[0].burn_time_s=0:must be positive' \
         'stages[0].burn_time_s=1e-300:in \[0.1, 10000\]' 'stages[0].isp_vacuum_s=1e300:in \[1, 1000\]' \
         'stages[0].propellant_mass_kg=1e300:in \[0.001, 1e\+07\]'; do
    set_arg=${s%%:*}
    field=$(printf '%s' "${set_arg%%=*}" | sed 's/[][]/\\&/g')
    check "--set $set_arg is refused naming the field" 2 "field '$field'.*${s#*:}" -- \
        "$bin" trajectory --missile scud-b --from 33,36 --azimuth 90 --set "$set_arg"
done

# Environment: a hostile, missing or long BMD_DATA_DIR; a decimal-comma locale
check "a 4005-byte BMD_DATA_DIR is refused with its length, untruncated" 2 'BMD_DATA_DIR: the folder path is [0-9]+ bytes long; at most 3840 allowed$' -- \
    env BMD_DATA_DIR="/tmp/$(printf 'x%.0s' $(seq 1 4000))" "$bin" catalog
check "a missing BMD_DATA_DIR is named in the error" input "'/nonexistent-bmd/catalog/missiles'" -- \
    env BMD_DATA_DIR=/nonexistent-bmd "$bin" catalog
check "format directives in BMD_DATA_DIR are printed, not interpreted" input "'%s%n%x/catalog/missiles'" -- \
    env BMD_DATA_DIR='%s%n%x' "$bin" catalog
deep=$tmp
while [ ${#deep} -lt 380 ]; do deep=$deep/abcdefghijklmnopqrstuvwxyz0123456789; done
mkdir -p "$deep" && ln -s "$root/data/catalog" "$deep/catalog"
BMD_DATA_DIR=$deep "$bin" catalog >"$tmp/out" 2>&1
ok "a data folder at a ${#deep}-byte path works" 'grep -q scud-b "$tmp/out"'
if locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$'; then
    LC_ALL=C "$bin" kepler --range 10000.5 --min-energy --json >"$tmp/c.json"
    LC_ALL=de_DE.UTF-8 "$bin" kepler --range 10000.5 --min-energy --json >"$tmp/de.json"
    ok "a decimal-comma locale (de_DE) gives the same JSON" 'cmp -s "$tmp/c.json" "$tmp/de.json"'
    LC_ALL=C "$bin" footprint "$tiny" --grid 32,33,34,35,0.5 --quiet --threads 1 --csv "$tmp/c.csv" >/dev/null
    LC_ALL=de_DE.UTF-8 "$bin" footprint "$tiny" --grid 32,33,34,35,0.5 --quiet --threads 1 --csv "$tmp/de.csv" >/dev/null
    ok "a decimal-comma locale (de_DE) parses the grid and writes the same CSV" 'cmp -s "$tmp/c.csv" "$tmp/de.csv"'
else
    echo "FAIL: the de_DE.UTF-8 locale is missing (scripts/deps.sh generates it as root)" >&2
    fail=1
fi
exit $fail
