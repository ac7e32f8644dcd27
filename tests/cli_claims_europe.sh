#!/usr/bin/env bash
# Published claims about the European missile-defence deployments, reproduced with bmdsim under
# the claim's assumptions (docs/validation-europe.md: one section per claim, same labels). Each
# assertion states what the claim says, what bmdsim finds, and the margin that makes the check
# meaningful. Where bmdsim disagrees with a claim the test asserts bmdsim's answer (and the doc
# says why): the tests are not tuned to the claims.
# Small cases (one site, two to four routes) keep it quick.
# Usage: cli_claims_europe.sh PATH/TO/bmdsim
set -u
bin=$1
here=$(dirname "$0")
export BMD_DATA_DIR=${BMD_DATA_DIR:-$here/../data}
. "$(dirname "$0")/lib/cli_assert.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
same() { if [ "$2" = "$3" ]; then ok; else bad "$1: expected '$3', got '$2'"; fi; }
# lt NAME A B: A < B (numbers)
lt() { if python3 -c 'import sys; sys.exit(0 if float(sys.argv[1]) < float(sys.argv[2]) else 1)' "$2" "$3" 2>/dev/null; then ok; else bad "$1: expected $2 < $3"; fi; }
# The field of the engage --json object of threat T.
pair() { python3 -c '
import json, sys
d = [x for x in json.loads(sys.argv[1]) if x["threat"] == sys.argv[2]][0]
v = d[sys.argv[3]]
print(str(v).lower() if isinstance(v, bool) else ("null" if v is None else v))' "$1" "$2" "$3"; }
# The compare --json cell PHASE SETTING ROUTE: engageable.
cell() { python3 -c '
import json, sys
d = json.loads(sys.argv[1])
c = [c for c in d["cells"] if c["phase"] == sys.argv[2] and c["launch_on"] == sys.argv[3] and c["route"] == sys.argv[4]]
print(str(c[0]["engageable"]).lower() if len(c) == 1 else "MISSING")' "$1" "$2" "$3" "$4"; }

timeline='timeline: {detect_to_track_s: 30, track_to_decision_s: 30, decision_to_launch_s: 10, kill_assessment_s: 60}'

# --- Claims 1-3: the two-stage GBI of the 2007 plan at Redzikowo --------------------------------
# The 2007 plan (scenarios/plan-2007-gbi-poland.yaml) reduced to one site and two routes: the
# nearest division (Kozelsk, western Russia) and a far one (Irkutsk), both toward Washington.
# Assumption of this case, named in the doc: the kill vehicle flies at most 600 s (notional; the
# catalogue's 1,500 s lets a GBI from Poland reach the threat's reentry over North America, which
# none of the claims is about).
gbi() { # gbi BURNOUT_M_S
cat <<EOF
kind: scenario
title: "Claims 1-3: ten two-stage GBIs at Redzikowo, cued by the EMR at Brdy, Fylingdales and IR"
$timeline
sensors:
  - {name: brdy-emr, radar: emr-x-band, at: [49.61, 13.75, 718], boresight_deg: 105, notional: true, note: "scenarios/plan-2007-gbi-poland.yaml"}
  - {name: fylingdales, radar: uewr-fylingdales, at: [54.36, -0.67], notional: true, note: "as scenarios/europe.yaml"}
  - {name: sbirs, ir: {cloud_top_m: 10000, delay_s: 30}, notional: true, note: "as scenarios/europe.yaml"}
sites:
  - {name: redzikowo-gbi, at: [54.479, 17.109], interceptor: gbi-two-stage, set: {burnout_speed_m_s: $1, max_flyout_time_s: 600}, count: 10, cue: [brdy-emr, fylingdales, sbirs], notional: true, note: "claims 1-3"}
threats:
  - {name: kozelsk-washington, missile: rs-24-yars-class, from: [54.03, 35.78], to: [38.90, -77.04], notional: true, note: "podvig division town"}
  - {name: irkutsk-washington, missile: rs-24-yars-class, from: [52.29, 104.28], to: [38.90, -77.04], notional: true, note: "podvig division town"}
EOF
}
gbi 6300 >"$tmp/gbi63.yaml"
gbi 9000 >"$tmp/gbi90.yaml"
g63=$("$bin" engage "$tmp/gbi63.yaml" --json) || bad "engage gbi63 failed"
g90=$("$bin" engage "$tmp/gbi90.yaml" --json --no-required-speed) || bad "engage gbi90 failed"

# Claim 1 (MDA, as quoted by Brookes 2008): at MDA's 6.3 km/s the GBI is "not fast enough to catch
# a Russian land-based ICBM". bmdsim DISAGREES for the western division: the Kozelsk-Washington
# flight passes about 500 km from Redzikowo and needs about 5.6 km/s. The check: the required
# speed is below 6.3 km/s by more than the 0.1 km/s bracket of the speed search, and the pair is
# engageable at 6.3 km/s.
need=$(pair "$g63" kozelsk-washington required_speed_km_s)
lt claim1_kozelsk_needs_less_than_mda_6.3 "$need" 6.2
same claim1_kozelsk_engageable_at_6.3 "$(pair "$g63" kozelsk-washington engageable)" true

# Claim 2 (Postol, AFP 2007): at about 9 km/s the interceptors could engage ICBMs from western
# Russia. bmdsim AGREES (and finds it already at 6.3 km/s, claim 1).
same claim2_kozelsk_engageable_at_9 "$(pair "$g90" kozelsk-washington engageable)" true

# Claim 3 (CIGI 2007): only ICBMs from western Russia could be caught from Poland; routes from
# central and eastern Russia pass far to the north and are impossible to catch. bmdsim AGREES at
# 6.3 km/s: Irkutsk-Washington is out of reach and needs more than 6.3 km/s (about 8.4).
same claim3_irkutsk_not_engageable_at_6.3 "$(pair "$g63" irkutsk-washington engageable)" false
lt claim3_irkutsk_needs_more_than_6.3 6.3 "$(pair "$g63" irkutsk-washington required_speed_km_s)"

# --- Claim 4: geography (Brookes 2008; CIGI 2007) -----------------------------------------------
# Russian ICBMs aimed at the US fly over the North Pole or Iceland and Greenland, not over Poland;
# the western routes pass "close to" Poland. bmdsim AGREES: the Kozelsk-Washington track passes
# 300-800 km from Redzikowo (about 500; the band allows for the launch point being a town, not a
# silo) and within 500 km of Reykjavik (about 360); the Irkutsk track passes more than 3,000 km
# from Redzikowo (about 3,560) and north of 80 degrees latitude (about 86.5).
"$bin" trajectory --missile rs-24-yars-class --from 54.03,35.78 --to 38.90,-77.04 --csv "$tmp/kw.csv" --interval 10 >/dev/null || bad "trajectory kozelsk"
"$bin" trajectory --missile rs-24-yars-class --from 52.29,104.28 --to 38.90,-77.04 --csv "$tmp/iw.csv" --interval 10 >/dev/null || bad "trajectory irkutsk"
geo() { python3 - "$@" <<'EOF'
import csv, math, sys
def gc(a, b, c, d):
    a, b, c, d = map(math.radians, (a, b, c, d))
    return 6371.0 * math.acos(min(1.0, math.sin(a) * math.sin(c) + math.cos(a) * math.cos(c) * math.cos(d - b)))
rows = [(float(r["lat_deg"]), float(r["lon_deg"])) for r in csv.DictReader(open(sys.argv[1]))]
if sys.argv[2] == "maxlat":
    print(max(r[0] for r in rows))
else:
    lat, lon = float(sys.argv[2]), float(sys.argv[3])
    print(min(gc(r[0], r[1], lat, lon) for r in rows))
EOF
}
d=$(geo "$tmp/kw.csv" 54.479 17.109); lt claim4_kozelsk_not_over_poland 300 "$d"; lt claim4_kozelsk_close_to_poland "$d" 800
lt claim4_kozelsk_over_iceland "$(geo "$tmp/kw.csv" 64.15 -21.94)" 500
lt claim4_irkutsk_far_north_of_poland 3000 "$(geo "$tmp/iw.csv" 54.479 17.109)"
lt claim4_irkutsk_over_the_pole 80 "$(geo "$tmp/iw.csv" maxlat)"

# --- Claims 5-7: the EPAA phases ------------------------------------------------------------------
# Phases 1-2 (SM-3 IA at sea, IB at Deveselu), phase 3 (IIA at Redzikowo) and phase 4 (IIB at
# Redzikowo), each with its SPY-1D and the cueing of scenarios/epaa-*.yaml, against the two
# nearest Russian routes and two Iranian IRBM routes (hwasong-12-class stand-in).
routes='threats:
  - {name: kozelsk-washington, missile: rs-24-yars-class, from: [54.03, 35.78], to: [38.90, -77.04], notional: true, note: "podvig"}
  - {name: teykovo-washington, missile: rs-24-yars-class, from: [56.86, 40.54], to: [38.90, -77.04], notional: true, note: "podvig"}
  - {name: semnan-warsaw, missile: hwasong-12-class, from: [35.23, 53.92], to: [52.23, 21.01], notional: true, note: "stand-in IRBM"}
  - {name: tabriz-london, missile: hwasong-12-class, from: [38.08, 46.29], to: [51.51, -0.13], notional: true, note: "stand-in IRBM"}'
sensors='sensors:
  - {name: kurecik, radar: an-tpy-2-fbm, at: [38.34944, 37.79361, 2085], boresight_deg: 95, notional: true, note: "as scenarios/europe.yaml"}
  - {name: fylingdales, radar: uewr-fylingdales, at: [54.36, -0.67], notional: true, note: "as scenarios/europe.yaml"}
  - {name: sbirs, ir: {cloud_top_m: 10000, delay_s: 30}, notional: true, note: "as scenarios/europe.yaml"}'
dev='  - {name: deveselu, at: [44.05, 24.383], interceptor: sm-3-block-ib, count: 24, radar: spy-1d, cue: [kurecik, sbirs], notional: true, note: "as scenarios/epaa-phase2-2016.yaml"}'
red() { echo "  - {name: redzikowo, at: [54.479, 17.109], interceptor: $1, count: 24, radar: spy-1d, cue: [sbirs, fylingdales], notional: true, note: \"as scenarios/epaa-phase3-2024.yaml\"}"; }
phase() { printf 'kind: scenario\ntitle: "%s"\n%s\n%s\nsites:\n%s\n%s\n' "$1" "$timeline" "$sensors" "$2" "$routes"; }
phase "phases 1-2" "$dev
  - {name: aegis-east-med, at: [34.0, 32.0], interceptor: sm-3-block-ia, count: 8, radar: spy-1d, cue: [kurecik, sbirs], notional: true, note: \"as scenarios/epaa-phase1-2011.yaml\"}" >"$tmp/p12.yaml"
phase "phase 3" "$dev
$(red sm-3-block-iia)" >"$tmp/p3.yaml"
phase "phase 4" "$(red sm-3-block-iib)" >"$tmp/p4.yaml"
own=$("$bin" compare "$tmp/p12.yaml" "$tmp/p3.yaml" "$tmp/p4.yaml" --json) || bad "compare (own radar) failed"
remote=$("$bin" compare "$tmp/p3.yaml" "$tmp/p4.yaml" --json --no-fcr-coverage --launch-on ir-track) || bad "compare (remote) failed"

# Claim 5 (EPAA fact sheet 2011; Sankaran 2013): phases 1-2 (SM-3 IA/IB) are against short- and
# medium-range missiles, and the fully deployed system without phase 4 "will not be able to
# intercept Russian ICBMs". bmdsim AGREES: no cell of phases 1-3 engages a Russian route, under
# any launch-on setting, with the site's radar required; phase 3 not even on remote. (Verdicts,
# not numbers: no tolerance.)
for s in ir-track burnout radar-track; do
    for p in P1 P2; do
        for r in kozelsk-washington teykovo-washington; do
            same "claim5_${p}_${s}_${r}" "$(cell "$own" $p $s $r)" false
        done
    done
done
same claim5_phase3_on_remote_kozelsk "$(cell "$remote" P1 ir-track kozelsk-washington)" false

# Claim 6 (Sankaran 2013): the cancellation of phase 4 (SM-3 IIB, 5.5 km/s) removed "any
# capability" the system would have had against Russian ICBMs — i.e. the IIB had some. bmdsim
# AGREES only on remote: the IIB at Redzikowo engages Kozelsk-Washington when any cueing radar's
# track may guide it (ir-track), and not when its own SPY-1D must see the intercept.
same claim6_iib_on_remote_kozelsk "$(cell "$remote" P2 ir-track kozelsk-washington)" true
same claim6_iib_own_radar_kozelsk "$(cell "$own" P3 ir-track kozelsk-washington)" false

# Claim 7 (EPAA implementation speech 2013): phase 3 "will be able to protect all of NATO Europe
# against ballistic missile threats from the Middle East". bmdsim AGREES for Warsaw and, on
# remote, for London; it DISAGREES for London when the site's own radar must see the intercept
# (the Tabriz-London flight passes outside the SPY-1D's coverage of Deveselu and Redzikowo).
same claim7_warsaw_phase3 "$(cell "$own" P2 ir-track semnan-warsaw)" true
same claim7_london_phase3_own_radar "$(cell "$own" P2 ir-track tabriz-london)" false
same claim7_london_phase3_on_remote "$(cell "$remote" P1 ir-track tabriz-london)" true

# --- Claims 8-12: the EastWest Institute (2009), Wilkening (2008), the NRC (2012) -----------------
# The field of the engage --json object of threat T at site S.
pairs() { python3 -c '
import json, sys
d = [x for x in json.loads(sys.argv[1]) if x["threat"] == sys.argv[2] and x["site"] == sys.argv[3]][0]
v = d[sys.argv[4]]
print(str(v).lower() if isinstance(v, bool) else ("null" if v is None else v))' "$1" "$2" "$3" "$4"; }
# The 2007-plan GBI (MDA's 6.3 km/s, 600 s flyout, as claims 1-3) at Redzikowo and at two sites
# nearer the Middle East that Wilkening names by country only (notional points: central Bulgaria,
# and Kuerecik in Turkey, the TPY-2 site), against four Russian divisions and two Iranian routes
# (the IRBM stand-in toward Warsaw and toward Rome, southern Europe).
cat >"$tmp/south.yaml" <<EOF
kind: scenario
title: "Claims 8-11: two-stage GBIs at Redzikowo, in Bulgaria and in Turkey"
$timeline
sensors:
  - {name: brdy-emr, radar: emr-x-band, at: [49.61, 13.75, 718], boresight_deg: 105, notional: true, note: "scenarios/plan-2007-gbi-poland.yaml"}
  - {name: fylingdales, radar: uewr-fylingdales, at: [54.36, -0.67], notional: true, note: "as scenarios/europe.yaml"}
  - {name: sbirs, ir: {cloud_top_m: 10000, delay_s: 30}, notional: true, note: "as scenarios/europe.yaml"}
sites:
  - {name: redzikowo-gbi, at: [54.479, 17.109], interceptor: gbi-two-stage, set: {burnout_speed_m_s: 6300, max_flyout_time_s: 600}, count: 10, cue: [brdy-emr, fylingdales, sbirs], notional: true, note: "claims 8, 9, 11"}
  - {name: bulgaria-gbi, at: [42.7, 25.5], interceptor: gbi-two-stage, set: {burnout_speed_m_s: 6300, max_flyout_time_s: 600}, count: 10, cue: [brdy-emr, fylingdales, sbirs], notional: true, note: "claim 10: Wilkening names Bulgaria, no site"}
  - {name: turkey-gbi, at: [38.35, 37.79], interceptor: gbi-two-stage, set: {burnout_speed_m_s: 6300, max_flyout_time_s: 600}, count: 10, cue: [brdy-emr, fylingdales, sbirs], notional: true, note: "claim 10: Wilkening names Turkey, no site; Kuerecik"}
threats:
  - {name: kozelsk-washington, missile: rs-24-yars-class, from: [54.03, 35.78], to: [38.90, -77.04], notional: true, note: "podvig division town"}
  - {name: irkutsk-washington, missile: rs-24-yars-class, from: [52.29, 104.28], to: [38.90, -77.04], notional: true, note: "podvig division town"}
  - {name: teykovo-washington, missile: rs-24-yars-class, from: [56.86, 40.54], to: [38.90, -77.04], notional: true, note: "podvig division town"}
  - {name: tatishchevo-washington, missile: rs-24-yars-class, from: [51.67, 45.60], to: [38.90, -77.04], notional: true, note: "podvig division town"}
  - {name: semnan-warsaw, missile: hwasong-12-class, from: [35.23, 53.92], to: [52.23, 21.01], notional: true, note: "stand-in IRBM"}
  - {name: tabriz-rome, missile: hwasong-12-class, from: [38.08, 46.29], to: [41.90, 12.50], notional: true, note: "stand-in IRBM toward southern Europe"}
EOF
south=$("$bin" engage "$tmp/south.yaml" --json) || bad "engage south failed"

# Claim 8 (EastWest Institute joint U.S.-Russian threat assessment, May 2009, p. 15, as summarised
# by the No Bases Initiative): the ten interceptors in Poland "could catch some Russian ICBMs".
# bmdsim AGREES: at 6.3 km/s the Redzikowo GBI engages the western divisions (Kozelsk, Teykovo,
# Tatishchevo toward Washington) and not the eastern one (Irkutsk): some, not all.
for r in kozelsk-washington teykovo-washington tatishchevo-washington; do
    same "claim8_poland_catches_${r}" "$(pairs "$south" $r redzikowo-gbi engageable)" true
done
same claim8_poland_not_irkutsk "$(pairs "$south" irkutsk-washington redzikowo-gbi engageable)" false

# Claim 9 (EastWest Institute 2009, as reported by the Washington Post, 19 May 2009): against a
# nuclear-capable Iranian missile that could strike Europe, the proposed defence "could not engage
# that missile". bmdsim DISAGREES on kinematics (it models no decoys, which the same report names):
# the IRBM stand-in from Tabriz to Rome is engageable from Redzikowo at 6.3 km/s and needs far less
# (about 3.4 km/s; the check: below 5 km/s).
same claim9_poland_engages_tabriz_rome "$(pairs "$south" tabriz-rome redzikowo-gbi engageable)" true
lt claim9_tabriz_rome_needs_well_below_6.3 "$(pairs "$south" tabriz-rome redzikowo-gbi required_speed_km_s)" 5.0

# Claim 10 (Wilkening, "Technical Effectiveness of European Ballistic Missile Defense Options",
# Wilton Park briefing, 2008, p. 61, as summarised by the No Bases Initiative): interceptors in
# Bulgaria or Turkey instead of Poland could not challenge Russian ICBMs. bmdsim AGREES at MDA's
# 6.3 km/s: neither southern site engages any of the three western divisions, each needing more
# than 6.3 km/s (about 7.2-8.1 from Bulgaria). It is ASSUMPTION-DEPENDENT: at Postol's 9 km/s
# (claim 2) the Bulgarian site would have the speed for Tatishchevo (needs < 9).
for site in bulgaria-gbi turkey-gbi; do
    for r in kozelsk-washington teykovo-washington tatishchevo-washington; do
        same "claim10_${site}_not_${r}" "$(pairs "$south" $r $site engageable)" false
        lt "claim10_${site}_${r}_needs_more_than_6.3" 6.3 "$(pairs "$south" $r $site required_speed_km_s)"
    done
done
lt claim10_bulgaria_tatishchevo_within_postol_9 "$(pairs "$south" tatishchevo-washington bulgaria-gbi required_speed_km_s)" 9.0

# Claim 11 (Wilkening 2008 briefing, as reported by InsideDefense, 19 May 2009): the Poland and
# Czech sites would offer "reasonable coverage" against a "non-stressing" attack from Iran (one
# missile, no countermeasures). bmdsim AGREES for the IRBM routes toward Warsaw and Rome.
same claim11_poland_covers_semnan_warsaw "$(pairs "$south" semnan-warsaw redzikowo-gbi engageable)" true
same claim11_poland_covers_tabriz_rome "$(pairs "$south" tabriz-rome redzikowo-gbi engageable)" true

# Claim 12 (National Research Council, Making Sense of Ballistic Missile Defense, 2012, as reported
# by Wired, 11 Sep 2012): an ICBM boosts for about four minutes if liquid-fuelled, about a minute
# less if solid. bmdsim AGREES for the solid ICBM whose stages come from an independent source
# (pytrajlib's Minuteman III): burnout at about 184 s on a minimum-energy flight (check: 150-210 s,
# "about three minutes"). The rs-24 class's 180 s is not a check: its band was set from this claim.
mm=$("$bin" trajectory --missile minuteman-3 --from 41.1,-104.8 --to 55.75,37.6 --json) || bad "trajectory minuteman-3 failed"
bt=$(python3 -c 'import json, sys; print(json.loads(sys.argv[1])["burnout_time_s"])' "$mm")
lt claim12_solid_boost_over_150_s 150 "$bt"; lt claim12_solid_boost_under_210_s "$bt" 210

# Claim 12, second account (IEEE Spectrum, March 2005, on the APS boost-phase study): a solid-fuel
# ICBM "may burn out in 170 seconds", a liquid one after "some 250 seconds". bmdsim AGREES for the
# solid ICBM: Minuteman III burns out within 20 s of 170 (about 184 s; 20 s because the claim is
# one figure for a whole class, and Minuteman III's stages sum to 188 s before the cut-off).
lt claim12_spectrum_170_s_within_20 "$(python3 -c 'import sys; print(abs(float(sys.argv[1]) - 170.0))' "$bt")" 20

# --- Claims 13-14: the SM-3 IIA band (4.5 km/s nominal, 5.5 km/s high end; catalogue) -------------
# One Aegis site with the IIA (SPY-1D, cued by SBIRS and Fylingdales) against the nearest Russian
# division (Kozelsk) and, in one case, a far one (Irkutsk), toward Washington. All runs "on remote"
# (--no-fcr-coverage: any cueing radar's track may guide the interceptor; the SPY-1D's notional
# 200-500 km against a 0.01 m^2 warhead never sees a midcourse intercept). Arguments: site name,
# latitude, longitude, burnout speed (m/s), and "irkutsk" to add the far route (each route costs a
# required-speed search, so only the run that asserts on it has it).
iia() { # iia NAME LAT LON BURNOUT_M_S
cat <<EOF
kind: scenario
title: "Claims 13-14: one SM-3 IIA site ($1) at $4 m/s"
$timeline
sensors:
  - {name: fylingdales, radar: uewr-fylingdales, at: [54.36, -0.67], notional: true, note: "as scenarios/europe.yaml"}
  - {name: sbirs, ir: {cloud_top_m: 10000, delay_s: 30}, notional: true, note: "as scenarios/europe.yaml"}
sites:
  - {name: $1, at: [$2, $3], interceptor: sm-3-block-iia, set: {burnout_speed_m_s: $4}, count: 8, radar: spy-1d, cue: [sbirs, fylingdales], notional: true, note: "claims 13-14"}
threats:
  - {name: kozelsk-washington, missile: rs-24-yars-class, from: [54.03, 35.78], to: [38.90, -77.04], notional: true, note: "podvig division town"}
EOF
[ "${5:-}" = irkutsk ] && echo '  - {name: irkutsk-washington, missile: rs-24-yars-class, from: [52.29, 104.28], to: [38.90, -77.04], notional: true, note: "podvig division town"}'
return 0
}
iia norwegian-sea 63.0 3.0 4500 >"$tmp/ship45.yaml"
iia norwegian-sea 63.0 3.0 5500 irkutsk >"$tmp/ship55.yaml"
iia redzikowo 54.479 17.109 4500 >"$tmp/red45.yaml"
iia redzikowo 54.479 17.109 5500 >"$tmp/red55.yaml"
s45=$("$bin" engage "$tmp/ship45.yaml" --json --no-fcr-coverage) || bad "engage ship45 failed"
s55=$("$bin" engage "$tmp/ship55.yaml" --json --no-fcr-coverage --no-required-speed) || bad "engage ship55 failed"
s55b=$("$bin" engage "$tmp/ship55.yaml" --json --no-fcr-coverage --launch-on burnout) || bad "engage ship55 burnout failed"
r45=$("$bin" engage "$tmp/red45.yaml" --json --no-fcr-coverage) || bad "engage red45 failed"
r55=$("$bin" engage "$tmp/red55.yaml" --json --no-fcr-coverage --no-required-speed) || bad "engage red55 failed"

# Claim 13 (Butt and Postol, "Upsetting the Reset", FAS 2011, as summarised by FAS, 2013): because
# the Aegis system is ship-based it "could be reconfigured to have a theoretical capability to
# engage Russian warheads". bmdsim: ASSUMPTION-DEPENDENT. A IIA ship in the Norwegian Sea (63 N,
# 3 E, under the Kozelsk-Washington track) engages Kozelsk at the band's 5.5 km/s and not at the
# nominal 4.5 (needs about 4.6: between the band ends, so the verdict flips inside the band); only
# when launched on the boost-phase infrared report: waiting for burnout it needs more than 5.5
# (about 6.2). The eastern division (Irkutsk) stays out of reach at 5.5.
same claim13_ship_not_at_4.5 "$(pair "$s45" kozelsk-washington engageable)" false
need=$(pair "$s45" kozelsk-washington required_speed_km_s)
lt claim13_ship_needs_more_than_4.5 4.5 "$need"; lt claim13_ship_needs_less_than_5.5 "$need" 5.5
same claim13_ship_engages_kozelsk_at_5.5 "$(pair "$s55" kozelsk-washington engageable)" true
same claim13_ship_not_irkutsk_at_5.5 "$(pair "$s55" irkutsk-washington engageable)" false
same claim13_ship_not_on_burnout_at_5.5 "$(pair "$s55b" kozelsk-washington engageable)" false
lt claim13_ship_on_burnout_needs_more_than_5.5 5.5 "$(pair "$s55b" kozelsk-washington required_speed_km_s)"

# Claim 14 (Sankaran, RAND RR-957, 2015, abstract): the restructured EPAA (phases 1-3) "does not
# affect Russia's deterrent and is still capable of kinematically reaching and intercepting Iranian
# missiles". bmdsim AGREES at the catalogue's nominal IIA speed (4.5 km/s): Redzikowo does not
# engage Kozelsk-Washington even on remote, and phase 3 engages the Semnan-Warsaw IRBM (claim 7's
# case). The verdict is FRAGILE inside the IIA band: on remote, launched on the infrared report,
# Redzikowo needs about 5.4 km/s, below the band's 5.5, and engages Kozelsk at 5.5.
same claim14_redzikowo_not_kozelsk_at_4.5 "$(pair "$r45" kozelsk-washington engageable)" false
same claim14_phase3_reaches_semnan_warsaw "$(cell "$own" P2 ir-track semnan-warsaw)" true
need=$(pair "$r45" kozelsk-washington required_speed_km_s)
lt claim14_redzikowo_needs_more_than_4.5 4.5 "$need"; lt claim14_redzikowo_needs_less_than_5.5 "$need" 5.5
same claim14_redzikowo_kozelsk_at_5.5_flips "$(pair "$r55" kozelsk-washington engageable)" true

# --- Claims 15-16 (session 6): Butt & Postol 2011 (FAS summary); MDA's and Postol's speeds, 2007 ----
# Claim 15 (Butt and Postol, "Upsetting the Reset", FAS 2011, the publisher's own summary): the PAA
# "would not significantly affect deterrence, it may be seen by cautious Russian planners to impose
# some attrition on Russian warheads" (phases III and IV). bmdsim AGREES under the rules most
# favourable to the defence (on remote, launch on ir-track; claim 5-6 case, no extra run): phase 3
# engages neither western route, phase 4 (IIB) engages Kozelsk-Washington but not Teykovo-Washington
# next to it: some, not all. (The library on remote: 5 of 20 Russian routes for phase 4, 0 for
# phases 1-3, and none once the interceptor waits for burnout or a radar track.)
same claim15_phase3_remote_not_kozelsk "$(cell "$remote" P1 ir-track kozelsk-washington)" false
same claim15_phase3_remote_not_teykovo "$(cell "$remote" P1 ir-track teykovo-washington)" false
same claim15_phase4_remote_some_kozelsk "$(cell "$remote" P2 ir-track kozelsk-washington)" true
same claim15_phase4_remote_not_all_teykovo "$(cell "$remote" P2 ir-track teykovo-washington)" false

# Claim 16 (SpaceNews 2007 on Postol's AAAS seminar of 28 August 2007): MDA's slides showed the GBI
# "moving at 5.4 kilometers per second" against a Russian ICBM at 5.8; Postol: the GBI's "more
# likely speed is 7.7 to 8.3", the ICBM's 5.1. Claims 1-3's case (two-stage GBI at Redzikowo, 600 s
# flyout, EMR + Fylingdales + IR, ir-track). bmdsim: the Kozelsk route needs about 5.58 km/s
# (claim 1's search), between MDA's 5.4 and Postol's 7.7: at 5.4 km/s NOT engageable (MDA's
# conclusion holds at MDA's slide speed, by about 0.2 km/s, twice the search's 0.1 km/s bracket), at
# 7.7 engageable (Postol's). Irkutsk needs about 8.44, above even 8.3 (margin 0.14 km/s > the
# bracket): out of reach at both. The ICBM's own speed (5.1 vs 5.8) depends on where it is read:
# bmdsim's Kozelsk-Washington flight slows from 6.54 km/s at burnout to 4.91 at apogee (claim 16
# in the doc), so both figures lie on the same flight; not asserted here.
gbi 5400 >"$tmp/gbi54.yaml"
gbi 7700 >"$tmp/gbi77.yaml"
g54=$("$bin" engage "$tmp/gbi54.yaml" --json --no-required-speed) || bad "engage gbi54 failed"
g77=$("$bin" engage "$tmp/gbi77.yaml" --json --no-required-speed) || bad "engage gbi77 failed"
same claim16_mda_5.4_kozelsk_not_engageable "$(pair "$g54" kozelsk-washington engageable)" false
same claim16_postol_7.7_kozelsk_engageable "$(pair "$g77" kozelsk-washington engageable)" true
same claim16_postol_7.7_irkutsk_not_engageable "$(pair "$g77" irkutsk-washington engageable)" false
need=$(pair "$g63" kozelsk-washington required_speed_km_s)
lt claim16_kozelsk_needs_more_than_mda_5.4 5.4 "$need"; lt claim16_kozelsk_needs_less_than_postol_7.7 "$need" 7.7
lt claim16_irkutsk_needs_more_than_postol_8.3 8.3 "$(pair "$g63" irkutsk-washington required_speed_km_s)"

# Claim 17 (Associated Press, Sept 2007, on six physicists including Postol): "in terms of raw speed,
# U.S. interceptors in Poland could catch a Russian ICBM launched from western Russia at any part of
# the continental United States. In Postol's model, the intercept would occur at a point over the
# North Pole." Claims 1-3's case at the low end of Postol's figures (7.7 km/s, claim 16), Kozelsk
# toward the four corners of the continental US. bmdsim AGREES on reach: all four engageable; the
# west-coast routes need about 6.8 km/s, beyond MDA's 6.3 (so at MDA's speed they are out of reach),
# every route less than 7.7. It DISAGREES on "over the North Pole": the most northerly route
# (Seattle) reaches 78.3 N; the intercept windows lie between Scandinavia and Greenland.
usa() {
cat <<EOF
kind: scenario
title: "Claim 17: the two-stage GBI at Redzikowo at 7.7 km/s against Kozelsk toward the four corners of the US"
$timeline
sensors:
  - {name: brdy-emr, radar: emr-x-band, at: [49.61, 13.75, 718], boresight_deg: 105, notional: true, note: "scenarios/plan-2007-gbi-poland.yaml"}
  - {name: fylingdales, radar: uewr-fylingdales, at: [54.36, -0.67], notional: true, note: "as scenarios/europe.yaml"}
  - {name: sbirs, ir: {cloud_top_m: 10000, delay_s: 30}, notional: true, note: "as scenarios/europe.yaml"}
sites:
  - {name: redzikowo-gbi, at: [54.479, 17.109], interceptor: gbi-two-stage, set: {burnout_speed_m_s: 7700, max_flyout_time_s: 600}, count: 10, cue: [brdy-emr, fylingdales, sbirs], notional: true, note: "claim 17"}
threats:
  - {name: kozelsk-seattle, missile: rs-24-yars-class, from: [54.03, 35.78], to: [47.61, -122.33], notional: true, note: "podvig division town"}
  - {name: kozelsk-los-angeles, missile: rs-24-yars-class, from: [54.03, 35.78], to: [34.05, -118.24], notional: true, note: "podvig division town"}
  - {name: kozelsk-miami, missile: rs-24-yars-class, from: [54.03, 35.78], to: [25.76, -80.19], notional: true, note: "podvig division town"}
  - {name: kozelsk-boston, missile: rs-24-yars-class, from: [54.03, 35.78], to: [42.36, -71.06], notional: true, note: "podvig division town"}
EOF
}
usa >"$tmp/us77.yaml"
u77=$("$bin" engage "$tmp/us77.yaml" --json) || bad "engage us77 failed"
for r in kozelsk-seattle kozelsk-los-angeles kozelsk-miami kozelsk-boston; do
    same "claim17_${r}_engageable_at_7.7" "$(pair "$u77" $r engageable)" true
    lt "claim17_${r}_needs_less_than_7.7" "$(pair "$u77" $r required_speed_km_s)" 7.7
done
lt claim17_seattle_needs_more_than_mda_6.3 6.3 "$(pair "$u77" kozelsk-seattle required_speed_km_s)"
lt claim17_los_angeles_needs_more_than_mda_6.3 6.3 "$(pair "$u77" kozelsk-los-angeles required_speed_km_s)"
"$bin" trajectory --missile rs-24-yars-class --from 54.03,35.78 --to 47.61,-122.33 --csv "$tmp/sea.csv" >/dev/null || bad "trajectory kozelsk-seattle failed"
maxlat=$(python3 -c 'import csv, sys; print(max(float(r["lat_deg"]) for r in csv.DictReader(open(sys.argv[1]))))' "$tmp/sea.csv")
lt claim17_seattle_track_stays_south_of_85N "$maxlat" 85; lt claim17_seattle_track_is_arctic_north_of_70N 70 "$maxlat"

echo "cli_claims_europe: $pass passed, $fail failed"
[ $fail -eq 0 ]
