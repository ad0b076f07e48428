"""upvar: the checks Tcl makes before linking (upvar.test 8.x), links to
array elements, links kept alive when a namespace holding one is deleted.

Expected values were checked against tclsh 8.6.13."""

from tclish.runtime.interp import Interp
from tclish.runtime.values import to_str


def run(script):
    return to_str(Interp().eval(script))


def test_upvar_errors_element_links_and_namespace_links():
    assert run("""
        proc p1 {} {upvar 0 a b; upvar 0 b a}
        proc p2 {} {trace variable a w foo; upvar b a}
        proc p3 {} {upvar x(a) b; set b(2) 44}
        proc p4 {a} {namespace eval ::n {upvar a a}}
        proc p5 {} {upvar #0 g ::n::y; set ::n::y 5}
        set r {}
        foreach p {p1 p2 p3 {p4 1} p5} { lappend r [catch $p m] $m }
        lappend r [array exists x] [set g]
        namespace eval n2 {namespace upvar ::n y w}
        namespace delete n2
        lappend r $n::y
    """) == ("1 {can't upvar from variable to itself} "
             "1 {variable \"a\" has traces: can't use for upvar} "
             "1 {can't set \"b(2)\": variable isn't array} "
             "1 {bad variable name \"a\": can't create namespace variable that refers to "
             "procedure variable} 0 5 1 5 5")
