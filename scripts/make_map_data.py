#!/usr/bin/env python3
"""Convert Natural Earth 1:110m land and country borders (TopoJSON from the npm package
world-atlas 2.x) into bmdsim's compact map file data/map/ne_110m.txt. Run once; the output is
committed.

    cd /tmp && npm pack world-atlas@2 && tar xzf world-atlas-2.*.tgz
    python3 scripts/make_map_data.py /tmp/package > data/map/ne_110m.txt

Output format (text, one polyline per line, coordinates in integer units of 1e-4 degree):
    KIND N LON0 LAT0 DLON1 DLAT1 ... DLON(N-1) DLAT(N-1)
KIND is L (exterior ring of a land polygon, closed), H (a hole of the preceding L ring, closed) or
B (a land border between two countries, open). The first point is absolute, the others are
differences from the point before. Lines starting with # are comments.
"""
import json
import sys


def decode_arcs(topo):
    """Delta-decoded, dequantized arcs as lists of (lon, lat) in degrees."""
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    out = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        out.append(pts)
    return out


def ring_points(arcs, indices):
    """Stitch the arcs of one ring (negative index ~i = arc i reversed)."""
    pts = []
    for i in indices:
        a = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        pts.extend(a if not pts else a[1:])
    return pts


def encode(kind, pts):
    """One output line: absolute first point, then differences, in 1e-4 degree."""
    q = [(round(lon * 1e4), round(lat * 1e4)) for lon, lat in pts]
    # drop repeated points created by quantization
    dedup = [q[0]] + [p for prev, p in zip(q, q[1:]) if p != prev]
    if len(dedup) < 2:
        return None
    fields = [kind, str(len(dedup)), str(dedup[0][0]), str(dedup[0][1])]
    for prev, p in zip(dedup, dedup[1:]):
        fields.append(str(p[0] - prev[0]))
        fields.append(str(p[1] - prev[1]))
    return " ".join(fields)


def polygons(geom):
    if geom["type"] == "Polygon":
        return [geom["arcs"]]
    if geom["type"] == "MultiPolygon":
        return geom["arcs"]
    return []


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else "package"
    with open(f"{src}/package.json") as f:
        version = json.load(f)["version"]
    with open(f"{src}/land-110m.json") as f:
        land = json.load(f)
    with open(f"{src}/countries-110m.json") as f:
        countries = json.load(f)

    print("# bmdsim map data: land and country borders, Natural Earth 1:110m.")
    print("# Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com")
    print(f"# Converted from the npm package world-atlas {version} by scripts/make_map_data.py")
    print("# Format: KIND N LON0 LAT0 then N-1 differences; 1e-4 degree integers;"
          " L land ring, H hole, B border")

    arcs = decode_arcs(land)
    for geom in land["objects"]["land"]["geometries"]:
        for poly in polygons(geom):
            for k, ring in enumerate(poly):
                line = encode("L" if k == 0 else "H", ring_points(arcs, ring))
                if line:
                    print(line)

    # Borders: arcs shared by two different countries (topojson.mesh with a !== b).
    arcs = decode_arcs(countries)
    users = {}
    for g, geom in enumerate(countries["objects"]["countries"]["geometries"]):
        for poly in polygons(geom):
            for ring in poly:
                for i in ring:
                    users.setdefault(i if i >= 0 else ~i, set()).add(g)
    for i in sorted(users):
        if len(users[i]) >= 2:
            line = encode("B", arcs[i])
            if line:
                print(line)


if __name__ == "__main__":
    main()
