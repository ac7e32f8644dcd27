"""Catalogue look-up: missiles, interceptors and radars with the source of every value."""
import math

from ._lib import catalog_dir, check, enc, ffi, lib, nan_to_none, new_error, text


def _provenance(p, sources):
    key = text(p.source)
    value = p.value
    entry = {"field": text(p.field), "value": None if math.isnan(value) else value,
             "source": key or None, "citation": sources.get(key), "notional": bool(p.notional),
             "note": text(p.note) or None, "line": p.line or None}
    if p.has_range:
        entry["range"] = (p.low, p.high)
    return entry


def _sources(entry):
    return {text(entry.sources[i].key): text(entry.sources[i].citation)
            for i in range(entry.n_sources)}


def _summary(kind, name, full_name, description, path, sources, params):
    return {"kind": kind, "name": name, "full_name": full_name, "description": description,
            "path": path, "sources": sources, "parameters": params,
            "values": {p["field"]: p["value"] for p in params if p["value"] is not None},
            "notional": sorted(p["field"] for p in params if p["notional"])}


class Missile:
    """A catalogue missile (bmd_catalog_missile) with overrides applied, ready to fly.
    Build with bmdsim.missile(name, set={...})."""

    def __init__(self, entry):
        self._entry = entry

    @property
    def name(self):
        return text(self._entry.missile.name)

    @property
    def full_name(self):
        return text(self._entry.full_name)

    @property
    def warhead_rcs_m2(self):
        return self._entry.signature.warhead_rcs_m2

    @property
    def payload_kg(self):
        return self._entry.missile.payload.rv_mass_kg

    def _c(self):
        return ffi.addressof(self._entry.missile)

    def describe(self):
        """The catalogue dict (as bmdsim.catalog)."""
        e = self._entry
        sources = _sources(e)
        params = [_provenance(e.params[i], sources) for i in range(e.n_params)]
        d = _summary("missile", self.name, self.full_name, text(e.description), text(e.path),
                     sources, params)
        d["class"] = text(e.class_name)
        d["stages"] = e.missile.n_stages
        d["launch_mass_kg"] = lib.bmd_missile_launch_mass_kg(self._c())
        d["ideal_delta_v_m_s"] = lib.bmd_missile_ideal_delta_v_m_s(self._c())
        d["signature"] = {"booster_rcs_m2": e.signature.booster_rcs_m2 or None,
                          "pbv_rcs_m2": e.signature.pbv_rcs_m2 or None,
                          "warhead_rcs_m2": e.signature.warhead_rcs_m2}
        pr = e.published_range
        d["published_range"] = (_provenance(pr, sources) if pr.has_range else None)
        return d

    def __repr__(self):
        return f"<bmdsim.Missile {self.name}: {self.full_name}>"


def missile(name, set=None, catalog=None):  # noqa: A002 (set: as the CLI's --set)
    """Load a catalogue missile by name (file stem or `name:`, case-insensitive) or YAML path.
    set: {field: value} overrides in SI ("payload.rv_mass_kg": 500). catalog: the missiles
    folder (default $BMD_DATA_DIR/catalog/missiles). Raises NotFoundError (close names in the
    message), InputError (bad override or invalid missile), FileError."""
    if isinstance(name, Missile):
        if not set:
            return name
        entry = ffi.new("bmd_catalog_missile *", name._entry[0])
    else:
        entry = ffi.new("bmd_catalog_missile *")
        err = new_error()
        check(lib.bmd_catalog_find_missile(enc(catalog or catalog_dir("missiles")), enc(name),
                                           entry, err), err)
    err = new_error()
    for field, value in (set or {}).items():
        check(lib.bmd_catalog_override(entry, enc(f"{field}={value}"), err), err, "set: ")
    check(lib.bmd_missile_validate(ffi.addressof(entry.missile), err), err,
          f"missile '{text(entry.missile.name)}': ")
    return Missile(entry)


def interceptor(name, catalog=None):
    """The catalogue dict of an interceptor (values, sources, notional flags)."""
    e = ffi.new("bmd_catalog_interceptor *")
    err = new_error()
    check(lib.bmd_catalog_find_interceptor(enc(catalog or catalog_dir("interceptors")),
                                           enc(name), e, err), err)
    sources = _sources(e)
    params = []
    for i in range(e.n_params):
        p = _provenance(e.params[i].prov, sources)
        lo, hi = e.params[i].low, e.params[i].high
        if not (math.isnan(lo) and math.isnan(hi)):
            p["range"] = (nan_to_none(lo), nan_to_none(hi))
        params.append(p)
    d = _summary("interceptor", text(e.interceptor.name), text(e.full_name), text(e.description),
                 text(e.path), sources, params)
    d["burnout_speed_m_s"] = e.interceptor.burnout_speed_m_s
    return d


def radar(name, catalog=None):
    """The catalogue dict of a radar type (values, sources, notional flags)."""
    e = ffi.new("bmd_catalog_radar *")
    err = new_error()
    check(lib.bmd_catalog_find_radar(enc(catalog or catalog_dir("radars")), enc(name), e, err),
          err)
    sources = _sources(e)
    params = [_provenance(e.params[i], sources) for i in range(e.n_params)]
    d = _summary("radar", text(e.name), text(e.full_name), text(e.description), text(e.path),
                 sources, params)
    d["band"] = text(e.band)
    return d


def catalog(name, kind="missile", catalog=None):
    """Look a name up in the catalogue and return a dict: name, full_name, description, path,
    sources {key: citation}, parameters [{field, value (SI), source, citation, notional, note,
    range}], values {field: value}, notional [fields]. kind: missile, interceptor or radar."""
    if kind == "missile":
        return missile(name, catalog=catalog).describe()
    if kind == "interceptor":
        return interceptor(name, catalog)
    if kind == "radar":
        return radar(name, catalog)
    raise ValueError(f"kind: '{kind}' is not a catalogue kind (missile, interceptor, radar)")
