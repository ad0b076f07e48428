"""Proc bodies compiled with tail returns (compile/tail.py) behave exactly
like the plain compilation: results, redefinitions, errors."""

import pytest

from tclish import Interp, TclError


@pytest.fixture
def tcl():
    return Interp()


def test_early_exit_and_fallthrough(tcl):
    tcl.eval("proc fib {k} { if {$k < 2} { return $k }; expr {[fib [expr {$k-1}]] + [fib [expr {$k-2}]]} }")
    assert tcl.eval("fib 15") == "610"


def test_elseif_chain_in_tail_position(tcl):
    tcl.eval("proc sign {x} { if {$x < 0} { return neg } elseif {$x == 0} { return zero }; return pos }")
    assert [tcl.eval("sign %s" % v) for v in (-3, 0, 4)] == ["neg", "zero", "pos"]


def test_if_without_taken_branch_gives_empty(tcl):
    tcl.eval("proc f {x} { set y 1; if {$x} { return yes } }")
    assert tcl.eval("f 1") == "yes"
    assert tcl.eval("f 0") == ""


def test_return_inside_loop_still_returns(tcl):
    tcl.eval("proc f {} { foreach x {1 2 3} { if {$x == 2} { return $x } }; return none }")
    assert tcl.eval("f") == "2"


def test_redefined_return_is_honoured(tcl):
    tcl.eval("proc f {} { if {1} { return a }; return b }")
    assert tcl.eval("f") == "a"
    tcl.eval("rename return _return; proc return {args} { _return -level 2 redefined }")
    assert tcl.eval("f") == "redefined"


def test_error_in_condition_has_proc_line(tcl):
    tcl.eval("proc f {} {\n  if {$nosuch} { return 1 }\n  return 2\n}")
    with pytest.raises(TclError) as info:
        tcl.eval("f")
    assert info.value.errorinfo == ('can\'t read "nosuch": no such variable\n    while executing\n'
                                    '"if {$nosuch} { return 1 }"\n    (procedure "f" line 2)\n'
                                    '    invoked from within\n"f"')


def test_catch_of_return_in_tail_position_is_unchanged(tcl):
    assert tcl.eval("proc f {} { catch { return x } r; return [list caught $r] }; f") == "caught x"


def test_integer_fast_path_falls_back_for_other_values(tcl):
    tcl.eval("proc f {a b} { expr {$a * 2 + $b} }")
    assert tcl.eval("f 3 1") == "7"
    assert tcl.eval("f 1.5 1") == "4.0"
    assert tcl.eval("f 0x10 0") == "32"
    assert tcl.eval("catch {f abc 1} m; set m") == "can't use non-numeric string as operand of \"*\""
    assert tcl.eval("proc g {a} { expr {$a / 2} }; list [g -7] [g 7.0]") == "-4 3.5"
