#!/usr/bin/env python3
"""Generate src/earth/us76_tables.h: the constant tables behind src/earth/atmosphere.c.

Run:  python3 scripts/gen_us76_tables.py > src/earth/us76_tables.h
      python3 scripts/gen_us76_tables.py --report     (checks and interpolation-error statistics)

Source of every number: NOAA/NASA/USAF, U.S. Standard Atmosphere, 1976, NOAA-S/T 76-1562,
NASA TM-X-74335, Washington D.C., October 1976 ("US76" below).
  - Defining constants: Part 1, Table 2 (g0, R*, P0, T0), sec. 1.2.4 (M0, r0), Table 4 (layers).
  - M/M0 between 80 and 86 km: Part 1, Table 8.
  - 86-1000 km kinetic temperature: Part 1, eqs. 25-31 (analytic, not tabulated here).
  - 86-1000 km pressure, density, mean molecular weight: Part 4, Table I (T, P, rho) and
    Table II (M), geometric-altitude pages. Values as printed (4 significant figures for density,
    5 for pressure, 4 for M). They were read from public transcriptions of the printed tables
    (two or more independent transcriptions agree wherever they overlap) and are checked here
    against each other through the equation of state rho = P M / (R* T) (US76 eq. 42).

Nothing here is copied code; the spline is an ordinary cubic spline (second-derivative form)
solved by Gaussian elimination. Python 3 standard library only, so the table is reproducible anywhere.
"""
import math
import sys

# ---- US76 defining constants (Part 1, Table 2 and sec. 1.2.4) ---------------------------------
R0_M = 6356766.0          # effective Earth radius for geopotential altitude, m
G0 = 9.80665              # m/s^2 (g0' in m^2/(s^2 m'))
RSTAR = 8314.32           # universal gas constant, J/(kmol K)  (8.31432 J/(mol K))
M0 = 28.9644              # sea-level mean molecular weight, kg/kmol
T0_K = 288.15
P0_PA = 101325.0
# Table 4: base geopotential altitudes (m') and molecular-scale temperature gradients (K/m')
HB = [0.0, 11000.0, 20000.0, 32000.0, 47000.0, 51000.0, 71000.0, 84852.0]
LB = [-0.0065, 0.0, 0.0010, 0.0028, 0.0, -0.0028, -0.0020]
# Table 8: M/M0 at geometric altitudes 80.0, 80.5, ..., 86.0 km
MRATIO = [1.0, 0.999996, 0.999989, 0.999971, 0.999941, 0.999909, 0.999870,
          0.999829, 0.999786, 0.999741, 0.999694, 0.999641, 0.999579]

