"""Shared fixtures of the Python module tests: the bmdsim binary (CTest sets BMDSIM) and the
source tree (BMD_SOURCE_DIR)."""
import json
import os
import subprocess

import pytest

SOURCE_DIR = os.environ.get("BMD_SOURCE_DIR",
                            os.path.normpath(os.path.join(os.path.dirname(__file__), "..", "..")))


@pytest.fixture(scope="session")
def source_dir():
    return SOURCE_DIR


@pytest.fixture(scope="session")
def cli_json():
    """Run `bmdsim ARGS --json` and return the parsed object."""
    binary = os.environ.get("BMDSIM")
    if not binary:
        pytest.skip("BMDSIM (the bmdsim binary) is not set; run through CTest")

    def run(*args):
        out = subprocess.run([binary, *args, "--json"], check=True, capture_output=True,
                             text=True)
        return json.loads(out.stdout)
    return run
