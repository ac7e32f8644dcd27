"""bmdsim — Python access to libbmd, the bmdsim missile-defence physics library.

    import bmdsim
    bmdsim.catalog("rs-24-yars-class")                      # values with sources
    t = bmdsim.trajectory("rs-24-yars-class", (54.03, 35.78), target=(38.90, -77.04))
    t.time_s, t.altitude_m, t.summary["apogee_altitude_m"]   # NumPy arrays, SI units
    bmdsim.engage(t, site=(44.05, 24.383), interceptor="sm-3-block-ib", radar="spy-1d")

Units: SI in names (_m, _s, _m_s, _kg), angles in degrees (_deg) at this edge, as on the
command line. Errors raise bmdsim.Error (InputError, a ValueError, for bad input) with the
library's message. Long calls release the GIL (cffi). Reference: docs/python.md.
"""
from ._lib import (LAUNCH_ON, Error, FileError, InputError, NoSolutionError, NotFoundError,
                   data_dir, launch_on_meaning, lib as _clib, ffi as _ffi)
from .catalog import Missile, catalog, interceptor, missile, radar
from .flight import Trajectory, fly, loft, trajectory
from .defense import engage
from .scenario import Analysis, Footprint, Scenario, footprint
from .maps import coastlines

__all__ = ["Analysis", "Error", "FileError", "Footprint", "InputError", "LAUNCH_ON", "Missile",
           "NoSolutionError", "NotFoundError", "Scenario", "Trajectory", "catalog", "coastlines", "data_dir",
           "engage", "fly", "footprint", "interceptor", "launch_on_meaning", "loft", "missile",
           "radar", "trajectory", "library_version"]


def library_version():
    """The version string of the libbmd the module runs on."""
    return _ffi.string(_clib.bmd_version()).decode()


__version__ = library_version()
