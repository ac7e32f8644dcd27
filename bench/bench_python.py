#!/usr/bin/env python3
"""bench_python.py — per-trajectory overhead of the Python module: the same short ballistic
flight (bmdsim.fly: one bmd_trajectory_fly recording the time series, returned as NumPy arrays
with the summary dict) N times from Python and N times from C (bench_python_c, the same call on
the same libbmd.so), in alternating rounds; the best round of each is compared. Times are the
thread's CPU time (clock_gettime(CLOCK_THREAD_CPUTIME_ID), time.thread_time()), so that other
processes on a shared machine do not count.

  PYTHONPATH=build/release/python /usr/bin/python3 bench/bench_python.py build/release/bench/bench_python_c

Prints per-flight times and "RESULT python_over_c RATIO"; docs/performance.md has the numbers."""
import subprocess
import sys
import time

import bmdsim

MISSILE, LAT, LON, AZ, KICK, DT = "scud-b", 32.0, 44.0, 90.0, 20.0, 1.0


def c_round(binary, n):
    out = subprocess.run([binary, MISSILE, str(LAT), str(LON), str(AZ), str(KICK), str(DT), str(n)],
                         check=True, capture_output=True, text=True).stdout
    vals = dict(line.split()[1:3] for line in out.splitlines() if line.startswith("RESULT"))
    return float(vals["c_us_per_flight"]), int(vals["samples"])


def py_round(missile, n):
    t0 = time.thread_time()
    for _ in range(n):
        t = bmdsim.fly(missile, (LAT, LON), AZ, KICK, interval_s=DT)
    return (time.thread_time() - t0) / n * 1e6, len(t)


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    binary = argv[1]
    n = int(argv[2]) if len(argv) > 2 else 200
    rounds = int(argv[3]) if len(argv) > 3 else 5
    m = bmdsim.missile(MISSILE)
    py_round(m, 5)  # warm up
    c_best = py_best = float("inf")
    for _ in range(rounds):
        c_us, c_samples = c_round(binary, n)
        py_us, py_samples = py_round(m, n)
        c_best, py_best = min(c_best, c_us), min(py_best, py_us)
    assert c_samples == py_samples, (c_samples, py_samples)
    print(f"flight: {MISSILE} from {LAT},{LON} az {AZ} kick {KICK} deg, sample every {DT} s "
          f"({py_samples} samples), {n} flights x {rounds} rounds, best round")
    print(f"  C      (bmd_trajectory_fly + free)          {c_best:9.1f} us per flight")
    print(f"  Python (bmdsim.fly -> NumPy arrays + dict)  {py_best:9.1f} us per flight")
    print(f"  overhead {py_best - c_best:.1f} us per flight")
    print(f"RESULT c_us {c_best:.3f}\nRESULT python_us {py_best:.3f}\n"
          f"RESULT python_over_c {py_best / c_best:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
