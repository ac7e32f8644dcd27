#!/usr/bin/env python3
"""png_stats.py — a tiny PNG reader (Python standard library only: zlib, struct) for the report's
screenshot test: pixel statistics of a region, and a crop written back as PNG for looking at.

    png_stats.py FILE.png [X Y W H]          prints JSON statistics of the region (default: all)
    png_stats.py FILE.png X Y W H --crop OUT  also writes the region to OUT.png

Reads 8-bit greyscale, RGB and RGBA, non-interlaced (what Chromium writes)."""
import json
import struct
import sys
import zlib


def read_png(path):
    """Width, height, channels and rows (bytes) of an 8-bit non-interlaced PNG."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG file")
    pos, idat, ihdr = 8, [], None
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            ihdr = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat.append(chunk)
        elif kind == b"IEND":
            break
        pos += 12 + n
    w, h, depth, ctype, _, _, interlace = ihdr
    channels = {0: 1, 2: 3, 6: 4}.get(ctype)
    if depth != 8 or channels is None or interlace:
        raise ValueError("unsupported PNG (depth %d, colour type %d, interlace %d)" % (depth, ctype, interlace))
    raw = zlib.decompress(b"".join(idat))
    stride = w * channels
    rows, prev = [], bytearray(stride)
    for y in range(h):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = prev[i]
            c = prev[i - channels] if i >= channels else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else (b if pb <= pc else c))) & 255
        rows.append(bytes(line))
        prev = line
    return w, h, channels, rows


def region_stats(w, h, ch, rows, x, y, rw, rh, step=1):
    """Share of non-white pixels, number of distinct colours (quantised), mean and spread, over
    every step-th pixel of the region in each direction."""
    n = nonwhite = 0
    colours = set()
    total = total2 = 0.0
    blueish = greenish = 0
    for yy in range(max(0, y), min(h, y + rh), step):
        row = rows[yy]
        for xx in range(max(0, x), min(w, x + rw), step):
            px = row[xx * ch:xx * ch + 3] if ch >= 3 else row[xx:xx + 1] * 3
            r, g, b = px[0], px[1], px[2]
            n += 1
            lum = (r + g + b) / 3.0
            total += lum
            total2 += lum * lum
            if lum < 245:
                nonwhite += 1
            if b > r + 20 and b > 150:
                blueish += 1
            if g > r + 20 and g > b:
                greenish += 1
            colours.add((r >> 4, g >> 4, b >> 4))
    mean = total / n if n else 0.0
    var = total2 / n - mean * mean if n else 0.0
    return {"pixels": n, "nonwhite_share": nonwhite / n if n else 0.0, "colours": len(colours),
            "mean": mean, "stddev": max(var, 0.0) ** 0.5, "blue_share": blueish / n if n else 0.0,
            "green_share": greenish / n if n else 0.0, "width": w, "height": h}


def write_png(path, rw, rh, ch, rows, x, y):
    """The region as an RGB PNG."""
    out = bytearray()
    for yy in range(y, y + rh):
        out.append(0)
        for xx in range(x, x + rw):
            px = rows[yy][xx * ch:xx * ch + 3] if ch >= 3 else rows[yy][xx:xx + 1] * 3
            out += px
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xffffffff)
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", rw, rh, 8, 2, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(bytes(out))) + chunk(b"IEND", b"")
    open(path, "wb").write(png)


def main():
    w, h, ch, rows = read_png(sys.argv[1])
    x, y, rw, rh = (int(v) for v in sys.argv[2:6]) if len(sys.argv) >= 6 else (0, 0, w, h)
    rw, rh = min(rw, w - x), min(rh, h - y)
    print(json.dumps(region_stats(w, h, ch, rows, x, y, rw, rh)))
    if "--crop" in sys.argv:
        write_png(sys.argv[sys.argv.index("--crop") + 1], rw, rh, ch, rows, x, y)


if __name__ == "__main__":
    main()
