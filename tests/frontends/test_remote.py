"""tclish::remote: the real tclsh calls torch:: commands served by tclish."""

import os
import shutil
import subprocess
import sys

import pytest

TCLSH = shutil.which("tclsh")
pytestmark = pytest.mark.skipif(TCLSH is None, reason="no tclsh here")
pytest.importorskip("torch")

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PACKAGE = os.path.join(ROOT, "tclish", "remote", "tcl")
HEAD = """
lappend auto_path {%s}
package require tclish::remote
""" % PACKAGE


def tclsh(script, timeout=90):
    env = dict(os.environ, PYTHONPATH=ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""))
    out = subprocess.run([TCLSH], input=HEAD + script, capture_output=True, text=True,
                         timeout=timeout, env=env)
    return out


def start():
    return "tclish::remote::start -python {%s}\n" % sys.executable


def test_torch_commands_are_forwarded_with_real_values():
    out = tclsh(start() + """
        set t [torch::tensor_create -data {1.5 2.5 -3} -dtype float64]
        puts [torch::tensor_shape $t]
        puts [torch::tensor_to_list [torch::tensor_mul $t $t]]
        puts [string match tensor* $t]
        puts [tclish::remote::send {puts "printed in the server"; expr {6*7}}]
        tclish::remote::stop
    """)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == ["3", "2.25 6.25 9.0", "1", "printed in the server", "42"]


def test_errors_arrive_as_tcl_errors_with_the_servers_message():
    out = tclsh(start() + """
        puts [catch {torch::tensor_add [torch::ones 2] nosuch} m]
        puts $m
        puts $::errorCode
        puts [catch {torch::nosuch} m]
        puts $m
        puts [torch::tensor_shape [torch::zeros {4 5}]]
    """)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0] == "1" and 'Invalid tensor name "nosuch"' in lines[1]
    assert lines[2] == "TORCH ARGS HANDLE"
    assert lines[3] == "1" and lines[4] == 'invalid command name "torch::nosuch"'
    assert lines[5] == "4 5"


def test_handles_live_until_released_and_scope_releases():
    out = tclsh(start() + """
        set t [torch::ones {2 2}]
        puts [llength [tclish::remote::send torch::handles]]
        tclish::remote::release $t
        puts [catch {torch::tensor_shape $t}]
        set kept [tclish::remote::scope {
            set a [torch::ones 3]
            torch::tensor_add $a $a
        }]
        puts [torch::tensor_to_list $kept]
        puts [llength [tclish::remote::send torch::handles]]
        torch::tensor_free $kept
        puts [llength [tclish::remote::send torch::handles]]
    """)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == ["1", "1", "2.0 2.0 2.0", "1", "0"]


def test_a_loop_of_10000_calls_keeps_the_server_flat():
    out = tclsh(start() + """
        set x [torch::zeros 1]
        set one [torch::ones 1]
        for {set i 0} {$i < 10000} {incr i} {
            set y [torch::tensor_add $x $one]
            tclish::remote::release $x
            set x $y
        }
        puts [torch::tensor_item $x]
        puts [llength [tclish::remote::send torch::handles]]
    """, timeout=300)
    assert out.returncode == 0, out.stderr
    value, live = out.stdout.split()
    assert float(value) == 10000.0 and live == "2"


def test_a_killed_server_is_a_tcl_error_not_a_hang():
    out = tclsh(start() + """
        set t [torch::ones 2]
        exec kill -9 [pid $::tclish::remote::chan]
        after 200
        puts [catch {torch::tensor_shape $t} m]
        puts $m
        puts $::errorCode
        puts [catch {torch::ones 2} m]
        puts $m
    """)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0] == "1" and lines[1].startswith("lost the tclish server")
    assert lines[2] == "TCLISH REMOTE LOST"
    assert lines[3] == "1" and lines[4].startswith("not connected to a tclish server")


def test_a_socket_server_serves_each_client_its_own_interpreter():
    from tclish.remote.server import start_in_thread
    server, port = start_in_thread()
    try:
        script = """
            tclish::remote::connect 127.0.0.1 %d
            set t [torch::ones {3 1}]
            puts [torch::tensor_shape $t]
            puts [llength [tclish::remote::send torch::handles]]
            tclish::remote::stop
        """ % port
        for _ in range(2):
            out = tclsh(script)
            assert out.returncode == 0, out.stderr
            assert out.stdout.splitlines() == ["3 1", "1"]
    finally:
        server.shutdown()
        server.server_close()
