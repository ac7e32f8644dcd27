#!/usr/bin/env bash
# Command-line tests of `bmdsim report SCENARIO.yaml -o FILE.html`: the HTML, GeoJSON and KML are
# written (the directory created), the summary is printed; the GeoJSON keeps the RFC 7946 rules
# (lon/lat order and ranges, closed counterclockwise rings, no crs); the KML parses as XML with
# the structure Google Earth expects; a headless Chromium screenshot of the report is not blank
# and shows the map (pixel statistics of the map's region: land, sea and coverage colours).
# The screenshot part is skipped (and said so) when Debian's chromium is not installed.
# Usage: cli_report.sh PATH/TO/bmdsim
set -u
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
export BMD_DATA_DIR=${BMD_DATA_DIR:-$here/../data}
. "$(dirname "$0")/lib/cli_assert.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

out=$("$bin" report "$here/../scenarios/russia-us-icbm.yaml" -o "$tmp/out/report.html" --no-required-speed); rc=$?
[ $rc -eq 0 ] && ok || bad "report exit $rc"
for f in report.html report.geojson report.kml report.czml; do
    [ -s "$tmp/out/$f" ] && ok || bad "$f not written"
done
# The path and three summary lines.
[ "$(printf '%s\n' "$out" | wc -l)" -eq 4 ] && ok || bad "expected 4 lines of output: $out"
case "$out" in "wrote $tmp/out/report.html"*) ok ;; *) bad "first line: $out" ;; esac
# No temporary files left beside the outputs (atomic writes): HTML, GeoJSON, KML, CZML.
[ "$(ls -A "$tmp/out" | wc -l)" -eq 4 ] && ok || bad "stray files: $(ls -A "$tmp/out")"

python3 - "$tmp/out/report.geojson" "$tmp/out/report.kml" <<'EOF' && ok || bad "GeoJSON / KML structure"
import json, sys
import xml.etree.ElementTree as ET
g = json.load(open(sys.argv[1]))
assert g["type"] == "FeatureCollection" and "crs" not in g          # RFC 7946 sec. 4
def positions(geom):
    t, c = geom["type"], geom["coordinates"]
    if t == "Point": return [c]
    if t in ("LineString",): return c
    if t in ("Polygon", "MultiLineString"): return [p for r in c for p in r]
    if t == "MultiPolygon": return [p for poly in c for r in poly for p in r]
    raise AssertionError(t)
def ring_area(r):  # shoelace in lon/lat: > 0 counterclockwise
    return sum(r[i][0] * r[i + 1][1] - r[i + 1][0] * r[i][1] for i in range(len(r) - 1)) / 2
kinds = set()
for f in g["features"]:
    assert f["type"] == "Feature" and "name" in f["properties"] and "kind" in f["properties"]
    geom = f["geometry"]; kinds.add(geom["type"])
    for p in positions(geom):
        assert -180 <= p[0] <= 180 and -90 <= p[1] <= 90, p     # longitude first (sec. 3.1.1)
    if geom["type"] == "LineString":
        assert all(len(p) == 3 for p in geom["coordinates"])    # altitude in metres
        assert max(p[2] for p in geom["coordinates"]) > 100e3   # an ICBM climbs above 100 km
    polys = [geom["coordinates"]] if geom["type"] == "Polygon" else (geom["coordinates"] if geom["type"] == "MultiPolygon" else [])
    for poly in polys:
        for k, r in enumerate(poly):
            assert len(r) >= 4 and r[0] == r[-1], "ring not closed"          # sec. 3.1.6
            assert (ring_area(r) > 0) == (k == 0), "right-hand rule"        # exterior ccw
assert {"Point", "LineString", "Polygon"} <= kinds, kinds
ns = {"k": "http://www.opengis.net/kml/2.2"}
root = ET.parse(sys.argv[2]).getroot()
assert root.tag == "{http://www.opengis.net/kml/2.2}kml"
doc = root.find("k:Document", ns)
assert doc is not None and doc.find("k:name", ns) is not None
styles = {s.get("id") for s in doc.findall("k:Style", ns)}
folders = [f.find("k:name", ns).text for f in doc.findall("k:Folder", ns)]
assert "Legend" in folders and "Trajectories" in folders and "Sites" in folders, folders
for pm in doc.iter("{http://www.opengis.net/kml/2.2}Placemark"):
    su = pm.find("k:styleUrl", ns)
    assert su is None or su.text[1:] in styles, su.text
for ls in doc.iter("{http://www.opengis.net/kml/2.2}LineString"):
    assert ls.find("k:altitudeMode", ns).text == "absolute"
    for tup in ls.find("k:coordinates", ns).text.split():
        lon, lat, alt = map(float, tup.split(","))
        assert -180 <= lon <= 180 and -90 <= lat <= 90
EOF

