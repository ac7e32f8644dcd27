#!/usr/bin/env bash
# bmdsim footprint: outputs, bit-identical results for 1 and 2 threads, contours, bad grids (exit 2).
set -u
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
scn=$here/../scenarios/russia-us-icbm.yaml
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
check() { if ! eval "$2"; then echo "FAIL: $1" >&2; fail=1; fi; }

grid=44,56,5,35,3
"$bin" footprint "$scn" --grid $grid --threads 1 --quiet --csv "$tmp/a.csv" --geojson "$tmp/a.geojson" --kml "$tmp/a.kml" --json >"$tmp/a.json"
check "footprint runs" '[ $? -eq 0 ]'
"$bin" footprint "$scn" --grid $grid --threads 2 --quiet --csv "$tmp/b.csv" >/dev/null
check "1 and 2 threads give identical CSV" 'cmp -s "$tmp/a.csv" "$tmp/b.csv"'
check "CSV header" 'head -1 "$tmp/a.csv" | grep -q "^launch,launch_lat_deg,launch_lon_deg,point,lat_deg,lon_deg,reachable,status,shot_opportunities"'
check "CSV has 5 x 11 rows" '[ $(($(wc -l <"$tmp/a.csv") - 1)) -eq 55 ]'
check "some cell is covered" 'awk -F, "NR>1 && \$9>=1" "$tmp/a.csv" | grep -q .'
check "JSON summary" 'grep -q "\"covered_area_km2_1_shot\"" "$tmp/a.json" && grep -q "\"run_time_s\"" "$tmp/a.json"'
check "GeoJSON polygons" 'grep -q "\"Polygon\"" "$tmp/a.geojson"'
# the polygons contain exactly the covered cells (even-odd test of every cell centre)
python3 - "$tmp/a.csv" "$tmp/a.geojson" <<'PY' || fail=1
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1])))
feats = [f for f in json.load(open(sys.argv[2]))["features"] if f["geometry"]["type"] in ("Polygon", "MultiPolygon")]
def inside(ring, x, y):
    c = False
    for i in range(len(ring) - 1):
        (x1, y1), (x2, y2) = ring[i][:2], ring[i + 1][:2]
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            c = not c
    return c
for level in (1, 2):
    polys = [f for f in feats if f["properties"].get("min_shots") == level]
    for r in rows:
        x, y = float(r["lon_deg"]), float(r["lat_deg"])
        n = 0
        for f in polys:
            g = f["geometry"]
            parts = [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]
            n += sum(inside(p[0], x, y) for p in parts)
        want = 1 if int(r["shot_opportunities"]) >= level else 0
        if n != want:
            print("FAIL: cell %s,%s level %d in %d polygons, want %d" % (y, x, level, n, want), file=sys.stderr)
            sys.exit(1)
PY

# KML: well-formed XML (xmllint), KML 2.2 namespace, and the same sites and regions as the GeoJSON
# (one Placemark per feature, same names; each region a Polygon with a closed ring)
if command -v xmllint >/dev/null; then
    check "KML is well-formed XML" 'xmllint --noout "$tmp/a.kml"'
fi
python3 - "$tmp/a.geojson" "$tmp/a.kml" <<'PY' || fail=1
import json, sys, xml.etree.ElementTree as ET
ns = {"k": "http://www.opengis.net/kml/2.2"}
gj = json.load(open(sys.argv[1]))["features"]
root = ET.parse(sys.argv[2]).getroot()
if root.tag != "{http://www.opengis.net/kml/2.2}kml":
    sys.exit("FAIL: KML root is %s" % root.tag)
marks = [p for p in root.iter("{%s}Placemark" % ns["k"])]
geo = [p for p in marks if p.find("k:Point", ns) is not None or p.find("k:Polygon", ns) is not None
       or p.find(".//k:Polygon", ns) is not None]
polys = [p for p in marks if p.find(".//k:Polygon", ns) is not None]
names = lambda ps: sorted(p.findtext("k:name", "", ns) for p in ps)
gj_polys = [f for f in gj if f["geometry"]["type"] in ("Polygon", "MultiPolygon")]
if not polys or names(polys) != sorted(f["properties"]["name"] for f in gj_polys):
    sys.exit("FAIL: KML regions %s differ from the GeoJSON's" % names(polys))
if names(geo) != sorted(f["properties"]["name"] for f in gj):
    sys.exit("FAIL: KML placemarks %s differ from the GeoJSON features" % names(geo))
for p in polys:
    for c in p.iter("{%s}coordinates" % ns["k"]):
        pts = c.text.split()
        if len(pts) < 4 or pts[0] != pts[-1]:
            sys.exit("FAIL: ring of %s is not closed" % p.findtext("k:name", "", ns))
