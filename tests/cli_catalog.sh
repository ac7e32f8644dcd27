#!/usr/bin/env bash
# Command-line tests of `bmdsim catalog`: the list, one vehicle in table and JSON form (values
# against Forden 2007 Table 1 and pytrajlib, with provenance), overrides, and bad input -> one line
# on stderr, exit 2.
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

# Bad input: one line, exit 2.
expect_usage_error unknown_name_suggests_the_closest scud-b catalog scudb
expect_usage_error bad_override_is_refused "must be positive" catalog scud-b --set 'stages[0].burn_time_s=-3'
expect_usage_error unknown_override_field_is_refused "burn_time_s" catalog scud-b --set 'stages[0].burn_tme_s=3'
expect_usage_error set_without_name_is_refused "--set" catalog --set 'payload.rv_mass_kg=1'
expect_usage_error two_names_are_refused "unexpected argument" catalog scud-b no-dong
expect_usage_error unknown_flag_is_refused --bogus catalog --bogus
"$bin" catalog --help >/dev/null && ok || bad "catalog --help should exit 0"

echo "cli_catalog: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
