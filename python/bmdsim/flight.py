"""Flights: trajectory() (aimed at a target or along an azimuth), fly() (one plan, the thin
call), loft() (Kepler estimate from a lofted test)."""
import math

import numpy as np

from ._lib import (InputError, NoSolutionError, check, deg, enc, ffi, latlon, lib, make_earth,
                   nan_to_none, new_error, rad)
from .catalog import Missile, missile as load_missile

_PHASES = ("boost", "coast", "free", "reentry")


def _sample_dtype():
    """A NumPy record type laid out as bmd_sample, offsets from the compiled extension."""
    names = ["t_s", "lat_rad", "lon_rad", "altitude_m", "speed_m_s", "flight_path_rad",
             "heading_rad", "mass_kg", "mach", "dynamic_pressure_pa", "r_ecef_m", "phase",
             "stage"]
    formats = ["f8"] * 10 + [("f8", (3,)), "i4", "i4"]
    assert ffi.sizeof("int") == 4
    return np.dtype({"names": names, "formats": formats,
                     "offsets": [ffi.offsetof("bmd_sample", n) for n in names],
                     "itemsize": ffi.sizeof("bmd_sample")})


_SAMPLE = _sample_dtype()
# the double fields as columns of a float64 view, the int fields of an int32 view
assert _SAMPLE.itemsize % 8 == 0
_NCOL = _SAMPLE.itemsize // 8
_COL = {name: _SAMPLE.fields[name][1] // 8 for name in _SAMPLE.names
        if name not in ("phase", "stage")}
assert all(_SAMPLE.fields[name][1] % 8 == 0 for name in _COL)
_ANGLE_COLS = [_COL[k] for k in ("lat_rad", "lon_rad", "flight_path_rad", "heading_rad")]
_PHASE_COL = _SAMPLE.fields["phase"][1] // 4
_STAGE_COL = _SAMPLE.fields["stage"][1] // 4


def _summary_dict(s):
    ev = s.events
    return {
        "ground_range_m": s.ground_range_m, "flight_time_s": s.flight_time_s,
        "apogee_altitude_m": s.apogee_altitude_m, "apogee_time_s": nan_to_none(ev.apogee_s),
        "burnout_time_s": nan_to_none(ev.burnout_s),
        "stage_burnout_s": [ev.stage_burnout_s[i] for i in range(ev.n_stages)],
        "burnout_altitude_m": nan_to_none(s.burnout_altitude_m),
        "burnout_speed_m_s": nan_to_none(s.burnout_speed_m_s),
        "burnout_angle_deg": nan_to_none(deg(s.burnout_flight_path_rad)),
        "burnout_lat_deg": nan_to_none(deg(s.burnout_lat_rad)),
        "burnout_lon_deg": nan_to_none(deg(s.burnout_lon_rad)),
        "reentry_time_s": nan_to_none(ev.reentry_s),
        "reentry_speed_m_s": nan_to_none(s.reentry_speed_m_s),
        "impact_speed_m_s": nan_to_none(s.impact_speed_m_s),
        "impact_lat_deg": nan_to_none(deg(s.impact_lat_rad)),
        "impact_lon_deg": nan_to_none(deg(s.impact_lon_rad)),
        "impacted": bool(s.impacted),
        "impact_phase": _PHASES[s.impact_phase] if 0 <= s.impact_phase < 4 else None,
    }


def _plan_dict(p):
    pitch = p.steering == lib.BMD_STEER_PITCH_PROGRAM
    d = {"steering": "pitch-program" if pitch else "gravity-turn",
         "azimuth_deg": deg(p.azimuth_rad), "vertical_rise_s": p.vertical_rise_s,
         "cutoff_s": p.cutoff_s}
    if pitch:
        d.update(pitch_final_deg=deg(p.pitch_final_rad), pitch_end_s=p.pitch_end_s)
    else:
        d["kick_deg"] = deg(p.kick_rad)
    return d


