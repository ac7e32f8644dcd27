"""engage(): one threat flight against one defence site (as `bmdsim engage` in its flag form)."""
import math

from ._lib import (LAUNCH_ON, InputError, catalog_dir, check, deg, enc, ffi, latlon, launch_on_value,
                   lib, nan_to_none, new_error, rad, text)

_DETECTORS = {lib.BMD_DETECTOR_NONE: "none", lib.BMD_DETECTOR_RADAR: "cueing radar",
              lib.BMD_DETECTOR_IR: "space-based IR",
              lib.BMD_DETECTOR_FIRE_CONTROL: "fire-control radar"}


def _point(p):
    if math.isnan(p.t_s):
        return None
    return {"time_s": p.t_s, "flyout_s": p.flyout_s, "launch_s": p.launch_s,
            "lat_deg": deg(p.lat_rad), "lon_deg": deg(p.lon_rad), "altitude_m": p.altitude_m,
            "ground_range_m": p.ground_range_m, "kv_speed_m_s": p.kv_speed_m_s,
            "threat_speed_m_s": p.threat_speed_m_s, "closing_speed_m_s": p.closing_speed_m_s,
            "crossing_angle_deg": deg(p.crossing_angle_rad)}


def engagement_dict(e):
    """A bmd_engagement as a dict (SI; times in s after the threat's launch; None: none)."""
    def t(x):
        return None if (math.isnan(x) or math.isinf(x)) else x
    return {
        "engageable": bool(e.engageable), "reason": text(lib.bmd_engage_reason_name(e.reason)),
        "detect_s": t(e.detect_s), "detector": _DETECTORS.get(e.detector, "?"),
        "chain_start_s": t(e.chain_start_s), "track_s": t(e.track_s),
        "earliest_launch_s": t(e.launch_earliest_s),
        "earliest": _point(e.earliest), "latest": _point(e.latest),
        "intercept_altitude_min_m": t(e.altitude_min_m),
        "intercept_altitude_max_m": t(e.altitude_max_m),
        "launch_window_s": (t(e.launch_first_s), t(e.launch_last_s)),
        "shot_opportunities": e.shot_opportunities,
        "shots": [{"launch_s": e.shots[i].launch_s, "intercept_s": e.shots[i].intercept_s,
                   "altitude_m": e.shots[i].altitude_m} for i in range(e.n_shots)],
        "reach_s": (t(e.reach_first_s), t(e.reach_last_s)),
    }


def required_speed_dict(r):
    return {"possible": bool(r.possible), "speed_m_s": nan_to_none(r.speed_m_s),
            "feasible_at_lowest": bool(r.feasible_at_lo), "site_engages": bool(r.site_engages),
            "site_speed_m_s": r.site_speed_m_s, "from_site": bool(r.from_site),
            "reason_at_highest": text(lib.bmd_engage_reason_name(r.reason_at_hi))}


def rules_text(rules):
    buf = ffi.new("char[]", 256)
    return text(lib.bmd_engagement_rules_describe(rules, buf, 256))


