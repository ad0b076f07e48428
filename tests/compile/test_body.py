"""compile/body.py: which proc bodies become one generated function, and
which loops hold their variables in Python locals.  (What they compute is
checked against tclsh by the golden scripts tests/golden/compiled/body_*.)"""

import pytest

from tclish.runtime.interp import Interp
from tclish.runtime.values import to_str


class Tcl:
    def __init__(self):
        self.interp = Interp()

    def eval(self, script):
        return to_str(self.interp.eval(script))

    def resolve_command(self, name):
        return self.interp.resolve_command(name)


@pytest.fixture
def tcl():
    return Tcl()


def source(tcl, proc):
    return getattr(tcl.resolve_command(proc).proc_spec.code, "tcl_source", None)


def test_loop_of_inline_forms_is_held_in_locals(tcl):
    tcl.eval("proc f {n} { set s 0; for {set i 0} {$i < $n} {incr i} { incr s $i }; return $s }")
    assert tcl.eval("f 10") == "45"
    text = source(tcl, "f")
    assert text is not None and "L0 = held_value(C0)" in text


def test_loop_calling_a_command_stays_on_the_table(tcl):
    tcl.eval("proc g {n} { set s {}; for {set i 0} {$i < $n} {incr i} "
             "{ set s [string repeat x $i] }; return $s }")
    assert tcl.eval("g 4") == "xxx"
    text = source(tcl, "g")
    assert text is not None and "held_value" not in text


def test_body_without_inline_forms_keeps_the_closures(tcl):
    tcl.eval("proc h {} { string repeat ab 2 }")
    assert tcl.eval("h") == "abab"
    assert source(tcl, "h") is None


def test_held_value_is_written_back_before_a_command_looks(tcl):
    # the fallback of `incr` (a string) runs the command, which must see
    # the loop's current values in the frame
    tcl.eval("""proc k {} {
        set x 0
        for {set i 0} {$i < 3} {incr i} { incr x; if {$i == 1} { set seen [info locals x] } }
        list $x $seen
    }""")
    assert tcl.eval("k") == "3 x"


def test_integer_string_argument_is_held_as_int(tcl):
    tcl.eval("proc m {n} { set c 0; while {$c < $n} { incr c }; list $c $n }")
    assert tcl.eval("m 7") == "7 7"
    assert tcl.eval("m 0x3") == "3 0x3"