class Trajectory:
    """One flight: NumPy arrays of the time series (every interval_s and at every event) and
    the summary. Arrays: time_s, lat_deg, lon_deg, altitude_m, speed_m_s (Earth-relative),
    flight_path_deg, heading_deg, mass_kg, mach, dynamic_pressure_pa, position_ecef_m (n x 3),
    phase (0 boost, 1 coast between stages, 2 free flight, 3 reentry), stage (0-based).
    summary: dict (SI, angles in degrees); plan: the plan flown; info: the aim's numbers."""

    def __init__(self, earth, missile, traj, summary, plan, info, launch, target):
        self._earth = earth
        self._traj = traj            # bmd_trajectory * (freed with the object)
        self._summary = summary      # bmd_flight_summary *
        self.missile = missile
        self.launch = launch
        self.target = target
        # one copy of the C samples as a (n, columns) float64 block; the arrays are its columns
        # (views: strided, owning the block), columns located by the compiled offsets
        n = traj.n_samples
        block = (np.frombuffer(ffi.buffer(traj.samples, n * _SAMPLE.itemsize), np.float64)
                 .reshape(n, _NCOL).copy() if n else np.zeros((0, _NCOL)))
        c = _COL
        self.time_s = block[:, c["t_s"]]
        self.altitude_m = block[:, c["altitude_m"]]
        self.speed_m_s = block[:, c["speed_m_s"]]
        self.mass_kg = block[:, c["mass_kg"]]
        self.mach = block[:, c["mach"]]
        self.dynamic_pressure_pa = block[:, c["dynamic_pressure_pa"]]
        self.position_ecef_m = block[:, c["r_ecef_m"]:c["r_ecef_m"] + 3]
        block[:, _ANGLE_COLS] *= 180.0 / math.pi   # radians -> degrees, in the copy
        self.lat_deg, self.lon_deg = block[:, c["lat_rad"]], block[:, c["lon_rad"]]
        self.flight_path_deg = block[:, c["flight_path_rad"]]
        self.heading_deg = block[:, c["heading_rad"]]
        ints = block.view(np.int32)
        self.phase = ints[:, _PHASE_COL]
        self.stage = ints[:, _STAGE_COL]
        self._plan = plan
        self._info = info
        self._summary_cache = None

    @property
    def summary(self):
        """The flight summary (dict, SI, angles in degrees), made from the C struct on first use."""
        if self._summary_cache is None:
            d = _summary_dict(self._summary)
            d.update(self._info)
            self._summary_cache = d
        return self._summary_cache

    @property
    def plan(self):
        """The plan flown (dict: steering, azimuth_deg, vertical_rise_s, kick or pitch, cutoff_s)."""
        return _plan_dict(self._plan)

    def __len__(self):
        return len(self.time_s)

    def __repr__(self):
        s = self.summary
        return (f"<bmdsim.Trajectory {self.missile.name}: {len(self)} samples, range "
                f"{s['ground_range_m'] / 1e3:.0f} km, apogee {s['apogee_altitude_m'] / 1e3:.0f} km, "
                f"{s['flight_time_s']:.0f} s>")

    def geojson(self, name=None):
        """The flight as a GeoJSON FeatureCollection (dict), written by the library's GeoJSON
        writer: launch point, target (when aimed) and the 3-D track with its properties."""
        import json
        scene = ffi.new("bmd_scene *")
        lib.bmd_scene_init(scene, self._earth)
        err = new_error()
        out = ffi.new("char **")
        try:
            check(lib.bmd_scene_set_title(scene, enc(self.missile.full_name or self.missile.name),
                                          err), err)
            check(lib.bmd_scene_add_site(scene, b"launch", lib.BMD_SITE_LAUNCH,
                                         rad(self.launch[0]), rad(self.launch[1]), 0.0,
                                         ffi.NULL, err), err)
            if self.target is not None:
                check(lib.bmd_scene_add_site(scene, b"target", lib.BMD_SITE_TARGET,
                                             rad(self.target[0]), rad(self.target[1]), 0.0,
                                             ffi.NULL, err), err)
            if self._traj.n_samples >= 2:
                check(lib.bmd_scene_add_trajectory(scene, enc(name or self.missile.name),
                                                   enc(self.missile.name), self._traj,
                                                   self._summary, ffi.NULL, err), err)
            check(lib.bmd_geojson_string(scene, out, err), err)
            return json.loads(ffi.string(out[0]).decode())
        finally:
            if out[0] != ffi.NULL:
                lib.free(out[0])
            lib.bmd_scene_free(scene)


def _new_traj():
    return ffi.gc(ffi.new("bmd_trajectory *"), lib.bmd_trajectory_free)


_OPTIONS = {}   # interval -> bmd_flight_options (read-only for the library: shared by threads)


def _flight_options(interval_s):
    opt = _OPTIONS.get(interval_s)
    if opt is not None:
        return opt
    if not interval_s > 0:
        raise InputError(f"interval_s: {interval_s} s must be positive", lib.BMD_EINVAL)
    opt = ffi.new("bmd_flight_options *")
    lib.bmd_flight_options_init(opt)
    opt.sample_interval_s = interval_s
    if len(_OPTIONS) < 64:
        _OPTIONS[interval_s] = opt
    return opt


_STEERING = {"gravity-turn": lib.BMD_STEER_GRAVITY_TURN,
             "pitch-program": lib.BMD_STEER_PITCH_PROGRAM}


def _steering(name, allow_auto=True):
    if name == "auto" and allow_auto:
        return lib.BMD_AIM_STEER_AUTO
    if name not in _STEERING:
        raise InputError(f"steering: '{name}' is not a steering law (auto, gravity-turn, "
                         "pitch-program)", lib.BMD_EINVAL)
    return _STEERING[name]