def engage(threat, site, interceptor, *, radar=None, radar_at=None, boresight_deg=None,
           interceptors=4, launch_on="ir-track", require_fcr_coverage=True, ir=True,
           ir_delay_s=0.0, track_delay_s=30.0, decision_delay_s=10.0, launch_delay_s=5.0,
           kill_assessment_s=30.0, required_speed=False):
    """Can a defence site engage a threat? threat: an aimed bmdsim.Trajectory (its missile's
    catalogue warhead cross-section is what radars look for); site: (lat, lon) of the launcher;
    interceptor: catalogue name; radar: the site's fire-control radar type (None: none) at
    radar_at (default the site), turned toward the threat's launch point unless boresight_deg;
    ir: space-based IR cueing with ir_delay_s; launch_on: ir-track, burnout or radar-track;
    delays in s (defaults: the library's, bmd_engagement_rules_init). Returns a dict: the rules
    in words, the engagement (window, intercept points, shots, reason) and, with
    required_speed=True, the lowest interceptor burnout speed that engages."""
    from .flight import Trajectory
    if not isinstance(threat, Trajectory) or threat.target is None:
        raise InputError("threat: needs an aimed bmdsim.Trajectory (trajectory(..., target=...))",
                         lib.BMD_EINVAL)
    if threat._traj.n_samples < 2:
        raise InputError("threat: the trajectory has fewer than 2 samples", lib.BMD_EINVAL)
    slat, slon = latlon(site, "site")
    n = int(interceptors)
    if n != interceptors or n < 1:
        raise InputError(f"interceptors: {interceptors} is not a whole number >= 1",
                         lib.BMD_EINVAL)
    err = new_error()
    earth = threat._earth
    rules = ffi.new("bmd_engagement_rules *")
    lib.bmd_engagement_rules_init(rules)
    rules.launch_on = launch_on_value(launch_on)
    rules.require_fcr_coverage = 1 if require_fcr_coverage else 0
    rules.timeline.track_delay_s = track_delay_s
    rules.timeline.decision_delay_s = decision_delay_s
    rules.timeline.launch_delay_s = launch_delay_s
    rules.timeline.kill_assessment_s = kill_assessment_s
    check(lib.bmd_engagement_rules_validate(rules, err), err)
    tl = ffi.new("bmd_timeline *")
    opt = ffi.new("bmd_engage_options *")
    lib.bmd_engage_options_init(opt)
    lib.bmd_engagement_rules_apply(rules, tl, opt)

    ic = ffi.new("bmd_catalog_interceptor *")
    check(lib.bmd_catalog_find_interceptor(enc(catalog_dir("interceptors")), enc(interceptor),
                                           ic, err), err, "interceptor: ")
    dsite = ffi.new("bmd_defense_site *")
    dsite.lat_rad, dsite.lon_rad, dsite.height_m = rad(slat), rad(slon), 0.0
    dsite.n_interceptors = n
    from_lat, from_lon = (rad(v) for v in threat.launch)
    fcr = None
    if radar is not None:
        fcr = ffi.new("bmd_catalog_radar *")
        check(lib.bmd_catalog_find_radar(enc(catalog_dir("radars")), enc(radar), fcr, err), err,
              "radar: ")
        rlat, rlon = latlon(radar_at, "radar_at") if radar_at is not None else (slat, slon)
        fcr.radar.lat_rad, fcr.radar.lon_rad = rad(rlat), rad(rlon)
        if boresight_deg is None:
            az = ffi.new("double *")
            lib.bmd_geodesy_inverse(earth, fcr.radar.lat_rad, fcr.radar.lon_rad, from_lat,
                                    from_lon, ffi.NULL, az, ffi.NULL)
            fcr.radar.boresight_azimuth_rad = az[0]
        else:
            fcr.radar.boresight_azimuth_rad = rad(boresight_deg)
        check(lib.bmd_radar_validate(ffi.addressof(fcr.radar), err), err, "radar: ")
        dsite.fire_control = ffi.addressof(fcr.radar)
    elif radar_at is not None:
        raise InputError("radar_at needs radar=NAME", lib.BMD_EINVAL)

    irs = ffi.new("bmd_ir_sensor *")
    lib.bmd_ir_sensor_init(irs)
    irs.delay_s = ir_delay_s
    sensors = ffi.new("bmd_sensor_set *")
    sensors.ir = irs
    sensors.n_ir = 1 if ir else 0
    th = ffi.new("bmd_threat *")
    check(lib.bmd_threat_prepare_rcs(earth, threat._traj, ffi.addressof(threat._summary, "events"),
                                     lib.BMD_OBJECT_RV, threat.missile.warhead_rcs_m2, sensors,
                                     th, err), err)
    fo = ffi.new("bmd_flyout_options *")
    lib.bmd_flyout_options_init(fo)
    az = ffi.new("double *")
    lib.bmd_geodesy_inverse(earth, dsite.lat_rad, dsite.lon_rad, from_lat, from_lon, ffi.NULL,
                            az, ffi.NULL)
    fo.site.lat_rad, fo.site.lon_rad, fo.site.height_m = dsite.lat_rad, dsite.lon_rad, 0.0
    fo.site.azimuth_rad = az[0]
    table = ffi.gc(ffi.new("bmd_flyout *"), lib.bmd_flyout_free)
    check(lib.bmd_flyout_build(table, earth, ffi.addressof(ic.interceptor), fo, err), err)
    dsite.flyout = table
    out = ffi.new("bmd_engagement *")
    check(lib.bmd_engage(earth, th, dsite, tl, opt, out, err), err)
    result = {"threat": threat.missile.name, "interceptor": text(ic.interceptor.name),
              "interceptor_speed_m_s": ic.interceptor.burnout_speed_m_s,
              "radar": text(fcr.name) if fcr is not None else None,
              "launch_on": launch_on, "rules": rules_text(rules),
              "warhead_rcs_m2": threat.missile.warhead_rcs_m2,
              "ir": bool(ir)}
    result.update(engagement_dict(out))
    if required_speed:
        ro = ffi.new("bmd_required_speed_options *")
        lib.bmd_required_speed_options_init(ro)
        rs = ffi.new("bmd_required_speed *")
        check(lib.bmd_engage_required_speed(earth, th, dsite, tl, opt, ro, rs, err), err)
        result["required_speed"] = required_speed_dict(rs)
    return result


__all__ = ["engage", "LAUNCH_ON"]
