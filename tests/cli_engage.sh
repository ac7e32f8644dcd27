#!/usr/bin/env bash
# Command-line tests of `bmdsim engage` (flag form) and of the trajectory form of `bmdsim sensor`:
# the timeline arithmetic, consistency between the two commands (the engagement's detection by the
# fire-control radar is the radar's first visibility), properties of the window, the GeoJSON and KML
# exports (the same intercept points as the JSON; failed writes leave no file), and bad input ->
# one line on stderr, exit 2.
# Usage: cli_engage.sh PATH/TO/bmdsim   (BMD_DATA_DIR may point at another data directory)
set -u
bin=$1
export BMD_DATA_DIR=${BMD_DATA_DIR:-$(dirname "$0")/../data}
. "$(dirname "$0")/lib/cli_assert.sh"

threat="--missile shahab-3-class --from 35.5,51 --to 37.5,41.5"

# An MRBM of ~880 km against an SM-3 Block IIA 100 km short of the target, cued by space-based IR.
js=$("$bin" engage $threat --site 38.0,42.5 --interceptor sm-3-block-iia --track-delay 20 \
     --decision-delay 7 --launch-delay 3 --json)
check_text engageable_mrbm "$(json_field "$js" engageable)" true
check_text reason_engageable "$(json_field "$js" reason)" engageable
d=$(json_field "$js" detect_time_s)
# Timeline arithmetic: track = detect + 20 s; earliest launch = track + 7 + 3 s (exact; JSON
# carries 5 decimals).
check track_is_detect_plus_track_delay "$(json_field "$js" track_time_s)" "$(awk -v d="$d" 'BEGIN{print d + 20}')" 1e-4 "definition"
check launch_is_track_plus_decision_and_launch_delays "$(json_field "$js" earliest_launch_time_s)" "$(awk -v d="$d" 'BEGIN{print d + 30}')" 1e-4 "definition"
holds window_is_ordered 'a + 0 <= b + 0' "$(json_field "$js" earliest_intercept_time_s)" "$(json_field "$js" latest_intercept_time_s)"
# The SM-3 kill vehicle is exo-atmospheric: the catalogue floor is 100 km (0.1 km for the 1e-3 s
# bisection at ~3 km/s descent).
holds intercepts_respect_the_100_km_floor 'a + 0 >= 99.9' "$(json_field "$js" intercept_altitude_min_km)"
holds some_shots 'a + 0 >= 1' "$(json_field "$js" shot_opportunities)"
# What it takes is less than what it has (it is engageable): required speed < 4.5 km/s.
holds required_speed_below_the_catalogue_speed 'a + 0 > 0.5 && a + 0 < 4.5' "$(json_field "$js" required_speed_km_s)"

# A longer delay never enlarges the window (property; bisection 1e-3 s).
js2=$("$bin" engage $threat --site 38.0,42.5 --interceptor sm-3-block-iia --track-delay 200 \
      --decision-delay 7 --launch-delay 3 --json --no-required-speed)
holds longer_delay_starts_later 'a + 0 >= b - 0.002' "$(json_field "$js2" earliest_intercept_time_s)" "$(json_field "$js" earliest_intercept_time_s)"
holds longer_delay_ends_no_later 'a + 0 <= b + 0.002' "$(json_field "$js2" latest_intercept_time_s)" "$(json_field "$js" latest_intercept_time_s)"
holds longer_delay_fewer_shots 'a + 0 <= b + 0' "$(json_field "$js2" shot_opportunities)" "$(json_field "$js" shot_opportunities)"

# Far out of reach (an SM-3 IA in Germany): empty window with its reason; required speed skipped.
js=$("$bin" engage $threat --site 50,10 --interceptor sm-3-block-ia --json --no-required-speed)
check_text out_of_reach_is_not_engageable "$(json_field "$js" engageable)" false
check_text out_of_reach_reason "$(json_field "$js" reason)" "out of reach"
check_text empty_window_has_null_times "$(json_field "$js" earliest_intercept_time_s)" null

