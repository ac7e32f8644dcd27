#!/usr/bin/env bash
# fuzz/seeds.sh OUT — write the seed corpora of every target into OUT/TARGET/ from the
# repository's scenarios/ and data/ (and a few hand-made inputs). Called by fuzz/run.sh.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$1
mkdir -p "$out"/{scenario,catalog,points,map,argv,slow}
for f in "$root"/scenarios/*.yaml "$root"/fuzz/tiny.yaml; do
    cp "$f" "$out/scenario/$(basename "$f")"
done
cp "$root/fuzz/tiny.yaml" "$out/slow/tiny.yaml"
cp "$root/scenarios/iran-europe-small.yaml" "$out/slow/iran-europe-small.yaml"
# catalogue: one byte for the kind (0 missile, 1 radar, 2 interceptor), the file, NUL, overrides
k=0
for kind in missiles radars interceptors; do
    for f in "$root"/data/catalog/$kind/*.yaml; do
        { printf "\\x0$k"; cat "$f"; } > "$out/catalog/$kind-$(basename "$f")"
    done
    k=$((k + 1))
done
{ printf '\x00'; cat "$root/data/catalog/missiles/scud-b.yaml"; printf '\0stages[0].burn_time_s=0\npayload.rv_mass_kg=-5\nstages[0].thrust_n=1e300\n'; } \
    > "$out/catalog/overrides-missile"
{ printf '\x01'; printf 'x\0peak_power_w=1e300\nbeamwidth_deg=0\n'; } > "$out/catalog/overrides-radar"
{ printf '\x02'; printf 'x\0stages[0].burn_time_s=-1\n'; } > "$out/catalog/overrides-interceptor"
# points: 0 + specification, 1 + file
printf '\x0030,40,10,20,1' > "$out/points/box-deg"
printf '\x0030,40,10,20,50km' > "$out/points/box-km"
printf '\x01# points\n50,10,a\n51.5,-0.1,london\n\n-33.9,151.2\n' > "$out/points/file"
# map: 34 bytes of view, then map data (the first lines of the Natural Earth file)
python3 - "$out/map" "$root/data/map/ne_110m.txt" <<'PY'
import struct, sys
out, ne = sys.argv[1], sys.argv[2]
lines = open(ne).read().splitlines()
data = [l for l in lines if l and not l.startswith('#')]
views = [(0.9, 0.4, 2.0e6, 0.0, 0, 0x55), (0.0, 0.0, 1.5e7, 10.0, 1, 0x00), (-1.2, 3.0, 5e5, 2.0, 0, 0xff)]
for i, (la, lo, r, g, p, wh) in enumerate(views):
    head = struct.pack('<4d', la, lo, r, g) + bytes([p, wh])
    body = '\n'.join(data[i * 5:i * 5 + 5]) + '\n'
    open(f'{out}/view{i}', 'wb').write(head + body.encode())
PY
# argv: one argument per line; @S scenario, @C catalogue, @P points file, @M missile file
while IFS= read -r line; do
    [ -n "$line" ] || continue
    n=$((${n:-0} + 1))
    printf '%s' "$line" | tr '|' '\n' > "$out/argv/cmd$n"
done <<'CMDS'
kepler|--range|10000|--min-energy
kepler|--range|3000|--angle|30|--json
loft|--apogee|2802|--range|933|--json
loft|--apogee|1000|--range|500|--full|--missile|scud-b
trajectory|--missile|scud-b|--shape|max-range
trajectory|--missile|@M|--csv|t.csv|--interval|10
trajectory|--missile|scud-b|--from|33,36|--to|32,35|--geojson|t.geojson
range|--missile|scud-b|--payload-min|500|--payload-max|1000|--step|250
catalog
catalog|scud-b|--json
catalog|--kind|radar
exchange|--threats|10|--pk|0.7|--salvo|2
sensor|--radar|spy-1d|--at|44,24
engage|@S
engage|@S|--json
engage|--threat|scud-b|--from|33.5,36.3|--to|32.1,34.8|--interceptor|thaad|--site|32,35
scenario|check|@S
check|@S|--json
footprint|@S|--grid|32,33,34,35,0.5|--quiet
footprint|@S|--grid|@P|--quiet|--json
report|@S|-o|r.html|--footprint-cells|4|--quiet
map|--center|44,24|--radius|1000|--site|a@44,24
version
--help
engage|@S|--samples|4|--seed|1|--vary|rules.total_delay_s=0:300|--json
footprint|@S|--grid|@P|--quiet|--units|imperial
robust|@S|--json
robust|@S|--no-thresholds|--top|2
sweep|--x|--speed=3:7:3|--|kepler|--angle|30
sweep|--x|missile.payload.rv_mass_kg=500:1000:3|--|range|--missile|scud-b
compare|@S|@S|--json
places|kozelsk
places|--json|--limit|3|washington
trajectory|--missile|scud-b|--from|tabriz|--to|ankara|--czml|t.czml
CMDS