# ---- Part 4, Table I, 86-150 km: z (m), density (kg/m^3), pressure (mb) ------------------------
TABLE_I_86_150 = """
86000 6.958e-6 3.7338e-3
86500 6.366e-6 3.4163e-3
87000 5.824e-6 3.1259e-3
87500 5.328e-6 2.8602e-3
88000 4.875e-6 2.6173e-3
88500 4.460e-6 2.3951e-3
89000 4.081e-6 2.1919e-3
89500 3.734e-6 2.0060e-3
90000 3.416e-6 1.8359e-3
90500 3.126e-6 1.6804e-3
91000 2.860e-6 1.5381e-3
91500 2.616e-6 1.4078e-3
92000 2.393e-6 1.2887e-3
92500 2.188e-6 1.1798e-3
93000 2.000e-6 1.0801e-3
93500 1.828e-6 9.8896e-4
94000 1.670e-6 9.0560e-4
94500 1.526e-6 8.2937e-4
95000 1.393e-6 7.5966e-4
95500 1.273e-6 6.9592e-4
96000 1.162e-6 6.3765e-4
96500 1.061e-6 5.8439e-4
97000 9.685e-7 5.3571e-4
97500 8.842e-7 4.9122e-4
98000 8.071e-7 4.5057e-4
98500 7.367e-7 4.1342e-4
99000 6.725e-7 3.7948e-4
99500 6.139e-7 3.4846e-4
100000 5.604e-7 3.2011e-4
101000 4.695e-7 2.7192e-4
102000 3.935e-7 2.3144e-4
103000 3.300e-7 1.9742e-4
104000 2.769e-7 1.6882e-4
105000 2.325e-7 1.4477e-4
106000 1.954e-7 1.2454e-4
107000 1.643e-7 1.0751e-4
108000 1.381e-7 9.3188e-5
109000 1.161e-7 8.1142e-5
110000 9.708e-8 7.1042e-5
111000 8.111e-8 6.2614e-5
112000 6.838e-8 5.5547e-5
113000 5.811e-8 4.9570e-5
114000 4.975e-8 4.4473e-5
115000 4.289e-8 4.0096e-5
116000 3.720e-8 3.6312e-5
117000 3.246e-8 3.3022e-5
118000 2.847e-8 3.0144e-5
119000 2.509e-8 2.7615e-5
120000 2.222e-8 2.5382e-5
121000 1.977e-8 2.3401e-5
122000 1.767e-8 2.1635e-5
123000 1.585e-8 2.0055e-5
124000 1.428e-8 1.8635e-5
125000 1.291e-8 1.7354e-5
126000 1.171e-8 1.6194e-5
127000 1.065e-8 1.5141e-5
128000 9.717e-9 1.4183e-5
129000 8.889e-9 1.3307e-5
130000 8.152e-9 1.2505e-5
131000 7.494e-9 1.1769e-5
132000 6.904e-9 1.1092e-5
133000 6.374e-9 1.0468e-5
134000 5.897e-9 9.8907e-6
135000 5.465e-9 9.3568e-6
136000 5.074e-9 8.8617e-6
137000 4.719e-9 8.4018e-6
138000 4.396e-9 7.9739e-6
139000 4.101e-9 7.5751e-6
140000 3.831e-9 7.2028e-6
141000 3.584e-9 6.8550e-6
142000 3.358e-9 6.5294e-6
143000 3.150e-9 6.2243e-6
144000 2.958e-9 5.9380e-6
145000 2.781e-9 5.6691e-6
146000 2.618e-9 5.4162e-6
147000 2.466e-9 5.1781e-6
148000 2.326e-9 4.9538e-6
149000 2.196e-9 4.7421e-6
150000 2.076e-9 4.5422e-6
"""

# ---- Part 4, Table I, 150-1000 km: z (m), density (kg/m^3) ------------------------------------
TABLE_I_RHO_150_1000 = """
150000 2.076e-9
155000 1.585e-9
160000 1.233e-9
165000 9.750e-10
170000 7.815e-10
175000 6.339e-10
180000 5.194e-10
185000 4.295e-10
190000 3.581e-10
195000 3.006e-10
200000 2.541e-10
205000 2.160e-10
210000 1.846e-10
215000 1.585e-10
220000 1.367e-10
225000 1.184e-10
230000 1.029e-10
235000 8.979e-11
240000 7.858e-11
245000 6.898e-11
250000 6.073e-11
255000 5.360e-11
260000 4.742e-11
265000 4.206e-11
270000 3.738e-11
275000 3.329e-11
280000 2.971e-11
285000 2.656e-11
290000 2.378e-11
295000 2.133e-11
300000 1.916e-11
310000 1.552e-11
320000 1.264e-11
340000 8.503e-12
360000 5.805e-12
380000 4.013e-12
400000 2.803e-12
420000 1.975e-12
440000 1.402e-12
460000 1.002e-12
480000 7.208e-13
500000 5.215e-13
525000 3.509e-13
550000 2.384e-13
575000 1.637e-13
600000 1.137e-13
625000 7.998e-14
650000 5.712e-14
675000 4.148e-14
700000 3.070e-14
725000 2.318e-14
750000 1.788e-14
775000 1.410e-14
800000 1.136e-14
825000 9.339e-15
850000 7.824e-15
875000 6.664e-15
900000 5.759e-15
925000 5.038e-15
950000 4.453e-15
975000 3.968e-15
1000000 3.561e-15
"""

