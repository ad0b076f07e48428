"""distributed_init's default wait comes from $TCLISH_DIST_TIMEOUT; a world whose peers
never come is a clear Tcl error after it, without torch's C++ log lines."""

import os
import socket
import subprocess
import sys

import pytest

pytest.importorskip("torch")

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _tclish(script, **env):
    env = dict(os.environ, PYTHONPATH=ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""),
               **env)
    for k in ("RANK", "WORLD_SIZE", "MASTER_ADDR", "MASTER_PORT", "TORCHELASTIC_RUN_ID"):
        env.pop(k, None)
    return subprocess.run([sys.executable, "-m", "tclish"], input=script, env=env,
                          capture_output=True, text=True, timeout=60)


def test_missing_peers_fail_after_the_env_timeout():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    r = _tclish('catch {torch::distributed_init 0 2 127.0.0.1 %d} m; puts "<$m>"\n'
                'puts [torch::distributed_init 0 1]\n' % port, TCLISH_DIST_TIMEOUT="1")
    assert "cannot reach the rendezvous at 127.0.0.1:%d (rank 0 of 2)" % port in r.stdout
    assert "world_size=1" in r.stdout       # the interpreter stays usable
    assert "TCPStore.cpp" not in r.stdout + r.stderr


def test_a_bad_env_timeout_is_named():
    r = _tclish("catch {torch::distributed_init 0 1} m; puts $m\n", TCLISH_DIST_TIMEOUT="soon")
    assert "TCLISH_DIST_TIMEOUT" in r.stdout
