#!/usr/bin/env bash
# Command-line tests of `bmdsim sensor`: the horizon of a catalogue radar against the closed form,
# the radar-equation scaling of the detection range, what limits the reach, and bad input -> one
# line on stderr, exit 2.
# Usage: cli_sensor.sh PATH/TO/bmdsim   (BMD_DATA_DIR may point at another data directory)
set -u
bin=$1
export BMD_DATA_DIR=${BMD_DATA_DIR:-$(dirname "$0")/../data}
. "$(dirname "$0")/lib/cli_assert.sh"

# closed form: slant range (km) at elevation E deg from radius A to radius B (law of sines)
slant() { awk -v a="$1" -v b="$2" -v e="$3" 'BEGIN { e = e * atan2(1, 1) / 45;
    printf "%.6f", sqrt(b * b - a * a * cos(e)^2) - a * sin(e) }'; }

# AN/TPY-2 on the equator looking east at its 2 deg minimum elevation: the ray stays in the
# equatorial plane, where the WGS84 section is the circle of radius a = 6378.137 km, so the
# closed form on that circle is exact. Target at 100 km. Tolerance 2 m (bisection 1 mm, JSON).
js=$("$bin" sensor --radar an-tpy-2-fbm --at 0,0 --boresight 90 --json)
check tpy2_equatorial_horizon_is_the_closed_form "$(json_field "$js" horizon_slant_range_km)" \
    "$(slant 6378.137 6478.137 2)" 0.002 "law of sines, R = a"
check tpy2_detection_range_is_the_catalogue_value "$(json_field "$js" detection_range_km)" 1000 1e-6 "catalogue"
check tpy2_high_end_is_nas_fig_5_8 "$(json_field "$js" detection_range_high_km)" 1500 1e-6 "NAS 2012 Fig. 5-8"
contains tpy2_is_horizon_limited_at_100_km "$(json_field "$js" limited_by)" "horizon"

# With 4/3-Earth refraction the horizon is the closed form on a sphere of 4/3 the mean radius
# (Skolnik sec. 8.2). Radar at 1.8 km, target 300 km, elevation 2 deg: 2 m.
js=$("$bin" sensor --radar an-tpy-2-fbm --at 38.35,37.79 --height 1800 --target-altitude 300 --refraction --json)
ke=$(awk 'BEGIN { printf "%.6f", 6371.0088 * 4 / 3 }')
check refracted_horizon_is_the_four_thirds_closed_form "$(json_field "$js" horizon_slant_range_km)" \
    "$(slant "$(awk -v k="$ke" 'BEGIN{print k + 1.8}')" "$(awk -v k="$ke" 'BEGIN{print k + 300}')" 2)" 0.002 "k = 4/3"
contains refraction_is_reported "$js" '"refraction":"4/3 Earth"'

# Radar equation: Fylingdales' 3,000 mi (4,828.032 km) at 10 m^2 scaled to 0.01 m^2 is
# 4828.032 * 0.001^(1/4) = 858.559 km, and the reach is then detection-limited. 1 m.
js=$("$bin" sensor --radar uewr-fylingdales --at 54.36,-0.67 --rcs 0.01 --target-altitude 300 --json)
check uewr_range_scales_with_the_fourth_root "$(json_field "$js" detection_range_km)" \
    "$(awk 'BEGIN { printf "%.6f", 4828.032 * 0.001^0.25 }')" 0.001 "R ~ sigma^1/4"
contains uewr_small_rcs_is_detection_limited "$(json_field "$js" limited_by)" "detection range"

# Table form names the fields.
tab=$("$bin" sensor --radar spy-1d --at 44.08,24.41)
contains table_shows_the_horizon "$tab" "horizon: slant range"

# Bad input: one line, exit 2.
expect_usage_error unknown_radar_suggests_the_closest "spy-1d" sensor --radar spy1d --at 1,2
expect_usage_error latitude_outside_90_is_refused "latitude 91" sensor --radar spy-1d --at 91,2
expect_usage_error malformed_site_is_refused "LAT,LON" sensor --radar spy-1d --at 12
expect_usage_error negative_rcs_is_refused "--rcs" sensor --radar spy-1d --at 1,2 --rcs -1
expect_usage_error negative_altitude_is_refused "--target-altitude" sensor --radar spy-1d --at 1,2 --target-altitude -5
expect_usage_error radar_is_required "--radar" sensor --at 1,2
expect_usage_error site_is_required "--at" sensor --radar spy-1d
expect_no_solution trajectory_form_finds_no_flight_to_an_unreachable_target "out of reach" sensor --radar spy-1d --at 1,2 --missile scud-b --from 1,2 --to 3,4
"$bin" sensor --help >/dev/null && ok || bad "sensor --help should exit 0"

echo "cli_sensor: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
