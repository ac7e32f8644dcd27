#!/usr/bin/env bash
# Units in the HTML report (issue 15 item 7): `bmdsim report --units imperial|nautical` shows the
# same numbers as the metric page converted through the one table (bmd/unit_system.h: 1 mi =
# 1.609344 km, 1 nmi = 1.852 km, 1 kn = 1.852 km/h, exact), states its unit system, and writes
# byte-identical GeoJSON, KML and CZML whatever --units says (the exports stay SI).
# Usage: cli_report_units.sh PATH/TO/bmdsim
set -u
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/.." && pwd)
. "$here/lib/cli_assert.sh"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
scn=$src/scenarios/russia-us-icbm.yaml
fast=(--no-required-speed --footprint-cells 40 --quiet)

# a stand-in Leaflet (the page only inlines its text) so that the map's data and glue are written
mkdir -p "$tmp/leaflet"; echo "/* stand-in for Leaflet: L.version */" >"$tmp/leaflet/leaflet.js"; echo ".leaflet-container{}" >"$tmp/leaflet/leaflet.css"
for u in metric imperial nautical; do
    "$bin" report "$scn" -o "$tmp/$u/r.html" "${fast[@]}" --units "$u" --leaflet-dir "$tmp/leaflet" \
        >/dev/null 2>"$tmp/$u.err" && ok || bad "report --units $u: $(cat "$tmp/$u.err")"
done
expect_usage_error bad_units_are_refused "furlongs" report "$scn" -o "$tmp/x/r.html" --units furlongs

# the page states its units
for u in metric imperial nautical; do
    grep -q "data-units=\"$u\"" "$tmp/$u/r.html" && ok || bad "the $u page does not state its units"
done
grep -q -- "--units imperial" "$tmp/imperial/r.html" && ok || bad "the imperial page's command lacks --units"
# the figures' axes follow: altitude plots in mi and nmi, the metric one in km
grep -q ">ground range (km)<" "$tmp/metric/r.html" && ok || bad "metric altitude plot axis"
grep -q ">ground range (mi)<" "$tmp/imperial/r.html" && ok || bad "imperial altitude plot axis"
grep -q ">altitude (nmi)<" "$tmp/nautical/r.html" && ok || bad "nautical altitude plot axis"

# the exports are the same bytes
for ext in geojson kml czml; do
    for u in imperial nautical; do
        cmp -s "$tmp/metric/r.$ext" "$tmp/$u/r.$ext" && ok || bad "r.$ext differs between metric and $u"
    done
done

# The numbers: every apogee in the findings ("peaking at N UNIT altitude"), every burnout speed
# of the sites table, every threat's ground range in the findings ("flies N UNIT") and every
# footprint's covered area ("Covered: N UNIT"), metric
# against converted. A shown value v with d decimals stands for [v - 0.5 10^-d, v + 0.5 10^-d],
# so |converted - f metric| <= 0.5 10^-d_conv + 0.5 10^-d_metric f, printed on failure.
python3 - "$tmp" <<'PY' && ok || bad "converted report numbers (above)"
import re, sys
tmp = sys.argv[1]
pages = {u: open(f"{tmp}/{u}/r.html", encoding="utf-8").read() for u in ("metric", "imperial", "nautical")}
factor = {("km", "mi"): 1 / 1.609344, ("km", "nmi"): 1 / 1.852,
          ("km/s", "mi/s"): 1 / 1.609344, ("km/s", "kn"): 3600 / 1.852,
          ("km²", "mi²"): 1 / 1.609344 ** 2, ("km²", "nmi²"): 1 / 1.852 ** 2}
pats = {
    "apogee": r"peaking at ([\d,.]+) (km|mi|nmi) altitude",
    "flies": r"flies ([\d,.]+) (km|mi|nmi)[ .(]",
    "burnout speed": r"<td class=\"n\">([\d,.]+) (km/s|mi/s|kn)</td>",
    "covered area": r"Covered: ([\d,.]+) (km²|mi²|nmi²)",
}
def dec(s): return len(s.split(".")[1]) if "." in s else 0
bad = 0; n = 0
for what, pat in pats.items():
    base = re.findall(pat, pages["metric"])
    if not base:
        print(f"no {what} found in the metric page"); bad += 1; continue
    for u in ("imperial", "nautical"):
        conv = re.findall(pat, pages[u])
        if len(conv) != len(base):
            print(f"{what}: {len(base)} metric values, {len(conv)} {u}"); bad += 1; continue
        for (mv, mu), (cv, cu) in zip(base, conv):
            f = factor.get((mu, cu))
            if f is None:
                print(f"{what}: {mu} in metric, {cu} in {u}"); bad += 1; continue
            m, c = float(mv.replace(",", "")), float(cv.replace(",", ""))
            tol = 0.5 * 10 ** -dec(cv) + 0.5 * 10 ** -dec(mv) * f + 1e-9
            n += 1
            if abs(c - f * m) > tol:
                print(f"{what} ({u}): expected {f * m:.4f} {cu} (= {mv} {mu} converted) +/- {tol:.4f}, got {cv} {cu}")
                bad += 1
print(f"{n} converted values compared")
sys.exit(1 if bad or n < 6 else 0)
PY

# The interactive map's popups: the page's data carries the conversions of the same table, and
# the glue's show() turns a GeoJSON key in SI (apogee_km) into the page's unit (node, when there).
if command -v node >/dev/null; then
    for u in imperial nautical metric; do
        node - "$tmp/$u/r.html" "$u" <<'JS' && ok || bad "map popups in $u (above)"
const fs = require("fs");
const [html, u] = process.argv.slice(2);
const page = fs.readFileSync(html, "utf8");
const D = JSON.parse(page.match(/id="bmd-map-data">([\s\S]*?)<\/script>/)[1]);
const code = page.match(/var U = [\s\S]*?\n};\n/)[0];
const value = (v) => v;
const show = new Function("D", "value", code + "return show;")(D, value);
const want = {metric: [1, "apogee_km"], imperial: [1 / 1.609344, "apogee (mi)"],
              nautical: [1 / 1.852, "apogee (nmi)"]}[u];
let n = 0, bad = 0;
for (const f of D.scenario.features) {
    const a = (f.properties || {}).apogee_km;
    if (typeof a !== "number") continue;
    const [k, v] = show("apogee_km", a);
    n++;
    if (D.units.system !== u || k !== want[1] || Math.abs(v - a * want[0]) > 1e-5 * a * want[0]) {
        console.log(`${u}: apogee_km ${a} shown as ${k} ${v}, expected ${want[1]} ${a * want[0]}`);
        bad++;
    }
}
if (!n) { console.log("no apogee_km in the map data"); bad++; }
process.exit(bad ? 1 : 0);
JS
    done
fi

echo "cli_report_units: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