if not any(p.find(".//k:Point", ns) is not None for p in marks):
    sys.exit("FAIL: no site Points in the KML")
PY
"$bin" footprint "$scn" --grid 50,52,20,22,1 --kml /nonexistent-dir/x.kml --quiet >/dev/null 2>"$tmp/e0"; st=$?
check "--kml into a missing directory fails naming the file" '[ $st -ne 0 ] && grep -q "x.kml" "$tmp/e0"'
check "no temporary file left" '[ -z "$(ls "$tmp" | grep "\.tmp\.")" ]'

# bad grids: exit status 2 and a clear message
"$bin" footprint "$scn" --grid 50,40,0,10,1 --quiet 2>"$tmp/e1"; st=$?
check "south above north exits 2" '[ $st -eq 2 ] && grep -q "south" "$tmp/e1"'
"$bin" footprint "$scn" --grid 40,50,0,10,0 --quiet 2>"$tmp/e2"; st=$?
check "zero step exits 2" '[ $st -eq 2 ] && grep -q "step" "$tmp/e2"'
"$bin" footprint "$scn" --grid 0,60,0,60,0.01 --quiet 2>"$tmp/e3"; st=$?
check "cap exits 2 with the count and the cap" '[ $st -eq 2 ] && grep -q "36012001 cells" "$tmp/e3" && grep -q "4000000" "$tmp/e3"'
"$bin" footprint "$scn" --grid 40,41,0,1,0.5 --max-cells 3 --quiet 2>"$tmp/e4"; st=$?
check "--max-cells lowers the cap" '[ $st -eq 2 ] && grep -q "cap of 3 cells" "$tmp/e4"'
"$bin" footprint "$scn" --grid nowhere --quiet 2>"$tmp/e5"; st=$?
check "unknown grid exits 2" '[ $st -eq 2 ] && grep -q "neither" "$tmp/e5"'
"$bin" footprint "$scn" --grid 40,50,0,10,1 --mode sideways --quiet 2>/dev/null; st=$?
check "unknown mode exits 2" '[ $st -eq 2 ]'

# a points file and the launch-area mode
printf '# lat,lon,name\n50,20,a\n52,24,b\n' >"$tmp/pts.txt"
"$bin" footprint "$scn" --grid "$tmp/pts.txt" --quiet --csv "$tmp/p.csv" >/dev/null
check "points file" '[ $? -eq 0 ] && grep -q ",a," "$tmp/p.csv" && grep -q ",b," "$tmp/p.csv"'
"$bin" footprint "$scn" --grid "$tmp/pts.txt" --quiet --kml "$tmp/p.kml" >/dev/null 2>"$tmp/e6"; st=$?
check "--kml needs a box grid (exit 2, no file)" '[ $st -eq 2 ] && grep -q "kml needs a box grid" "$tmp/e6" && [ ! -e "$tmp/p.kml" ]'
"$bin" footprint "$scn" --mode launch-area --target washington --grid 50,58,30,40,4 --quiet --csv "$tmp/l.csv" >/dev/null
check "launch-area mode" '[ $? -eq 0 ] && head -1 "$tmp/l.csv" | grep -q "^target,"'
"$bin" footprint "$scn" --mode exposure --quiet --json >"$tmp/x.json"
check "exposure mode with required speeds" '[ $? -eq 0 ] && grep -q "required_speed_min_km_s" "$tmp/x.json"'

# every exported feature names the engagement rules its verdicts rest on (issue 10 item 3)
"$bin" footprint "$scn" --grid 50,54,15,25,1 --quiet --launch-on burnout --geojson "$tmp/r.geojson" --kml "$tmp/r.kml" >/dev/null
check "GeoJSON and KML features state the launch-on setting, delays and radar requirement" \
    '[ $? -eq 0 ] && python3 -c "import json,sys; f=json.load(open(sys.argv[1]))[\"features\"]; sys.exit(not f or any(x[\"properties\"].get(\"launch_on\")!=\"burnout\" or \"track_delay_s\" not in x[\"properties\"] or \"fcr_required_at_intercept\" not in x[\"properties\"] for x in f))" "$tmp/r.geojson" && grep -q "launch_on" "$tmp/r.kml" && grep -q "burnout" "$tmp/r.kml"'

# Ctrl-C: no output file (a grid long enough to be interrupted at 3 s on an idle machine)
"$bin" footprint "$scn" --grid 30,60,0,40,0.25 --quiet --csv "$tmp/int.csv" >/dev/null 2>"$tmp/int.err" &
pid=$!
sleep 3
kill -INT $pid
wait $pid; st=$?
check "SIGINT exits 130 without output" '[ $st -eq 130 ] && [ ! -e "$tmp/int.csv" ] && grep -q interrupted "$tmp/int.err" && [ -z "$(ls "$tmp" | grep "^int.csv")" ]'
exit $fail
