#!/usr/bin/env python3
"""Build bmdsim's gazetteer data/places/places.tsv (bmd/places.h, `bmdsim places`). Run once; the
output is committed.

Sources:
  * Natural Earth 1:110m populated places and admin-0 countries (public domain), as shipped by the
    Debian package python3-geopandas 0.12.2 (geopandas/datasets/naturalearth_cities and
    naturalearth_lowres, shapefiles). The country of each place is the Natural Earth country
    polygon that contains it (point in polygon).
  * Every named base, site, sensor, launch point and target of the scenario library
    (scenarios/*.yaml), with the source the scenario gives (or its notional flag and note).

    cd /tmp && apt-get download python3-geopandas && dpkg -x python3-geopandas_*.deb gp
    python3 scripts/make_places.py /tmp/gp/usr/lib/python3/dist-packages/geopandas/datasets \\
        scenarios/*.yaml > data/places/places.tsv

Output (UTF-8, tab-separated, lines starting with # are comments):
    NAME  COUNTRY  LAT_DEG  LON_DEG  KIND  ALIASES  SOURCE
ALIASES is a comma-separated list (may be empty, written "-"). Scenario places come first, so a
name that both define resolves to the scenario's coordinates.
"""
import struct
import sys

import yaml

# Alternative names people type; the library also matches case- and diacritics-insensitively.
ALIASES = {
    "Washington, D.C.": ["washington", "washington dc"],
    "Kyiv": ["kiev"],
    "Beijing": ["peking"],
    "Moscow": ["moskva"],
    "Tehran": ["teheran"],
    "Pyongyang": ["phenian"],
}
# Display names for scenario slugs that title case gets wrong.
DISPLAY = {
    "kurecik": "Kürecik",
    "yoshkar-ola": "Yoshkar-Ola",
    "new-york": "New York",
    "aegis-black-sea": "Aegis station Black Sea",
    "aegis-east-med": "Aegis station eastern Mediterranean",
    "aegis-north-sea": "Aegis station North Sea",
}


def read_dbf(path, encoding):
    """Records of a dBase III file as dicts of stripped strings."""
    with open(path, "rb") as f:
        data = f.read()
    nrec, hlen, rlen = struct.unpack("<IHH", data[4:12])
    fields = []
    pos = 32
    while data[pos] != 0x0D:
        name = data[pos:pos + 11].split(b"\0")[0].decode()
        fields.append((name, data[pos + 16]))
        pos += 32
    out = []
    for i in range(nrec):
        rec = data[hlen + i * rlen: hlen + (i + 1) * rlen]
        off = 1
        row = {}
        for name, size in fields:
            row[name.lower()] = rec[off:off + size].decode(encoding).strip()
            off += size
        out.append(row)
    return out


def read_shp(path):
    """Shapes of a shapefile: (x, y) for points, list of rings for polygons."""
    with open(path, "rb") as f:
        data = f.read()
    pos = 100
    shapes = []
    while pos < len(data):
        _, clen = struct.unpack(">II", data[pos:pos + 8])
        body = data[pos + 8: pos + 8 + 2 * clen]
        pos += 8 + 2 * clen
        kind = struct.unpack("<i", body[:4])[0]
        if kind == 1:
            shapes.append(struct.unpack("<dd", body[4:20]))
        elif kind == 5:
            nparts, npts = struct.unpack("<ii", body[36:44])
            parts = list(struct.unpack("<%di" % nparts, body[44:44 + 4 * nparts])) + [npts]
            base = 44 + 4 * nparts
            pts = [struct.unpack("<dd", body[base + 16 * k: base + 16 * k + 16]) for k in range(npts)]
            shapes.append([pts[parts[k]:parts[k + 1]] for k in range(nparts)])
        else:
            shapes.append(None)
    return shapes


def inside(rings, x, y):
    """Even-odd point in polygon over all rings."""
    c = False
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                c = not c
    return c