# ---- Part 4, Tables I and II, 86-1000 km: z (km), pressure (Pa), mean molecular weight (kg/kmol)
TABLE_I_II_P_M = """
86 3.7338E-01 28.95
87 3.1259E-01 28.95
88 2.6173E-01 28.94
89 2.1919E-01 28.93
90 1.8359E-01 28.91
91 1.5381E-01 28.89
93 1.0801E-01 28.82
95 7.5966E-02 28.73
97 5.3571E-02 28.62
99 3.7948E-02 28.48
101 2.7192E-02 28.30
103 1.9742E-02 28.10
105 1.4477E-02 27.88
107 1.0751E-02 27.64
109 8.1142E-03 27.39
110 7.1042E-03 27.27
111 6.2614E-03 27.14
112 5.5547E-03 27.02
113 4.9570E-03 26.90
114 4.4473E-03 26.79
115 4.0096E-03 26.68
116 3.6312E-03 26.58
117 3.3022E-03 26.48
118 3.0144E-03 26.38
119 2.7615E-03 26.29
120 2.5382E-03 26.20
125 1.7354E-03 25.80
130 1.2505E-03 25.44
135 9.3568E-04 25.09
140 7.2028E-04 24.75
145 5.6691E-04 24.42
150 4.5422E-04 24.10
160 3.0395E-04 23.49
170 2.1210E-04 22.90
180 1.5271E-04 22.34
190 1.1266E-04 21.81
200 8.4736E-05 21.30
210 6.4756E-05 20.83
220 5.0149E-05 20.37
230 3.9276E-05 19.95
240 3.1059E-05 19.56
250 2.4767E-05 19.19
260 1.9894E-05 18.85
270 1.6083E-05 18.53
280 1.3076E-05 18.24
290 1.0683E-05 17.97
300 8.7704E-06 17.73
310 7.2285E-06 17.50
320 5.9796E-06 17.29
330 4.9630E-06 17.09
340 4.1320E-06 16.91
350 3.4498E-06 16.74
360 2.8878E-06 16.57
370 2.4234E-06 16.42
380 2.0384E-06 16.27
390 1.7184E-06 16.13
400 1.4518E-06 15.98
410 1.2291E-06 15.84
420 1.0427E-06 15.70
430 8.8645E-07 15.55
440 7.5517E-07 15.40
450 6.4468E-07 15.25
460 5.5155E-07 15.08
470 4.7292E-07 14.91
480 4.0642E-07 14.73
490 3.5011E-07 14.54
500 3.0236E-07 14.33
525 2.1200E-07 13.76
550 1.5137E-07 13.09
575 1.1028E-07 12.34
600 8.2130E-08 11.51
625 6.2601E-08 10.62
650 4.8865E-08 9.72
675 3.9048E-08 8.83
700 3.1908E-08 8.00
725 2.6611E-08 7.24
750 2.2599E-08 6.58
775 1.9493E-08 6.01
800 1.7036E-08 5.54
825 1.5051E-08 5.16
850 1.3415E-08 4.85
875 1.2043E-08 4.60
900 1.0873E-08 4.40
925 9.8635E-09 4.25
950 8.9816E-09 4.12
975 8.2043E-09 4.02
1000 7.5138E-09 3.94
"""

# Printed points deliberately left out of the interpolation tables. The test suite checks the
# interpolated values against them (tests/test_atmosphere.c), so the interpolation error is
# measured, not assumed. They are spread over the whole range, one per region.
HELD_OUT_M = [86500, 92500, 97500, 105000, 125000, 145000, 175000, 245000,
              350000, 460000, 650000, 875000]


def parse_tables():
    """The printed points as {z_m: value} dictionaries: pressure (Pa), density, M."""
    p, rho, mw = {}, {}, {}
    for line in TABLE_I_86_150.split("\n"):
        if line.strip():
            z, r, pmb = line.split()
            rho[int(z)] = float(r)
            p[int(z)] = float(pmb) * 100.0
    for line in TABLE_I_RHO_150_1000.split("\n"):
        if line.strip():
            z, r = line.split()
            rho[int(z)] = float(r)
    for line in TABLE_I_II_P_M.split("\n"):
        if line.strip():
            zk, pp, m = line.split()
            z = int(zk) * 1000
            if z in p and abs(p[z] / float(pp) - 1.0) > 1e-12:
                raise SystemExit("two transcriptions of P disagree at %d m" % z)
            p[z] = float(pp)
            mw[z] = float(m)
    return p, rho, mw


