"""TclOO from the inside: objects clean up after themselves and don't slow
down compiled code; chains follow redefinition."""

import pytest

from tclish import Interp, TclError


def test_destroyed_objects_leave_no_namespaces_or_commands():
    tcl = Interp()
    tcl.eval("oo::class create C { variable v; constructor {} { set v 1 } }")
    spaces = tcl.eval("llength [namespace children ::oo]")
    commands = tcl.eval("llength [info commands ::oo::*]")
    tcl.eval("for {set i 0} {$i < 200} {incr i} { [C new] destroy }")
    tcl.eval("for {set i 0} {$i < 200} {incr i} { rename [C new] {} }")
    assert tcl.eval("llength [namespace children ::oo]") == spaces
    assert tcl.eval("llength [info commands ::oo::*]") == commands
    assert tcl.eval("info class instances C") == ""


def test_destroying_objects_keeps_compiled_code_inlined():
    tcl = Interp()
    interp = tcl.runtime
    tcl.eval("oo::class create C")
    before = interp.core_epoch
    tcl.eval("for {set i 0} {$i < 10} {incr i} { [C new] destroy }")
    assert interp.core_epoch == before


def test_redefining_a_method_changes_existing_objects():
    tcl = Interp()
    tcl.eval("oo::class create C { method m {} { return 1 } }; C create o")
    assert tcl.eval("o m") == "1"
    tcl.eval("oo::define C method m {} { return 2 }")
    assert tcl.eval("o m") == "2"
    tcl.eval("oo::class create M { method m {} { return [expr {[next] * 10}] } }")
    tcl.eval("oo::objdefine o mixin M")
    assert tcl.eval("o m") == "20"


def test_bad_definitions_are_tcl_errors():
    tcl = Interp()
    tcl.eval("oo::class create A; oo::class create B { superclass A }")
    with pytest.raises(TclError, match="attempt to form circular dependency graph"):
        tcl.eval("oo::define A superclass B")
    with pytest.raises(TclError, match="does not refer to an object"):
        tcl.eval("oo::define nosuch method m {} {}")
    with pytest.raises(TclError, match='unknown method "x": must be destroy'):
        tcl.eval("[A new] x")
    assert tcl.eval("info class superclasses B") == "::A"
