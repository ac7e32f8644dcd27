#!/usr/bin/env bash
# Umbrella check: include/bmd/bmd.h includes every public header of include/bmd/, so that a new
# header cannot be left out of it silently (tests/test_umbrella.c compiles it).
# Usage: check_umbrella.sh [SOURCE_ROOT]
set -u
root=${1:-$(dirname "$0")/..}
cd "$root" || exit 2
fail=0; checked=0
for f in include/bmd/*.h; do
    name=$(basename "$f")
    [ "$name" = bmd.h ] && continue
    checked=$((checked + 1))
    if ! grep -qE "^#include +\"bmd/$name\"" include/bmd/bmd.h; then
        echo "include/bmd/bmd.h does not include bmd/$name (add it under its layer)"
        fail=$((fail + 1))
    fi
done
# And nothing that is not there.
while read -r inc; do
    if [ ! -f "include/$inc" ]; then
        echo "include/bmd/bmd.h includes $inc, which does not exist"; fail=$((fail + 1))
    fi
done < <(grep -oE '^#include +"bmd/[a-z_0-9]+\.h"' include/bmd/bmd.h | grep -oE 'bmd/[a-z_0-9]+\.h')
echo "umbrella: $((checked - fail)) passed, $fail failed"
[ "$fail" -eq 0 ]