def upper_temperature_k(z_m):
    """US76 kinetic temperature above 86 km (Part 1, eqs. 25-31)."""
    zk = z_m / 1000.0
    if zk <= 91.0:
        return 186.8673
    if zk <= 110.0:
        x = (zk - 91.0) / -19.9429
        return 263.1905 - 76.3232 * math.sqrt(1.0 - x * x)
    if zk <= 120.0:
        return 240.0 + 12.0 * (zk - 110.0)
    r0 = R0_M / 1000.0
    xi = (zk - 120.0) * (r0 + 120.0) / (r0 + zk)
    return 1000.0 - (1000.0 - 360.0) * math.exp(-0.01875 * xi)


def layer_bases():
    """Base temperature, pressure and density of the 7 layers (eqs. 33a, 33b, 42)."""
    t, p = [T0_K], [P0_PA]
    for b in range(7):
        dh = HB[b + 1] - HB[b]
        if LB[b] == 0.0:
            p.append(p[b] * math.exp(-G0 * M0 * dh / (RSTAR * t[b])))
            t.append(t[b])
        else:
            tt = round(t[b] + LB[b] * dh, 9)  # the exact decimals of Table 4 (216.65, ...)
            p.append(p[b] * (t[b] / tt) ** (G0 * M0 / (RSTAR * LB[b])))
            t.append(tt)
    rho = [pp * M0 / (RSTAR * tt) for pp, tt in zip(p, t)]
    return t, p, rho


def lower_state(z_m):
    """US76 below 86 km: molecular-scale temperature, pressure, density."""
    tb, pb, _ = layer_bases()
    h = R0_M * z_m / (R0_M + z_m)
    b = 0
    while b < 6 and h >= HB[b + 1]:
        b += 1
    dh = h - HB[b]
    tm = tb[b] + LB[b] * dh
    if LB[b] == 0.0:
        p = pb[b] * math.exp(-G0 * M0 * dh / (RSTAR * tb[b]))
    else:
        p = pb[b] * (tb[b] / tm) ** (G0 * M0 / (RSTAR * LB[b]))
    return tm, p, p * M0 / (RSTAR * tm)


def solve(a, rhs):
    """Gaussian elimination with partial pivoting (dense; n is about 140)."""
    n = len(rhs)
    m = [row[:] + [v] for row, v in zip(a, rhs)]
    for c in range(n):
        piv = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[piv] = m[piv], m[c]
        for r in range(c + 1, n):
            f = m[r][c] / m[c][c]
            if f != 0.0:
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (m[r][n] - sum(m[r][k] * x[k] for k in range(r + 1, n))) / m[r][r]
    return x


def cubic_spline(x, y, slope_left):
    """Cubic spline through (x, y): first derivative slope_left at x[0] (clamped), not-a-knot at
    the right end. Returns per interval (x_i, c0, c1, c2, c3), y = c0 + c1 t + c2 t^2 + c3 t^3,
    t = x - x_i."""
    n = len(x)
    h = [x[i + 1] - x[i] for i in range(n - 1)]
    a = [[0.0] * n for _ in range(n)]
    r = [0.0] * n
    a[0][0], a[0][1] = 2.0 * h[0], h[0]
    r[0] = 6.0 * ((y[1] - y[0]) / h[0] - slope_left)
    for i in range(1, n - 1):
        a[i][i - 1], a[i][i], a[i][i + 1] = h[i - 1], 2.0 * (h[i - 1] + h[i]), h[i]
        r[i] = 6.0 * ((y[i + 1] - y[i]) / h[i] - (y[i] - y[i - 1]) / h[i - 1])
    a[n - 1][n - 3], a[n - 1][n - 2], a[n - 1][n - 1] = -h[n - 2], h[n - 3] + h[n - 2], -h[n - 3]
    s = solve(a, r)  # second derivatives at the nodes
    segs = []
    for i in range(n - 1):
        c1 = (y[i + 1] - y[i]) / h[i] - h[i] * (2.0 * s[i] + s[i + 1]) / 6.0
        segs.append((x[i], y[i], c1, s[i] / 2.0, (s[i + 1] - s[i]) / (6.0 * h[i])))
    return segs


def spline_eval(segs, xv):
    i = 0
    while i + 1 < len(segs) and segs[i + 1][0] <= xv:
        i += 1
    x0, c0, c1, c2, c3 = segs[i]
    t = xv - x0
    return c0 + t * (c1 + t * (c2 + t * c3))