# THAAD at the target with its AN/TPY-2 and no IR: the first detection is the radar's, and equals
# the first visibility interval of `bmdsim sensor` for the same radar, site and boresight (both
# bisect to 1e-3 s).
js=$("$bin" engage $threat --site 37.5,41.5 --interceptor thaad --radar an-tpy-2-fbm --no-ir \
     --boresight 95 --json --no-required-speed)
sj=$("$bin" sensor --radar an-tpy-2-fbm --at 37.5,41.5 $threat --boresight 95 --json)
case "$(json_field "$js" detected_by)" in "fire-control radar"*) ok ;; *) bad "thaad_detected_by_fcr: $js" ;; esac
check fcr_detection_is_the_radar_first_visibility "$(json_field "$js" detect_time_s)" "$(json_field "$sj" first_visible_s)" 0.002 "bmd_radar_visibility"
holds visibility_ends_by_impact 'a + 0 <= b + 0.01' "$(json_field "$sj" last_visible_s)" "$(json_field "$sj" flight_time_s)"
check_text one_visibility_interval "$(json_field "$sj" intervals)" 1
# Endo-/exo THAAD limits from the catalogue: intercepts between 40 and 150 km (0.1 km bisection).
holds thaad_within_its_altitude_band 'a + 0 >= 39.9 && b + 0 <= 150.1' "$(json_field "$js" intercept_altitude_min_km)" "$(json_field "$js" intercept_altitude_max_km)"
# Head-on at the defended point: crossing angle near 180 degrees.
holds thaad_meets_it_head_on 'a + 0 > 170' "$(json_field "$js" earliest_crossing_angle_deg)"

# Exports: --geojson and --kml of the THAAD case with its radar 400 km west of the site.
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
js=$("$bin" engage $threat --site 37.5,41.5 --interceptor thaad --radar an-tpy-2-fbm \
     --radar-at 38.3,37.8 --json --no-required-speed --geojson "$dir/e.geojson" --kml "$dir/e.kml"); rc=$?
[ $rc -eq 0 ] && ok || bad "engage --geojson --kml exit $rc"
check_text exported_case_is_engageable "$(json_field "$js" engageable)" true
if command -v xmllint >/dev/null; then
    xmllint --noout "$dir/e.kml" 2>/dev/null && ok || bad "engage KML is not well formed"
fi
# The GeoJSON holds the site, the radar, its coverage polygon, the threat's LineString from --from
# to --to (impact within the 100 m aim tolerance: 0.002 deg), and the intercept points at the
# JSON's earliest intercept (3 decimals: 0.0005 deg; time 2 decimals: 0.005 s); the KML has one
# Placemark with the same name per GeoJSON feature.
python3 - "$dir/e.geojson" "$dir/e.kml" "$(json_field "$js" earliest_intercept_lat_deg)" \
    "$(json_field "$js" earliest_intercept_lon_deg)" "$(json_field "$js" earliest_intercept_time_s)" <<'PY' && ok || bad "engage exports"
import json, sys, xml.etree.ElementTree as ET
feats = json.load(open(sys.argv[1]))["features"]
by = {f["properties"]["name"]: f for f in feats}
def need(c, what):
    if not c:
        sys.exit("engage exports: " + what)
need(by.get("defence site", {}).get("properties", {}).get("kind") == "interceptor", "defence site")
need(by.get("an-tpy-2-fbm radar", {}).get("geometry", {}).get("type") == "Point", "radar point")
need(by.get("defence site an-tpy-2-fbm", {}).get("geometry", {}).get("type") == "Polygon", "coverage")
tr = by["shahab-3-class"]["geometry"]
need(tr["type"] == "LineString" and len(tr["coordinates"][0]) == 3, "3D track")
(x0, y0, _), (x1, y1, _) = tr["coordinates"][0], tr["coordinates"][-1]
need(abs(x0 - 51) < 1e-6 and abs(y0 - 35.5) < 1e-6, "track starts at --from")
need(abs(x1 - 41.5) < 2e-3 and abs(y1 - 37.5) < 2e-3, "track ends at --to")
e = by["earliest intercept of shahab-3-class from defence site"]
lat, lon, t = float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
need(abs(e["geometry"]["coordinates"][0] - lon) < 5e-4 and abs(e["geometry"]["coordinates"][1] - lat) < 5e-4, "intercept point")
need(abs(e["properties"]["time_s"] - t) < 5e-3 and e["properties"]["feature"] == "intercept", "intercept time")
need("latest intercept of shahab-3-class from defence site" in by, "latest intercept")
ns = "{http://www.opengis.net/kml/2.2}"
marks = [p.findtext(ns + "name") for p in ET.parse(sys.argv[2]).getroot().iter(ns + "Placemark")
         if any(c.tag in (ns + "Point", ns + "LineString", ns + "Polygon", ns + "MultiGeometry") for c in p)]
