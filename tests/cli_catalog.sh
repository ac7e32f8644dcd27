#!/usr/bin/env bash
# Command-line tests of `bmdsim catalog`: the list, one vehicle in table and JSON form (values
# against Forden 2007 Table 1 and pytrajlib, with provenance, and the published range class),
# overrides, radars and interceptors (--kind), and bad input -> one line on stderr, exit 2.
# Usage: cli_catalog.sh PATH/TO/bmdsim   (BMD_DATA_DIR may point at another data directory)
set -u
bin=$1
. "$(dirname "$0")/lib/cli_assert.sh"

# The list names every shipped vehicle with its launch mass (Forden 2007 Table 1: Scud-B 5,897 kg).
list=$("$bin" catalog) && ok || bad "catalog list failed"
for v in scud-b al-hussein no-dong taepodong-1 minuteman-3 rs-24-yars-class hwasong-14-class hwasong-15-class \
         shahab-3-class generic-solid-icbm; do
    contains "list_names_$v" "$list" "$v"
done
contains list_gives_the_scud_b_launch_mass "$(printf '%s\n' "$list" | grep scud-b)" "5897"

# One vehicle in JSON: Forden Table 1 launch mass of the Taepodong-1 stack, 25,251 kg (exact).
js=$("$bin" catalog taepodong-1 --json)
check taepodong_1_launch_mass_is_forden_table_1 "$(json_field "$js" launch_mass_kg)" 25251 1e-6 "Forden 2007 T1"
contains json_carries_the_citation "$js" "Science & Global Security 15(2)"
contains json_carries_the_notional_flag "$js" '"notional":true'
# pytrajlib MM III booster 34,210 kg plus three 200 kg warheads (StrategyPage 2011) and the notional
# 150 kg bus (pytrajlib's 100 kg plus 50 kg, retuned into the published range class).
js=$("$bin" catalog MINUTEMAN-3 --json)
check minuteman_3_launch_mass_is_pytrajlib_booster_plus_three_warheads "$(json_field "$js" launch_mass_kg)" 34960 1e-6 "pytrajlib vehicle.h; StrategyPage 2011"
contains minuteman_json_cites_pytrajlib "$js" "lmarthur/pytrajlib"

# Table form: every parameter with unit and provenance, and the sources.
tab=$("$bin" catalog scud-b)
contains table_shows_the_burn_time "$(printf '%s\n' "$tab" | grep 'stages\[0\].burn_time_s')" "75 s"
contains table_marks_notional_values "$tab" "NOTIONAL"
contains table_lists_the_sources "$tab" "[forden2007] G. Forden"

# Overrides change the value and are marked.
js=$("$bin" catalog scud-b --set 'stages[0].propellant_mass_kg=3000' --json)
check override_changes_the_launch_mass "$(json_field "$js" launch_mass_kg)" 5198 1e-6 "5897 - 699"
contains override_is_recorded "$js" "override (file value 3699"

# A file given by path loads.
"$bin" catalog "${BMD_DATA_DIR:-$(dirname "$0")/../data}/catalog/missiles/no-dong.yaml" --json >/dev/null && ok || bad "path form failed"

# The published range class (published_range_km): Minuteman III, USAF fact sheet "6,000-plus miles"
# = 9,664 km (low end) and the press's 8,080 miles = 13,003 km (high end), as in the file (exact).
js=$("$bin" catalog minuteman-3 --json)
pr=$(printf '%s' "$js" | grep -o '"published_range_km":{[^}]*}')
check minuteman_3_published_range_low_is_the_usaf_fact_sheet "$(json_field "$pr" low)" 9664 1e-9 "USAF fact sheet"
check minuteman_3_published_range_high_is_8080_miles "$(json_field "$pr" high)" 13003 1e-9 "essanews2024"
check_text published_range_names_its_source "$(json_field "$pr" source)" usaf_factsheet
contains table_shows_the_published_range "$("$bin" catalog minuteman-3)" "published range: 9664 to 13003 km  usaf_factsheet"

# Radars: the list, one radar with every parameter, its source and the sources' range.
list=$("$bin" catalog --kind radar) && ok || bad "catalog --kind radar failed"
for v in an-tpy-2-fbm spy-1d uewr-fylingdales uewr-two-face; do
    contains "radar_list_names_$v" "$list" "$v"
