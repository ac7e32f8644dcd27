#!/usr/bin/env bash
# Command-line tests of `bmdsim loft --full`: the Hwasong-14 test of 4 July 2017 against Wright's
# standard-range estimate, the fit reproducing the observation, --toward targets, JSON keys, and
# bad input -> one line on stderr, exit 2.
# Usage: cli_loft_full.sh PATH/TO/bmdsim
set -u
bin=$1
. "$(dirname "$0")/lib/cli_assert.sh"

# Hwasong-14, 4 July 2017: apogee 2,802 km, range 933 km, 37 min (Wright, UCS 2017; references.md
# sec. 3). Wright: about 6,700 km on a standard trajectory; within 10% (test_loft measures 7,192).
out=$("$bin" loft --apogee 2802 --range 933 --flight-time 2220 --full --from 40,125 \
      --toward 61.22,-149.90 --toward 34.05,-118.24 --json); rc=$?
[ $rc -eq 0 ] && ok || bad "loft --full exit $rc"
check hwasong_14_range_is_within_10_percent_of_wright "$(json_field "$out" max_range_km)" 6700 670 "Wright 2017, 10%"
check the_fit_keeps_the_observed_flight_time "$(json_field "$out" flight_time_s)" 2220 0.5 "fit tolerance"
for k in model template propellant_scale burn_time_scale stage1_propellant_kg stage2_propellant_kg \
         launch_mass_kg burnout_speed_km_s max_range_km max_range_burnout_speed_km_s \
         toward1_max_range_km toward1_reachable toward2_reachable evaluations; do
    case "$out" in *"\"$k\":"*) ok ;; *) bad "json lacks $k" ;; esac
done
# Anchorage (about 5,900 km away) within reach, Los Angeles (about 9,000 km) not: Wright 2017
# "would allow it to reach all of Alaska" but not the U.S. West Coast.
case "$out" in *'"toward1_reachable":true'*) ok ;; *) bad "Anchorage should be within reach" ;; esac
case "$out" in *'"toward2_reachable":false'*) ok ;; *) bad "Los Angeles should be out of reach" ;; esac
# The full model infers a longer standard range than Kepler alone (same observation).
kep=$("$bin" loft --apogee 2802 --range 933 --json)
awk -v f="$(json_field "$out" max_range_km)" -v k="$(json_field "$kep" max_range_km)" 'BEGIN { exit !(f > k) }' && ok || bad "full model should exceed Kepler"
# Without a flight time the burn time is kept (scale 1).
out=$("$bin" loft --apogee 2802 --range 933 --full --json)
check burn_time_scale_is_1_without_a_flight_time "$(json_field "$out" burn_time_scale)" 1 1e-9 "definition"

expect_usage_error full_only_option_needs_full "--full" loft --apogee 2802 --range 933 --template hwasong-15-class
expect_usage_error unknown_template_is_refused hwasong loft --apogee 2802 --range 933 --full --template hwasong-99
expect_usage_error toward_latitude_is_checked latitude loft --apogee 2802 --range 933 --full --toward 100,0
expect_no_solution impossible_flight_time_has_no_fit "loft fit" loft --apogee 2802 --range 933 --full --flight-time 36000
expect_usage_error kepler_options_are_not_for_full --altitude loft --apogee 2802 --range 933 --full --altitude 100

echo "cli_loft_full: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
