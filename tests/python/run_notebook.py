#!/usr/bin/env python3
"""Execute a notebook end to end with nbclient (CTest python_notebook_europe) so it cannot rot.

  run_notebook.py NOTEBOOK OUTDIR

Runs every cell in the notebook's folder with BMDSIM_FIGURE_DIR=OUTDIR (where the notebook
writes its figures and GeoJSON), fails on the first cell that raises, then checks that the
figures and GeoJSON files exist and are not empty, and writes the executed notebook to OUTDIR."""
import json
import os
import sys
import time

import nbformat
from nbclient import NotebookClient


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    path, out = argv[1], os.path.abspath(argv[2])
    os.makedirs(out, exist_ok=True)
    os.environ["BMDSIM_FIGURE_DIR"] = out
    os.environ.setdefault("MPLBACKEND", "Agg")
    nb = nbformat.read(path, as_version=4)
    t0 = time.monotonic()
    client = NotebookClient(nb, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}})
    client.execute()
    nbformat.write(nb, os.path.join(out, os.path.basename(path)))
    expected = ["python-trajectory.png", "python-ground-tracks.png",
                "kozelsk-washington.geojson", "europe-analysis.geojson"]
    for name in expected:
        f = os.path.join(out, name)
        size = os.path.getsize(f) if os.path.exists(f) else 0
        if size < 1000:
            print(f"{f}: expected a file of at least 1000 bytes, actual {size}", file=sys.stderr)
            return 1
    with open(os.path.join(out, "kozelsk-washington.geojson"), encoding="utf-8") as f:
        kinds = [x["geometry"]["type"] for x in json.load(f)["features"]]
    if "LineString" not in kinds:
        print(f"kozelsk-washington.geojson: expected a LineString track, actual {kinds}",
              file=sys.stderr)
        return 1
    print(f"{path}: {len(nb.cells)} cells executed in {time.monotonic() - t0:.1f} s; "
          f"outputs in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
