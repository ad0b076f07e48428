"""First checks of the language core through the embedding API."""

import pytest

from tclish import Interp, TclError


@pytest.fixture
def tcl():
    return Interp()


def test_set_and_expr(tcl):
    assert tcl.eval("set a 1; set b [expr {$a + 2}]") == "3"


def test_recursive_proc(tcl):
    tcl.eval("proc fib {n} {if {$n < 2} {return $n}; expr {[fib [expr {$n-1}]] + [fib [expr {$n-2}]]}}")
    assert tcl.eval("fib 15") == "610"


def test_list_quoting_matches_tcl(tcl):
    assert tcl.eval('list a {b c} "d e" \\{') == "a {b c} {d e} \\{"


def test_error_info_names_proc_and_line(tcl):
    tcl.eval("proc p {} {\n  set x 1\n  if {$x} {\n    error boom\n  }\n}")
    with pytest.raises(TclError) as info:
        tcl.eval("p")
    assert info.value.errorinfo == ('boom\n    while executing\n"error boom"\n'
                                    '    (procedure "p" line 4)\n    invoked from within\n"p"')


def test_runaway_recursion_is_a_tcl_error(tcl):
    tcl.eval("proc r {} {r}")
    assert tcl.eval("catch r e; set e") == "too many nested evaluations (infinite loop?)"
    assert tcl.eval("expr {1+1}") == "2"


def test_append_and_lappend_substitute_words_before_reading_the_variable(tcl):
    # Tcl substitutes every word before the command runs
    assert tcl.eval("set s a; append s [set s X]") == "XX"
    assert tcl.eval("set l {a}; lappend l [set l {b}]") == "b b"
    assert tcl.eval("proc p {} { set s a; append s [set s Y]; set l {a}; lappend l [set l {c}] }; p") == "c c"


def test_inplace_lappend_leaves_other_holders_alone(tcl):
    assert tcl.eval("set a [list 1 2]; set b $a; lappend a 3; list $a $b") == "{1 2 3} {1 2}"
