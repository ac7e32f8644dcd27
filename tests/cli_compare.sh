#!/usr/bin/env bash
# Command-line tests of `bmdsim compare SCENARIO...`: each cell (route x phase x launch-on) equals
# what `bmdsim engage PHASE.yaml --launch-on SETTING` says for that phase's sites (the union
# analysis changes nothing); routes shared by the files are flown once and listed once; the JSON
# is strict (unique keys), the CSV has one line per cell, --svg and --html are written; every
# output names the launch-on setting, the fire-control requirement and that probabilities are
# not computed; bad input -> one line on stderr, exit 2, nothing written.
# Usage: cli_compare.sh PATH/TO/bmdsim
set -u
bin=$1
here=$(dirname "$0")
export BMD_DATA_DIR=${BMD_DATA_DIR:-$here/../data}
. "$(dirname "$0")/lib/cli_assert.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Two phases of a small case (a medium-range missile, sites near and far), sharing both routes.
common='timeline: {detect_to_track_s: 20, track_to_decision_s: 7, decision_to_launch_s: 3, kill_assessment_s: 30}
sensors:
  - {name: sbirs, ir: {cloud_top_m: 10000, delay_s: 5}, notional: true, note: "test"}
threats:
  - {name: mrbm, missile: shahab-3-class, from: [35.5, 51.0], to: [37.5, 41.5], notional: true, note: "test"}
  - {name: too-far, missile: scud-b, from: [35.5, 51.0], to: [52.5, 13.4], notional: true, note: "test"}'
cat >"$tmp/a.yaml" <<EOF
kind: scenario
title: "Test phase A: a slow interceptor far away"
date: 2011-03
phase: "test phase A"
$common
sites:
  - {name: far, at: [50.0, 10.0], interceptor: sm-3-block-ia, count: 4, cue: [sbirs], notional: true, note: "test"}
EOF
cat >"$tmp/b.yaml" <<EOF
kind: scenario
title: "Test phase B: a fast interceptor near the route"
date: 2016-05-12
$common
sites:
  - {name: near, at: [38.0, 42.5], interceptor: sm-3-block-iia, count: 4, cue: [sbirs], notional: true, note: "test"}
  - {name: far, at: [50.0, 10.0], interceptor: sm-3-block-ia, count: 4, cue: [sbirs], notional: true, note: "test"}
EOF

js=$("$bin" compare "$tmp/a.yaml" "$tmp/b.yaml" --json --svg "$tmp/m.svg" --html "$tmp/m.html"); rc=$?
[ $rc -eq 0 ] && ok || bad "compare exit $rc"
echo "$js" | python3 "$here/lib/json_strict.py" - && ok || bad "compare --json is not strict JSON"
[ -s "$tmp/m.svg" ] && grep -q '</svg>' "$tmp/m.svg" && ok || bad "--svg not written"
[ -s "$tmp/m.html" ] && grep -q '</html>' "$tmp/m.html" && ok || bad "--html not written"
python3 - "$tmp/m.svg" <<'EOF' && ok || bad "the SVG is not well-formed XML"
import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])
EOF
# cell PHASE SETTING ROUTE FIELD
cell() { python3 -c '
import json, sys
d = json.loads(sys.argv[1])
c = [c for c in d["cells"] if c["phase"] == sys.argv[2] and c["launch_on"] == sys.argv[3] and c["route"] == sys.argv[4]]
v = c[0][sys.argv[5]] if len(c) == 1 else "MISSING(%d)" % len(c)
print(str(v).lower() if isinstance(v, bool) else ("null" if v is None else v))' "$js" "$@"; }
top() { python3 -c 'import json,sys; v=json.loads(sys.argv[1]); [v := v[int(k)] if k.isdigit() else v[k] for k in sys.argv[2].split(".")]; print(str(v).lower() if isinstance(v,bool) else v)' "$js" "$1"; }
same() { if [ "$2" = "$3" ]; then ok; else bad "$1: expected '$3', got '$2'"; fi; }

# The routes are shared: listed once, 2 routes x 2 phases x 3 settings = 12 cells.
same routes_listed_once "$(python3 -c 'import json,sys; print(len(json.loads(sys.argv[1])["routes"]))' "$js")" 2
same one_cell_per_route_phase_setting "$(python3 -c 'import json,sys; print(len(json.loads(sys.argv[1])["cells"]))' "$js")" 12
same phase_metadata_date "$(top phases.0.date)" 2011-03
same phase_metadata_phase "$(top phases.0.phase)" "test phase A"
same probability_not_computed "$(top probability_note | cut -c1-12)" "not computed"
same fcr_named "$(top fcr_required_at_intercept)" true
same unreachable_route "$(cell P1 ir-track too-far route_reaches_target)" false

# Each cell equals engage on that phase alone (any site engageable), for every setting.
for setting in ir-track burnout radar-track; do
    for p in a:P1 b:P2; do
        f=${p%%:*}; id=${p##*:}
        ej=$("$bin" engage "$tmp/$f.yaml" --launch-on "$setting" --no-required-speed --json)
        want=$(python3 -c 'import json,sys; d=json.loads(sys.argv[1]); print(str(any(x["engageable"] for x in d if x["threat"]=="mrbm")).lower())' "$ej")
        same "compare $id $setting = engage $f.yaml" "$(cell "$id" "$setting" mrbm engageable)" "$want"
    done
done
# The case has both outcomes (so the equality above is tested on both).
same near_site_engages "$(cell P2 ir-track mrbm engageable)" true
same far_site_does_not "$(cell P1 ir-track mrbm engageable)" false
same engaging_site_named "$(cell P2 ir-track mrbm sites_engaging)" "['near']"
case "$(cell P1 ir-track mrbm reason)" in far:*) ok ;; *) bad "reason should name the site: $(cell P1 ir-track mrbm reason)" ;; esac