def slope_86_km():
    """d ln P / dz at 86 km from the hydrostatic equation of the lowest 86 km (eq. 33a
    differentiated): -g0 M0 / (R* T_M) * (r0 / (r0 + z))^2. Used as the left end slope of both
    splines, so pressure is C1 across 86 km; for density the same slope is used because the
    kinetic temperature is constant just above 86 km and M changes by only 8e-5 per km there."""
    z = 86000.0
    tm, _, _ = lower_state(z)
    return -G0 * M0 / (RSTAR * tm) * (R0_M / (R0_M + z)) ** 2


def build(values, at_86):
    """Spline of ln(value) over the printed points minus the held-out ones; the 86 km node takes
    the value of the exact lower-atmosphere formula (equal to the printed one to its digits),
    so the model is continuous at 86 km."""
    pts = dict(values)
    pts[86000] = at_86
    xs = sorted(z for z in pts if z not in HELD_OUT_M)
    return xs, cubic_spline([float(z) for z in xs], [math.log(pts[z]) for z in xs], slope_86_km())


def half_unit(v, digits):
    mant = float(("%.*e" % (digits - 1, v)).split("e")[0])
    return 0.5 * 10.0 ** (1 - digits) / mant


def report(p, rho, mw):
    out = sys.stdout
    tm86, p86, r86 = lower_state(86000.0)
    out.write("86 km from the layer formulas: T_M %.6f K, P %.7g Pa, rho %.7g kg/m3\n"
              % (tm86, p86, r86))
    out.write("\nEquation-of-state check rho = P M/(R* T) at points with P, rho and M printed:\n")
    worst = 0.0
    for z in sorted(set(p) & set(rho) & set(mw)):
        rel = p[z] * mw[z] / (RSTAR * upper_temperature_k(z)) / rho[z] - 1.0
        allowed = half_unit(rho[z], 4) + 0.005 / mw[z] + half_unit(p[z], 5)
        flag = "" if abs(rel) <= allowed else "   <-- beyond rounding"
        worst = max(worst, abs(rel))
        out.write("  %7.1f km  %+.1e (rounding allows %.1e)%s\n" % (z / 1000, rel, allowed, flag))
    out.write("  worst %.1e\n" % worst)
    for name, vals, digits, at86 in (("pressure", p, 5, p86), ("density", rho, 4, r86)):
        xs, segs = build(vals, at86)
        out.write("\n%s: %d nodes. Held-out printed points:\n" % (name, len(xs)))
        for z in HELD_OUT_M:
            if z in vals:
                v = math.exp(spline_eval(segs, float(z)))
                out.write("  %7.1f km printed %.5g interpolated %.6g rel %+.1e (half unit of print %.1e)\n"
                          % (z / 1000, vals[z], v, v / vals[z] - 1.0, half_unit(vals[z], digits)))
        # leave-one-out: every interior node dropped in turn (a bound: local spacing doubled)
        full = sorted(vals)
        bands = [(86000, 100000), (100000, 150000), (150000, 500000), (500000, 1000000)]
        worst_band = {bnd: (0.0, 0) for bnd in bands}
        for z in full[1:-1]:
            pts = {k: v for k, v in vals.items() if k != z}
            pts[86000] = at86
            ks = sorted(pts)
            sg = cubic_spline([float(k) for k in ks], [math.log(pts[k]) for k in ks], slope_86_km())
            rel = math.exp(spline_eval(sg, float(z))) / vals[z] - 1.0
            for bnd in bands:
                if bnd[0] < z <= bnd[1] and abs(rel) > abs(worst_band[bnd][0]):
                    worst_band[bnd] = (rel, z)
        for bnd in bands:
            rel, z = worst_band[bnd]
            out.write("  leave-one-out worst in %g-%g km: %+.1e at %.1f km\n"
                      % (bnd[0] / 1000, bnd[1] / 1000, rel, z / 1000))
        # monotonicity: derivative of every cubic piece must stay negative on its interval
        for i, (x0, c0, c1, c2, c3) in enumerate(segs):
            h = (segs[i + 1][0] if i + 1 < len(segs) else 1.0e6) - x0
            for k in range(201):
                t = h * k / 200.0
                if c1 + 2 * c2 * t + 3 * c3 * t * t >= 0.0:
                    raise SystemExit("%s spline not decreasing near %g m" % (name, x0 + t))
        out.write("  ln(%s) spline strictly decreasing on every interval (checked)\n" % name)


