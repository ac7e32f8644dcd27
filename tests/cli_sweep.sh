#!/usr/bin/env bash
# Command-line tests of `bmdsim sweep`: a burnout-speed sweep of `kepler` against the closed-form
# Kepler range (BMW eq. 6.2-16) and maximum range (eq. 6.2-19), a two-axis sweep written as CSV,
# strict JSON and a well-formed contour SVG, values injected into catalogue entries, engage's
# delays and a scenario's rules (checked through the delays the command echoes), and bad axis
# specifications refused with one line naming the field, the value and the allowed form (exit 2,
# nothing written).
# Usage: cli_sweep.sh PATH/TO/bmdsim
set -u
bin=$1
export BMD_DATA_DIR=${BMD_DATA_DIR:-$(dirname "$0")/../data}
. "$(dirname "$0")/lib/cli_assert.sh"
here=$(cd "$(dirname "$0")" && pwd)
strict="python3 $here/lib/json_strict.py"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# 1. Kepler range against burnout speed at a 30 degree flight-path angle from the surface: each
# point equals R * Psi with tan(Psi/2) = Q sin(g) cos(g) / (1 - Q cos^2 g), Q = v^2 R / mu (BMW
# eq. 6.2-16), and the maximum range R * 2 asin(Q / (2 - Q)) (eq. 6.2-19), to the 0.01 km the
# command prints (the tolerance 0.05 km).
"$bin" sweep --x --speed=3:7:5 --metric range_km --metric max_range_km --json-file "$tmp/k.json" \
    --csv "$tmp/k.csv" --svg "$tmp/k.svg" --quiet -- kepler --angle 30 > "$tmp/k.txt"
rc=$?
check_text kepler_sweep_exits_0 "$rc" 0
if $strict "$tmp/k.json"; then ok; else bad "kepler sweep JSON is not strict JSON"; fi
worst=$(python3 - "$tmp/k.json" <<'PY'
import json, math, sys
d = json.load(open(sys.argv[1]))
R, mu = 6371.0088, 398600.4418
g = math.radians(30)
worst = 0
for p in d["points"]:
    v = p["x"]; q = v * v * R / mu
    psi = 2 * math.atan2(q * math.sin(g) * math.cos(g), 1 - q * math.cos(g) ** 2)
    psimax = 2 * math.asin(q / (2 - q))
    worst = max(worst, abs(p["values"]["range_km"] - R * psi), abs(p["values"]["max_range_km"] - R * psimax))
print("%.6f" % worst)
PY
)
check kepler_sweep_matches_the_closed_form_range "$worst" 0 0.05 "BMW eq. 6.2-16, 6.2-19"
check_text kepler_sweep_has_five_points "$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["points"]))' "$tmp/k.json")" 5
check_text kepler_sweep_names_the_model_as_a_fixed_assumption \
    "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["assumptions"]["model"])' "$tmp/k.json")" kepler
# CSV: comment lines with the command and its assumptions, a header, one row per point
check_text csv_header_names_axis_status_and_metrics "$(grep -v '^#' "$tmp/k.csv" | head -1)" "--speed,status,range_km,max_range_km"
check_text csv_has_one_row_per_point "$(grep -vc '^#' "$tmp/k.csv")" 6
contains csv_states_the_fixed_assumption "$(cat "$tmp/k.csv")" "# assumption model: kepler"
if xmllint --noout "$tmp/k.svg" 2>/dev/null; then ok; else bad "line plot is not well-formed XML"; fi
contains line_plot_labels_the_axis "$(cat "$tmp/k.svg")" "range_km (km)"
contains table_names_the_fixed_assumptions "$(cat "$tmp/k.txt")" "fixed: model: kepler"

# 2. Two axes: speed x angle, a contour plot; the grid is x-fastest with nx * ny points.
"$bin" sweep --x --speed=4:7:4 --y --angle=20:60:3 --metric range_km --csv "$tmp/c.csv" \
    --svg "$tmp/c.svg" --json > "$tmp/c.json" -- kepler
check_text contour_sweep_exits_0 "$?" 0
if $strict "$tmp/c.json"; then ok; else bad "contour sweep JSON is not strict JSON"; fi
check_text contour_csv_has_nx_times_ny_rows "$(grep -vc '^#' "$tmp/c.csv")" 13
check_text contour_csv_second_row_is_the_next_x "$(grep -v '^#' "$tmp/c.csv" | sed -n 3p | cut -d, -f1,2)" "5,20"
if xmllint --noout "$tmp/c.svg" 2>/dev/null; then ok; else bad "contour plot is not well-formed XML"; fi
n_labels=$(grep -o 'class="isoline-label"' "$tmp/c.svg" | wc -l)
holds contour_plot_labels_its_isolines "a >= 3" "$n_labels"

# 3. A catalogue parameter: range against payload. The nominal is the catalogue's RV mass, and
# the maximum range falls as the payload grows.
"$bin" sweep --x missile.payload.rv_mass_kg=800:1600:3 --metric max_range_km --json --quiet \
    -- range --missile rs-24-yars-class --no-rotation > "$tmp/r.json"
