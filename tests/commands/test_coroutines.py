"""Coroutines and tailcall: what the golden scripts can't see from outside
(greenlets released, interpreter state after switches, start-up cost)."""

import subprocess
import sys

import pytest

from tclish import Interp, TclError


def test_generator_sums_match_a_formula():
    tcl = Interp()
    tcl.eval("proc squares {n} { yield; for {set i 1} {$i <= $n} {incr i} { yield [expr {$i*$i}] } }")
    tcl.eval("coroutine sq squares 50; set total 0")
    tcl.eval("for {set k 0} {$k < 50} {incr k} { incr total [sq] }")
    assert tcl.eval("set total") == str(sum(i * i for i in range(1, 51)))


def test_yield_from_nested_eval_uplevel_and_foreach():
    tcl = Interp()
    tcl.eval("""
        proc deep {x} { uplevel 1 [list eval [list yield $x]] }
        proc walk {} { foreach x {a b c} { lappend ::got [deep $x] } ; return end }
    """)
    assert tcl.eval("coroutine w walk") == "a"
    assert [tcl.eval("w %d" % i) for i in (1, 2, 3)] == ["b", "c", "end"]
    assert tcl.eval("set ::got") == "1 2 3"
    # the interpreter is back at level 0 in the global namespace
    assert tcl.eval("list [info level] [namespace current] [info coroutine]") == "0 :: {}"


def test_many_coroutines_leave_nothing_behind():
    tcl = Interp()
    before = tcl.eval("llength [info commands]")
    for i in range(300):
        tcl.eval("coroutine c%d apply {{} { yield 1; yield 2 }}" % i)
    for i in range(0, 300, 2):
        tcl.eval("c%d; c%d" % (i, i))                   # run to the end
    for i in range(1, 300, 2):
        tcl.eval("rename c%d {}" % i)                   # killed while suspended
    assert tcl.eval("llength [info commands]") == before


def test_errors_are_tcl_errors_and_the_interpreter_stays_usable():
    tcl = Interp()
    with pytest.raises(TclError, match="yield can only be called in a coroutine"):
        tcl.eval("yield")
    tcl.eval("proc r {} { r }")
    with pytest.raises(TclError, match="too many nested evaluations"):
        tcl.eval("coroutine rc r")
    assert tcl.eval("coroutine ok apply {{} { return fine }}") == "fine"


def test_tailcall_runs_in_constant_python_stack():
    tcl = Interp()
    tcl.eval("proc count {n} { if {$n == 0} { return done }; tailcall count [expr {$n - 1}] }")
    # far deeper than the nesting limit allows for ordinary recursion
    assert tcl.eval("count 5000") == "done"


def test_start_up_does_not_import_greenlet():
    code = "import sys; from tclish import Interp; Interp().eval('set x 1'); print('greenlet' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_an_interrupt_inside_a_coroutine_ends_it_and_reaches_the_caller():
    tcl = Interp()

    def boom():
        raise KeyboardInterrupt
    tcl.register("boom", boom)
    tcl.eval("coroutine c apply {{} { yield 1; boom; yield 2 }}")
    with pytest.raises(KeyboardInterrupt):
        tcl.eval("c")
    assert tcl.eval("info commands c") == ""
    assert tcl.eval("list [info level] [info coroutine]") == "0 {}"


def _coroutine(tcl, name):
    return tcl.runtime.resolve_command(name).coroutine


def test_a_body_yielding_at_its_own_level_is_resumed_by_a_generator_send():
    tcl = Interp()
    tcl.eval("proc counter {} { set i 0; while 1 { incr i; yield $i } }")
    tcl.eval("coroutine c counter")
    values = [tcl.eval("c") for _ in range(100)]
    assert values == [str(i) for i in range(2, 102)]
    # suspended at one of its own yields, handed to the resume command
    coro = _coroutine(tcl, "c")
    assert coro.gen is not None and coro.state == "yield"
    # the body's frame is the coroutine's, at level 1 under #0
    assert tcl.eval("c") == "102"
    tcl.eval("rename c {}")
    assert coro.gen is None and coro.glet is None


def test_a_yield_whose_value_runs_a_command_stays_in_the_greenlet():
    tcl = Interp()
    tcl.eval("proc gen {} { set i 0; while 1 { yield [incr i] } }")
    tcl.eval("coroutine g gen")
    assert [tcl.eval("g") for _ in range(20)] == [str(i) for i in range(2, 22)]
    assert _coroutine(tcl, "g").gen is None


def test_commands_between_yields_run_in_the_greenlet_and_may_yield_there():
    tcl = Interp()
    tcl.eval("""
        proc inner {k} { if {$k % 5 == 0} { yield inner$k }; return $k }
        proc outer {} { set k 0; while 1 { incr k; yield [list outer [inner $k]] } }
    """)
    tcl.eval("coroutine o outer")
    got = [tcl.eval("o") for _ in range(30)]
    expected = []
    for k in range(1, 40):
        if k % 5 == 0:
            expected.append("inner%d" % k)
        expected.append("outer %d" % k)
    assert got == expected[1:31]
    assert tcl.eval("list [info level] [namespace current] [info coroutine]") == "0 :: {}"


def test_a_redefined_yield_is_called_even_after_the_hand_off():
    tcl = Interp()
    tcl.eval("proc counter {} { set i 0; while 1 { incr i; yield $i } }")
    tcl.eval("coroutine c counter; c; c; c")
    assert _coroutine(tcl, "c").gen is not None
    tcl.eval("rename yield real_yield; proc yield {v} { real_yield [list mine $v] }")
    assert tcl.eval("c") == "mine 5"
    assert tcl.eval("c") == "mine 6"


def test_generator_bodies_leave_nothing_behind():
    import gc
    import types
    tcl = Interp()
    tcl.eval("proc body {n} { set i 0; while {$i < $n} { incr i; yield $i }; return end }")

    def generators():
        gc.collect()
        return sum(1 for o in gc.get_objects() if type(o) is types.GeneratorType)
    before, commands = generators(), tcl.eval("llength [info commands]")
    for i in range(200):
        tcl.eval("coroutine c%d body 5; c%d; c%d" % (i, i, i))   # handed off by now
        assert _coroutine(tcl, "c%d" % i).gen is not None
    for i in range(0, 200, 2):
        assert tcl.eval("c%d; c%d; c%d" % (i, i, i)) == "end"   # run to the end
    for i in range(1, 200, 2):
        tcl.eval("rename c%d {}" % i)                          # killed while handed off
    assert tcl.eval("llength [info commands]") == commands
    assert generators() == before


def test_a_body_that_yields_once_and_returns_keeps_its_results_when_it_stops_handing_off():
    # each call hands its generator off once and ends on the next resume;
    # after a few such calls it runs without the generator form
    tcl = Interp()
    tcl.eval("proc twice {k} { set x [expr {$k * 2}]; yield $x; return r$x }")
    tcl.eval("proc loop {} { set k 0; set log {}; while 1 { incr k; lappend log [twice $k]; "
             "if {$k % 3 == 0} { yield $log } } }")
    assert tcl.eval("coroutine c loop") == "2"
    assert hasattr(tcl.runtime.resolve_command("twice").proc_spec.code, "generator_form")
    got = [tcl.eval("c") for _ in range(40)]
    expected, log = [], []
    for k in range(1, 40):
        log.append("r%d" % (2 * k))
        if k % 3 == 0:
            expected.append(" ".join(log))
        expected.append(str(2 * (k + 1)))
    assert got == expected[:40]