def c_array(name, xs, segs):
    lines = ["static const double %s_z_m[%d] = {" % (name, len(xs))]
    for i in range(0, len(xs), 8):
        lines.append("    " + ", ".join("%.1f" % x for x in xs[i:i + 8]) + ",")
    lines.append("};")
    lines.append("/* ln(value) = c[0] + c[1] t + c[2] t^2 + c[3] t^3 with t = z - z_i (m) on [z_i, z_i+1] */")
    lines.append("static const double %s_coef[%d][4] = {" % (name, len(segs)))
    for x0, c0, c1, c2, c3 in segs:
        lines.append("    {%r, %r, %r, %r}, /* %.1f km */" % (c0, c1, c2, c3, x0 / 1000))
    lines.append("};")
    return "\n".join(lines)


def header(p, rho):
    tb, pb, rb = layer_bases()
    tm86, p86, r86 = lower_state(86000.0)
    out = []
    out.append("/* us76_tables.h — GENERATED by scripts/gen_us76_tables.py; do not edit by hand.")
    out.append(" * U.S. Standard Atmosphere, 1976 (NOAA/NASA/USAF, NASA TM-X-74335): layer base values")
    out.append(" * below 86 km (Part 1, Table 4, eqs. 33a/33b/42) and cubic splines of ln P and ln rho")
    out.append(" * through the printed Part 4, Table I values from 86 to 1000 km. Included by")
    out.append(" * src/earth/atmosphere.c only. */")
    out.append("#ifndef BMD_US76_TABLES_H\n#define BMD_US76_TABLES_H\n")
    out.append("/* Layer b (0..6): base geopotential altitude (m', with the top 84852 m' as entry 7), base")
    out.append(" * molecular-scale temperature (K), gradient (K/m'), base pressure (Pa), base density (kg/m^3). */")
    out.append("static const double us76_layer_h_m[8] = {%s};" % ", ".join("%.1f" % h for h in HB))
    out.append("static const double us76_layer_t_k[7] = {%s};" % ", ".join(repr(t) for t in tb[:7]))
    out.append("static const double us76_layer_lapse_k_m[7] = {%s};" % ", ".join("%.4f" % l for l in LB))
    out.append("static const double us76_layer_p_pa[7] = {\n    %s};" % ",\n    ".join(repr(v) for v in pb[:7]))
    out.append("static const double us76_layer_rho_kg_m3[7] = {\n    %s};" % ",\n    ".join(repr(v) for v in rb[:7]))
    # Gradient layers: P = P_b (T_M/T_M,b)^k and rho = rho_b (T_M/T_M,b)^(k-1), k = -g0 M0/(R* L)
    # (eq. 33a). Isothermal layers: P = P_b exp(k (H - H_b)), rho likewise, k = -g0 M0/(R* T_M,b)
    # (eq. 33b).
    ks = [(-G0 * M0 / (RSTAR * LB[b])) if LB[b] != 0.0 else (-G0 * M0 / (RSTAR * tb[b])) for b in range(7)]
    out.append("/* Gradient layers: P = P_b (T_M/T_M,b)^k, rho = rho_b (T_M/T_M,b)^(k-1), k = -g0 M0/(R* L) (eq. 33a).")
    out.append(" * Isothermal layers: P = P_b exp(k (H - H_b)), rho likewise, k = -g0 M0/(R* T_M,b) (eq. 33b). */")
    out.append("static const double us76_layer_k[7] = {\n    %s};" % ",\n    ".join(repr(v) for v in ks))
    out.append("")
    out.append("/* The splines' 86 km node: the layer formulas at z = 86 km (printed: 3.7338e-1 Pa, 6.958e-6). */")
    out.append("#define US76_P_86_PA %r" % p86)
    out.append("#define US76_RHO_86_KG_M3 %r" % r86)
    out.append("")
    xs, segs = build(p, p86)
    out.append(c_array("us76_lnp", xs, segs))
    out.append("")
    xs, segs = build(rho, r86)
    out.append(c_array("us76_lnrho", xs, segs))
    out.append("\n#endif")
    return "\n".join(out) + "\n"


def main():
    p, rho, mw = parse_tables()
    if len(sys.argv) > 1 and sys.argv[1] == "--report":
        report(p, rho, mw)
    else:
        sys.stdout.write(header(p, rho))


if __name__ == "__main__":
    main()