check_text payload_sweep_exits_0 "$?" 0
read -r nominal_from r1 r2 r3 < <(python3 -c '
import json,sys; d=json.load(open(sys.argv[1]))
print(d["axes"][0]["nominal_from"].split()[0], *[p["values"]["max_range_km"] for p in d["points"]])' "$tmp/r.json")
check_text payload_nominal_comes_from_the_catalogue "$nominal_from" catalogue
holds max_range_falls_with_payload "a > b && b > c" "$r1" "$r2" "$r3"

# 4. engage (flag form): rules.total_delay_s scales the default delays 30/10/5 s in proportion, so
# at 90 s the command echoes a track delay of 60 s; the engagement is later at a longer delay.
threat="--missile shahab-3-class --from 35.5,51 --to 37.5,41.5"
"$bin" sweep --x "rules.total_delay_s={0,90}" --metric track_delay_s \
    --metric earliest_intercept_time_s --json --quiet -- engage $threat --site 38.0,42.5 \
    --interceptor sm-3-block-iia --no-required-speed > "$tmp/e.json"
read -r t0 t1 i0 i1 < <(python3 -c '
import json,sys; p=json.load(open(sys.argv[1]))["points"]
print(p[0]["values"]["track_delay_s"], p[1]["values"]["track_delay_s"], p[0]["values"]["earliest_intercept_time_s"], p[1]["values"]["earliest_intercept_time_s"])' "$tmp/e.json")
check total_delay_90_gives_track_delay_60 "$t1" 60 1e-9 "30/45 of 90 s"
check total_delay_0_gives_track_delay_0 "$t0" 0 1e-9 "input"
holds a_longer_delay_intercepts_later "b > a" "$i0" "$i1"

# 5. A scenario's rules through bmd/param.h: its delays 30/30/10 s scaled to a total of 140 s.
"$bin" sweep --x "rules.total_delay_s={140}" --metric track_delay_s --json --quiet -- engage \
    "$here/../scenarios/iran-europe-small.yaml" --no-required-speed --pair tabriz-ankara:deveselu > "$tmp/s.json"
check_text scenario_sweep_exits_0 "$?" 0
check scenario_total_delay_scales_the_track_delay \
    "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["points"][0]["values"]["track_delay_s"])' "$tmp/s.json")" 60 1e-3 "30/70 of 140 s"

# --list-metrics: the numbers (with units from their keys) and the texts, at the axis' middle
lm=$("$bin" sweep --x --speed=3:7:5 --list-metrics -- kepler --angle 30)
contains list_metrics_names_a_number_with_its_unit "$lm" "range_km"
case "$lm" in *"burnout_speed_km_s"*"km/s"*"5"*) ok ;; *) bad "list-metrics lacks burnout_speed_km_s km/s 5: $lm" ;; esac

# 6. Bad input: one line naming the field, the value and the allowed form; exit 2; nothing written.
expect_usage_error high_below_low_is_refused "not above the low end" sweep --x --speed=7:3:5 -- kepler --angle 30
expect_usage_error one_value_is_refused "whole number from 2" sweep --x --speed=3:7:1 -- kepler --angle 30
expect_usage_error a_word_for_a_bound_is_refused "not a number" sweep --x --speed=3:fast:5 -- kepler --angle 30
expect_usage_error an_unknown_axis_is_refused "unknown axis 'bogus.x'" sweep --x bogus.x=1:2:3 -- kepler --angle 30
expect_usage_error a_decreasing_list_is_refused "must increase" sweep --x "--speed={5,4}" -- kepler --angle 30
expect_usage_error no_command_is_refused "after '--'" sweep --x --speed=3:7:5
expect_usage_error an_unknown_command_is_refused "unknown command 'keplr'" sweep --x --speed=3:7:5 -- keplr
expect_usage_error report_is_not_sweepable "prints no numbers" sweep --x --speed=3:7:5 -- report x.yaml
expect_usage_error an_unknown_metric_is_refused "range_km" sweep --x --speed=3:7:5 --metric rnage_km -- kepler --angle 30
expect_usage_error a_huge_grid_is_refused "at most 10000" sweep --x --speed=3:7:1001 --y --angle=10:80:1001 -- kepler
expect_usage_error no_catalogue_range_without_values "low:high" sweep --x --speed -- kepler --angle 30
expect_usage_error a_refused_value_names_the_point "missile.payload.rv_mass_kg = -5" sweep \
    --x missile.payload.rv_mass_kg=-5:1000:2 --csv "$tmp/never.csv" -- range --missile rs-24-yars-class --no-rotation
if [ -e "$tmp/never.csv" ]; then bad "a refused sweep wrote its CSV"; else ok; fi
expect_usage_error a_launch_on_outside_0_to_2_is_refused "launch-on setting" sweep \
    --x "rules.launch_on={0,3}" -- engage $threat --site 38.0,42.5 --interceptor sm-3-block-iia

echo "cli_sweep: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
