"""examples/ddp_train.tcl: 2 data-parallel ranks end with the weights of one
process trained on the whole batch (to 1e-5)."""

import os
import socket
import subprocess
import sys

import pytest

torch = pytest.importorskip("torch")

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXAMPLE = os.path.join(ROOT, "examples", "ddp_train.tcl")


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _weights(path):
    with open(path) as f:
        return [float(line) for line in f]


def test_two_ranks_reach_the_single_process_weights(tmp_path):
    env = dict(os.environ, PYTHONPATH=ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""))
    one = tmp_path / "one.txt"
    out = subprocess.run([sys.executable, "-m", "tclish", EXAMPLE, "20", str(one)],
                         capture_output=True, text=True, timeout=120, env=env)
    assert out.returncode == 0, out.stderr
    two = tmp_path / "two.txt"
    out = subprocess.run([sys.executable, "-m", "torch.distributed.run", "--nproc-per-node", "2",
                          "--master-port", str(_free_port()), "-m", "tclish", EXAMPLE, "20",
                          str(two)], capture_output=True, text=True, timeout=180, env=env)
    assert out.returncode == 0, out.stderr
    a, b = _weights(one), _weights(two)
    assert len(a) == len(b) == 4 * 32 + 32 + 32 + 1
    assert max(abs(x - y) for x, y in zip(a, b)) < 1e-5
    assert out.stdout.splitlines()[-1].startswith("step  20  loss ")