def _resolve(m, payload_kg, set_):
    overrides = dict(set_ or {})
    if payload_kg is not None:
        overrides["payload.rv_mass_kg"] = payload_kg
    return load_missile(m, set=overrides) if (overrides or not isinstance(m, Missile)) else m


def trajectory(missile, launch, target=None, *, azimuth_deg=None, shape="min-energy",
               apogee_km=None, burnout_angle_deg=None, kick_deg=None, payload_kg=None,
               steering="auto", rise_s=0.0, interval_s=2.0, earth="wgs84", rotating=True,
               set=None):  # noqa: A002
    """Fly a catalogue missile from launch (lat, lon in degrees) — as `bmdsim trajectory`:
      target=(lat, lon): aimed on shape (min-energy, lofted, depressed, cutoff), the one threat
        flight of every command (bmd_aim_fly_to, 100 m aim tolerance);
      azimuth_deg: the max-range plan, or apogee_km / burnout_angle_deg (lofted plans) or
        kick_deg (a gravity turn with that kick).
    missile: a name, a YAML path or a bmdsim.Missile; payload_kg and set= override it.
    Returns a Trajectory (arrays sampled every interval_s s). A target out of reach raises
    NoSolutionError (its maximum range on that bearing in the message); bad input InputError."""
    m = _resolve(missile, payload_kg, set)
    lat, lon = latlon(launch, "launch")
    e = make_earth(earth, rotating)
    err = new_error()
    site = ffi.new("bmd_site *", {"lat_rad": rad(lat), "lon_rad": rad(lon), "height_m": 0.0})
    if (target is None) == (azimuth_deg is None):
        raise InputError("give either target=(lat, lon) or azimuth_deg", lib.BMD_EINVAL)
    if target is not None:
        if any(v is not None for v in (apogee_km, burnout_angle_deg, kick_deg)):
            raise InputError("apogee_km, burnout_angle_deg and kick_deg go with azimuth_deg; "
                             "with target use shape", lib.BMD_EINVAL)
        tlat, tlon = latlon(target, "target")
        fo = ffi.new("bmd_aim_fly_options *")
        lib.bmd_aim_fly_options_init(fo)
        shp = ffi.new("bmd_aim_shape *")
        check(lib.bmd_aim_shape_parse(enc(shape), shp, err), err, "shape: ")
        fo.shape = shp[0]
        fo.steering = _steering(steering)
        fo.vertical_rise_s = rise_s
        fo.sample_interval_s = interval_s
        f = ffi.new("bmd_aim_flight *")
        check(lib.bmd_aim_fly_to(e, m._c(), site, rad(tlat), rad(tlon), fo, 1, f, err), err)
        traj = ffi.gc(ffi.addressof(f, "traj"), lambda p, keep=f: lib.bmd_trajectory_free(p))
        if not f.reachable:
            raise NoSolutionError(f"target: ({tlat}, {tlon}) is out of reach of {m.name} "
                                  f"(maximum range {f.max_range_m / 1e3:.0f} km on that bearing)")
        info = {"mode": "aimed, " + shape, "reachable": True,
                "target_distance_m": f.target_distance_m, "max_range_m": f.max_range_m,
                "miss_m": f.miss_m, "evaluations": f.evaluations}
        summary = ffi.addressof(f, "summary")
        plan = ffi.new("bmd_plan *", f.plan)
        return Trajectory(e, m, traj, summary, plan, info, (lat, lon), (tlat, tlon))
    chosen = [n for n, v in (("apogee_km", apogee_km), ("burnout_angle_deg", burnout_angle_deg),
                             ("kick_deg", kick_deg)) if v is not None]
    if len(chosen) > 1:
        raise InputError(f"{chosen[0]} and {chosen[1]} cannot both be given", lib.BMD_EINVAL)
    base = ffi.new("bmd_plan *")
    law = lib.BMD_STEER_GRAVITY_TURN if steering == "auto" else _steering(steering, False)
    lib.bmd_plan_init_for(m._c(), law, base)
    base.azimuth_rad = rad(azimuth_deg)
    if rise_s > 0:
        base.vertical_rise_s = rise_s
    res = ffi.new("bmd_aim_result *")
    mode = chosen[0] if chosen else "max-range"
    if kick_deg is not None:
        if not 0.0 <= kick_deg < 90.0:
            raise InputError(f"kick_deg: {kick_deg} is outside [0, 90) degrees", lib.BMD_EINVAL)
        if law != lib.BMD_STEER_GRAVITY_TURN:
            raise InputError("kick_deg needs the gravity turn", lib.BMD_EINVAL)
        base.kick_rad = rad(kick_deg)
        res.plan = base[0]
        res.evaluations = 1
        res.max_range_m = math.nan
    else:
        if steering == "auto":
            check(lib.bmd_aim_max_range_best(e, m._c(), base.azimuth_rad, site, ffi.NULL, res,
                                             err), err)
        else:
            check(lib.bmd_aim_max_range(e, m._c(), base, site, ffi.NULL, res, err), err)
        if apogee_km is not None:
            base[0] = res.plan
            check(lib.bmd_aim_apogee(e, m._c(), base, site, apogee_km * 1e3, ffi.NULL, res, err),
                  err)
        elif burnout_angle_deg is not None:
            base[0] = res.plan
            check(lib.bmd_aim_burnout_angle(e, m._c(), base, site, rad(burnout_angle_deg),
                                            ffi.NULL, res, err), err)
    traj = _new_traj()
    summary = ffi.new("bmd_flight_summary *")
    plan = ffi.new("bmd_plan *", res.plan)
    check(lib.bmd_trajectory_fly(e, m._c(), plan, site.lat_rad, site.lon_rad, 0.0,
                                 _flight_options(interval_s), summary, traj, err), err)
    info = {"mode": mode, "max_range_m": nan_to_none(res.max_range_m) or None,
            "evaluations": res.evaluations}
    return Trajectory(e, m, traj, summary, plan, info, (lat, lon), None)


