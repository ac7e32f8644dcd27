#!/usr/bin/env bash
# Every polygon the default report exports (bmdsim report scenarios/europe.yaml, as demo.sh runs
# it) is valid under GEOS, checked with Debian's python3-shapely: before issue 13 the Fylingdales
# radar fan around the North Pole was cut into two polygons sharing an edge, and footprint rings
# touched themselves at a corner (both rejected by GEOS, PostGIS ST_IsValid and QGIS). Every JSON
# object of the GeoJSON also has unique keys (the track's range_km and apogee_km were repeated).
# Usage: cli_report_exports_valid.sh PATH/TO/bmdsim
set -u
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib/cli_assert.sh"
export BMD_DATA_DIR=${BMD_DATA_DIR:-$here/../data}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Debian's interpreter (where python3-shapely lives), whatever python3 comes first on PATH
py=/usr/bin/python3
[ -x "$py" ] || py=python3
if ! "$py" -c 'import shapely' 2>/dev/null; then
    echo "FAIL: python3-shapely is not installed (apt-get install python3-shapely; scripts/deps.sh)" >&2
    exit 1
fi

"$bin" report "$here/../scenarios/europe.yaml" -o "$tmp/report.html" --quiet >/dev/null; rc=$?
check_text "default_report_exit" "$rc" "0"

out=$("$py" - "$tmp/report.geojson" <<'PY'
import json, sys
from shapely.geometry import shape
from shapely.validation import explain_validity
repeated = []
def unique_keys(pairs):
    keys = [k for k, _ in pairs]
    if len(keys) != len(set(keys)):
        repeated.append(sorted({k for k in keys if keys.count(k) > 1}))
    return dict(pairs)
g = json.load(open(sys.argv[1]), object_pairs_hook=unique_keys)
polygons = invalid = 0
for f in g["features"]:
    if f["geometry"]["type"] in ("Polygon", "MultiPolygon"):
        polygons += 1
        s = shape(f["geometry"])
        if not s.is_valid:
            invalid += 1
            print("invalid:", f["properties"].get("name"), explain_validity(s), file=sys.stderr)
print(polygons, invalid, len(repeated))
for r in repeated[:3]:
    print("repeated keys:", r, file=sys.stderr)
PY
)
read -r polygons invalid repeated <<<"$out"
holds "default_report_exports_polygons" "a >= 20" "${polygons:-0}"
check_text "every_exported_polygon_is_valid_under_geos" "${invalid:-x}" "0"
check_text "every_geojson_object_has_unique_keys" "${repeated:-x}" "0"

echo "cli_report_exports_valid: $pass passed, $fail failed ($polygons polygons)"
[ "$fail" -eq 0 ]
