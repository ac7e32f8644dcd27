#!/usr/bin/env bash
# Layering check: core -> num -> earth -> flight -> defense -> data -> analysis -> export -> render -> report -> cli. A file may include headers of its own layer or
# lower ones, never higher. Public headers are assigned to layers below; a new header must be added
# here (the check fails on an unknown one, so the list cannot silently go stale). It also runs
# before the library compiles (cmake/BmdLayers.cmake), so an upward include fails the build.
# Usage: check_layers.sh [SOURCE_ROOT]
set -u
root=${1:-$(dirname "$0")/..}
cd "$root" || exit 2

rank_of_layer() {
    case $1 in core) echo 0 ;; num) echo 1 ;; earth) echo 2 ;; flight) echo 3 ;; defense) echo 4 ;; data) echo 5 ;; analysis) echo 6 ;; export) echo 7 ;; render) echo 8 ;; report) echo 9 ;; cli) echo 10 ;; *) echo -1 ;; esac
}
layer_of_header() {
    case $1 in
    api|atomic_file|error|unit_system|units|version) echo core ;;
    num|sampling) echo num ;;
    atmosphere|earth|geodesy|gravity) echo earth ;;
    aim|kepler|loft|missile|ode|trajectory) echo flight ;;
    engagement|exchange|footprint|interceptor|sensor) echo defense ;;
    catalog|footprint_input|interceptor_catalog|param|places|radar_catalog|scenario) echo data ;;
    analysis|footprint_summary|montecarlo|scene) echo analysis ;;
    czml|footprint_io|geojson|kml) echo export ;;
    sensitivity) echo analysis ;;
    map|plot|raster) echo render ;;
    report) echo report ;;
    bmd) echo report ;;  # the umbrella header includes everything
    *) echo unknown ;;
    esac
}

fail=0; checked=0
check_file() { # check_file FILE LAYER
    local file=$1 layer=$2 own inc hl
    own=$(rank_of_layer "$layer")
    while read -r inc; do
        hl=$(layer_of_header "$inc")
        if [ "$hl" = unknown ]; then
            echo "$file: includes bmd/$inc.h, which tests/check_layers.sh does not assign to a layer"
            fail=$((fail + 1)); continue
        fi
        if [ "$(rank_of_layer "$hl")" -gt "$own" ]; then
            echo "$file (layer $layer) includes bmd/$inc.h (layer $hl): lower layers never include higher ones"
            fail=$((fail + 1))
        fi
    done < <(grep -oE '#include +"bmd/[a-z_0-9]+\.h"' "$file" | sed -E 's/.*bmd\/([a-z_0-9]+)\.h.*/\1/')
    # private headers: "layer/x.h" of the same or a lower layer only
    while read -r inc; do
        if [ "$(rank_of_layer "$inc")" -gt "$own" ]; then
            echo "$file (layer $layer) includes a private header of layer $inc: lower layers never include higher ones"
            fail=$((fail + 1))
        fi
    done < <(grep -oE '#include +"(\.\./)?[a-z]+/[a-z_0-9]+\.h"' "$file" | sed -E 's/.*"(\.\.\/)?([a-z]+)\/.*/\2/' | grep -v '^bmd$')
    checked=$((checked + 1))
}

for dir in core num earth flight defense data analysis export render report; do
    for f in src/$dir/*.c src/$dir/*.h; do [ -f "$f" ] && check_file "$f" "$dir"; done
done
for f in src/*/*.[ch]; do
    d=$(basename "$(dirname "$f")")
    [ "$(rank_of_layer "$d")" -ge 0 ] || { echo "$f: folder src/$d is not a layer of tests/check_layers.sh"; fail=$((fail + 1)); }
done
for f in include/bmd/*.h; do
    name=$(basename "$f" .h)
    layer=$(layer_of_header "$name")
    if [ "$layer" = unknown ]; then
        echo "$f: public header not assigned to a layer in tests/check_layers.sh"; fail=$((fail + 1)); continue
    fi
    check_file "$f" "$layer"
done
echo "layers: $checked passed, $fail failed"
[ "$fail" -eq 0 ]
