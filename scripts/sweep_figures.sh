#!/usr/bin/env bash
# The figures of the README's "Sweeps" section (docs/figures/sweep-*.svg), made by bmdsim sweep.
# Usage: scripts/sweep_figures.sh [PATH/TO/bmdsim]   (default build/release/bmdsim)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/build/release/bmdsim}
export BMD_DATA_DIR=${BMD_DATA_DIR:-$root/data}
out=$root/docs/figures
mkdir -p "$out"
# Maximum range of the RS-24 class against its payload and its first-stage burn time (both
# notional in the catalogue), on a non-rotating Earth: a contour plot with the catalogue point.
"$bin" sweep --x missile.payload.rv_mass_kg=600:1800:7 --y 'missile.stages[0].burn_time_s=45:75:7' \
    --metric max_range_km --quiet --svg "$out/sweep-rs24-payload-burn.svg" \
    --csv "$out/sweep-rs24-payload-burn.csv" -- range rs-24-yars-class --no-rotation
# Kepler range against burnout speed at a 30 degree flight-path angle (the test's analytic case).
"$bin" sweep --x --speed=3:7.5:10 --metric range_km --quiet --svg "$out/sweep-kepler-speed.svg" \
    -- kepler --angle 30 > /dev/null
