#!/usr/bin/env bash
# demo.sh — install the build dependencies (not the test-only ones), build bmdsim (without tests
# and benchmarks, in build/demo), and run the default analysis: the European missile-defence
# deployments (scenarios/europe.yaml) as one HTML report, with its GeoJSON (QGIS)
# and KML (Google Earth) beside it. Extra arguments go to `bmdsim report` (e.g. --threads 1).
set -euo pipefail
cd "$(dirname "$0")"
. scripts/deps.sh
bmd_ensure_deps build || exit $?
mkdir -p build
# the demo needs neither the tests nor the benchmarks (nor their packages: cmocka, GSL, ...)
bmd_build build/demo -DBMD_BUILD_TESTS=OFF -DBMD_BUILD_BENCH=OFF
bin=build/demo/bmdsim
# Optional: Leaflet (npm leaflet, web/package-lock.json) for the report's interactive map, when npm
# is installed; without it the report keeps its static maps and says why it has none.
leaflet=()
if [ ! -f web/node_modules/leaflet/dist/leaflet.js ] && command -v npm >/dev/null; then
    npm ci --prefix web --omit=dev --no-audit --no-fund --ignore-scripts >/dev/null 2>&1 ||
        echo "(npm ci --prefix web failed: the report will have no interactive map)"
fi
[ -f web/node_modules/leaflet/dist/leaflet.js ] && leaflet=(--leaflet-dir web/node_modules/leaflet/dist)
echo
echo "\$ bmdsim report scenarios/europe.yaml -o out/report.html $*"
start=$(date +%s)
"$bin" report scenarios/europe.yaml -o out/report.html ${leaflet[@]+"${leaflet[@]}"} "$@"
echo "  (also out/report.geojson and out/report.kml; $(( $(date +%s) - start )) s)"
echo "Open $(pwd)/out/report.html in a browser."
