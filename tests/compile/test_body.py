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
    # (a proc may look at the frame: upvar, uplevel, info level ...)
    tcl.eval("proc same {x} { return $x }")
    tcl.eval("proc g {n} { set s {}; for {set i 0} {$i < $n} {incr i} "
             "{ set s [same $i] }; return $s }")
    assert tcl.eval("g 4") == "3"
    text = source(tcl, "g")
    assert text is not None and "held_value" not in text


def test_loop_calling_frame_blind_commands_is_held(tcl):
    tcl.eval("proc g {n} { set s {}; for {set i 0} {$i < $n} {incr i} "
             "{ set s [string repeat x $i] }; return $s }")
    assert tcl.eval("g 4") == "xxx"
    text = source(tcl, "g")
    assert text is not None and "held_value" in text


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


def test_command_is_invoked_from_the_body(tcl):
    # (compile/body_calls.py) the call written out, its line known to `info frame`
    tcl.eval("proc w {} { dict get [info frame -1] cmd }")
    tcl.eval("proc d {n} { set r {}; for {set i 0} {$i < $n} {incr i} "
             "{ lappend r [string toupper x$i]; lappend r [w] }; return $r }")
    assert tcl.eval("d 2") == "X0 w X1 w"
    text = source(tcl, "d")
    assert text is not None and "(interp, argv)  #@" in text


def test_ensemble_subcommand_is_called_past_the_dispatch(tcl):
    from tclish.compile.body_calls import leaf
    from tclish.commands.strings import string_first
    string = tcl.resolve_command("string")
    assert leaf(string, ["string", "first", "a", [None]]) is string_first
    # a count the subcommand does not accept goes through the dispatch
    assert leaf(string, ["string", "first", "a"]) is string
    # so does a subcommand named by a substitution
    assert leaf(string, ["string", [None], "a", "b"]) is string
