#!/bin/bash
# The Python module as installed: 'cmake --install BUILD --prefix TMP' puts bmdsim in
# TMP/BMD_PYTHON_INSTALL_DIR; importing it from there loads TMP's libbmd.so (RUNPATH $ORIGIN/..)
# and looks a missile up. Usage: installed.sh BUILD_DIR PYTHON INSTALL_SUBDIR
set -euo pipefail
build=$1 python=$2 sub=$3
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null
cd "$prefix"
out=$(PYTHONPATH="$prefix/$sub" "$python" -c '
import bmdsim
lib = [l.split()[-1] for l in open("/proc/self/maps") if "libbmd.so" in l][0]
print(bmdsim.__file__, lib, bmdsim.catalog("scud-b")["name"])')
echo "$out"
case $out in
"$prefix/$sub/bmdsim/__init__.py $prefix/"*"libbmd.so"*" scud-b") ;;
*) echo "expected the package and libbmd.so under $prefix, actual: $out" >&2; exit 1 ;;
esac