need(sorted(marks) == sorted(by), "KML placemarks %s" % marks)
PY
# Not engageable: no intercept points.
"$bin" engage $threat --site 50,10 --interceptor sm-3-block-ia --no-required-speed --geojson "$dir/n.geojson" >/dev/null
grep -q '"intercept"' "$dir/n.geojson" && bad "intercept points for an unengageable threat" || ok
# A failed write (an output path that cannot be written): exit 2 naming the file (cli/cli.h), no
# temporary file left behind.
err=$("$bin" engage $threat --site 37.5,41.5 --interceptor thaad --no-required-speed \
      --kml "$dir/missing/x.kml" 2>&1 >/dev/null); rc=$?
[ $rc -eq 2 ] && ok || bad "engage --kml into a missing directory: exit $rc, expected 2"
contains failed_kml_names_the_file "$err" "x.kml"
[ "$(ls "$dir" | grep -c '\.tmp\.')" -eq 0 ] && ok || bad "temporary file left behind"

# Table output names the rows.
out=$("$bin" engage $threat --site 38.0,42.5 --interceptor sm-3-block-iia --no-required-speed)
case "$out" in *"shoot-look-shoot opportunities"*"engageable"*) ok ;; *) bad "table_output: $out" ;; esac

# Bad input: one line, exit 2.
expect_usage_error unknown_interceptor_suggests "sm-3-block-iia" engage $threat --site 37.5,41.5 --interceptor sm3-block-iia
expect_usage_error unknown_missile_suggests "shahab-3-class" engage --missile shahab-3-clas --from 35.5,51 --to 37.5,41.5 --site 37.5,41.5 --interceptor thaad
expect_usage_error unknown_radar_is_refused "unknown radar" engage $threat --site 37.5,41.5 --interceptor thaad --radar tpy2
expect_usage_error site_latitude_outside_90 "latitude 97.5" engage $threat --site 97.5,41.5 --interceptor thaad
expect_usage_error launch_latitude_outside_90 "latitude -91" engage --missile scud-b --from -91,0 --to 0,1 --site 0,1 --interceptor thaad
expect_usage_error negative_launch_delay "--launch-delay" engage $threat --site 37.5,41.5 --interceptor thaad --launch-delay -3
expect_usage_error negative_track_delay "--track-delay" engage $threat --site 37.5,41.5 --interceptor thaad --track-delay -1
expect_usage_error negative_assessment "--assess" engage $threat --site 37.5,41.5 --interceptor thaad --assess -1
expect_no_solution target_out_of_reach_has_no_solution "out of reach" engage --missile scud-b --from 35.5,51 --to 37.5,41.5 --site 37.5,41.5 --interceptor thaad
expect_usage_error site_is_required "--site" engage $threat --interceptor thaad
expect_usage_error radar_at_needs_radar "--radar" engage $threat --site 37.5,41.5 --interceptor thaad --radar-at 1,2
expect_usage_error scenario_form_not_wired "scenario" engage some.yaml
expect_usage_error sensor_unknown_object_class "booster" sensor --radar spy-1d --at 37.5,41.5 $threat --object tank
"$bin" engage --help >/dev/null && ok || bad "engage --help should exit 0"

echo "cli_engage: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
