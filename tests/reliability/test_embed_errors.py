"""A3, B25-B33 and issue item 1's embedding: Interp.eval and Interp.call
raise only TclError (or SystemExit for exit), results convert as Tcl values,
and one call makes a safe, limited interpreter for untrusted Tcl."""

import gc

import pytest

from tclish import Interp, TclError


@pytest.mark.parametrize("script, expected", [
    ("set a [expr {10**400}]; catch {expr {$a * 1.5}} m; set m", "Inf"),
    ("set a [expr {10**400}]; catch {expr {$a - 1.5}} m; set m", "Inf"),
    ("set a [expr {-(10**400)}]; catch {expr {$a / 1.5}} m; set m", "-Inf"),
    ("set a [expr {10**400}]; if {$a * 1.5 > 0} {set r yes}", "yes"),
    ("set a [expr {10**400}]; try {expr {$a * 1.5}} on ok r {set r ok:$r}", "ok:Inf"),
    ("string length [expr {10**5000}]", "5001"),
    ("expr {pow(0,-1)}", "Inf"),
])
def test_bignum_with_double(script, expected):
    assert Interp().eval(script) == expected


@pytest.mark.parametrize("script, message", [
    ("expr {1<<99999999999}", "integer value too large to represent"),
    ("set n 99999999999; expr {1 << $n}", "integer value too large to represent"),
    ("set n NaN; expr {int($n)}", "floating point value is Not a Number"),
    ("set x " + "[" * 10000 + "list a" + "]" * 10000, "too many nested compilations (infinite loop?)"),  # as Tcl compiles it
    ("return -code 5 x", "command returned bad code: 5"),
])
def test_errors_are_tcl_errors(script, message):
    ip = Interp()
    with pytest.raises(TclError) as info:
        ip.eval(script)
    assert info.value.message == message
    assert ip.eval("expr {1+1}") == "2"  # still usable


def test_call_converts_internal_errors():
    with pytest.raises(TclError) as info:
        Interp().call("open", "/tmp/x", "rw+x")
    assert info.value.message == 'illegal access mode "rw+x"'


def test_exit_is_system_exit():
    with pytest.raises(SystemExit) as info:
        Interp().eval("exit 5")
    assert info.value.code == 5


def test_register_results_and_arity():
    ip = Interp()
    ip.register("f", lambda: 1)
    with pytest.raises(TclError) as info:
        ip.eval("f 1 2")
    assert info.value.message == 'wrong # args: should be "f"'
    ip.register("g", lambda a, b=2, *rest: a)
    with pytest.raises(TclError) as info:
        ip.eval("g")
    assert info.value.message == 'wrong # args: should be "g a ?b? ?arg ...?"'
    ip.register("d", lambda: {"a": 1, "b": [1, 2]})
    assert ip.eval("dict get [d] b") == "1 2"
    ip.register("b", lambda: b"\xff\x00")
    assert ip.eval("string length [b]") == "2"
    assert ip.eval("binary scan [b] H* h; set h") == "ff00"
    ip.register("big", lambda: 10 ** 5000)
    assert ip.eval("string length [big]") == "5001"
    ip.register("obj", lambda: object())
    with pytest.raises(TclError) as info:
        ip.eval("obj")
    assert info.value.message == "cannot convert a Python object to a Tcl value"
    with pytest.raises(TypeError):
        ip.register("nc", 5)


def test_eval_bytes():
    assert Interp().eval(b"set x 5") == "5"
    with pytest.raises(TypeError):
        Interp().eval(5)


def test_close_flushes_channels(tmp_path):
    out = tmp_path / "o.txt"
    ip = Interp()
    ip.eval("set f [open {%s} w]; puts $f hello" % out)
    ip.close()
    assert out.read_bytes() == b"hello\n"
    with Interp() as ip2:
        ip2.eval("set f [open {%s} a]; puts $f again" % out)
    assert out.read_bytes() == b"hello\nagain\n"
    ip3 = Interp()
    ip3.eval("set f [open {%s} a]; puts $f gone" % out)
    del ip3
    gc.collect()
    assert out.read_bytes() == b"hello\nagain\ngone\n"


def test_safe_limited_interp_in_one_call():
    ip = Interp.safe(commands=10000, seconds=5)
    for cmd in ("open /etc/hostname", "exit 3", "cd /", "file delete x", "source x", "pwd"):
        with pytest.raises(TclError) as info:
            ip.eval(cmd)
        assert info.value.message.startswith("invalid command name")
    with pytest.raises(TclError) as info:
        ip.eval("while 1 {set x [string length a]}")
    assert info.value.message == "command count limit exceeded"
    with pytest.raises(TclError) as info:
        ip.eval("proc r {} {r}; r")
    assert info.value.message == "too many nested evaluations (infinite loop?)"
    assert ip.eval("expr {6*7}") == "42"  # each eval gets its own budget
    timed = Interp.safe(commands=None, seconds=0.5)
    with pytest.raises(TclError) as info:
        timed.eval("while 1 {}")
    assert info.value.message == "time limit exceeded"
