#!/usr/bin/python3
"""reference_scipy.py -- the bmdsim flight equations flown with SciPy's solve_ivp, for speed and
cross-checking. Same vehicle (pytrajlib Minuteman III), same Earth (WGS84 ellipsoid, point mass +
J2 gravity, rotation), same US76 air (a table written by bench_trajectory --table, interpolated
log-linearly), same drag (Cd 0.15 on 2.27 m^2 during boost, beta for the RV), same gravity-turn
steering (vertical rise, kick of the Earth-relative velocity, thrust along it), same phases.

Usage: reference_scipy.py TABLE KICK_RAD AZIMUTH_RAD RISE_S [--method DOP853|RK45] [--runs N]
Prints a small table and "RESULT key value" lines."""
import math
import sys
import time

import numpy as np
from scipy.integrate import solve_ivp

A = 6378137.0
F = 1.0 / 298.257223563
E2 = F * (2.0 - F)
B = A * (1.0 - F)
GM = 3.986004418e14
J2 = 1.08262982131e-3
OMEGA = 7.292115e-5
G0 = 9.80665

WET = [23230.0, 7270.0, 3710.0]
PROP = [20780.0, 6240.0, 3306.0]
VE = [2619.0, 2815.0, 2796.0]
BURN = [61.0, 66.0, 61.0]
AREA = 2.27
CD = 0.15
BUS = 350.0  # notional, as in bench_trajectory.c
RV = 450.0
BETA = 1.0e4
LAT0 = math.radians(48.4)
LON0 = math.radians(-101.3)


def geodetic_to_ecef(lat, lon, h):
    n = A / math.sqrt(1.0 - E2 * math.sin(lat) ** 2)
    return np.array([(n + h) * math.cos(lat) * math.cos(lon),
                     (n + h) * math.cos(lat) * math.sin(lon),
                     (n * (1.0 - E2) + h) * math.sin(lat)])


def ecef_to_geodetic(r):
    """Iterative (converges to < 1 mm in a few passes away from the centre)."""
    x, y, z = r
    p = math.hypot(x, y)
    lon = math.atan2(y, x)
    lat = math.atan2(z, p * (1.0 - E2))
    h = 0.0
    for _ in range(6):
        n = A / math.sqrt(1.0 - E2 * math.sin(lat) ** 2)
        h = p / math.cos(lat) - n if abs(lat) < 1.4 else z / math.sin(lat) - n * (1.0 - E2)
        lat = math.atan2(z, p * (1.0 - E2 * n / (n + h)))
    return lat, lon, h


def up_vector(r):
    lat, lon, _ = ecef_to_geodetic(r)
    return np.array([math.cos(lat) * math.cos(lon), math.cos(lat) * math.sin(lon), math.sin(lat)]), lat, lon


def gravity(r):
    x, y, z = r
    r2 = x * x + y * y + z * z
    rn = math.sqrt(r2)
    k = 1.5 * J2 * A * A / r2
    zz = z * z / r2
    c = -GM / (r2 * rn)
    return np.array([c * x * (1.0 + k * (1.0 - 5.0 * zz)),
                     c * y * (1.0 + k * (1.0 - 5.0 * zz)),
                     c * z * (1.0 + k * (3.0 - 5.0 * zz))])


class Air:
    def __init__(self, path):
        t = np.loadtxt(path)
        self.h = t[:, 0] * 1e3
        self.lrho = np.log(np.maximum(t[:, 1], 1e-300))
        self.hmax = self.h[-1]

    def density(self, h):
        if h >= self.hmax:
            return 0.0
        return math.exp(np.interp(h, self.h, self.lrho))


def altitude(r):
    return ecef_to_geodetic(r)[2]


def v_rel(y):
    return np.array([y[3] + OMEGA * y[1], y[4] - OMEGA * y[0], y[5]])


def make_rhs(air, stage, kicked, rv):
    mdot = PROP[stage] / BURN[stage] if stage is not None else 0.0
    thrust = VE[stage] * mdot if stage is not None else 0.0

    def rhs(t, y):
        r = y[0:3]
        m = y[6]
        vr = v_rel(y)
        acc = gravity(r)
        up, _, _ = up_vector(r)
        h = ecef_to_geodetic(r)[2]
        rho = air.density(h)
        s = np.linalg.norm(vr)
        if rv:
            acc = acc - 0.5 * rho * s / BETA * vr
        else:
            acc = acc - 0.5 * rho * s * CD * AREA / m * vr
        if thrust > 0.0:
            u = vr / s if (kicked and s > 1e-6) else up
            acc = acc + thrust / m * u
        return np.concatenate([y[3:6], acc, [-mdot]])
    return rhs


def impact_event(t, y):
    return altitude(y[0:3])


impact_event.terminal = True
impact_event.direction = -1