# CSV: a header and one line per cell; the table names the settings and the assumptions.
n=$("$bin" compare "$tmp/a.yaml" "$tmp/b.yaml" --csv | wc -l)
same csv_lines "$n" 13
tab=$("$bin" compare "$tmp/a.yaml" "$tmp/b.yaml" --launch-on burnout)
echo "$tab" | grep -q "B = launch on burnout" && ok || bad "table does not name the launch-on setting"
echo "$tab" | grep -q "Site radar must see the intercept: yes" && ok || bad "table does not name the fcr rule"
echo "$tab" | grep -q "Probabilities: not computed" && ok || bad "table does not say probabilities are not computed"

# Bad input: one line on stderr, exit 2, nothing written.
expect_usage() { # NAME ARGS...
    local name=$1; shift
    "$bin" compare "$@" >/dev/null 2>"$tmp/err"; local rc=$?
    [ $rc -eq 2 ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] && ok || bad "$name: exit $rc, stderr: $(cat "$tmp/err")"
}
sed 's/to: \[37.5, 41.5\]/to: [37.0, 41.0]/' "$tmp/b.yaml" >"$tmp/c.yaml"
expect_usage same_name_different_flight "$tmp/a.yaml" "$tmp/c.yaml" --svg "$tmp/no.svg"
[ ! -e "$tmp/no.svg" ] && ok || bad "an SVG was written despite the error"
expect_usage bad_launch_on "$tmp/a.yaml" --launch-on boost
if "$bin" compare --help | grep -q "refused in this build"; then
    expect_usage samples_without_engine "$tmp/a.yaml" --samples 10
else
    # With the Monte Carlo engine: probabilities in [0, 1], the same for the same seed.
    m1=$("$bin" compare "$tmp/a.yaml" "$tmp/b.yaml" --launch-on ir-track --samples 6 --seed 7 --json)
    m2=$("$bin" compare "$tmp/a.yaml" "$tmp/b.yaml" --launch-on ir-track --samples 6 --seed 7 --json)
    same samples_reproducible "$m1" "$m2"
    python3 -c '
import json, sys
d = json.loads(sys.argv[1])
p = [c["probability"] for c in d["cells"]]
sys.exit(0 if all(isinstance(x, (int, float)) and 0 <= x <= 1 for x in p) and d["samples"] == 6 else 1)' "$m1" && ok || bad "probabilities not in [0, 1] with --samples 6"
    expect_usage samples_zero "$tmp/a.yaml" --samples 0
    # One Monte Carlo run serves every launch-on setting (bmd_mc_run_rules): each setting's
    # probabilities are those of its own run (--launch-on), and the note states the design
    # (default: K = min(N, 20) threat draws, here K = N = 6; --threat-draws 2: 2 draws).
    m3=$("$bin" compare "$tmp/a.yaml" "$tmp/b.yaml" --samples 6 --seed 7 --json)
    python3 -c '
import json, sys
one, every = json.loads(sys.argv[1]), json.loads(sys.argv[2])
p1 = [(c["phase"], c["route"], c["probability"]) for c in one["cells"]]
pa = [(c["phase"], c["route"], c["probability"]) for c in every["cells"] if c["launch_on"] == "ir-track"]
ok = p1 == pa and every["threat_draws"] == 6 and "K = N = 6 threat draws" in every["probability_note"]
print("" if ok else "one setting %s, all settings %s, K %s, note %s" % (p1, pa, every["threat_draws"], every["probability_note"]))
sys.exit(0 if ok else 1)' "$m1" "$m3" && ok || bad "all settings in one run differ from the ir-track run, or the design is not stated"
    m4=$("$bin" compare "$tmp/a.yaml" "$tmp/b.yaml" --launch-on ir-track --samples 6 --seed 7 --threat-draws 2 --csv)
    printf '%s\n' "$m4" | python3 -c '
import csv, sys
rows = list(csv.DictReader(sys.stdin))
ok = rows and all("2 draws of the missile flight parameters crossed with the 6 samples" in r["probability_note"] for r in rows)
sys.exit(0 if ok else 1)' && ok || bad "--threat-draws 2: the CSV does not state the crossed design: $m4"
    expect_usage threat_draws_zero "$tmp/a.yaml" --samples 6 --threat-draws 0
    expect_usage threat_draws_above_samples "$tmp/a.yaml" --samples 6 --threat-draws 7
    expect_usage threat_draws_fraction "$tmp/a.yaml" --samples 6 --threat-draws 2.5
    expect_usage threat_draws_without_samples "$tmp/a.yaml" --threat-draws 2
fi
expect_usage no_files
expect_usage json_and_csv "$tmp/a.yaml" --json --csv
expect_usage missing_file "$tmp/nope.yaml"
sed 's/^date: 2011-03/date: [2011]/' "$tmp/a.yaml" >"$tmp/d.yaml"
expect_usage date_must_be_text "$tmp/d.yaml"

echo "cli_compare: $pass passed, $fail failed"
[ $fail -eq 0 ]