done
js=$("$bin" catalog --kind radar an-tpy-2-fbm --json)
p=$(printf '%s' "$js" | grep -o '{"field":"detection_range_m"[^}]*}')
# NAS 2012 Fig. 5-8 as read by Lewis & Postol: 1,000 km value, 600-1,500 km spread (file, exact).
check tpy2_detection_range_is_the_file_value "$(json_field "$p" value)" 1000000 1e-6 "nas2012, file"
check tpy2_detection_range_low_is_the_file_low "$(json_field "$p" low)" 600000 1e-6 "file"
check tpy2_detection_range_high_is_nas_fig_5_8 "$(json_field "$p" high)" 1500000 1e-6 "NAS 2012 Fig. 5-8"
check_text tpy2_detection_range_cites_nas2012 "$(json_field "$p" source)" nas2012
contains radar_json_carries_the_citation "$js" "Making Sense of Ballistic Missile Defense"
tab=$("$bin" catalog --kind radar spy-1d)
contains radar_table_gives_angles_in_degrees "$(printf '%s\n' "$tab" | grep 'azimuth_half_width_deg')" "180 deg"
contains radar_table_shows_the_sources_range "$tab" "range of the sources: 200000 to 500000"
contains radar_table_lists_the_sources "$tab" "[nas2012] National Research Council"
js=$("$bin" catalog --kind radar spy-1d --set detection_range_m=400000 --json)
p=$(printf '%s' "$js" | grep -o '{"field":"detection_range_m"[^}]*}')
check radar_override_changes_the_value "$(json_field "$p" value)" 400000 1e-6 "--set"
contains radar_override_is_recorded "$p" "override (file value 300000 from nas2012)"

# Interceptors: the list and one interceptor (SM-3 IIA burnout 4.5 km/s of open analyses, file).
list=$("$bin" catalog --kind interceptor) && ok || bad "catalog --kind interceptor failed"
for v in gbi sm-3-block-ia sm-3-block-ib sm-3-block-iia sm-3-block-iib thaad; do
    contains "interceptor_list_names_$v" "$list" "$v"
done
js=$("$bin" catalog --kind interceptor sm-3-block-iia --json)
p=$(printf '%s' "$js" | grep -o '{"field":"burnout_speed_m_s"[^}]*}')
check sm3_iia_burnout_speed_is_the_open_analyses_figure "$(json_field "$p" value)" 4500 1e-6 "Wilkening 2012 via issue4"
check sm3_iia_burnout_speed_high_is_the_iib_figure "$(json_field "$p" high)" 5500 1e-6 "sankaran2013"
contains interceptor_table_gives_speeds_in_m_s \
    "$("$bin" catalog --kind interceptor sm-3-block-iia | grep 'burnout_speed_m_s')" "4500 m/s"

# Bad input: one line, exit 2.
expect_usage_error unknown_name_suggests_the_closest scud-b catalog scudb
expect_usage_error bad_override_is_refused "must be positive" catalog scud-b --set 'stages[0].burn_time_s=-3'
expect_usage_error unknown_override_field_is_refused "burn_time_s" catalog scud-b --set 'stages[0].burn_tme_s=3'
expect_usage_error set_without_name_is_refused "--set" catalog --set 'payload.rv_mass_kg=1'
expect_usage_error two_names_are_refused "unexpected argument" catalog scud-b no-dong
expect_usage_error unknown_flag_is_refused --bogus catalog --bogus
expect_usage_error unknown_kind_is_refused sonar catalog --kind sonar
expect_usage_error unknown_radar_suggests_the_closest spy-1d catalog --kind radar spy1d
expect_usage_error unknown_interceptor_suggests_the_closest sm-3-block-iia catalog --kind interceptor sm-3-block-iaa
expect_usage_error bad_radar_override_is_refused detection_range_m catalog --kind radar spy-1d --set detection_range_m=-1
expect_usage_error unknown_interceptor_override_is_refused burnout_speed_m_s catalog --kind interceptor thaad --set burnout_sped_m_s=1
"$bin" catalog --help >/dev/null && ok || bad "catalog --help should exit 0"

echo "cli_catalog: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
