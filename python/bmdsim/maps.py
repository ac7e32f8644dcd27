"""Map background for notebooks: the Natural Earth 1:110m land outlines and country borders the
library's SVG maps use (data/map/ne_110m.txt, public domain, "Made with Natural Earth")."""
import os

import numpy as np

from ._lib import data_dir


def coastlines(kind="L", path=None):
    """Polylines of data/map/ne_110m.txt as a list of (lon_deg, lat_deg) NumPy array pairs.
    kind: "L" land rings (default), "H" holes in them, "B" borders between countries."""
    path = path or os.path.join(data_dir(), "map", "ne_110m.txt")
    lines = []
    with open(path, encoding="utf-8") as f:
        for row in f:
            if not row.startswith(kind + " "):
                continue
            v = np.array(row.split()[2:], dtype=np.int64).reshape(-1, 2).cumsum(axis=0) * 1e-4
            lines.append((v[:, 0], v[:, 1]))
    return lines
