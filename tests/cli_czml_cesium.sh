#!/usr/bin/env bash
# The CZML of `engage --czml` loaded in CesiumJS (npm cesium, web/package-lock.json) in headless
# Chromium (puppeteer-core driving /usr/bin/chromium), offline: the viewer loads the file with no
# console error and no request off our local server, has one entity per non-document packet,
# interpolates each track to its first sample (the launch point for the threat, the defence site
# for the interceptor flyouts, within 1 m), reads the coverage ellipsoid with its sector, and draws
# a screenshot that is not blank (build/.../browser/czml.png); then the KML of the same run through
# Cesium's KmlDataSource (gx:Track read as time-sampled positions; build/.../browser/kml.png).
# With BMD_DOC_IMAGES=DIR both screenshots are also copied there as cesium.png and kml.png (the
# README's images: docs/img). Installs the npm
# packages into the build tree on first use (tests/browser/web_modules.sh); skips (77) only when
# node/npm or the registry are unreachable. Usage: cli_czml_cesium.sh PATH/TO/bmdsim
set -u
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/.." && pwd)
. "$here/lib/cli_assert.sh"
. "$here/browser/web_modules.sh"
bin_dir=$(cd "$(dirname "$bin")" && pwd)
bmd_web_modules "$src" "$bin_dir"; rc=$?
[ $rc -eq 0 ] || exit $rc
chromium=$(bmd_chromium) || { echo "SKIP: no chromium (scripts/deps.sh test list)"; exit 77; }
shots=$bin_dir/browser; mkdir -p "$shots"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

"$bin" engage --missile shahab-3-class --from 35.5,51 --to 37.5,41.5 --site 37.5,41.5 \
    --interceptor thaad --radar an-tpy-2-fbm --radar-at 38.3,37.8 --no-required-speed \
    --czml "$tmp/e.czml" >/dev/null && ok || bad "engage --czml"
out=$(cd "$here/browser" && timeout 600 node czml_view.js "$web_dir/node_modules" "$tmp/e.czml" \
      "$shots/czml.png" "$chromium" 0.62); rc=$?
[ $rc -eq 0 ] && ok || bad "czml_view.js exit $rc"
python3 - "$out" <<'PY' && ok || bad "Cesium view of the CZML: $out"
import json, sys
v = json.loads(sys.argv[1])
assert v["errors"] == [], v["errors"]
assert v["offsite"] == [], v["offsite"]
assert v["entities"] == v["packets"] - 1 == 10, (v["entities"], v["packets"])
t = {x["name"]: x for x in v["tracks"]}
assert set(t) == {"shahab-3-class", "thaad to the earliest intercept", "thaad to the latest intercept"}, t
for name, (lon, lat) in (("shahab-3-class", (51, 35.5)), ("thaad to the earliest intercept", (41.5, 37.5)),
                         ("thaad to the latest intercept", (41.5, 37.5))):
    # 1e-5 deg is about 1 m; heights of the site and the launch point are 0
    assert abs(t[name]["lon"] - lon) < 1e-5 and abs(t[name]["lat"] - lat) < 1e-5 and abs(t[name]["height"]) < 1, t[name]
e = v["ellipsoids"]
assert len(e) == 1 and e[0]["radius"] > 1e5 and e[0]["maximumClock"] > e[0]["minimumClock"], e
PY
# not blank: a picture of the globe has many colours and spread (a blank or black canvas has ~1)
stats=$(python3 "$here/png_stats.py" "$shots/czml.png")
holds screenshot_is_not_blank "a > 200 && b > 30" "$(json_field "$stats" colours)" "$(json_field "$stats" stddev)"

# The KML of the same engagement read by a second KML consumer (Cesium's KmlDataSource, which
# turns each gx:Track into positions sampled in time): three time-stamped tracks starting where
# they should, no console error, no request off the local server (the site style's Google icon is
# answered locally with a 1x1 PNG).
"$bin" engage --missile shahab-3-class --from 35.5,51 --to 37.5,41.5 --site 37.5,41.5 \
    --interceptor thaad --radar an-tpy-2-fbm --radar-at 38.3,37.8 --no-required-speed \
    --kml "$tmp/e.kml" >/dev/null && ok || bad "engage --kml"
out=$(cd "$here/browser" && timeout 600 node czml_view.js "$web_dir/node_modules" "$tmp/e.kml" \
      "$shots/kml.png" "$chromium" 0.62); rc=$?
[ $rc -eq 0 ] && ok || bad "czml_view.js (KML) exit $rc"
python3 - "$out" <<'PY' && ok || bad "Cesium view of the KML: $out"
import json, sys
v = json.loads(sys.argv[1])
assert v["errors"] == [] and v["offsite"] == [], (v["errors"], v["offsite"])
t = {x["name"]: x for x in v["tracks"]}
want = {"shahab-3-class in time": (51, 35.5), "thaad to the earliest intercept in time": (41.5, 37.5),
        "thaad to the latest intercept in time": (41.5, 37.5)}
assert set(want) <= set(t) and v["packets"] == 3, (sorted(t), v["packets"])
for name, (lon, lat) in want.items():
    assert abs(t[name]["lon"] - lon) < 1e-5 and abs(t[name]["lat"] - lat) < 1e-5, t[name]
PY
stats=$(python3 "$here/png_stats.py" "$shots/kml.png")
holds kml_screenshot_is_not_blank "a > 200 && b > 30" "$(json_field "$stats" colours)" "$(json_field "$stats" stddev)"
if [ -n "${BMD_DOC_IMAGES:-}" ] && [ "$fail" -eq 0 ]; then
    cp "$shots/czml.png" "$BMD_DOC_IMAGES/cesium.png" && cp "$shots/kml.png" "$BMD_DOC_IMAGES/kml.png" && ok || bad "copy to $BMD_DOC_IMAGES"
fi
echo "cli_czml_cesium: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
