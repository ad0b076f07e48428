"""The runner without a script, as tclsh's main loop: arguments, stdin read
command by command through a pipe, tcl_interactive.  Expected behaviour is
tclsh 8.6.13's (main.test, and tclsh run by hand)."""

import os
import select
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ENV = dict(os.environ, PYTHONPATH=ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""))


def run(args, stdin="", cwd=None):
    return subprocess.run([sys.executable, "-m", "tclish", *args], input=stdin, text=True,
                          capture_output=True, timeout=60, env=ENV, cwd=cwd)


def test_options_without_a_script_are_the_scripts_arguments():
    # tclsh: `echo 'puts $argv' | tclsh -x y` prints "-x y"; -encoding needs a file after it
    assert run(["-x", "y"], "puts $argv\n").stdout == "-x y\n"
    assert run(["-encoding", "utf-8"], "puts $argv\n").stdout == "-encoding utf-8\n"
    assert run(["-"], "puts $argv\n").stdout == "-\n"


def test_a_directory_is_no_script(tmp_path):
    out = run([str(tmp_path) + "/"])
    assert out.returncode == 1
    assert out.stderr == 'couldn\'t read file "%s/": illegal operation on a directory\n' % tmp_path


def test_encoding_option_reads_the_script_in_that_encoding(tmp_path):
    script = tmp_path / "s.tcl"
    script.write_bytes("puts [string length \u20ac]\n".encode("utf-8"))
    assert run(["-encoding", "utf-8", str(script)]).stdout == "1\n"
    assert run(["-encoding", "iso8859-1", str(script)]).stdout == "3\n"
    bad = run(["-encoding", "no-such", str(script)])
    assert (bad.returncode, bad.stderr) == (1, 'unknown encoding "no-such"\n')


def _read_line(stream, seconds=30):
    ready, _, _ = select.select([stream], [], [], seconds)
    assert ready, "the child wrote nothing"
    return stream.readline()


def test_a_parent_drives_the_child_line_by_line():
    # each complete command runs as soon as its line arrives, its output is
    # flushed; a backslash-newline waits for the next line (main.test 5.13)
    child = subprocess.Popen([sys.executable, "-m", "tclish"], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV)
    try:
        child.stdin.write("puts one\n")
        child.stdin.flush()
        assert _read_line(child.stdout) == "one\n"
        child.stdin.write("puts \\\n")
        child.stdin.flush()
        child.stdin.write("two\n")
        child.stdin.flush()
        assert _read_line(child.stdout) == "two\n"
        child.stdin.write("set tcl_interactive 1\n")
        child.stdin.flush()
        assert _read_line(child.stdout) == "1\n"
        child.stdin.close()
        assert child.stdout.read() == "% "
        assert child.wait(30) == 0
    finally:
        child.kill()
        child.wait()
