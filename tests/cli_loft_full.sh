#!/usr/bin/env bash
# Command-line tests of `bmdsim loft --full`: the Hwasong-14 test of 4 July 2017 against Wright's
# standard-range estimate, the band and its inputs in JSON, targets on the rotating Earth, flight
# times in minutes, and bad input -> one line on stderr naming the flag in the user's units, exit 2.
# Usage: cli_loft_full.sh PATH/TO/bmdsim
set -u
bin=$1
. "$(dirname "$0")/lib/cli_assert.sh"

# Hwasong-14, 4 July 2017: 2,802 km, 933 km, 37-39 min (Wright, UCS 2017; CSIS 2017). Wright:
# about 6,700 km on a standard trajectory; issue 11 asks 10%.
out=$("$bin" loft --test hwasong-14-2017-07-04 --full --to los-angeles --to 61.22,-149.90 --json); rc=$?
[ $rc -eq 0 ] && ok || bad "loft --full exit $rc"
c=$(json_field "$out" max_range_km)
check hwasong_14_range_is_within_10_percent_of_wright "$c" 6700 670 "Wright 2017, 10%"
holds band_holds_the_central_value "a <= b && b <= c" "$(printf '%s' "$out" | grep -o '"low_km":[^,]*' | cut -d: -f2)" "$c" "$(printf '%s' "$out" | grep -o '"high_km":[^,]*' | cut -d: -f2)"
for k in band inputs dominant contribution_km range_low_km warheads kepler targets matched \
         apogee_error_km range_error_km flight_time_error_s stages thrust_to_weight tw_max \
         chosen_size direction published evaluations; do
    case "$out" in *"\"$k\":"*) ok ;; *) bad "json lacks $k" ;; esac
done
for input in "flight time" apogee payload "stage split" "vehicle size"; do
    contains band_names_$(echo "$input" | tr ' ' _) "$out" "\"input\":\"$input\""
done
# Anchorage (about 5,900 km away) within reach, Los Angeles (about 9,500 km) not: Wright 2017
# "would allow it to reach all of Alaska" but not the U.S. West Coast.
case "$out" in *'"name":"Los Angeles"'*'"reachable":false'*'"name":"61.22,-149.90"'*'"reachable":true'*) ok ;;
    *) bad "Los Angeles should be out of reach and Anchorage within" ;; esac
# The full model infers a longer standard range than Kepler alone from the surface.
kep=$("$bin" loft --apogee 2802 --range 933 --json)
holds full_model_exceeds_kepler "a > b" "$c" "$(json_field "$kep" max_range_km)"
# The table says what was matched, the direction, and the answer against the published figure.
txt=$("$bin" loft --test hwasong-14-2017-07-04 --full)
contains table_says_what_was_matched "$txt" "matched: apogee 2802.0 km"
contains table_says_the_flight_time_is_a_check "$txt" "not fitted"
contains table_says_the_direction "$txt" "the same in every"
contains table_names_the_dominant_input "$txt" "moves the answer most"
contains table_gives_range_against_warhead_mass "$txt" "1500 kg:"
# A flight time typed in minutes is the same as in seconds.
m=$("$bin" loft --apogee 2802 --range 933 --full --flight-time 39min --to chicago --json)
s=$("$bin" loft --apogee 2802 --range 933 --full --flight-time 2340 --to chicago --json)
check_text minutes_equal_seconds "$(json_field "$m" max_range_km)" "$(json_field "$s" max_range_km)"
# Deterministic: the same input twice gives the same bytes.
check_text the_estimate_is_deterministic "$s" "$("$bin" loft --apogee 2802 --range 933 --full --flight-time 2340 --to chicago --json)"

expect_usage_error full_only_option_needs_full "--full" loft --apogee 2802 --range 933 --template hwasong-15-class
expect_usage_error unknown_template_is_refused hwasong loft --apogee 2802 --range 933 --full --template hwasong-99
expect_usage_error unknown_test_is_refused "--test list" loft --test hwasong-99
expect_usage_error unknown_city_is_refused "known city" loft --apogee 2802 --range 933 --full --to paris
expect_usage_error toward_latitude_is_checked latitude loft --apogee 2802 --range 933 --full --toward 100,0
expect_usage_error flight_time_unit_is_checked "39min" loft --apogee 2802 --range 933 --full --flight-time 39hours
expect_usage_error short_flight_time_is_refused_in_seconds_and_minutes "0.1 min" loft --apogee 2802 --range 933 --full --flight-time 5
expect_usage_error tw_bounds_are_checked "--tw" loft --apogee 2802 --range 933 --full --tw 3,2
expect_usage_error long_range_for_the_apogee_is_refused "9330.0 km" loft --apogee 2802 --range 9330 --full
expect_no_solution unreachable_apogee_says_by_how_much "km short" loft --apogee 6000 --range 1000 --full --tw 1.3,1.5
expect_usage_error long_flight_time_is_refused_in_seconds_and_minutes "600.0 min" loft --apogee 2802 --range 933 --full --flight-time 36000
expect_usage_error kepler_options_are_not_for_full --altitude loft --apogee 2802 --range 933 --full --altitude 100

echo "cli_loft_full: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
