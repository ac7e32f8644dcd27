#!/usr/bin/env bash
# Command-line tests of the time-stamped KML tracks (gx:Track, so Google Earth's time slider
# animates the flights): `trajectory --kml` and `engage --kml` (threat and the interceptor's flyout
# to each intercept point), with the epoch assumption (--epoch). The structure is checked by
# tests/lib/kml_track_check.py (why not xmllint --schema: see its docstring and docs); the static
# LineString output stays as it was. Usage: cli_kml_track.sh PATH/TO/bmdsim
set -u
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib/cli_assert.sh"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
chk="python3 $here/lib/kml_track_check.py"

# Trajectory: one gx:Track starting at the default epoch (2026-01-01T00:00:00Z, stated in the
# file) and lasting the flight time of the JSON (the last sample is the impact; 0.002 s: the
# JSON's 1 decimal is compared through flight_time_s with 0.05 s below).
js=$("$bin" trajectory --missile scud-b --from 39,125 --to 40.5,127 --interval 5 --json --kml "$tmp/t.kml"); rc=$?
[ $rc -eq 0 ] && ok || bad "trajectory --kml exit $rc"
xmllint --noout "$tmp/t.kml" 2>/dev/null && ok || bad "trajectory KML is not well formed"
$chk "$tmp/t.kml" --tracks 1 --epoch 2026-01-01T00:00:00Z && ok || bad "trajectory gx:Track structure"
grep -q 'assumed epoch 2026-01-01T00:00:00Z' "$tmp/t.kml" && ok || bad "the epoch assumption is not stated"
grep -q '<LineString><extrude>0</extrude>' "$tmp/t.kml" && ok || bad "the static LineString is gone"
ft=$(json_field "$js" flight_time_s)
last=$(grep -o '<when>[^<]*</when>' "$tmp/t.kml" | tail -1 | sed 's/<[^>]*>//g')
dur=$(python3 -c "import datetime as d,sys; print((d.datetime.fromisoformat(sys.argv[1].replace('Z','+00:00'))-d.datetime(2026,1,1,tzinfo=d.timezone.utc)).total_seconds())" "$last")
check track_lasts_the_flight_time "$dur" "$ft" 0.05 "JSON flight_time_s, 1 decimal"
# One <when> per kept sample: 5 s steps plus the events -> at least flight_time / 5 samples.
n=$(grep -o '<when>' "$tmp/t.kml" | wc -l)
holds samples_every_5_s_or_more "a >= b / 5" "$n" "$ft"

# --epoch with an offset: times are UTC; 2030-06-01T14:00:00+02:00 is 12:00:00Z.
"$bin" trajectory --missile scud-b --from 39,125 --to 40.5,127 --kml "$tmp/e.kml" \
    --epoch 2030-06-01T14:00:00+02:00 >/dev/null && ok || bad "--epoch with an offset"
first=$(grep -o '<when>[^<]*</when>' "$tmp/e.kml" | head -1 | sed 's/<[^>]*>//g')
check_text epoch_offset_is_converted_to_utc "$first" "2030-06-01T12:00:00Z"
$chk "$tmp/e.kml" --tracks 1 --epoch 2030-06-01T12:00:00Z && ok || bad "offset epoch structure"
expect_usage_error bad_epoch_is_refused "--epoch" trajectory --missile scud-b --from 39,125 \
    --to 40.5,127 --kml "$tmp/x.kml" --epoch 2026-02-30
[ ! -e "$tmp/x.kml" ] && ok || bad "a KML was written despite the bad --epoch"

# Engage: the threat and the interceptor flown to the earliest and latest intercepts; each
# flyout ends at the intercept time of the JSON (on the threat's clock) and starts at or after the
# threat's launch.
js=$("$bin" engage --missile shahab-3-class --from 35.5,51 --to 37.5,41.5 --site 37.5,41.5 \
     --interceptor thaad --no-required-speed --json --kml "$tmp/g.kml"); rc=$?
[ $rc -eq 0 ] && ok || bad "engage --kml exit $rc"
$chk "$tmp/g.kml" --tracks 3 --epoch 2026-01-01T00:00:00Z && ok || bad "engage gx:Track structure"
python3 - "$tmp/g.kml" "$(json_field "$js" earliest_intercept_time_s)" \
    "$(json_field "$js" latest_intercept_time_s)" <<'PY' && ok || bad "interceptor tracks end at the intercepts"
import datetime as d, sys, xml.etree.ElementTree as ET
K, G = "{http://www.opengis.net/kml/2.2}", "{http://www.google.com/kml/ext/2.2}"
epoch = d.datetime(2026, 1, 1, tzinfo=d.timezone.utc)
ends = {}
for pm in ET.parse(sys.argv[1]).getroot().iter(K + "Placemark"):
    tr = pm.find(G + "Track")
    if tr is not None:
        w = [d.datetime.fromisoformat(x.text.replace("Z", "+00:00")) for x in tr.findall(K + "when")]
        ends[pm.findtext(K + "name")] = ((w[0] - epoch).total_seconds(), (w[-1] - epoch).total_seconds(),
                                         pm.findtext(K + "styleUrl"))
for which, t in (("earliest", float(sys.argv[2])), ("latest", float(sys.argv[3]))):
    s, e, style = ends["thaad to the %s intercept in time" % which]
    assert abs(e - t) < 0.006, (which, e, t)          # JSON: 2 decimals
    assert 0 <= s < e and style == "#interceptor", (which, s, e, style)
PY
echo "cli_kml_track: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