def fly(missile, launch, azimuth_deg, kick_deg, *, interval_s=1.0, earth=None):
    """The thin call: one bmd_trajectory_fly of a gravity turn (10 s vertical rise, then
    kick_deg from the vertical toward azimuth_deg) recording every interval_s. missile must be
    a bmdsim.Missile (load it once with bmdsim.missile); earth: a model from a previous call or
    None (WGS84). Returns a Trajectory. Used by bench/bench_python.py."""
    if not isinstance(missile, Missile):
        missile = load_missile(missile)
    e = earth if earth is not None else _WGS84
    plan = ffi.new("bmd_plan *")
    lib.bmd_plan_init(plan)
    plan.azimuth_rad = rad(azimuth_deg)
    plan.kick_rad = rad(kick_deg)
    traj = _new_traj()
    summary = ffi.new("bmd_flight_summary *")
    err = new_error()
    check(lib.bmd_trajectory_fly(e, missile._c(), plan, rad(launch[0]), rad(launch[1]), 0.0,
                                 _flight_options(interval_s), summary, traj, err), err)
    return Trajectory(e, missile, traj, summary, plan, {"mode": "kick"}, tuple(launch), None)


_WGS84 = make_earth()


def loft(apogee_km, range_km, *, burnout_altitude_km=0.0, earth_radius_km=None):
    """The Kepler estimate of a lofted test (as `bmdsim loft --apogee KM --range KM`): the
    free-flight arc from burnout through the observed apogee and ground range on a spherical,
    non-rotating Earth (radius 6371.0088 km unless given), and what the same burnout speed gives
    on a minimum-energy trajectory. Returns a dict (SI, degrees); 'any_point' is True when the
    burnout speed is orbital (then no maximum range: any point on the Earth)."""
    radius = (earth_radius_km * 1e3) if earth_radius_km else lib.BMD_EARTH_MEAN_RADIUS_M
    if not apogee_km > burnout_altitude_km:
        raise InputError(f"apogee_km: {apogee_km} km is not above the burnout altitude "
                         f"{burnout_altitude_km} km", lib.BMD_EINVAL)
    psi = range_km * 1e3 / radius
    if not 0 < psi < math.pi:
        raise InputError(f"range_km: {range_km} km is outside (0, {math.pi * radius / 1e3:.0f}) "
                         "km (half the circumference)", lib.BMD_EINVAL)
    k = ffi.new("bmd_loft_kepler *")
    err = new_error()
    r = radius + burnout_altitude_km * 1e3
    check(lib.bmd_loft_kepler_estimate(r, radius + apogee_km * 1e3, psi,
                                       lib.BMD_WGS84_GM_M3_S2, k, err), err)
    d = {"model": "kepler", "earth_radius_m": radius, "apogee_m": apogee_km * 1e3,
         "range_m": range_km * 1e3, "burnout_altitude_m": burnout_altitude_km * 1e3,
         "burnout_speed_m_s": k.burnout_speed_m_s, "circular_speed_m_s": k.circular_speed_m_s,
         "burnout_angle_deg": deg(k.burnout_gamma_rad), "q": k.q, "any_point": bool(k.any_point),
         "flight_time_s": nan_to_none(k.flight_time_s)}
    if not k.any_point:
        d.update(max_range_m=k.max_range_angle_rad * radius,
                 max_range_burnout_angle_deg=deg(k.max_range_gamma_rad),
                 max_range_apogee_m=k.max_range_apogee_radius_m - radius,
                 max_range_flight_time_s=nan_to_none(k.max_range_flight_time_s))
    return d
