#!/usr/bin/env bash
# Command-line tests of `bmdsim map`: writes a well-formed SVG with the sites, a PNG for -o FILE.png
# and --png FILE (signature, requested width, non-blank pixels by tests/png_stats.py), and bad input
# gives one line on stderr and exit 2. Usage: cli_map.sh PATH/TO/bmdsim
set -u
bin=$1
. "$(dirname "$0")/lib/cli_assert.sh"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

out=$("$bin" map --center 50,20 --radius 1500 --site "Redzikowo@54.48,17.10,interceptor" \
      --site "Deveselu@44.08,24.35" -o "$dir/m.svg" 2>&1); rc=$?
[ $rc -eq 0 ] && ok || bad "map exit $rc: $out"
[ -s "$dir/m.svg" ] && ok || bad "no SVG written"
grep -q '>Redzikowo</text>' "$dir/m.svg" && ok || bad "site label missing"
grep -q '>Deveselu</text>' "$dir/m.svg" && ok || bad "second site label missing"
if command -v xmllint >/dev/null; then
    xmllint --noout "$dir/m.svg" 2>/dev/null && ok || bad "SVG is not well formed"
fi
ls "$dir" | grep -q '\.tmp\.' && bad "temporary file left behind" || ok

# PNG: -o FILE.png, and --png FILE beside the SVG
out=$("$bin" map --center 50,20 --radius 1500 --width 480 --height 360 \
      --site "Redzikowo@54.48,17.10,interceptor" -o "$dir/m.png" 2>&1); rc=$?
[ $rc -eq 0 ] && ok || bad "map -o FILE.png exit $rc: $out"
[ "$(head -c 8 "$dir/m.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] && ok \
    || bad "m.png lacks the PNG signature"
stats=$(python3 "$(dirname "$0")/png_stats.py" "$dir/m.png" 2>&1)
check png_width "$(json_field "$stats" width)" 480 0 "--width 480"
check png_height "$(json_field "$stats" height)" 360 0 "--height 360"
# Europe: land and sea fill nearly everything (not white), in more than a few colours, with the
# light-blue sea among them
holds png_not_blank 'a > 0.8' "$(json_field "$stats" nonwhite_share)"
holds png_colours 'a >= 10' "$(json_field "$stats" colours)"
holds png_sea 'a > 0.05' "$(json_field "$stats" blue_share)"
out=$("$bin" map --center 50,20 --width 400 --height 300 -o "$dir/both.svg" --png "$dir/both.png" \
      2>&1); rc=$?
[ $rc -eq 0 ] && ok || bad "map --png exit $rc: $out"
contains png_both_message "$out" "both.png"
grep -q '<svg' "$dir/both.svg" && ok || bad "--png: the -o file is not SVG"
stats=$(python3 "$(dirname "$0")/png_stats.py" "$dir/both.png" 2>&1)
check png_option_width "$(json_field "$stats" width)" 400 0 "--width 400"
ls "$dir" | grep -q '\.tmp\.' && bad "temporary file left behind (PNG)" || ok
"$bin" map --center 50,20 -o /nonexistent-dir/x.png 2>/dev/null; rc=$?
[ $rc -ne 0 ] && ok || bad "writing a PNG into a missing directory succeeded"
"$bin" map --center 50,20 -o "$dir/ok.svg" --png /nonexistent-dir/x.png 2>/dev/null; rc=$?
[ $rc -ne 0 ] && ok || bad "--png into a missing directory succeeded"

expect_usage_error missing_center center map -o "$dir/x.svg"
# an extension the map cannot be written as: refused before anything is drawn, nothing written
expect_usage_error refuses_jpeg "cannot write .jpg files" map --center 50,20 -o "$dir/x.jpg"
expect_usage_error refuses_pdf "cannot write .PDF files" map --center 50,20 -o "$dir/x.PDF"
expect_usage_error refuses_no_extension "without an extension" map --center 50,20 -o "$dir/x"
[ -e "$dir/x.jpg" ] || [ -e "$dir/x" ] && bad "a refused map file was written" || ok
"$bin" map --center 50,20 --radius 800 -o "$dir/upper.SVG" >/dev/null 2>&1 && ok \
    || bad "-o FILE.SVG (upper case) refused"
# a place name as the centre
expect_usage_error unknown_centre "did you mean Redzikowo" map --center redzikowx -o "$dir/x.svg"
"$bin" map --center redzikowo --radius 800 -o "$dir/named.svg" >/dev/null 2>&1 && ok \
    || bad "--center redzikowo refused"
expect_usage_error missing_output output map --center 50,20
expect_usage_error bad_center center map --center 95,20 -o "$dir/x.svg"
expect_usage_error bad_radius radius map --center 50,20 --radius -3 -o "$dir/x.svg"
expect_usage_error bad_site site map --center 50,20 --site nowhere -o "$dir/x.svg"
expect_usage_error bad_kind kind map --center 50,20 --site "A@1,2,boat" -o "$dir/x.svg"
"$bin" map --center 50,20 -o /nonexistent-dir/x.svg 2>/dev/null; rc=$?
[ $rc -ne 0 ] && ok || bad "writing into a missing directory succeeded"

echo "cli_map: $pass passed, $fail failed"
[ $fail -eq 0 ]
