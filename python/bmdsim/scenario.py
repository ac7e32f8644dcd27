"""Scenarios: load and resolve a scenario file, run its analysis (every threat against every
site), and footprint maps over a grid."""
import json

import numpy as np

from ._lib import (InputError, NotFoundError, check, data_dir, deg, enc, ffi, launch_on_value, lib,
                   new_error, rad, text)
from .catalog import Missile, missile as load_missile
from .defense import engagement_dict, required_speed_dict


def _point(p):
    src = text(p.prov.source)
    return {"name": text(p.name), "lat_deg": deg(p.lat_rad), "lon_deg": deg(p.lon_rad),
            "height_m": p.height_m, "source": src or None,
            "notional": bool(p.prov.notional), "note": text(p.prov.note) or None}


class Scenario:
    """A scenario file (docs/scenarios.md), loaded and resolved against the catalogue:
    Scenario("scenarios/europe.yaml"). Attributes: path, title, question, sources
    {key: citation}, threats / sites / sensors (lists of dicts with names and places).
    Raises InputError/FileError/NotFoundError with FILE:LINE:COL in the message."""

    def __init__(self, path, catalog=None):
        self._scn = ffi.gc(ffi.new("bmd_scenario *"), lib.bmd_scenario_free)
        err = new_error()
        check(lib.bmd_scenario_open(enc(path), enc(catalog or f"{data_dir()}/catalog"),
                                    self._scn, err), err)
        s = self._scn
        self.path = str(path)
        self.title = text(s.title)
        self.question = text(s.question)
        self.sources = {text(s.sources[i].key): text(s.sources[i].citation)
                        for i in range(s.n_sources)}
        self.launch_on = text(lib.bmd_launch_on_name(s.launch_on))
        self.threats = [{"name": text(t.name), "missile": text(t.missile.name),
                         "from": _point(getattr(t, "from")), "to": _point(t.to),
                         "shape": text(lib.bmd_aim_shape_name(t.shape))}
                        for t in (s.threats[i] for i in range(s.n_threats))]
        self.sites = [{"name": text(x.name), **{k: v for k, v in _point(x.site).items()
                                                 if k != "name"},
                       "interceptor": text(x.interceptor.name), "count": x.count}
                      for x in (s.sites[i] for i in range(s.n_sites))]
        self.sensors = [{"name": text(x.name)} for x in (s.sensors[i] for i in range(s.n_sensors))]

    def point(self, name):
        """A named point of the launch areas or target sets: dict with lat_deg, lon_deg and the
        source of its coordinates. Raises NotFoundError."""
        p = lib.bmd_scenario_find_point(self._scn, enc(name), ffi.NULL, ffi.NULL)
        if p != ffi.NULL:
            return _point(p)
        for t in self.threats:   # a threat's own launch point or target
            for end in ("from", "to"):
                if t[end]["name"] == name:
                    return dict(t[end])
        names = sorted({t[e]["name"] for t in self.threats for e in ("from", "to")} - {""})
        raise NotFoundError(f"point '{name}' is not in {self.path} (the threats' points: "
                            f"{', '.join(names)}; launch areas and target sets are searched "
                            "too)", lib.BMD_ENOTFOUND)

    def analyze(self, launch_on=None, require_fcr_coverage=None, required_speed=False,
                threads=0):
        """Fly every threat and engage it from every site (bmd_analysis_run, as `bmdsim engage
        SCENARIO.yaml`). launch_on / require_fcr_coverage: None keeps the scenario's rules,
        else overrides them for every site. Returns an Analysis."""
        opt = ffi.new("bmd_analysis_options *")
        lib.bmd_analysis_options_init(opt)
        opt.required_speed = 1 if required_speed else 0
        opt.threads = threads
        if launch_on is not None or require_fcr_coverage is not None:
            opt.rules_from_scenario = 0
            opt.engage.launch_on = (launch_on_value(launch_on) if launch_on is not None
                                    else self._scn.launch_on)
            opt.engage.require_fcr_coverage = int(bool(
                self._scn.require_fcr_coverage if require_fcr_coverage is None
                else require_fcr_coverage))
        an = ffi.gc(ffi.new("bmd_analysis *"), lib.bmd_analysis_free)
        err = new_error()
        check(lib.bmd_analysis_run(self._scn, opt, an, err), err)
        rules = ffi.new("bmd_engagement_rules *")
        lib.bmd_scenario_rules(self._scn, -1, rules)
        lo = (launch_on if launch_on is not None
              else text(lib.bmd_launch_on_name(self._scn.launch_on)))
        fcr = bool(opt.engage.require_fcr_coverage) if not opt.rules_from_scenario \
            else bool(self._scn.require_fcr_coverage)
        return Analysis(self, an, lo, fcr)

    def footprint(self, missile, centre, grid, mode="defended-area", launch_on=None,
                  require_fcr_coverage=None, shape="min-energy", threads=0, max_cells=20000):
        """A footprint map (bmd/footprint.h) of this scenario's defence (every site with
        interceptors). mode defended-area: missile launched from centre, cells are aim points;
        launch-area: missile aimed at centre, cells are launch points. centre: a point name of
        the scenario or (lat, lon); grid: "S,N,W,E,STEP" in degrees (or a grid name of the
        scenario). Returns a Footprint."""
        return Footprint(self, missile, centre, grid, mode, launch_on, require_fcr_coverage,
                         shape, threads, max_cells)


