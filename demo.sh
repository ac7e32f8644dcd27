#!/usr/bin/env bash
# demo.sh — install dependencies, build, and run the default analysis.
# Until the report exists (see the issues), it prints worked examples of analytic free flight.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/deps.sh
bmd_ensure_deps || exit $?
mkdir -p build
bmd_build build/release
bin=build/release/bmdsim
echo
echo "\$ bmdsim kepler --range 10000 --min-energy"
"$bin" kepler --range 10000 --min-energy
echo
echo "\$ bmdsim loft --apogee 2802 --range 933     # Hwasong-14, 4 July 2017"
"$bin" loft --apogee 2802 --range 933
