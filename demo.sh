#!/usr/bin/env bash
# demo.sh — install dependencies, build, and run the default analysis: the European
# missile-defence deployments (scenarios/europe.yaml) as one HTML report, with its GeoJSON (QGIS)
# and KML (Google Earth) beside it. Extra arguments go to `bmdsim report` (e.g. --threads 1).
set -euo pipefail
cd "$(dirname "$0")"
. scripts/deps.sh
bmd_ensure_deps || exit $?
mkdir -p build
bmd_build build/release
bin=build/release/bmdsim
echo
echo "\$ bmdsim report scenarios/europe.yaml -o out/report.html $*"
start=$(date +%s)
"$bin" report scenarios/europe.yaml -o out/report.html "$@"
echo "  (also out/report.geojson and out/report.kml; $(( $(date +%s) - start )) s)"
echo "Open $(pwd)/out/report.html in a browser."