class Analysis:
    """The result of Scenario.analyze: threats (list of dicts with the flight summary and, for
    reachable ones, arrays time_s/lat_deg/lon_deg/altitude_m), pairs (list of dicts, one per
    threat and site: status, engageable, reason, times, intercept points, shots, required
    speed), launch_on and require_fcr_coverage (the rules used)."""

    def __init__(self, scenario, an, launch_on, require_fcr_coverage):
        self.scenario = scenario
        self._an = an
        self.launch_on = launch_on
        self.require_fcr_coverage = require_fcr_coverage
        from .flight import _SAMPLE, _summary_dict, _plan_dict
        self.threats = []
        for i in range(an.n_threats):
            th = an.threats[i]
            f = th.flight
            d = {"name": scenario.threats[th.index]["name"], "reachable": bool(f.reachable),
                 "max_range_m": f.max_range_m}
            if f.reachable:
                d["summary"] = _summary_dict(f.summary)
                d["plan"] = _plan_dict(f.plan)
                n = f.traj.n_samples
                rec = np.frombuffer(ffi.buffer(f.traj.samples, n * _SAMPLE.itemsize),
                                    dtype=_SAMPLE).copy()
                d.update(time_s=rec["t_s"], lat_deg=np.degrees(rec["lat_rad"]),
                         lon_deg=np.degrees(rec["lon_rad"]), altitude_m=rec["altitude_m"],
                         speed_m_s=rec["speed_m_s"])
            self.threats.append(d)
        self.pairs = []
        buf = ffi.new("char[]", 256)
        for ti in range(an.n_threats):
            for si in range(an.n_sites):
                p = lib.bmd_analysis_pair_at(an, ti, si)
                d = {"threat": scenario.threats[p.threat]["name"],
                     "site": scenario.sites[p.site]["name"],
                     "status": text(lib.bmd_analysis_status_name(p.status)),
                     "launch_on": launch_on, "require_fcr_coverage": require_fcr_coverage}
                if p.status == lib.BMD_ANALYSIS_EVALUATED:
                    d.update(engagement_dict(p.engagement))
                    d["detected_by"] = text(lib.bmd_analysis_detector_name(an, p, buf, 256))
                    if p.has_required_speed:
                        d["required_speed"] = required_speed_dict(p.required)
                else:
                    d["engageable"] = False
                    d["reason"] = d["status"]
                self.pairs.append(d)

    def pair(self, threat, site):
        """The pair dict of a threat and a site by name (KeyError when absent)."""
        for p in self.pairs:
            if p["threat"] == threat and p["site"] == site:
                return p
        raise KeyError(f"no pair {threat!r} x {site!r}")

    def geojson(self, intercepts=True):
        """The analysis as a GeoJSON FeatureCollection (dict) from the library's writer: launch
        areas, radar coverage, threat tracks, sites and (intercepts) intercept points."""
        scene = ffi.new("bmd_scene *")
        lib.bmd_scene_init(scene, ffi.addressof(self.scenario._scn, "earth"))
        out = ffi.new("char **")
        err = new_error()
        try:
            check(lib.bmd_analysis_scene(self._an, 1 if intercepts else 0, scene, err), err)
            check(lib.bmd_geojson_string(scene, out, err), err)
            return json.loads(ffi.string(out[0]).decode())
        finally:
            if out[0] != ffi.NULL:
                lib.free(out[0])
            lib.bmd_scene_free(scene)


