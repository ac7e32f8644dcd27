#!/usr/bin/env bash
# Command-line tests of the CZML export (CesiumJS): `trajectory --czml`, `engage --czml` and the
# report's report.czml. Strict JSON (tests/lib/json_strict.py: unique keys), the document packet
# with the epoch assumption and a clock over the flights, positions sampled in time that match the
# KML's gx:Track, the radar coverage volume with the sector's clock angles, intercept points at the
# JSON's numbers. Loading in CesiumJS: tests/cli_czml_cesium.sh. Usage: cli_czml.sh PATH/TO/bmdsim
set -u
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib/cli_assert.sh"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

js=$("$bin" engage --missile shahab-3-class --from 35.5,51 --to 37.5,41.5 --site 37.5,41.5 \
     --interceptor thaad --radar an-tpy-2-fbm --radar-at 38.3,37.8 --no-required-speed --json \
     --czml "$tmp/e.czml" --kml "$tmp/e.kml" --geojson "$tmp/e.geojson" --epoch 2027-03-04T05:06:07Z); rc=$?
[ $rc -eq 0 ] && ok || bad "engage --czml exit $rc"
python3 "$here/lib/json_strict.py" "$tmp/e.czml" && ok || bad "engage CZML is not strict JSON"
python3 - "$tmp/e.czml" "$tmp/e.kml" "$tmp/e.geojson" "$(json_field "$js" earliest_intercept_lat_deg)" \
    "$(json_field "$js" earliest_intercept_lon_deg)" <<'PY' && ok || bad "engage CZML content"
import datetime as d, json, math, sys, xml.etree.ElementTree as ET
cz = json.load(open(sys.argv[1]))
def need(c, what):
    if not c:
        sys.exit("cli_czml: " + what)
doc = cz[0]
need(doc["id"] == "document" and doc["version"] == "1.0", "document packet first")
need("assumed epoch 2027-03-04T05:06:07Z" in doc["description"], "epoch assumption stated")
ids = [p["id"] for p in cz]
need(len(ids) == len(set(ids)), "packet ids unique")
by = {p.get("name"): p for p in cz[1:]}
gj = {f["properties"]["name"] for f in json.load(open(sys.argv[3]))["features"]}
need(set(by) == gj, "one packet per GeoJSON feature: %s vs %s" % (sorted(by), sorted(gj)))
iso = lambda s: d.datetime.fromisoformat(s.replace("Z", "+00:00"))
epoch = iso("2027-03-04T05:06:07Z")
start, stop = (iso(s) for s in doc["clock"]["interval"].split("/"))
need(start == epoch, "clock starts at launch")
# tracks: samples = the KML gx:Track (same times and points), availability = first/last sample
K, G = "{http://www.opengis.net/kml/2.2}", "{http://www.google.com/kml/ext/2.2}"
kml = {}
for pm in ET.parse(sys.argv[2]).getroot().iter(K + "Placemark"):
    tr = pm.find(G + "Track")
    if tr is not None:
        kml[pm.findtext(K + "name")[:-len(" in time")]] = (
            [iso(w.text) for w in tr.findall(K + "when")],
            [tuple(map(float, c.text.split())) for c in tr.findall(G + "coord")])
tracks = [p for p in cz if "availability" in p]
need(len(tracks) == 3 and set(p["name"] for p in tracks) == set(kml), "three tracks as in the KML")
for p in tracks:
    pos = p["position"]
    need(iso(pos["epoch"]) == epoch, "position epoch")
    s = pos["cartographicDegrees"]
    need(len(s) % 4 == 0, "samples of 4 numbers")
    t = s[0::4]
    need(all(b > a for a, b in zip(t, t[1:])), "sample times increase")
    when, coord = kml[p["name"]]
    need(len(when) == len(t), "%s: %d samples, KML %d" % (p["name"], len(t), len(when)))
    for i in range(len(t)):
        need(abs((when[i] - epoch).total_seconds() - t[i]) < 1e-3, "time %d" % i)
        need(all(abs(a - b) < 1e-6 for a, b in zip(coord[i][:2], s[4 * i + 1:4 * i + 3])), "point %d" % i)
    a0, a1 = (iso(x) for x in p["availability"].split("/"))
    need(abs((a0 - epoch).total_seconds() - t[0]) < 1e-3 and abs((a1 - epoch).total_seconds() - t[-1]) < 1e-3,
         "availability spans the samples")
    need(start <= a0 and a1 <= stop, "clock covers %s" % p["name"])
# intercept point at the JSON's earliest intercept (3 decimals: 0.0005 deg)
e = by["earliest intercept of shahab-3-class from defence site"]["position"]["cartographicDegrees"]
need(abs(e[1] - float(sys.argv[4])) < 5e-4 and abs(e[0] - float(sys.argv[5])) < 5e-4, "intercept point")
need("closing_speed_km_s" in by["earliest intercept of shahab-3-class from defence site"]["description"],
     "intercept numbers in the description")
# coverage volume: a sphere cut to the sector. The sector is centred on the boresight, which
# defaults to the azimuth from the radar toward --from (35.5N 51E); clock c points to azimuth
# 90 deg - c (east-north-up frame), so the mid clock is 90 deg minus that azimuth (spherical
# azimuth: within 0.5 deg of the ellipsoidal one at this distance).
cov = by["defence site an-tpy-2-fbm"]
el = cov["ellipsoid"]
r = el["radii"]["cartesian"]
need(r[0] == r[1] == r[2] > 0 and abs(el["maximumCone"] - math.pi / 2) < 1e-9, "hemisphere")
lat1, lon1, lat2, lon2 = map(math.radians, (38.3, 37.8, 35.5, 51))
az = math.atan2(math.sin(lon2 - lon1) * math.cos(lat2),
                math.cos(lat1) * math.sin(lat2) - math.sin(lat1) * math.cos(lat2) * math.cos(lon2 - lon1))
mid = (el["minimumClock"] + el["maximumClock"]) / 2
diff = (math.degrees(math.pi / 2 - mid - az) + 180) % 360 - 180
need(abs(diff) < 0.5, "sector centred on the boresight: off by %.2f deg" % diff)
PY

# trajectory --czml: the default epoch, one track and the two sites
"$bin" trajectory --missile scud-b --from 39,125 --to 40.5,127 --czml "$tmp/t.czml" >/dev/null && ok || bad "trajectory --czml"
python3 "$here/lib/json_strict.py" "$tmp/t.czml" && ok || bad "trajectory CZML strict JSON"
python3 -c "
import json,sys; c=json.load(open(sys.argv[1]))
assert c[0]['clock']['interval'].startswith('2026-01-01T00:00:00Z/'), c[0]['clock']
assert sorted(p['name'] for p in c[1:]) == ['launch', 'scud-b', 'target'], [p['name'] for p in c]
" "$tmp/t.czml" && ok || bad "trajectory CZML content"
# all-or-nothing: a CZML path in a missing folder -> exit 2, no KML either
expect_usage_error czml_in_missing_folder "x.czml" trajectory --missile scud-b --from 39,125 \
    --to 40.5,127 --kml "$tmp/y.kml" --czml "$tmp/missing/x.czml"
[ ! -e "$tmp/y.kml" ] && ok || bad "KML written although the CZML could not be"
echo "cli_czml: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
