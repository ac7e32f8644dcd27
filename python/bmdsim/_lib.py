"""The compiled binding (cffi API mode), the exceptions and small helpers shared by the modules."""
import math
import os

from ._bmdsim_cffi import ffi, lib


class Error(Exception):
    """A libbmd call failed. str(e) is the library's message; e.status the status code
    (include/bmd/error.h) and e.status_name its name ("invalid argument", ...)."""

    def __init__(self, message, status=0):
        super().__init__(message)
        self.status = status
        self.status_name = ffi.string(lib.bmd_status_name(status)).decode() if status else ""


class InputError(Error, ValueError):
    """Bad input: a value out of range, an unknown field, a malformed file (BMD_EINVAL,
    BMD_EPARSE)."""


class NotFoundError(InputError, LookupError):
    """An unknown catalogue or scenario name (BMD_ENOTFOUND); the message suggests close names."""


class FileError(InputError):
    """A file that cannot be read or written (BMD_EIO)."""


class NoSolutionError(Error):
    """No solution in the domain (BMD_EDOM): a range or apogee the missile cannot reach."""


_CLASSES = {lib.BMD_EINVAL: InputError, lib.BMD_EPARSE: InputError,
            lib.BMD_ENOTFOUND: NotFoundError, lib.BMD_EIO: FileError,
            lib.BMD_EDOM: NoSolutionError}


def new_error():
    return ffi.new("bmd_error *")


def check(status, err, prefix=""):
    """Raise the exception of a nonzero status with the library's message."""
    if status:
        message = ffi.string(err.message).decode("utf-8", "replace")
        if not message:
            message = ffi.string(lib.bmd_status_name(status)).decode()
        raise _CLASSES.get(status, Error)(prefix + message, status)


def text(chars):
    """A C char array or char * as str."""
    if chars == ffi.NULL:
        return ""
    return ffi.string(chars).decode("utf-8", "replace")


def enc(value):
    return os.fsencode(value) if isinstance(value, os.PathLike) else str(value).encode()


def data_dir():
    """The data directory libbmd uses ($BMD_DATA_DIR, else the source or installed data/)."""
    return text(lib.bmd_data_dir())


def catalog_dir(kind):
    """The catalogue folder of a kind: missiles, interceptors or radars."""
    return os.path.join(data_dir(), "catalog", kind)


def deg(rad):
    return math.degrees(rad)


def rad(degrees):
    return math.radians(degrees)


def nan_to_none(x):
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else x


def latlon(point, name):
    """(lat_deg, lon_deg) from a pair; InputError naming the argument otherwise."""
    try:
        lat, lon = (float(v) for v in point)
    except (TypeError, ValueError):
        raise InputError(f"{name}: {point!r} is not a (latitude, longitude) pair in degrees",
                         lib.BMD_EINVAL) from None
    if not (-90.0 <= lat <= 90.0) or not (-360.0 <= lon <= 360.0) or math.isnan(lon):
        raise InputError(f"{name}: ({lat}, {lon}) is outside latitude -90..90 and longitude "
                         "-360..360 degrees", lib.BMD_EINVAL)
    return lat, lon


def make_earth(model="wgs84", rotating=True):
    """A bmd_earth: 'wgs84' (ellipsoid, J2, rotating) or 'sphere' (mean radius)."""
    earth = ffi.new("bmd_earth *")
    if model == "wgs84":
        lib.bmd_earth_init_wgs84(earth)
        if not rotating:
            earth.omega_rad_s = 0.0
    elif model == "sphere":
        err = new_error()
        check(lib.bmd_earth_init_sphere(earth, 0.0, 1 if rotating else 0, err), err)
    else:
        raise InputError(f"earth: '{model}' is not a model (wgs84 or sphere)", lib.BMD_EINVAL)
    return earth


def launch_on_value(name):
    value = ffi.new("bmd_launch_on *")
    err = new_error()
    check(lib.bmd_launch_on_parse(enc(name), value, err), err, "launch_on: ")
    return value[0]


LAUNCH_ON = ("ir-track", "burnout", "radar-track")


def launch_on_meaning(name):
    """One sentence saying what a launch-on setting means (from the library)."""
    return text(lib.bmd_launch_on_meaning(launch_on_value(name)))
