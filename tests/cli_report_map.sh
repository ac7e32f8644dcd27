#!/usr/bin/env bash
# The report's interactive map (issue 15 item 4): `bmdsim report --leaflet-dir DIR` inlines
# Leaflet (npm leaflet 1.9.4, web/package-lock.json) and our own GeoJSON layers into the one HTML
# file. Plain checks (no browser): no script, stylesheet or url() that points outside the file,
# and without Leaflet the page says why it has no interactive map; a bad --leaflet-dir is one
# line and exit 2. In headless Chromium (puppeteer-core driving /usr/bin/chromium,
# tests/browser/report_map.js): no console error, no request at all beyond the page, every layer
# of the control toggles (the number of drawn paths drops when it is unticked and comes back),
# hovering over a site shows its name and numbers and clicking it opens a popup with its numbers, and a
# screenshot of the map is not blank (build/.../browser/report-map.png; with
# BMD_DOC_IMAGES=DIR also copied there as report-map.png, the README's image). Installs the npm
# packages into the build tree on first use (tests/browser/web_modules.sh); skips (77) only when
# node/npm or the registry are unreachable. Usage: cli_report_map.sh PATH/TO/bmdsim
set -u
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/.." && pwd)
. "$here/lib/cli_assert.sh"
. "$here/browser/web_modules.sh"
bin_dir=$(cd "$(dirname "$bin")" && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
scn=$src/scenarios/russia-us-icbm.yaml
fast=(--no-required-speed --footprint-cells 80 --quiet)

# Without Leaflet: the page says why, and has no script at all.
mkdir -p "$tmp/empty"
BMD_LEAFLET_DIR= "$bin" report "$scn" -o "$tmp/plain/r.html" "${fast[@]}" --leaflet-dir "$tmp/empty" \
    >/dev/null 2>"$tmp/err"; rc=$?
holds bad_leaflet_dir_is_usage_error "a == 2" "$rc"
grep -q -- "--leaflet-dir $tmp/empty: no readable leaflet.js" "$tmp/err" && ok || bad "message: $(cat "$tmp/err")"
[ "$(wc -l <"$tmp/err")" -eq 1 ] && ok || bad "more than one line on stderr: $(cat "$tmp/err")"

bmd_web_modules "$src" "$bin_dir"; rc=$?
[ $rc -eq 0 ] || exit $rc
leaflet=$web_dir/node_modules/leaflet/dist
"$bin" report "$scn" -o "$tmp/map/r.html" "${fast[@]}" --leaflet-dir "$leaflet" >/dev/null && ok \
    || bad "report --leaflet-dir"
html=$tmp/map/r.html
python3 - "$html" <<'PY' && ok || bad "the HTML refers to something outside itself"
import re, sys
h = open(sys.argv[1], encoding="utf-8").read()
# one map, Leaflet inlined (its version string), our data and glue
assert h.count('id="bmd-map"') == 1 and 'id="bmd-map-data"' in h and "1.9.4" in h, "no map"
# nothing fetched: no src= or href= on script/link/img, no @import, no url() but data:
for tag in re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", h, re.I):
    assert not re.search(r"\b(?:src|href)\s*=", tag, re.I), tag
assert not re.search(r"@import", h), "@import"
urls = [u for u in re.findall(r"url\(\s*['\"]?([^)'\"]*)", h) if not u.startswith("data:") and not u.startswith("#")]
assert urls == [], urls[:5]
assert "sourceMappingURL" not in h, "source map comment"
assert not re.search(r"https?://[a-z0-9.-]*tile", h, re.I), "a tile server"
PY
# the same report without --leaflet-dir and with none installed says why
if [ ! -f "$bin_dir/share/bmd/leaflet/leaflet.js" ]; then
    "$bin" report "$scn" -o "$tmp/why/r.html" "${fast[@]}" >/dev/null && ok || bad "report without Leaflet"
    grep -q 'id="no-interactive-map".*npm ci --prefix web' "$tmp/why/r.html" && ok || bad "no reason given"
    ! grep -q "<script" "$tmp/why/r.html" && ok || bad "a script without Leaflet"
fi

chromium=$(bmd_chromium) || { echo "SKIP: no chromium (scripts/deps.sh test list)"; exit 77; }
shots=$bin_dir/browser; mkdir -p "$shots"
out=$(cd "$here/browser" && timeout 300 node report_map.js "$web_dir/node_modules" "$html" \
      "$shots/report-map.png" "$chromium"); rc=$?
[ $rc -eq 0 ] && ok || bad "report_map.js exit $rc"
python3 - "$out" <<'PY' && ok || bad "the interactive map in Chromium: $out"
import json, sys
v = json.loads(sys.argv[1])
assert v["errors"] == [], v["errors"]
assert v["requests"] == [], v["requests"]
names = [o["name"] for o in v["overlays"]]
for want in ("Land (Natural Earth)", "Borders (Natural Earth)", "Radar coverage", "Sites",
             "Tracks (threats and interceptors)"):
    assert want in names, (want, names)
assert any(n.startswith("Footprint:") for n in names), names
for o in v["overlays"]:
    # unticking removes its paths, ticking brings them back
    assert o["off"] < o["on"] and o["again"] == o["on"], o
# hover: the name, then its first numbers ("height_m: 0"); click: every property
assert v["tooltip"] and v["tooltip"].startswith(v["site"]) and ": " in v["tooltip"], (v.get("tooltip"), v.get("site"))
assert v["popup"] and v["site"] in v["popup"] and "kind" in v["popup"], v.get("popup")
PY
stats=$(python3 "$here/png_stats.py" "$shots/report-map.png")
holds map_screenshot_is_not_blank "a > 20 && b > 10" "$(json_field "$stats" colours)" "$(json_field "$stats" stddev)"
if [ -n "${BMD_DOC_IMAGES:-}" ] && [ "$fail" -eq 0 ]; then
    cp "$shots/report-map.png" "$BMD_DOC_IMAGES/report-map.png" && ok || bad "copy to $BMD_DOC_IMAGES"
fi
echo "cli_report_map: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
