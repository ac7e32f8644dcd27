#!/usr/bin/env bash
# Layering check: earth -> flight -> defense -> io -> cli. A file may include headers of its own
# layer or lower ones, never higher. Public headers are assigned to layers below; a new header must
# be added here (the check fails on an unknown one, so the list cannot silently go stale).
# Usage: check_layers.sh [SOURCE_ROOT]
set -u
root=${1:-$(dirname "$0")/..}
cd "$root" || exit 2

rank_of_layer() {
    case $1 in core) echo 0 ;; num) echo 1 ;; earth) echo 2 ;; flight) echo 3 ;; defense) echo 4 ;;
    io) echo 5 ;; cli) echo 6 ;; *) echo -1 ;; esac
}
layer_of_header() {
    case $1 in
    error|version|api|units) echo core ;;
    num) echo num ;;
    earth|gravity|atmosphere|geodesy) echo earth ;;
    ode|kepler|missile|trajectory|aim|loft) echo flight ;;
    sensor|exchange|interceptor|flyout|engagement|footprint) echo defense ;;
    catalog|radar_catalog|interceptor_catalog|scenario|atomic_file|scene|geojson|kml|plot|raster|svg|map|analysis|report|footprint_io) echo io ;;
    bmd) echo io ;;  # the umbrella header includes everything
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
    checked=$((checked + 1))
}

for dir in core num earth flight defense io; do
    for f in src/$dir/*.c src/$dir/*.h; do [ -f "$f" ] && check_file "$f" "$dir"; done
done
for f in include/bmd/*.h; do
    name=$(basename "$f" .h)
    layer=$(layer_of_header "$name")
    if [ "$layer" = unknown ]; then
        echo "$f: public header not assigned to a layer in tests/check_layers.sh"; fail=$((fail + 1)); continue
    fi
    check_file "$f" "$layer"
done
# Private headers of a higher layer must not be reached from a lower one by relative path.
for dir in core num earth flight defense; do
    if grep -nE '#include +"\.\./(defense|io)/' src/$dir/*.[ch] 2>/dev/null | grep -q .; then
        echo "src/$dir reaches into a higher layer by relative include"; fail=$((fail + 1))
    fi
done
echo "layers: $checked passed, $fail failed"
[ "$fail" -eq 0 ]
