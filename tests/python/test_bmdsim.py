"""The Python module bmdsim against the command line and published numbers. Each comparison
names what it compares with and its tolerance next to the assertion."""
import math
import os
import threading

import numpy as np
import pytest

import bmdsim

TABRIZ, ANKARA = (38.08, 46.29), (39.93, 32.86)        # scenarios/iran-europe-small.yaml
KOZELSK, WASHINGTON = (54.03, 35.78), (38.90, -77.04)  # scenarios/europe.yaml


def close(actual, expected, rel, what):
    assert math.isclose(actual, expected, rel_tol=rel), \
        f"{what}: expected {expected}, actual {actual} (relative tolerance {rel})"


# --- catalogue -------------------------------------------------------------------------------

def test_catalog_lookup_gives_values_with_their_sources_and_notional_flags():
    d = bmdsim.catalog("rs-24-yars-class")
    assert d["name"] == "rs-24-yars-class"
    assert d["class"] == "ICBM", f"expected class ICBM, actual {d['class']}"
    assert d["stages"] == 3
    for p in d["parameters"]:
        # every value carries a source (with its citation) or the notional flag: the catalogue rule
        assert p["notional"] or p["citation"], f"{p['field']}: neither source nor notional"
    assert d["values"]["payload.rv_mass_kg"] == pytest.approx(
        bmdsim.missile("rs-24-yars-class").payload_kg)
    assert d["signature"]["warhead_rcs_m2"] > 0


def test_catalog_unknown_name_raises_a_not_found_error_that_is_a_value_error_with_suggestions():
    with pytest.raises(bmdsim.NotFoundError) as e:
        bmdsim.catalog("rs-24-yars-clas")
    assert isinstance(e.value, ValueError) and isinstance(e.value, bmdsim.Error)
    assert "did you mean" in str(e.value), f"message without suggestion: {e.value}"
    assert e.value.status_name, "status name missing"


def test_catalog_interceptor_and_radar_carry_sources():
    ic = bmdsim.catalog("sm-3-block-iia", kind="interceptor")
    assert ic["burnout_speed_m_s"] > 3000, f"SM-3 IIA speed {ic['burnout_speed_m_s']}"
    rd = bmdsim.catalog("spy-1d", kind="radar")
    assert rd["band"], "radar without band"
    for p in ic["parameters"] + rd["parameters"]:
        assert p["notional"] or p["citation"], f"{p['field']}: neither source nor notional"


def test_missile_override_of_an_unknown_field_raises_input_error_naming_it():
    with pytest.raises(bmdsim.InputError, match="no_such_field"):
        bmdsim.missile("shahab-3-class", set={"no_such_field": 1})


# --- trajectories ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def shahab():
    return bmdsim.trajectory("shahab-3-class", TABRIZ, target=ANKARA)


def test_aimed_trajectory_matches_bmdsim_trajectory_json_for_the_same_case(shahab, cli_json):
    # the CLI prints 7-8 significant digits: agreement to 1e-6 relative is the same flight
    c = cli_json("trajectory", "--missile", "shahab-3-class", "--from", "38.08,46.29",
                 "--to", "39.93,32.86")
    s = shahab.summary
    close(s["ground_range_m"] / 1e3, c["ground_range_km"], 1e-6, "ground range km")
    close(s["apogee_altitude_m"] / 1e3, c["apogee_km"], 1e-6, "apogee km")
    close(s["flight_time_s"], c["flight_time_s"], 1e-6, "flight time s")
    close(s["burnout_speed_m_s"] / 1e3, c["burnout_speed_km_s"], 1e-6, "burnout speed km/s")
    close(s["burnout_angle_deg"], c["burnout_angle_deg"], 1e-6, "burnout angle deg")
    close(s["impact_lat_deg"], c["impact_lat"], 1e-6, "impact latitude")
    close(s["impact_lon_deg"], c["impact_lon"], 1e-6, "impact longitude")
    close(s["max_range_m"] / 1e3, c["max_range_km"], 1e-6, "max range km")
    assert shahab.plan["steering"] == c["steering"]
    close(shahab.plan["azimuth_deg"], c["azimuth_deg"], 1e-6, "azimuth deg")


