#!/usr/bin/env bash
# Every published long-range lofted test (bmdsim loft --test list; docs/validation.md) gets an
# answer, exit 0, from both the Kepler estimate and the full model, including the 2022-2024 tests
# with apogees above 6,000 km; the published estimates against bmdsim's (issue 11).
# Usage: cli_loft_tests.sh PATH/TO/bmdsim
set -u
bin=$1
. "$(dirname "$0")/lib/cli_assert.sh"

names=$("$bin" loft --test list | awk 'NR > 1 { print $1 }')
[ "$(printf '%s\n' "$names" | wc -l)" -ge 9 ] && ok || bad "the test table has fewer than 9 rows"
for t in $names; do
    k=$("$bin" loft --test "$t" --json); rc=$?
    [ $rc -eq 0 ] && ok || bad "$t: loft exit $rc"
    f=$("$bin" loft --test "$t" --full --to washington --json); rc=$?
    [ $rc -eq 0 ] && ok || bad "$t: loft --full exit $rc"
    # orbital answers are said, with the speeds that make them so
    case "$k" in *'"any_point":true'*) contains "${t}_kepler_answer" "$k" "any point" ;; esac
    case "$f" in *'"any_point":true,"direction"'*)
        holds "${t}_any_point_is_truly_orbital" "a >= b" "$(json_field "$f" max_range_burnout_inertial_speed_km_s)" "$(json_field "$f" circular_speed_at_burnout_km_s)" ;;
    esac
    pub=$(printf '%s' "$f" | grep -o '"published":{"range_km":[^,]*' | cut -d: -f3)
    high=$(printf '%s' "$f" | grep -o '"high_km":[^,]*' | cut -d: -f2)
    # every band contains or exceeds the published figure (issue 11 asks it for 2022-2023)
    holds "${t}_band_reaches_the_published_figure" "a >= 0.9 * b" "$high" "$pub"
done
# The same observations typed as numbers (no --test, no --template): the template is chosen and
# the choice is said; every one gets an answer.
while read -r name apo rng tim; do
    f=$("$bin" loft --apogee "$apo" --range "$rng" --flight-time "$tim" --full --to washington --json); rc=$?
    [ $rc -eq 0 ] && ok || bad "$name as numbers: loft --full exit $rc"
    contains "${name}_says_how_the_template_was_chosen" "$f" '"template_choice":"chosen:'
done < <("$bin" loft --test list | awk 'NR > 1 { print $1, substr($0, 57, 9) + 0, substr($0, 67, 9) + 0, substr($0, 77, 8) + 0 }')
# Within 10% of Wright's estimates for 2017 (issue 11): Hwasong-12 about 4,500 km, Hwasong-14
# (4 July) about 6,700 km.
check hwasong_12_within_10_percent "$(json_field "$("$bin" loft --test hwasong-12-2017-05-14 --full --to chicago --json)" max_range_km)" 4500 450 "Wright, May 2017"
check hwasong_14_within_10_percent "$(json_field "$("$bin" loft --test hwasong-14-2017-07-04 --full --to chicago --json)" max_range_km)" 6700 670 "Wright, 4 July 2017"
# The Kepler estimate of the 2024 test from the surface is orbital: exit 0 and the speed.
k=$("$bin" loft --test hwasong-19-2024-10-31)
contains kepler_2024_says_any_point "$k" "any point on the Earth"
contains kepler_2024_gives_the_speed "$k" "8.2762 km/s"

echo "cli_loft_tests: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
