"""interp cancel from Python: Interp.cancel() from another thread stops a
running script at its next command (tests/golden/interp/cancel.tcl has the
Tcl-level behaviour, recorded from tclsh)."""

import threading
import time

import pytest

from tclish import Interp, TclError


def _cancel_later(interp, **kw):
    # wait until the script runs (it sets ::started), then cancel it
    def run():
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                if interp.runtime.global_ns.vars.get("started") is not None:
                    break
            except Exception:
                pass
            time.sleep(0.01)
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