def test_trajectory_arrays_are_numpy_series_consistent_with_the_summary(shahab):
    n = len(shahab)
    for name in ("time_s", "lat_deg", "lon_deg", "altitude_m", "speed_m_s", "mass_kg"):
        a = getattr(shahab, name)
        assert isinstance(a, np.ndarray) and a.shape == (n,), f"{name}: shape {a.shape}"
    assert shahab.position_ecef_m.shape == (n, 3)
    assert np.all(np.diff(shahab.time_s) >= 0), "time not increasing"
    # the apogee and the impact are events, so they are samples: equal to the summary to 1 m/1 ms
    assert abs(shahab.altitude_m.max() - shahab.summary["apogee_altitude_m"]) < 1.0, \
        f"max altitude {shahab.altitude_m.max()} vs apogee {shahab.summary['apogee_altitude_m']}"
    assert abs(shahab.time_s[-1] - shahab.summary["flight_time_s"]) < 1e-3
    assert abs(shahab.altitude_m[-1]) < 1.0, f"last altitude {shahab.altitude_m[-1]} m"
    # |r_ecef| between the polar and equatorial radii plus altitude: positions are metres
    r = np.linalg.norm(shahab.position_ecef_m[0])
    assert 6356e3 < r < 6379e3, f"launch radius {r} m"
    assert set(np.unique(shahab.phase)) <= {0, 1, 2, 3}


def test_trajectory_geojson_is_a_feature_collection_with_the_3d_track(shahab):
    g = shahab.geojson()
    assert g["type"] == "FeatureCollection"
    kinds = [f["geometry"]["type"] for f in g["features"]]
    assert kinds.count("LineString") == 1 and kinds.count("Point") == 2, kinds
    line = next(f for f in g["features"] if f["geometry"]["type"] == "LineString")
    assert len(line["geometry"]["coordinates"][0]) == 3, "track without altitude"


def test_trajectory_along_an_azimuth_with_a_kick_is_one_flight():
    t = bmdsim.trajectory("scud-b", (0.0, 0.0), azimuth_deg=90, kick_deg=20, interval_s=1)
    assert t.summary["evaluations"] == 1 and t.summary["impacted"]
    assert 50e3 < t.summary["ground_range_m"] < 400e3, t.summary["ground_range_m"]


def test_target_out_of_reach_raises_no_solution_error_with_the_maximum_range():
    with pytest.raises(bmdsim.NoSolutionError, match="maximum range"):
        bmdsim.trajectory("scud-b", TABRIZ, target=WASHINGTON)


@pytest.mark.parametrize("kwargs,match", [
    (dict(target=(95.0, 0.0)), "target"),
    (dict(target=ANKARA, shape="zigzag"), "min-energy"),
    (dict(azimuth_deg=90, kick_deg=95), "kick_deg"),
    (dict(), "either target"),
])
def test_bad_trajectory_input_raises_input_error_naming_the_argument(kwargs, match):
    with pytest.raises(bmdsim.InputError, match=match):
        bmdsim.trajectory("shahab-3-class", TABRIZ, **kwargs)


