#!/usr/bin/env bash
# Install the built tree into a temporary prefix and build the examples against it, as a user
# would: with pkg-config (bmd.pc) and with CMake's find_package(bmd). Then run them with the
# installed data directory. Usage: install_examples.sh BUILD_DIR SOURCE_DIR CC [EXTRA_CFLAGS]
set -euo pipefail
build=$1 src=$2 cc=$3 extra=${4:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix
cmake --install "$build" --prefix "$prefix" >"$tmp/install.log" || { cat "$tmp/install.log"; exit 1; }
pc=$(find "$prefix" -name bmd.pc)
[ -n "$pc" ] || { echo "no bmd.pc installed under $prefix"; exit 1; }
export PKG_CONFIG_PATH=$(dirname "$pc")
libdir=$(pkg-config --variable=libdir bmd)
echo "installed: $(cd "$prefix" && find . -name 'libbmd.so*' -o -name bmdsim -o -name bmd.pc -o -name bmdConfig.cmake | sort | tr '\n' ' ')"
echo "pkg-config --modversion bmd: $(pkg-config --modversion bmd)"
soname=$(objdump -p "$libdir/libbmd.so" | awk '/SONAME/ {print $2}')
echo "SONAME: $soname"
[[ $soname =~ ^libbmd\.so\.[0-9]+$ ]] || { echo "expected SONAME libbmd.so.MAJOR, got '$soname'"; exit 1; }
export BMD_DATA_DIR=$prefix/share/bmd
status=0
run() { # run NAME ARGS...: compile examples/NAME.c with pkg-config and run it
    local name=$1; shift
    # shellcheck disable=SC2046,SC2086
    if ! "$cc" -std=c17 -Wall -Wextra -Werror $extra "$src/examples/$name.c" -o "$tmp/$name" \
        $(pkg-config --cflags --libs bmd) -Wl,-rpath,"$libdir"; then
        echo "FAIL: examples/$name.c does not compile against the installed library"; status=1; return
    fi
    echo "\$ $name $*"
    if ! "$tmp/$name" "$@"; then
        echo "FAIL: examples/$name exited with an error"; status=1
    fi
}
run trajectory scud-b
run engagement "$src/scenarios/iran-europe-small.yaml"
run footprint "$src/scenarios/russia-us-icbm.yaml" 12
# The installed bmdsim runs from the prefix (RPATH $ORIGIN/../lib...).
"$prefix/bin/bmdsim" --version >/dev/null || { echo "FAIL: the installed bmdsim does not run"; status=1; }
# CMake package: find_package(bmd) and link bmd::bmd
mkdir -p "$tmp/cm"
cat >"$tmp/cm/CMakeLists.txt" <<CM
cmake_minimum_required(VERSION 3.18)
project(bmd_example C)
find_package(bmd 0.1 REQUIRED)
add_executable(trajectory $src/examples/trajectory.c)
target_link_libraries(trajectory PRIVATE bmd::bmd)
CM
if cmake -S "$tmp/cm" -B "$tmp/cm/build" -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_C_COMPILER="$cc" \
       -DCMAKE_C_FLAGS="$extra" >"$tmp/cm.log" 2>&1 &&
   cmake --build "$tmp/cm/build" >>"$tmp/cm.log" 2>&1 && "$tmp/cm/build/trajectory" >/dev/null; then
    echo "find_package(bmd): example built and ran"
else
    cat "$tmp/cm.log"; echo "FAIL: find_package(bmd) example"; status=1
fi
[ $status -eq 0 ] && echo "examples: all built against the installed library and ran"
exit $status
