"""The embedding API: values converted both ways, exit, output streams, errors."""

import contextlib
import io

import pytest

from tclish import Interp, TclError


@pytest.fixture
def interp():
    return Interp()


@pytest.mark.parametrize("value, tcl", [
    (42, "42"), (-7, "-7"), (2 ** 80, str(2 ** 80)), (1.5, "1.5"), (True, "1"), (False, "0"),
    (None, ""), ("a b", "a b"), (b"\xff\x00A", "\xff\x00A"),
    ([1, "a b", (2, 3)], "1 {a b} {2 3}"), ({"k": 1, "j": [1, 2]}, "k 1 j {1 2}"),
])
def test_python_values_become_natural_tcl_values(interp, value, tcl):
    interp.setvar("v", value)
    assert interp.getvar("v") == tcl
    assert interp.call("set", "w", value) == tcl


def test_numbers_stay_numbers_for_expr(interp):
    interp.setvar("n", 2 ** 70)
    assert interp.eval("expr {$n + 1}") == str(2 ** 70 + 1)
    assert interp.call("expr", "0.5 * 4") == "2.0"


def test_bytes_are_byte_strings(interp):
    assert interp.call("string", "length", b"\xff\x00\x01") == "3"
    assert interp.call("binary", "scan", b"\x01\x02", "cu*", "x") == "1"
    assert interp.getvar("x") == "1 2"


def test_reading_results_as_python_values(interp):
    assert interp.split(interp.eval("list a {b c} {}")) == ["a", "b c", ""]
    assert interp.todict(interp.eval("dict create a 1 b {2 3}")) == {"a": "1", "b": "2 3"}
    assert interp.number(interp.eval("expr {6*7}")) == 42
    assert interp.number("0x10") == 16 and interp.number("2.5") == 2.5
    with pytest.raises(TclError):
        interp.number("abc")
    with pytest.raises(TclError):
        interp.todict("a b c")


def test_registered_command_results_are_converted(interp):
    interp.register("pylist", lambda: [1, "two words", {"k": "v"}])
    assert interp.eval("llength [pylist]") == "3"
    assert interp.eval("dict get [lindex [pylist] 2] k") == "v"
    interp.register("pynone", lambda: None)
    assert interp.eval("pynone") == ""
    interp.register("pybool", lambda x: x == "yes")
    assert interp.eval("pybool yes") == "1"


def test_registered_command_errors_carry_the_python_traceback(interp):
    def boom(x):
        raise ValueError("bad value %s" % x)
    interp.register("boom", boom)
    assert interp.eval("catch {boom 3} msg; set msg") == "ValueError: bad value 3"
    assert interp.eval("set errorCode") == "PYTHON ValueError"
    with pytest.raises(TclError) as e:
        interp.eval("proc p {} {boom 4}; p")
    assert e.value.errorcode == ("PYTHON", "ValueError")
    assert "Traceback (most recent call last)" in e.value.errorinfo
    assert 'in boom' in e.value.errorinfo
    assert e.value.errorinfo.rstrip().endswith('invoked from within\n"p"')


def test_errorcode_is_always_a_tuple(interp):
    for script, code in (("nosuch", ("TCL", "LOOKUP", "COMMAND", "nosuch")),
                         ("error x", ("NONE",)),
                         ("error x {} {A B}", ("A", "B"))):
        with pytest.raises(TclError) as e:
            interp.eval(script)
        assert e.value.errorcode == code


def test_exit_raises_system_exit_with_the_code(interp):
    with pytest.raises(SystemExit) as e:
        interp.eval("exit 4")
    assert e.value.code == 4
    with pytest.raises(SystemExit) as e:
        interp.eval("exit")
    assert e.value.code == 0


def test_puts_follows_the_current_sys_stdout(interp):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        interp.eval("puts hello; puts stderr oops; puts -nonewline more")
    assert out.getvalue() == "hello\nmore" and err.getvalue() == "oops\n"
    out2 = io.StringIO()
    with contextlib.redirect_stdout(out2):
        interp.eval("puts again")
    assert out2.getvalue() == "again\n"


torch = pytest.importorskip("torch")


def test_tensors_become_handles_both_ways(interp):
    t = torch.arange(6.0).reshape(2, 3)
    h = interp.call("set", "t", t)
    assert h.startswith("tensor") and interp.tensor(h) is t
    assert interp.eval("torch::tensor_shape $t") == "2 3"
    assert interp.call("torch::tensor_shape", t) == "2 3"
    interp.register("make", lambda n: torch.full((int(n),), 7.0))
    r = interp.eval("set r [make 3]; torch::tensor_sum $r")
    assert torch.equal(interp.tensor(r), torch.tensor(21.0))
    interp.register("pair", lambda: (torch.zeros(1), torch.ones(2)))
    assert interp.eval("torch::tensor_shape [lindex [pair] 1]") == "2"


def test_every_interpreter_has_the_tcl_variables(interp):
    # Tcl_CreateInterp sets these; an embedded Interp() must not depend on
    # the command-line runner for them
    names = interp.split(interp.eval("lsort [array names tcl_platform]"))
    assert names == ["byteOrder", "engine", "machine", "os", "osVersion", "pathSeparator",
                     "platform", "pointerSize", "threaded", "user", "wordSize"]
    assert interp.eval("list $tcl_platform(platform) $tcl_platform(pathSeparator)") == "unix :"
    assert interp.eval("list $tcl_version $tcl_patchLevel $tcl_precision") == "8.6 8.6.13 0"
    # a child interpreter gets its own, and a safe one keeps no host details
    interp.eval("interp create kid; interp create -safe sandbox")
    assert interp.eval("kid eval {array size tcl_platform}") == "11"
    assert interp.eval("sandbox eval {lsort [array names tcl_platform]}") == \
        "byteOrder engine pathSeparator platform pointerSize threaded wordSize"
    interp.eval("kid eval {set tcl_platform(os) changed}")
    assert interp.eval("interp create other; other eval {set tcl_platform(os)}") != "changed"
