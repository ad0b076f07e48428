"""A2, B12-B18, C16: nothing written is lost at exit, and the command-line
runner never shows a Python traceback (FINDINGS.md)."""

import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def tclish(args, stdin=subprocess.DEVNULL, **kw):
    env = dict(os.environ, PYTHONPATH=ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.run([sys.executable, "-m", "tclish"] + args, capture_output=True,
                          stdin=stdin, env=env, timeout=120, **kw)


@pytest.mark.parametrize("ending, status", [
    ("", 0), ("exit 0", 0), ("exit 3", 3), ("error boom", 1),
])
def test_unclosed_channel_is_flushed_at_exit(tmp_path, ending, status):
    out = tmp_path / "o.txt"
    script = "set f [open {%s} w]; puts $f hello; %s" % (out, ending)
    r = tclish(["-c", script])
    assert r.returncode == status
    assert out.read_bytes() == b"hello\n"


def test_partial_buffers_are_not_lost(tmp_path):
    out = tmp_path / "o.txt"
    r = tclish(["-c", "set f [open {%s} w]; for {set i 0} {$i < 17} {incr i} "
                      "{puts -nonewline $f [string repeat x 1000]}; exit 0" % out])
    assert r.returncode == 0
    assert out.stat().st_size == 17000


def test_lone_surrogate_writes_tcl_bytes(tmp_path):
    out = tmp_path / "o.txt"
    r = tclish(["-c", 'set f [open {%s} w]; puts $f "a\\uD800b"; close $f; puts "\\uD800"' % out])
    assert r.returncode == 0
    # the three bytes of the code point, as tclsh writes them, and the line kept
    assert out.read_bytes() == b"a\xed\xa0\x80b\n"
    assert r.stdout == b"\xed\xa0\x80\n"


def test_closed_stdout_and_stdin():
    r = subprocess.run("%s -m tclish -c 'puts hi' >&-" % sys.executable, shell=True,
                       capture_output=True, env=dict(os.environ, PYTHONPATH=ROOT), timeout=120)
    assert b"Traceback" not in r.stderr
    r = subprocess.run("%s -m tclish <&-" % sys.executable, shell=True, capture_output=True,
                       env=dict(os.environ, PYTHONPATH=ROOT), timeout=120)
    assert r.returncode == 0 and b"Traceback" not in r.stderr


def test_broken_pipe_is_a_tcl_error():
    # B16: the reader has gone; a write big enough to reach the pipe fails
    # with Tcl's words (a short one may be lost at exit without a message)
    r = subprocess.run("%s -m tclish -c 'puts [string repeat x 100000]' | head -c 0"
                       % sys.executable, shell=True, capture_output=True,
                       env=dict(os.environ, PYTHONPATH=ROOT), timeout=120)
    assert b"Traceback" not in r.stderr and b"Errno" not in r.stderr
    assert r.stderr.startswith(b'error writing "stdout": broken pipe\n'), r.stderr


def test_endless_script_file_is_refused():
    """B18: /dev/zero as the script is a Tcl error, not a MemoryError traceback."""
    r = tclish(["/dev/zero"])
    assert r.returncode == 1
    assert r.stderr == b'couldn\'t read file "/dev/zero": script too large\n'


def test_unknown_encoding_option():
    r = tclish(["-encoding", "nosuch", "x.tcl"])
    assert r.returncode == 1
    assert r.stderr == b'unknown encoding "nosuch"\n'


def test_invalid_utf8_shows_latin1_characters(tmp_path):
    script = tmp_path / "u.tcl"
    script.write_bytes(b'error "bad \xfe\xff"')
    r = tclish([str(script)])
    assert r.returncode == 1
    assert r.stderr.startswith("bad \u00fe\u00ff".encode("utf-8"))


def test_options_and_dash_read_stdin(tmp_path):
    r = tclish(["-x"], stdin=None, input=b"puts hi; puts $argv")
    assert r.stdout == b"hi\n-x\n"
    r = tclish(["-"], stdin=None, input=b"puts hi")
    assert r.stdout == b"hi\n"


def test_directory_as_script(tmp_path):
    r = tclish([str(tmp_path) + "/"])
    assert r.returncode == 1
    assert r.stderr.endswith(b"illegal operation on a directory\n")
