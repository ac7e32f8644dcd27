#!/usr/bin/env python3
"""Convert Natural Earth 1:110m land and country borders (TopoJSON from the npm package
world-atlas 2.x) into bmdsim's compact map file data/map/ne_110m.txt. Run once; the output is
committed.

    cd /tmp && npm pack world-atlas@2 && tar xzf world-atlas-2.*.tgz
    python3 scripts/make_map_data.py /tmp/package > data/map/ne_110m.txt

Output format (text, one polyline per line, coordinates in integer units of 1e-4 degree):
    KIND N LON0 LAT0 DLON1 DLAT1 ... DLON(N-1) DLAT(N-1)
KIND is L (exterior ring of a land polygon, closed), H (a hole of the preceding L ring, closed) or
B (a land border between two countries, open). Rings that cross the antimeridian are cut there
(and closed through the pole when they wind around it), so no ring crosses +-180 degrees. The first point is absolute, the others are
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


def wrap_delta(d):
    """Longitude difference wrapped to (-180, 180]."""
    d = (d + 180.0) % 360.0 - 180.0
    return 180.0 if d == -180.0 else d


def clip_half(ring, c, sign):
    """Sutherland-Hodgman: keep the part of a ring with sign * (lon - c) >= 0."""
    out = []
    for i, cur in enumerate(ring):
        prev = ring[i - 1]
        cin, pin = sign * (cur[0] - c) >= 0, sign * (prev[0] - c) >= 0
        if cin != pin:
            f = (c - prev[0]) / (cur[0] - prev[0])
            out.append((c, prev[1] + f * (cur[1] - prev[1])))
        if cin:
            out.append(cur)
    return out


def cut_ring(pts):
    """Cut a ring (closed, first point repeated) at the antimeridian: rings that cross it become
    one ring per side; a ring that winds around a pole is closed through that pole first
    (world-atlas keeps Eurasia, Fiji, Wrangel Island and Antarctica whole across 180 degrees).
    Returns closed rings with longitudes in [-180, 180]."""
    ring = pts[:-1] if pts[0] == pts[-1] else pts[:]
    u = [ring[0]]
    for lon, lat in ring[1:]:
        u.append((u[-1][0] + wrap_delta(lon - u[-1][0]), lat))
    close = u[-1][0] + wrap_delta(ring[0][0] - u[-1][0])
    if abs(close - u[0][0]) < 1e-9 and all(-180 <= x <= 180 for x, _ in u):
        return [ring + [ring[0]]]
    if abs(close - u[0][0]) > 180:  # winds around a pole
        pole = 90.0 if sum(lat for _, lat in ring) > 0 else -90.0
        u += [(close, ring[0][1]), (close, pole), (u[0][0], pole)]
    xmin, xmax = min(x for x, _ in u), max(x for x, _ in u)
    out = []
    for k in range(-2, 3):
        shifted = [(x + 360.0 * k, y) for x, y in u]
        if xmax + 360.0 * k < -180 or xmin + 360.0 * k > 180:
            continue
        piece = clip_half(clip_half(shifted, -180.0, 1), 180.0, -1)
        if len(piece) >= 3:
            out.append(piece + [piece[0]])
    return out


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
                for piece in cut_ring(ring_points(arcs, ring)):
                    line = encode("L" if k == 0 else "H", piece)
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