def vincenty(lat1, lon1, lat2, lon2):
    """Vincenty's inverse formula on WGS84 (Survey Review 23, 1975): distance in m."""
    f = F
    L = lon2 - lon1
    U1 = math.atan((1 - f) * math.tan(lat1))
    U2 = math.atan((1 - f) * math.tan(lat2))
    sU1, cU1, sU2, cU2 = math.sin(U1), math.cos(U1), math.sin(U2), math.cos(U2)
    lam = L
    for _ in range(200):
        sl, cl = math.sin(lam), math.cos(lam)
        ss = math.hypot(cU2 * sl, cU1 * sU2 - sU1 * cU2 * cl)
        cs = sU1 * sU2 + cU1 * cU2 * cl
        sig = math.atan2(ss, cs)
        sa = cU1 * cU2 * sl / ss
        c2a = 1 - sa * sa
        c2sm = cs - 2 * sU1 * sU2 / c2a if c2a != 0 else 0.0
        C = f / 16 * c2a * (4 + f * (4 - 3 * c2a))
        lp = lam
        lam = L + (1 - C) * f * sa * (sig + C * ss * (c2sm + C * cs * (-1 + 2 * c2sm * c2sm)))
        if abs(lam - lp) < 1e-13:
            break
    u2 = c2a * (A * A - B * B) / (B * B)
    AA = 1 + u2 / 16384 * (4096 + u2 * (-768 + u2 * (320 - 175 * u2)))
    BB = u2 / 1024 * (256 + u2 * (-128 + u2 * (74 - 47 * u2)))
    ds = BB * ss * (c2sm + BB / 4 * (cs * (-1 + 2 * c2sm * c2sm)
                                     - BB / 6 * c2sm * (-3 + 4 * ss * ss) * (-3 + 4 * c2sm * c2sm)))
    return B * AA * (sig - ds)


def fly(air, kick, azimuth, rise, method, rtol=1e-8, atol=1e-3):
    r0 = geodetic_to_ecef(LAT0, LON0, 0.0)
    v0 = np.array([-OMEGA * r0[1], OMEGA * r0[0], 0.0])
    y = np.concatenate([r0, v0, [sum(WET) + BUS + RV]])
    t = 0.0
    nfev = 0
    ends = np.cumsum(BURN)
    breaks = sorted(set([rise] + list(ends)))
    kicked = False
    for tb in breaks:
        stage = int(np.searchsorted(ends, t + 1e-9, side='right'))
        sol = solve_ivp(make_rhs(air, stage, kicked, False), (t, tb), y, method=method,
                        rtol=rtol, atol=atol)
        nfev += sol.nfev
        y = sol.y[:, -1].copy()
        t = tb
        for i in range(3):
            if abs(tb - ends[i]) < 1e-9 and i < 2:
                y[6] -= WET[i] - PROP[i]
        if abs(tb - rise) < 1e-9 and not kicked:
            up, lat, lon = up_vector(y[0:3])
            east = np.array([-math.sin(lon), math.cos(lon), 0.0])
            north = np.cross(up, east)
            vr = v_rel(y)
            s = np.linalg.norm(vr)
            d = s * (math.sin(kick) * (math.sin(azimuth) * east + math.cos(azimuth) * north)
                     + math.cos(kick) * up)
            y[3:6] = d + np.array([-OMEGA * y[1], OMEGA * y[0], 0.0])
            kicked = True
    y[6] = RV
    sol = solve_ivp(make_rhs(air, None, True, True), (t, 10000.0), y, method=method,
                    rtol=rtol, atol=atol, events=impact_event)
    nfev += sol.nfev
    te = sol.t_events[0][0]
    ye = sol.y_events[0][0]
    c, s_ = math.cos(OMEGA * te), math.sin(OMEGA * te)
    r_ecef = np.array([c * ye[0] + s_ * ye[1], -s_ * ye[0] + c * ye[1], ye[2]])
    lat, lon, _ = ecef_to_geodetic(r_ecef)
    return vincenty(LAT0, LON0, lat, lon), te, nfev


def main():
    if len(sys.argv) < 5:
        print(__doc__)
        return 2
    air = Air(sys.argv[1])
    kick, az, rise = float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
    method = 'DOP853'
    runs = 3
    rtol = 1e-8
    args = sys.argv[5:]
    for i, a in enumerate(args):
        if a == '--method':
            method = args[i + 1]
        if a == '--runs':
            runs = int(args[i + 1])
        if a == '--rtol':
            rtol = float(args[i + 1])
    t0 = time.perf_counter()
    for _ in range(runs):
        rng, tf, nfev = fly(air, kick, az, rise, method, rtol=rtol)
    dt = (time.perf_counter() - t0) / runs
    print("| quantity | SciPy solve_ivp %s, rtol %g |" % (method, rtol))
    print("|---|---|")
    print("| ground range (km) | %.3f |" % (rng / 1e3))
    print("| flight time (s) | %.3f |" % tf)
    print("| right-hand-side calls | %d |" % nfev)
    print("| time per trajectory (ms) | %.3f |" % (1e3 * dt))
    print("RESULT scipy_range_km %.6f" % (rng / 1e3))
    print("RESULT scipy_flight_time_s %.6f" % tf)
    print("RESULT scipy_trajectory_ms %.6f" % (1e3 * dt))
    return 0


if __name__ == '__main__':
    sys.exit(main())