# Footprints (the scenario's grid europe-east, 55 cells): a section with a map and its statistics;
# the polygons are in the GeoJSON (RFC 7946 rules checked above for every polygon) and the KML, and
# the caption's covered area is the sum of the GeoJSON polygons' areas (engage on remote, >= 1 shot).
python3 - "$tmp/out/report.html" "$tmp/out/report.geojson" "$tmp/out/report.kml" <<'EOF' && ok || bad "footprint section / polygons"
import json, re, sys
html = open(sys.argv[1], encoding="utf-8").read()
sec = html[html.index('<h2 id="footprints">'):html.index("<h2>Parameters")]
fig = re.search(r'<figure id="footprint-1" class="footprint">(.*?)</figure>', sec, re.S).group(1)
assert "<svg" in fig and "Defended area: from kozelsk, aimed at europe-east" in fig
assert "\u2265 1 shot" in fig and "\u2265 2 shots" in fig                     # the legend
cap = re.search(r"<figcaption>(.*?)</figcaption>", fig, re.S).group(1)
assert "europe-east" in cap and "55 cells every 3 degrees" in cap, cap       # grid and step
assert "A cell is covered when" in cap, cap                                    # what covered means
m = re.search(r"Covered: ([0-9,]+) km² \(([0-9.]+)% of the ([0-9,]+) km² of the grid; ([0-9.]+)% of the cells\)", cap)
assert m, cap
covered_km2 = float(m.group(1).replace(",", ""))
# one plain-language line per footprint in the findings in brief
assert len(re.findall(r'<li class="finding">Against a [^<]* launched from kozelsk', html)) == 1
g = json.load(open(sys.argv[2]))
fp = [f for f in g["features"] if f["properties"].get("kind") == "footprint"]
assert fp and all(f["geometry"]["type"] in ("Polygon", "MultiPolygon") for f in fp)
assert {f["properties"]["min_shots"] for f in fp} <= {1, 2}
remote1 = sum(f["properties"]["area_km2"] for f in fp
              if f["properties"]["engage_on_remote"] == 1 and f["properties"]["min_shots"] == 1)
# polygon areas are rounded to 0.1 km2 each, the caption to 1 km2
assert abs(remote1 - covered_km2) <= 1 + 0.1 * len(fp), (remote1, covered_km2)
kml = open(sys.argv[3], encoding="utf-8").read()
assert "kozelsk x europe-east (remote, ir-track) &gt;= 1 shot" in kml   # the mode in the legend
EOF
"$bin" report "$here/../scenarios/russia-us-icbm.yaml" -o "$tmp/nofp/report.html" --no-required-speed --no-footprints >/dev/null 2>&1 \
    && ! grep -q 'id="footprints"' "$tmp/nofp/report.html" && ok || bad "--no-footprints still draws footprints"

# Bad input: one line on stderr, exit 2.
err=$("$bin" report "$here/../scenarios/russia-us-icbm.yaml" 2>&1 >/dev/null); rc=$?
[ $rc -eq 2 ] && [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] && ok || bad "missing -o: exit $rc: $err"
err=$("$bin" report "$tmp/none.yaml" -o "$tmp/x.html" 2>&1 >/dev/null); rc=$?
[ $rc -eq 2 ] && ok || bad "missing scenario: exit $rc: $err"
[ ! -e "$tmp/x.html" ] && ok || bad "a report was written for a missing scenario"

# The screenshot: Debian's chromium, headless, fresh profile, no network.
chrome=$(command -v chromium || true)
if [ -z "$chrome" ]; then
    echo "cli_report: chromium not installed; screenshot part skipped (scripts/deps.sh installs it)"
else
    "$chrome" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$tmp/profile" --screenshot="$tmp/shot.png" --window-size=1280,4000 \
        "file://$tmp/out/report.html" >/dev/null 2>&1
    [ -s "$tmp/shot.png" ] && ok || bad "no screenshot written"
    # Where is the map? Ask the page layout is not possible headless without scripting; the map is
    # the first figure, after the question and the summary: search its band for map colours.
    python3 - "$here/png_stats.py" "$tmp/shot.png" <<'EOF' && ok || bad "screenshot statistics"
import importlib.util, sys
spec = importlib.util.spec_from_file_location("png_stats", sys.argv[1])
m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
w, h, ch, rows = m.read_png(sys.argv[2])
assert (w, h) == (1280, 4000), (w, h)
whole = m.region_stats(w, h, ch, rows, 0, 0, w, h, 4)
# Not blank: a page of text, tables and figures has many colours and dark text.
assert whole["colours"] > 50 and whole["nonwhite_share"] > 0.15, whole
# The map: a 1000 x 720 figure somewhere in the first 2,400 px; look for a window where the sea
# (light blue) and land dominate and coverage green appears.
best = None
for y in range(300, 2400 - 700, 100):
    s = m.region_stats(w, h, ch, rows, 140, y, 1000, 700, 4)
    if best is None or s["blue_share"] + s["green_share"] > best[1]["blue_share"] + best[1]["green_share"]:
        best = (y, s)
y, s = best
assert s["nonwhite_share"] > 0.8, s          # a filled map, not page background
assert s["blue_share"] > 0.10, s             # the sea
assert s["colours"] > 40, s                  # land, borders, tracks, labels
print("map found at y = %d: %s" % (y, s))
EOF
fi

echo "cli_report: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