def test_two_threads_fly_trajectories_concurrently_with_the_serial_answers():
    m = bmdsim.missile("shahab-3-class")
    serial = [bmdsim.fly(m, TABRIZ, az, 25).summary["ground_range_m"] for az in (0, 90)]
    results = {}

    def work(i, az):
        for _ in range(5):
            results[i] = bmdsim.fly(m, TABRIZ, az, 25).summary["ground_range_m"]
    threads = [threading.Thread(target=work, args=(i, az)) for i, az in enumerate((0, 90))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [results[0], results[1]] == serial, f"threads {results} vs serial {serial}"


# --- loft, engage, scenarios, footprints -----------------------------------------------------

def test_loft_kepler_matches_the_readme_example():
    # README "Example session": bmdsim loft --apogee 2802 --range 933 --json (7-8 digits)
    d = bmdsim.loft(2802, 933)
    close(d["burnout_speed_m_s"] / 1e3, 6.203657, 1e-6, "burnout speed km/s")
    close(d["burnout_angle_deg"], 83.162375, 1e-7, "burnout angle deg")
    close(d["flight_time_s"], 2065.4787, 1e-7, "flight time s")
    close(d["max_range_m"] / 1e3, 5864.5906, 1e-7, "max range km")
    assert d["any_point"] is False


def test_loft_below_the_burnout_altitude_raises_input_error():
    with pytest.raises(bmdsim.InputError, match="apogee_km"):
        bmdsim.loft(50, 900, burnout_altitude_km=100)


def test_engage_matches_bmdsim_engage_json_for_the_same_case(shahab, cli_json):
    site = (39.0, 40.0)
    r = bmdsim.engage(shahab, site, "sm-3-block-iia", launch_on="ir-track")
    c = cli_json("engage", "--missile", "shahab-3-class", "--from", "38.08,46.29", "--to",
                 "39.93,32.86", "--site", "39.0,40.0", "--interceptor", "sm-3-block-iia",
                 "--no-required-speed")
    assert r["engageable"] == c["engageable"] and r["reason"] == c["reason"], (r["reason"], c)
    assert r["shot_opportunities"] == c["shot_opportunities"]
    if c["engageable"]:
        close(r["earliest"]["time_s"], c["earliest_intercept_time_s"], 1e-5, "earliest intercept")
    close(r["detect_s"], c["detect_time_s"], 1e-5, "detection time")


def test_engage_on_burnout_starts_the_delays_no_earlier_than_the_threat_burnout(shahab):
    r = bmdsim.engage(shahab, (39.0, 40.0), "sm-3-block-iia", launch_on="burnout")
    assert r["chain_start_s"] >= shahab.summary["burnout_time_s"] - 1e-9, \
        f"chain start {r['chain_start_s']} before burnout {shahab.summary['burnout_time_s']}"
    assert "burnout" in r["rules"], r["rules"]


def test_engage_with_an_unknown_launch_on_raises_input_error_listing_the_settings(shahab):
    with pytest.raises(bmdsim.InputError, match="radar-track"):
        bmdsim.engage(shahab, (39.0, 40.0), "sm-3-block-iia", launch_on="telepathy")


def test_scenario_analysis_engages_every_threat_from_every_site(source_dir):
    s = bmdsim.Scenario(os.path.join(source_dir, "scenarios", "iran-europe-small.yaml"))
    a = s.analyze(launch_on="radar-track", threads=1)
    assert len(a.pairs) == len(s.threats) * len(s.sites)
    p = a.pairs[0]
    assert p["launch_on"] == "radar-track" and "reason" in p
    assert a.threats[0]["reachable"] and len(a.threats[0]["time_s"]) > 10
    assert a.geojson()["type"] == "FeatureCollection"


def test_scenario_with_a_bad_path_raises_file_error():
    with pytest.raises(bmdsim.FileError):
        bmdsim.Scenario("/nonexistent/scenario.yaml")


def test_footprint_is_a_grid_whose_engaged_cells_are_reachable(source_dir):
    f = bmdsim.footprint(os.path.join(source_dir, "scenarios", "iran-europe-small.yaml"),
                         "shahab-3-class", TABRIZ, "36,44,28,44,4", launch_on="ir-track",
                         require_fcr_coverage=False)
    assert f.shots.shape == f.lat_deg.shape == (3, 5), f.shots.shape
    assert np.all(f.reachable[f.engaged]), "an engaged cell the missile does not reach"
    assert f.reachable.any() and not f.reachable.all(), "expected cells beyond 1,330 km"
    assert f.lat_deg[0, 0] == pytest.approx(36) and f.lon_deg[0, -1] == pytest.approx(44)
    g = f.geojson()
    assert g["type"] == "FeatureCollection"
    for feat in g["features"]:
        ring = feat["geometry"]["coordinates"][0]
        assert ring[0] == ring[-1], "ring not closed"


def test_the_gil_is_released_while_the_library_computes(source_dir):
    # With a switch interval of 60 s the interpreter never takes the GIL from a running thread,
    # so the main thread, woken by `started`, can run only when the worker gives the GIL up: in
    # the C call (cffi releases it) while the analysis is still running (done is False), or, if
    # the GIL were held through the call, only after the worker has set done and ended.
    import sys
    scn = bmdsim.Scenario(os.path.join(source_dir, "scenarios", "iran-europe-small.yaml"))
    started, state = threading.Event(), {"done": False}

    def work():
        started.set()
        scn.analyze(threads=1)   # about a second in C
        state["done"] = True
    old = sys.getswitchinterval()
    sys.setswitchinterval(60.0)
    try:
        worker = threading.Thread(target=work)
        worker.start()
        started.wait()
        done_when_main_ran = state["done"]
        worker.join()
    finally:
        sys.setswitchinterval(old)
    assert done_when_main_ran is False, \
        "expected the main thread to run during the C call (GIL released); it ran after it"
    assert state["done"]
