"""Processes, the event loop and sockets under load and faults: no descriptor
or child process leaks, nothing hangs.  (Tcl-visible results and error texts
are checked against tclsh in tests/golden/platform/.)"""

import os
import subprocess
import sys

import pytest

from tclish import Interp, TclError

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
pytestmark = pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs /proc")


def open_fds():
    return len(os.listdir("/proc/self/fd"))


def zombie_children():
    """Children of this process that have exited but were never waited for."""
    me = str(os.getpid())
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % entry) as f:
                stat = f.read()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        if fields[1] == me and fields[0] == "Z":
            found.append(int(entry))
    return found


def test_a_thousand_exec_open_close_cycles_leak_nothing():
    interp = Interp()
    interp.eval("exec true; close [open {|true}]")      # warm up: imports, caches
    fds = open_fds()
    interp.eval("""
        for {set i 0} {$i < 1000} {incr i} {
            switch [expr {$i % 4}] {
                0 { exec true }
                1 { set f [open "|echo $i"]; gets $f; close $f }
                2 { set f [open "|cat" r+]; puts $f x; flush $f; gets $f; close $f }
                3 { catch {exec sh -c "exit 1"} }
            }
        }
    """)
    assert open_fds() == fds
    assert zombie_children() == []


def test_faults_raise_and_leak_nothing():
    interp = Interp()
    fds = open_fds()
    for script in ["exec no_such_program_xyz", "open {|no_such_program_xyz}",
                   "exec echo a | no_such_program_xyz", "exec cat < /no/such/file",
                   "exec echo > /no/such/dir/file"]:
        with pytest.raises(TclError):
            interp.eval(script)
    with pytest.raises(TclError) as info:
        interp.eval("set f [open {|true} w]; after 200; puts $f [string repeat x 200000]; "
                    "flush $f")
    assert info.value.message.endswith("broken pipe")
    interp.eval("close $f")
    with pytest.raises(TclError) as info:
        interp.eval("set s [socket -server {} -myaddr 127.0.0.1 0]; "
                    "set p [lindex [fconfigure $s -sockname] 2]; close $s; socket 127.0.0.1 $p")
    assert info.value.message == "couldn't open socket: connection refused"
    assert open_fds() == fds
    assert zombie_children() == []


def test_background_children_are_reaped():
    interp = Interp()
    interp.eval("exec true &")
    interp.eval("after 300")
    interp.eval("exec true")        # each new pipeline reaps finished background ones
    assert zombie_children() == []


def test_vwait_with_nothing_to_wait_for_is_an_error_not_a_hang():
    # tclsh would block forever; an error names the problem instead
    with pytest.raises(TclError) as info:
        Interp().eval("vwait ::nothing")
    assert info.value.message == 'can\'t wait for variable "::nothing": would wait forever'


def test_socket_echo_of_many_lines_and_half_close():
    interp = Interp()
    out = interp.eval("""
        proc accept {c a p} {
            fconfigure $c -buffering line -blocking 0
            fileevent $c readable [list echo $c]
        }
        proc echo {c} {
            if {[gets $c line] >= 0} { puts $c $line } elseif {[eof $c]} { close $c }
        }
        set s [socket -server accept -myaddr 127.0.0.1 0]
        set c [socket 127.0.0.1 [lindex [fconfigure $s -sockname] 2]]
        for {set i 0} {$i < 2000} {incr i} { puts $c "line $i" }
        close $c write
        fconfigure $c -blocking 0
        set got {}
        fileevent $c readable {
            while {[gets $c l] >= 0} { lappend got $l }
            if {[eof $c]} { close $c; set done 1 }
        }
        vwait done
        close $s
        list [llength $got] [lindex $got 0] [lindex $got end]
    """)
    assert str(out) == "2000 {line 0} {line 1999}"


def test_echo_example_runs():
    env = dict(os.environ, PYTHONPATH=ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""))
    out = subprocess.run([sys.executable, "-m", "tclish", "examples/echo.tcl"], cwd=ROOT,
                         capture_output=True, text=True, timeout=60, env=env,
                         stdin=subprocess.DEVNULL)
    assert out.returncode == 0, out.stderr
    assert out.stdout == "echo: hello\necho: tclish speaks TCP\necho: the last line\n"


def test_repl_runs_an_unknown_command_as_a_program(capfd):
    # tclsh's interactive `unknown`: a program on PATH runs, output on the terminal
    from tclish.frontends.repl.evaluator import Evaluator
    from tclish.runtime.interp import Interp
    ev = Evaluator(Interp())
    assert ev.evaluate("echo from the shell").status == "ok"
    assert capfd.readouterr().out == "from the shell\n"
    outcome = ev.evaluate("no_such_command_xyz a")
    assert (outcome.status, outcome.text) == ("error", 'invalid command name "no_such_command_xyz"')
    outcome = ev.evaluate("sh -c {exit 3}")
    assert (outcome.status, outcome.text) == ("error", "child process exited abnormally")
