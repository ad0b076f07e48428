"""Golden differential tests: each tests/golden/**/NAME.tcl runs under tclish
and must give the stdout, stderr and exit code that tclsh 8.6 gave
(recorded in NAME.expected by scripts/record_golden.py)."""

import glob
import json
import os
import subprocess
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SCRIPTS = sorted(glob.glob(os.path.join(HERE, "golden", "**", "*.tcl"), recursive=True))


@pytest.mark.parametrize("path", SCRIPTS, ids=[os.path.relpath(p, HERE) for p in SCRIPTS])
def test_matches_tclsh(path):
    with open(path[:-4] + ".expected") as f:
        expected = json.load(f)
    folder, name = os.path.split(path)
    env = dict(os.environ, PYTHONPATH=ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""))
    if name.endswith(".stdin.tcl"):         # fed on standard input, as recorded
        with open(path) as f:
            out = subprocess.run([sys.executable, "-m", "tclish"], cwd=folder,
                                 capture_output=True, text=True, timeout=120, stdin=f, env=env)
    else:
        out = subprocess.run([sys.executable, "-m", "tclish", name], cwd=folder,
                             capture_output=True, text=True, timeout=120,
                             stdin=subprocess.DEVNULL, env=env)
    assert out.stdout == expected["stdout"]
    assert out.stderr == expected["stderr"]
    assert out.returncode == expected["exit"]
