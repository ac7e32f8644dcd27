#!/usr/bin/env bash
# Command-line tests of `bmdsim kepler` and `bmdsim loft`: numbers in JSON and table form against
# closed forms and Bate, Mueller & White's examples, and bad input -> one line on stderr, exit 2.
# Usage: cli_kepler.sh PATH/TO/bmdsim
set -u
bin=$1
. "$(dirname "$0")/lib/cli_assert.sh"

R=6371.0088; MU=398600.4418

# Minimum-energy trajectory for 10,000 km: Q = 2 s / (1 + s), s = sin(Psi/2) (BMW eq. 6.2-20);
# v = sqrt(Q mu / R), gamma = (180 - Psi)/4. Closed form evaluated here independently with awk.
out=$("$bin" kepler --range 10000 --min-energy --json)
read -r v_exp g_exp < <(awk -v R=$R -v mu=$MU 'BEGIN { psi = 10000 / R; s = sin(psi / 2);
    q = 2 * s / (1 + s); printf "%.6f %.6f\n", sqrt(q * mu / R), (180 - psi * 45 / atan2(1, 1)) / 4 }')
check min_energy_speed_matches_the_closed_form "$(json_field "$out" burnout_speed_km_s)" "$v_exp" 1e-4 "BMW eq. 6.2-20"
check min_energy_angle_matches_the_closed_form "$(json_field "$out" burnout_angle_deg)" "$g_exp" 1e-3 "BMW eq. 6.2-20"
check min_energy_echoes_the_range "$(json_field "$out" range_km)" 10000 1e-3 "input"

# BMW p. 290 in metric (2nd ed. p. 243): h_bo 1275.6 km, v 5.2702 km/s, phi 51.32 deg on a
# 6378.145 km Earth gives Psi = 36.4 deg and apogee altitude 3189.1 km (printed to 0.1).
out=$("$bin" kepler --speed 5.2702 --angle 51.32 --altitude 1275.6 --earth-radius 6378.145 --json)
check bmw_p290_range_angle_is_36_4_degrees "$(json_field "$out" range_angle_deg)" 36.4 0.05 "BMW p. 290"
check bmw_p290_apogee_altitude_is_3189_km "$(json_field "$out" apogee_km)" 3189.1 2.0 "BMW p. 243 (2nd ed.)"
check bmw_p290_apogee_speed_is_2_6351_km_s "$(json_field "$out" apogee_speed_km_s)" 2.6351 2e-3 "BMW p. 243 (2nd ed.)"

# The table form carries the same numbers.
table=$("$bin" kepler --speed 5.2702 --angle 51.32 --altitude 1275.6 --earth-radius 6378.145)
case "$table" in *"free-flight range angle"*"36.38"*) ok ;; *) bad "table form lacks the range angle: $table" ;; esac

# Loft inference round trip: the lofted arc of a 7 km/s, 60 degree shot, fed back through loft,
# gives the same burnout speed and angle (Kepler relations are exact inverses).
arc=$("$bin" kepler --speed 7 --angle 60 --json)
loft=$("$bin" loft --apogee "$(json_field "$arc" apogee_km)" --range "$(json_field "$arc" range_km)" --json)
check loft_recovers_the_burnout_speed "$(json_field "$loft" burnout_speed_km_s)" 7 1e-3 "round trip"
check loft_recovers_the_burnout_angle "$(json_field "$loft" burnout_angle_deg)" 60 1e-2 "round trip"
check loft_max_range_is_the_max_range_at_that_speed "$(json_field "$loft" max_range_km)" "$(json_field "$arc" max_range_km)" 0.5 "kepler --speed"

# Two trajectories for a range at a given speed: both angles must fly the range back.
two=$("$bin" kepler --range 5000 --speed 6 --json)
for which in low high; do
    g=$(json_field "$two" ${which}_burnout_angle_deg)
    back=$("$bin" kepler --speed 6 --angle "$g" --json)
    check "${which}_trajectory_flies_the_requested_range" "$(json_field "$back" range_km)" 5000 0.5 "round trip"
done

# Bad input: one line naming the flag, exit status 2.
expect_usage_error angle_above_90_is_refused --angle kepler --speed 7 --angle 95
expect_usage_error angle_of_zero_is_refused --angle kepler --speed 7 --angle 0
expect_usage_error text_for_a_number_is_refused --speed kepler --speed fast --angle 30
expect_usage_error negative_speed_is_refused --speed kepler --speed -1 --angle 30
expect_usage_error range_beyond_half_the_circumference_is_refused --range kepler --range 30000 --min-energy
expect_usage_error unknown_flag_is_refused --bogus kepler --bogus 3
expect_usage_error missing_value_is_refused --speed kepler --angle 30 --speed
expect_no_solution escape_speed_has_no_returning_arc speed kepler --speed 12 --angle 30
expect_usage_error loft_apogee_below_burnout_is_refused --apogee loft --apogee 100 --range 900 --altitude 200
expect_usage_error loft_without_range_is_refused --range loft --apogee 2800
expect_usage_error unknown_command_is_refused frobnicate frobnicate
"$bin" kepler --help >/dev/null && ok || bad "kepler --help should exit 0"

echo "cli_kepler: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
