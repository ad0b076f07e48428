"""interp cancel from Python: Interp.cancel() from another thread stops a
running script at its next command (tests/golden/interp/cancel.tcl has the
Tcl-level behaviour, recorded from tclsh)."""

import threading
import time

import pytest

from tclish import Interp, TclError


def _cancel_later(interp, delay=0.0, **kw):
    # wait until the script runs (it sets ::started), then cancel it (after
    # `delay` seconds more: time for a wait to start)
    def run():
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                if interp.runtime.global_ns.vars.get("started") is not None:
                    break
            except Exception:
                pass
            time.sleep(0.01)
        time.sleep(delay)
        interp.cancel(**kw)
    t = threading.Thread(target=run)
    t.start()
    return t


SPIN = "proc spin {} { set ::started 1; set n 0; while 1 { incr n } }"


def test_cancel_running_script():
    interp = Interp()
    interp.eval(SPIN)
    t = _cancel_later(interp)
    with pytest.raises(TclError) as info:
        interp.eval("spin")
    t.join()
    assert str(info.value) == "eval canceled"
    assert info.value.errorcode == ("TCL", "CANCEL", "ICANCEL", "eval canceled")
    # the interpreter stays usable, at full speed (no limit left behind)
    assert interp.eval("set x ok") == "ok"
    assert interp.runtime.limits is None


def test_cancel_is_caught_by_catch():
    interp = Interp()
    interp.eval(SPIN)
    t = _cancel_later(interp)
    assert interp.eval("list [catch spin m] $m") == "1 {eval canceled}"
    t.join()


def test_cancel_unwind_passes_catch():
    interp = Interp()
    interp.eval(SPIN)
    t = _cancel_later(interp, unwind=True, message="stop now")
    with pytest.raises(TclError) as info:
        interp.eval("catch spin m; set after 1")
    t.join()
    assert str(info.value) == "stop now"
    assert info.value.errorcode == ("TCL", "CANCEL", "IUNWIND", "stop now")
    assert interp.eval("info exists after") == "0"
    assert interp.eval("set y 2") == "2"


def test_cancel_empty_loop():
    # an inlined loop with an empty body runs no command: it looks itself
    interp = Interp()
    t = _cancel_later(interp)
    with pytest.raises(TclError, match="eval canceled"):
        interp.eval("set ::started 1; while 1 {}")
    t.join()


def test_cancel_idle_interp_fails_next_eval_once():
    interp = Interp()
    interp.cancel(message="later")
    with pytest.raises(TclError, match="later"):
        interp.eval("set x 1")
    assert interp.eval("set x 2") == "2"


def test_inlined_code_fast_again_after_cancel():
    # the cancel request bumps core_epoch; delivering it puts it back
    interp = Interp()
    rt = interp.runtime
    before = rt.core_epoch
    interp.cancel()
    with pytest.raises(TclError):
        interp.eval("set x 1")
    assert rt.core_epoch == before


def test_cancel_wakes_a_blocking_after():
    # `after ms` waits on an event the cancel request sets: it ends at once
    interp = Interp()
    t = _cancel_later(interp)
    start = time.monotonic()
    with pytest.raises(TclError, match="eval canceled"):
        interp.eval("set ::started 1; after 60000; set ::slept 1")
    t.join()
    assert time.monotonic() - start < 20
    assert interp.eval("info exists ::slept") == "0"
    # no cancel left behind: the next sleep sleeps
    interp.eval("after 1")
    assert interp.runtime.limits is None


def test_cancel_unwind_wakes_after_inside_catch():
    interp = Interp()
    t = _cancel_later(interp, unwind=True)
    with pytest.raises(TclError, match="eval unwound"):
        interp.eval("set ::started 1; catch {after 60000}; set ::after 1")
    t.join()
    assert interp.eval("info exists ::after") == "0"


@pytest.mark.parametrize("wait", [
    # a timer far ahead: the loop waits for it
    "after 60000 {set ::x timer}; vwait ::x",
    # no timer, a watched pipe that never gets data: the loop waits with no timeout
    "set p [open |cat r+]; fileevent $p readable {set ::x data}; vwait ::x",
])
def test_cancel_wakes_a_blocking_vwait(wait):
    # the event loop's wait also watches its wake-up pipe, which the cancel
    # request writes to from this other thread
    interp = Interp()
    t = _cancel_later(interp, delay=0.3)
    start = time.monotonic()
    with pytest.raises(TclError, match="eval canceled") as info:
        interp.eval("set ::started 1; " + wait + "; set ::after 1")
    t.join()
    assert time.monotonic() - start < 20
    assert info.value.errorcode == ("TCL", "CANCEL", "ICANCEL", "eval canceled")
    assert interp.eval("info exists ::after") == "0"
    assert interp.eval("info exists ::x") == "0"
    interp.eval("foreach id [after info] {after cancel $id}; catch {close $p}")
    # nothing left behind: the loop waits again, and no cancel is pending
    interp.eval("after 20 {set ::y 1}; vwait ::y")
    assert interp.runtime.limits is None


def test_cancel_unwind_wakes_vwait_inside_catch():
    interp = Interp()
    t = _cancel_later(interp, delay=0.3, unwind=True)
    start = time.monotonic()
    with pytest.raises(TclError, match="eval unwound"):
        interp.eval("set ::started 1; after 60000 {set ::x 1}; catch {vwait ::x}; set ::after 1")
    t.join()
    assert time.monotonic() - start < 20
    assert interp.eval("info exists ::after") == "0"


def test_ctrl_c_interrupts_a_blocking_vwait(tmp_path):
    # a real SIGINT to a tclish process waiting in vwait: it stops at once,
    # says "interrupted" and exits non-zero, as an interrupted tclsh
    import os
    import signal
    import subprocess
    import sys
    script = tmp_path / "wait.tcl"
    script.write_text("after 60000 {set x 1}\nputs waiting\nflush stdout\nvwait x\nputs woke\n")
    env = dict(os.environ, PYTHONPATH=os.path.dirname(os.path.dirname(os.path.dirname(
        os.path.abspath(__file__)))))
    proc = subprocess.Popen([sys.executable, "-m", "tclish", str(script)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline() == "waiting\n"
        time.sleep(0.2)
        start = time.monotonic()
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
    finally:
        proc.kill()
    assert time.monotonic() - start < 20
    assert "woke" not in out
    assert "interrupted" in err
    assert proc.returncode != 0
