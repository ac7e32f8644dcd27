#!/usr/bin/env bash
# Command-line tests of --units metric|imperial|nautical (cli/units_cli.c): a table in imperial or
# nautical units shows the metric numbers converted by the exact definitions (1 mi = 1609.344 m,
# 1 nmi = 1852 m, 1 ft = 0.3048 m, 1 kn = 1852/3600 m/s), within the rounding of the printed
# digits; JSON stays SI whatever --units says; a bad value is refused with exit 2.
# Usage: cli_units.sh PATH/TO/bmdsim
set -u
bin=$1
. "$(dirname "$0")/lib/cli_assert.sh"

run() { "$bin" trajectory --missile rs-24-yars-class --from kozelsk --to washington "$@" 2>&1; }
# row LABEL TABLE -> "VALUE UNIT" of the table row whose label is LABEL
row() { printf '%s\n' "$2" | awk -v l="$1" '{ s = $0; sub(/^  /, "", s) } index(s, l " ") == 1 {
        print $(NF - 1), $NF; exit }'; }

metric=$(run); rc=$?
[ $rc -eq 0 ] && ok || bad "metric run exit $rc: $metric"
imperial=$(run --units imperial)
nautical=$(run --units=nautical)
explicit=$(run --units metric)
check_text metric_is_the_default "$explicit" "$metric"

km=$(row "ground range" "$metric"); mi=$(row "ground range" "$imperial"); nm=$(row "ground range" "$nautical")
check_text km_unit "${km#* }" km
check_text mi_unit "${mi#* }" mi
check_text nmi_unit "${nm#* }" nmi
# one decimal printed: the converted value within 0.05 + the km rounding carried over
check range_in_miles "${mi% *}" "$(awk -v k="${km% *}" 'BEGIN { print k * 1000 / 1609.344 }')" 0.09 \
    "1 mi = 1609.344 m"
check range_in_nautical_miles "${nm% *}" "$(awk -v k="${km% *}" 'BEGIN { print k * 1000 / 1852 }')" \
    0.09 "1 nmi = 1852 m"

v=$(row "burnout speed (Earth-relative)" "$metric")
vi=$(row "burnout speed (Earth-relative)" "$imperial")
vn=$(row "burnout speed (Earth-relative)" "$nautical")
check_text speed_unit_imperial "${vi#* }" mi/s
check_text speed_unit_nautical "${vn#* }" kn
check speed_in_miles_per_second "${vi% *}" "$(awk -v k="${v% *}" 'BEGIN { print k * 1000 / 1609.344 }')" \
    0.0002 "1 mi = 1609.344 m"
check speed_in_knots "${vn% *}" "$(awk -v k="${v% *}" 'BEGIN { print k * 3600000 / 1852 }')" 1.5 \
    "1 kn = 1852/3600 m/s"
m=$(row "miss distance" "$metric"); ft=$(row "miss distance" "$imperial")
check_text height_unit_imperial "${ft#* }" ft
check miss_in_feet "${ft% *}" "$(awk -v k="${m% *}" 'BEGIN { print k / 0.3048 }')" 0.3 "1 ft = 0.3048 m"
# degrees and seconds are not length or speed: unchanged
check_text time_unchanged "$(row "flight time" "$imperial")" "$(row "flight time" "$metric")"

# JSON: SI with the unit in the key, whatever --units says
check_text json_stays_si "$(run --json --units imperial)" "$(run --json)"

expect_usage_error bad_units "is not metric, imperial or nautical" \
    trajectory --missile rs-24-yars-class --from kozelsk --to washington --units furlongs
expect_usage_error units_without_value "--units" trajectory --missile rs-24-yars-class --units

echo "cli_units: $pass passed, $fail failed"
[ $fail -eq 0 ]