_MODES = {"defended-area": lib.BMD_FOOTPRINT_DEFENDED_AREA,
          "launch-area": lib.BMD_FOOTPRINT_LAUNCH_AREA}


class Footprint:
    """A footprint map. Grids (n_lat x n_lon, rows from the south): lat_deg, lon_deg,
    shots (shoot-look-shoot opportunities summed over the sites; -1 where the missile does not
    reach), engaged (bool), sites_engaging, earliest_intercept_s (NaN: none), flight_time_s,
    apogee_m, site_mask. site_names: the bits of site_mask. geojson(): contours as a
    FeatureCollection dict."""

    def __init__(self, scenario, missile, centre, grid, mode, launch_on, require_fcr_coverage,
                 shape, threads, max_cells):
        if mode not in _MODES:
            raise InputError(f"mode: '{mode}' is not a footprint mode (defended-area, "
                             "launch-area)", lib.BMD_EINVAL)
        scn = scenario._scn
        m = missile if isinstance(missile, Missile) else load_missile(missile)
        if isinstance(centre, str):
            pt = scenario.point(centre)
            clat, clon = pt["lat_deg"], pt["lon_deg"]
        else:
            clat, clon = centre
        err = new_error()
        g = ffi.gc(ffi.new("bmd_footprint_grid *"), lib.bmd_footprint_grid_free)
        check(lib.bmd_footprint_grid_parse(scn, enc(grid), max_cells, g, err), err, "grid: ")
        if not g.has_box or g.n_cells != g.n_box:
            raise InputError("grid: give a box (S,N,W,E,STEP) so the result is a grid",
                             lib.BMD_EINVAL)
        box = g.box
        if mode == "defended-area":
            tlat, tlon = rad(clat), rad(clon)
        else:
            tlat = box.south_rad + 0.5 * (box.n_lat - 1) * box.dlat_rad
            tlon = box.west_rad + 0.5 * (box.n_lon - 1) * box.dlon_rad
        d = ffi.gc(ffi.new("bmd_footprint_defense *"), lib.bmd_footprint_defense_free)
        check(lib.bmd_footprint_defense_from_scenario(scn, tlat, tlon, d, err), err)
        opt = ffi.new("bmd_footprint_options *")
        lib.bmd_footprint_options_init(opt)
        lo = launch_on if launch_on is not None else text(lib.bmd_launch_on_name(scn.launch_on))
        opt.engage.launch_on = launch_on_value(lo)
        fcr = scn.require_fcr_coverage if require_fcr_coverage is None else require_fcr_coverage
        opt.engage.require_fcr_coverage = 1 if fcr else 0
        opt.rcs_m2 = m.warhead_rcs_m2
        opt.threads = threads
        shp = ffi.new("bmd_aim_shape *")
        check(lib.bmd_aim_shape_parse(enc(shape), shp, err), err, "shape: ")
        inp = ffi.new("bmd_footprint_input *")
        inp.mode = _MODES[mode]
        inp.missile = m._c()
        inp.shape = shp[0]
        inp.centre_lat_rad, inp.centre_lon_rad = rad(clat), rad(clon)
        inp.cell_lat_rad, inp.cell_lon_rad = g.lat_rad, g.lon_rad
        inp.n_cells = g.n_cells
        inp.sites = d.sites
        inp.n_sites = d.n_sites
        fpp = ffi.new("bmd_footprint **")
        check(lib.bmd_footprint_prepare(ffi.addressof(scn, "earth"), inp, opt, fpp, err), err)
        fp = ffi.gc(fpp[0], lib.bmd_footprint_free)
        n = g.n_cells
        cells = ffi.new("bmd_footprint_cell[]", n)
        stats = ffi.new("bmd_footprint_stats *")
        try:
            check(lib.bmd_footprint_run(fp, 0, n, cells, ffi.NULL, ffi.NULL, ffi.NULL, stats,
                                        err), err)
        finally:
            ffi.release(fp)   # before the defence it points into
        self.mode, self.centre, self.grid, self.launch_on = mode, (clat, clon), grid, lo
        self.require_fcr_coverage = bool(fcr)
        self.missile = m.name
        self.site_names = [scenario.sites[d.scenario_index[i]]["name"] for i in range(d.n_sites)]
        shape2 = (box.n_lat, box.n_lon)
        get = lambda f: np.array([getattr(cells[k], f) for k in range(n)]).reshape(shape2)  # noqa
        self.lat_deg = np.degrees(get("lat_rad"))
        self.lon_deg = np.degrees(get("lon_rad"))
        status = get("status")
        self.reachable = get("reachable").astype(bool)
        self.status = status
        self.shots = np.where(self.reachable, get("shot_opportunities"), -1)
        self.engaged = self.shots > 0
        self.sites_engaging = get("sites_engaging")
        self.site_mask = get("site_mask")
        self.earliest_intercept_s = get("earliest_intercept_s")
        self.flight_time_s = get("flight_time_s")
        self.apogee_m = get("apogee_m")
        self._box = ffi.new("bmd_footprint_box *", box)
        self.cells_flown = stats.flights

    def geojson(self, min_shots=(1, 2)):
        """Contours of the cells with at least N shots (for each N of min_shots) as GeoJSON
        Polygons (traced by the library along cell edges), with properties mode, missile,
        centre, launch_on, require_fcr_coverage, min_shots."""
        features = []
        for k in min_shots:
            mask = np.ascontiguousarray((self.shots >= k).astype(np.uint8).ravel())
            rings = ffi.gc(ffi.new("bmd_footprint_rings *"), lib.bmd_footprint_rings_free)
            err = new_error()
            check(lib.bmd_footprint_contour(self._box, ffi.from_buffer("unsigned char[]", mask),
                                            rings, err), err)
            for r in range(rings.n_rings):
                a, b = rings.start[r], rings.start[r + 1]
                ring = [[round(deg(rings.lon_rad[i]), 6), round(deg(rings.lat_rad[i]), 6)]
                        for i in range(a, b)]
                ring.append(ring[0])
                features.append({"type": "Feature",
                                 "geometry": {"type": "Polygon", "coordinates": [ring]},
                                 "properties": {"name": f"{self.missile} >= {k} shot(s)",
                                                "mode": self.mode, "missile": self.missile,
                                                "centre": list(self.centre),
                                                "launch_on": self.launch_on,
                                                "require_fcr_coverage": self.require_fcr_coverage,
                                                "min_shots": k}})
        return {"type": "FeatureCollection", "features": features}


def footprint(scenario, missile, centre, grid, **kw):
    """bmdsim.footprint(SCENARIO_PATH_or_Scenario, missile, centre, grid, mode=..., ...): see
    Scenario.footprint."""
    scn = scenario if isinstance(scenario, Scenario) else Scenario(scenario)
    return scn.footprint(missile, centre, grid, **kw)