def seg_dist(x, y, x1, y1, x2, y2):
    dx, dy = x2 - x1, y2 - y1
    t = 0.0 if dx == dy == 0 else max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)))
    return ((x - x1 - t * dx) ** 2 + (y - y1 - t * dy) ** 2) ** 0.5


def country_of(countries, lat, lon):
    """The country whose polygon holds the point; else the one whose 1:110m coastline passes
    within 0.5 degree (coastal cities fall outside the coarse polygons); else "-" (at sea)."""
    for name, rings in countries:
        if rings and inside(rings, lon, lat):
            return name
    best, best_d = "-", 0.5
    for name, rings in countries:
        for ring in rings or []:
            for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
                d = seg_dist(lon, lat, x1, y1, x2, y2)
                if d < best_d:
                    best, best_d = name, d
    return best


def clean(text):
    return " ".join(str(text).split()).replace("\t", " ")


def scenario_places(path, countries):
    doc = yaml.safe_load(open(path, encoding="utf-8"))
    sources = doc.get("sources", {}) or {}

    def provenance(item, where):
        parts = []
        key = item.get("source")
        if key:
            parts.append("%s (%s)" % (key, sources.get(key, "")))
        if item.get("notional"):
            parts.append("notional")
        if item.get("note"):
            parts.append(item["note"])
        return clean("%s, %s: %s" % (path, where, "; ".join(parts) if parts else "no source given"))

    out = []
    for key, kind in (("sensors", "sensor"), ("sites", "site")):
        for item in doc.get(key, []) or []:
            if "at" in item:
                out.append((item["name"], kind, item["at"][0], item["at"][1],
                            provenance(item, "%s %s" % (kind, item["name"]))))
    for key, kind in (("launch_areas", "launch point"), ("targets", "target")):
        for area in doc.get(key, []) or []:
            for p in area.get("points", []) or []:
                out.append((p["name"], "%s (%s)" % (kind, area["name"]), p["at"][0], p["at"][1],
                            provenance(area, "%s %s, point %s" % (key[:-1].replace("_", " "),
                                                                   area["name"], p["name"]))))
    rows = []
    for slug, kind, lat, lon, src in out:
        name = DISPLAY.get(slug, slug.replace("-", " ").title())
        aliases = [slug] if slug != name.lower() else []
        rows.append((name, country_of(countries, lat, lon), lat, lon, kind, aliases, src))
    return rows


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: make_places.py GEOPANDAS_DATASETS_DIR scenarios/*.yaml")
    ds = sys.argv[1]
    cdbf = read_dbf(ds + "/naturalearth_lowres/naturalearth_lowres.dbf", "latin-1")
    cshp = read_shp(ds + "/naturalearth_lowres/naturalearth_lowres.shp")
    countries = [(r["name"], s) for r, s in zip(cdbf, cshp)]
    pdbf = read_dbf(ds + "/naturalearth_cities/naturalearth_cities.dbf", "latin-1")
    pshp = read_shp(ds + "/naturalearth_cities/naturalearth_cities.shp")

    rows, seen = [], set()
    for path in sys.argv[2:]:
        for row in scenario_places(path, countries):
            key = (row[0].lower(), row[2], row[3])
            if key not in seen:
                seen.add(key)
                rows.append(row)
    ne = "Natural Earth 1:110m populated places (public domain; naturalearthdata.com), via Debian python3-geopandas 0.12.2"
    for r, (lon, lat) in sorted(zip(pdbf, pshp), key=lambda t: t[0]["name"]):
        name = clean(r["name"])
        rows.append((name, country_of(countries, lat, lon), round(lat, 4), round(lon, 4),
                     "populated place", ALIASES.get(name, []), ne))

    print("# bmdsim gazetteer: made by scripts/make_places.py (see data/places/README.md).")
    print("# Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com.")
    print("# name\tcountry\tlat_deg\tlon_deg\tkind\taliases\tsource")
    for name, country, lat, lon, kind, aliases, src in rows:
        print("\t".join([clean(name), clean(country), "%.4f" % lat, "%.4f" % lon, clean(kind),
                         ",".join(aliases) if aliases else "-", src]))


if __name__ == "__main__":
    main()
