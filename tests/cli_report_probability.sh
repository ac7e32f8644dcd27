#!/usr/bin/env bash
# Command-line tests of the report's per-pair probability table (`bmdsim report --samples N`,
# issue 12 items 2 and 7): the table is in the HTML with its structure (one row per pair and
# launch-on rule, the sample count, sampler, seed and every varied parameter with its source) and
# on the GeoJSON intercept points; a parameter that cannot change the verdict (the warhead's
# radar cross-section, when only a space-based infrared sensor cues and no radar is involved)
# gives exactly P = 0 or 1, "always"/"never"; the same seed gives byte-identical HTML on 1 and 2
# threads; --samples 0 skips it; bad input exits 2 with one line and writes nothing.
# Small: one MRBM, one site, 4 samples, no footprints, no required speeds.
# Usage: cli_report_probability.sh PATH/TO/bmdsim
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
export BMD_DATA_DIR=${BMD_DATA_DIR:-$here/../data}
. "$(dirname "$0")/lib/cli_assert.sh"
tmp=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT

cat > "$tmp/case.yaml" <<'YAML'
kind: scenario
title: "report probability test"
timeline: {detect_to_track_s: 20, track_to_decision_s: 7, decision_to_launch_s: 3, kill_assessment_s: 30}
sensors:
  - {name: sbirs, ir: {cloud_top_m: 10000, delay_s: 5}, notional: true, note: t}
sites:
  - {name: near, at: [38.0, 42.5], interceptor: sm-3-block-iia, count: 4, cue: [sbirs], notional: true, note: t}
threats:
  - {name: mrbm, missile: shahab-3-class, from: [35.5, 51.0], to: [37.5, 41.5], notional: true, note: t}
YAML
fast=(--no-required-speed --no-footprints --no-remote --quiet --seed 5 --sampler mc)
vary=(--vary "missile.signature.warhead_rcs_m2=0.01:1")

# 1. the table, on one and on two threads
# (the same command line in both: the colophon shows it; relative paths from t1 and t2)
mkdir -p "$tmp/t1" "$tmp/t2"
(cd "$tmp/t1" && OMP_NUM_THREADS=1 "$bin" report ../case.yaml -o r.html "${fast[@]}" --samples 4 \
    "${vary[@]}" >/dev/null) && ok || bad "report --samples 4 (1 thread)"
(cd "$tmp/t2" && OMP_NUM_THREADS=2 "$bin" report ../case.yaml -o r.html "${fast[@]}" --samples 4 \
    "${vary[@]}" >/dev/null) && ok || bad "report --samples 4 (2 threads)"
cmp -s "$tmp/t1/r.html" "$tmp/t2/r.html" && ok || bad "1 and 2 threads: the HTML differs"
cmp -s "$tmp/t1/r.geojson" "$tmp/t2/r.geojson" && ok || bad "1 and 2 threads: the GeoJSON differs"

python3 - "$tmp/t1/r.html" "$tmp/t1/r.geojson" <<'PY' && ok || bad "the table's structure or its known answer"
import html, json, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
fails = []
def need(cond, what):
    if not cond:
        fails.append(what)
sec = page[page.index('id="probabilities"'):]
sec = sec[:sec.index("</table>")]
need("4 samples per launch-on rule, mc sampler" in sec and "seed 5" in sec, "N, sampler, seed named")
need("missile.signature.warhead_rcs_m2 ~ uniform(0.01, 1) m^2" in html.unescape(sec),
     "the varied parameter with its band")
need("--vary" in html.unescape(sec), "the parameter's origin (--vary)")
rows = re.findall(r"<tr>(.*?)</tr>", sec, re.S)
head = rows[0]
for col in ["launch on", "P(&gt;=1) [95 %]", "P(&gt;=2) [95 %]", "intercept altitude km",
            "intercept time s", "most influential (S1)", "reading", "samples evaluated"]:
    need(col in head, "column " + col)
body = rows[1:]
need(len(body) == 3, "one row per launch-on rule (%d rows)" % len(body))
seen = {}
for r in body:
    cells = [re.sub("<[^>]+>", "", c) for c in re.findall(r"<td[^>]*>(.*?)</td>", r, re.S)]
    cells = cells[-9:]  # the threat and site cells span the rule rows
    rule, nominal, p1 = cells[0], int(cells[1]), cells[2]
    reading = cells[7]
    seen[rule] = (nominal, p1, reading)
    # known answer: the cross-section cannot change an infrared-cued verdict: P is the nominal 0 or 1
    want = "100 %" if nominal >= 1 else "0 %"
    need(p1.startswith(want + " ["), "%s: P(>=1) %s, nominal shots %d" % (rule, p1, nominal))
    need(reading.startswith("always" if nominal >= 1 else "never"), "%s: reading %s" % (rule, reading))
    need(cells[8] == "4 of 4", "%s: samples evaluated %s" % (rule, cells[8]))
need(sorted(seen) == ["burnout", "ir-track", "radar-track"], "rules %s" % sorted(seen))
need(any(v[0] >= 1 for v in seen.values()), "at least one rule engages (else the case is trivial)")
need("No finding is uncertain" in page, "no uncertain finding")
gj = json.load(open(sys.argv[2], encoding="utf-8"))
pts = [f["properties"] for f in gj["features"] if f["properties"].get("feature") == "intercept"]
need(len(pts) >= 1, "intercept points in the GeoJSON")
for p in pts:
    need(p.get("mc_samples") == 4 and p.get("mc_seed") == 5 and p.get("mc_sampler") == "mc",
         "GeoJSON mc_samples/seed/sampler")
    need(p.get("mc_p_at_least_one_shot_ir-track") in (0, 1), "GeoJSON P(>=1) ir-track exact")
    need("warhead_rcs_m2" in p.get("mc_parameters", ""), "GeoJSON mc_parameters")
if fails:
    print("\n".join(fails), file=sys.stderr)
sys.exit(1 if fails else 0)
PY

# 2. a parameter that decides: the burnout speed over a wide band gives an uncertain finding
"$bin" report "$tmp/case.yaml" -o "$tmp/u/r.html" "${fast[@]}" --samples 8 \
    --vary "interceptor.burnout_speed_m_s=600:6000" >/dev/null && ok || bad "report with a wide band"
grep -q "Uncertain findings" "$tmp/u/r.html" && ok || bad "a wide speed band gives no uncertain finding"

# 3. --samples 0: no table, no coverage map, the section says so
"$bin" report "$tmp/case.yaml" -o "$tmp/z/r.html" "${fast[@]}" --samples 0 >/dev/null && ok \
    || bad "report --samples 0"
grep -q "Not computed for this report" "$tmp/z/r.html" && ok || bad "--samples 0: no 'not computed'"
grep -q 'class="probabilities"' "$tmp/z/r.html" && bad "--samples 0 wrote a table" || ok

# 4. bad input: exit 2, one line, nothing written
for args in "--samples -1" "--samples 100001" "--samples 1.5" "--seed -3" "--sampler sobolx" \
            "--vary nothing=1:2" "--vary interceptor.burnout_speed_m_s=5000:4000"; do
    # shellcheck disable=SC2086
    err=$("$bin" report "$tmp/case.yaml" -o "$tmp/bad/r.html" --quiet $args 2>&1 >/dev/null); rc=$?
    [ $rc -eq 2 ] && ok || bad "$args: exit $rc (want 2)"
    [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] && ok || bad "$args: not one line: $err"
    [ ! -e "$tmp/bad" ] && ok || bad "$args: something was written"
done

echo "cli_report_probability: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
