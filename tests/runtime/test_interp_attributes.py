"""Every attribute of the runtime interpreter is made in its __init__.

CPython keeps an instance's attributes in a compact array, which is what
makes `interp.epoch`, `interp.frame`, `interp.cur_ns` ... fast to read
(the compiled code reads them on every command).  An attribute added later,
or one look at `interp.__dict__`, turns them into an ordinary dict for the
rest of the interpreter's life, and every such read costs about twice as
much (seen: a [substitution]'s compile did it, 2026-12-05)."""

from tclish import Interp

SCRIPT = r"""
proc f {a args} {set x [string length [lindex $args 0]]; return [expr {$a + $x}]}
set r [f 1 [list [f 2 abc]]]
namespace eval ns {variable v 1; proc g {} {variable v; incr v}}
ns::g
coroutine c apply {{} {yield 1; yield 2}}
c
oo::class create K {method m {} {return [self]}}
[K new] m
catch {error boom} msg opts
set d [dict create a 1]; dict set d b [dict get $d a]
foreach {k v} $d {append s $k$v}
regexp {(a)} abc -> m
format %5.2f [expr {1.0 / 3}]
after 0 {set done 1}; vwait done
"""


def test_no_attribute_is_added_after_init():
    fresh = set(vars(Interp().runtime))
    interp = Interp()
    interp.eval(SCRIPT)
    assert set(vars(interp.runtime)) == fresh


def test_nor_by_the_torch_commands():
    import pytest
    pytest.importorskip("torch")
    fresh = set(vars(Interp().runtime))
    interp = Interp()
    interp.eval("set a [torch::ones 2]; proc t {a} {torch::tensor_add $a [torch::tensor_abs $a]}"
                "; t $a; torch::tensor_to_list [t $a]")
    assert set(vars(interp.runtime)) == fresh
