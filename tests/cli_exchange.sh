#!/usr/bin/env bash
# Command-line tests of `bmdsim exchange`: numbers in JSON and table form against hand-computed
# closed forms (docs/physics.md, Exchange arithmetic), and bad input -> one line on stderr, exit 2.
# Usage: cli_exchange.sh PATH/TO/bmdsim
set -u
bin=$1
. "$(dirname "$0")/lib/cli_assert.sh"

# Salvo of 2 at SSPK 0.8 against 5 warheads: 1 - 0.2^2 = 0.96 per warhead, 0.96^5 = 0.8153726976
# no-leak, 5 x 0.04 = 0.2 leakers, 10 interceptors (JSON carries 9 decimals for probabilities).
out=$("$bin" exchange --warheads 5 --sspk 0.8 --shots 2 --json)
check salvo_kill_probability_is_0_96 "$(json_field "$out" kill_probability)" 0.96 1e-9 "1 - 0.2^2"
check salvo_p_no_leak_is_0_96_to_the_fifth "$(json_field "$out" p_no_leak)" 0.8153726976 1e-9 "0.96^5"
check salvo_expected_leakers "$(json_field "$out" expected_leakers)" 0.2 1e-7 "5 x 0.04"
check salvo_interceptors_used "$(json_field "$out" interceptors_used)" 10 1e-7 "5 x 2"

# Shoot-look-shoot, one interceptor per opportunity, perfect looks: same 0.96 with 1.2 shots.
out=$("$bin" exchange --warheads 1 --sspk 0.8 --shots 1 --doctrine sls --json)
check sls_kill_probability_is_0_96 "$(json_field "$out" kill_probability)" 0.96 1e-9 "1 - 0.2 x 0.2"
check sls_uses_1_2_interceptors "$(json_field "$out" interceptors_used)" 1.2 1e-7 "1 + 0.2"
check sls_fires_at_most_2 "$(json_field "$out" interceptors_max)" 2 0 "two opportunities"
check_text sls_doctrine_is_echoed "$(json_field "$out" doctrine)" sls

# Imperfect kill assessment 0.9: survive 0.2 x (1 - 0.9 x 0.8) = 0.056; shots 1 + 0.18 + 0.08.
out=$("$bin" exchange --warheads 1 --sspk 0.8 --shots 1 --doctrine sls --looks 1 --kill-assessment 0.9 --json)
check kill_assessment_leakers "$(json_field "$out" expected_leakers)" 0.056 1e-7 "0.2 x 0.28"
check kill_assessment_shots "$(json_field "$out" interceptors_used)" 1.26 1e-7 "1 + 0.26"

# One warhead, one look-alike decoy, one interceptor: 0.5 x 0.8 = 0.4; with q = 0.5: 0.6.
out=$("$bin" exchange --warheads 1 --decoys 1 --sspk 0.8 --shots 1 --inventory 1 --json)
check undiscriminated_decoy_halves_the_defence "$(json_field "$out" p_no_leak)" 0.4 1e-9 "0.5 x 0.8"
out=$("$bin" exchange --warheads 1 --decoys 1 --discrimination 0.5 --sspk 0.8 --shots 1 --inventory 1 --json)
check half_discrimination "$(json_field "$out" p_no_leak)" 0.6 1e-9 "0.5 x 0.8 + 0.5 x 0.4"

# Required 0.99 at SSPK 0.8 with two look-alike decoys: 3 shots (0.992), 9 interceptors (8 give
# (2/3) 0.992 + (1/3) 0.96 = 0.9813); one shot per target can never reach it.
out=$("$bin" exchange --warheads 1 --decoys 2 --sspk 0.8 --shots 1 --required 0.99 --json)
check shots_needed_for_99_percent "$(json_field "$out" shots_needed)" 3 0 "1 - 0.2^3 = 0.992"
check interceptors_needed_for_99_percent "$(json_field "$out" interceptors_needed)" 9 0 "3 objects x 3"
check_text one_shot_cannot_reach_99_percent "$(json_field "$out" interceptors_needed_at_shots)" unreachable

# The table form carries the same numbers.
table=$("$bin" exchange --warheads 5 --sspk 0.8 --shots 2)
case "$table" in *"probability that no warhead leaks"*"0.815373"*) ok ;; *) bad "table lacks p_no_leak: $table" ;; esac

# Bad input: one line naming the flag, exit status 2.
expect_usage_error sspk_above_one_is_refused --sspk exchange --warheads 1 --sspk 1.5 --shots 1
expect_usage_error sspk_below_zero_is_refused --sspk exchange --warheads 1 --sspk -0.1 --shots 1
expect_usage_error nan_sspk_is_refused --sspk exchange --warheads 1 --sspk nan --shots 1
expect_usage_error discrimination_above_one_is_refused --discrimination exchange --warheads 1 --sspk 0.5 --shots 1 --discrimination 2
expect_usage_error required_above_one_is_refused --required exchange --warheads 1 --sspk 0.5 --shots 1 --required 1.2
expect_usage_error negative_warheads_are_refused --warheads exchange --warheads -1 --sspk 0.5 --shots 1
expect_usage_error negative_decoys_are_refused --decoys exchange --warheads 1 --decoys -4 --sspk 0.5 --shots 1
expect_usage_error negative_inventory_is_refused --inventory exchange --warheads 1 --sspk 0.5 --shots 1 --inventory -2
expect_usage_error fractional_shots_are_refused --shots exchange --warheads 1 --sspk 0.5 --shots 1.5
expect_usage_error text_for_a_number_is_refused --warheads exchange --warheads many --sspk 0.5 --shots 1
expect_usage_error unknown_doctrine_lists_the_allowed "salvo, sls" exchange --warheads 1 --sspk 0.5 --shots 1 --doctrine barrage
expect_usage_error looks_with_a_salvo_are_refused --looks exchange --warheads 1 --sspk 0.5 --shots 1 --looks 2
expect_usage_error zero_looks_for_sls_are_refused --looks exchange --warheads 1 --sspk 0.5 --shots 1 --doctrine sls --looks 0
expect_usage_error missing_sspk_is_refused --sspk exchange --warheads 1 --shots 1
expect_no_solution certainty_with_imperfect_interceptors_has_no_solution "no number of shots" exchange --warheads 1 --sspk 0.5 --shots 1 --required 1
"$bin" exchange --help >/dev/null && ok || bad "exchange --help should exit 0"

echo "cli_exchange: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
