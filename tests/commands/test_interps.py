"""interp: aliases and child interpreters (expected output from tclsh 8.6)."""

import io

from tclish.runtime.interp import Interp

SCRIPT = r"""
interp alias {} run {} try
puts [run {set x 5}]
interp alias {} foo {} ::apply [list x {set x}]
puts [foo 7]
puts [interp alias {} foo]
puts [interp create sub]
interp eval sub {proc p {} {return inchild}}
puts [interp eval sub p]
puts [sub eval {set a 1}]
puts [catch {interp eval sub {error boom}} m]$m
puts [interp exists sub][interp exists nope]
interp alias sub hello {} set ::fromchild
interp eval sub {hello 42}
puts $fromchild
interp delete sub
puts [interp exists sub]
puts [catch {interp eval sub {}} m]$m
"""

EXPECTED = """5
7
::apply {x {set x}}
sub
inchild
1
1boom
10
42
0
1could not find interpreter "sub"
"""


def test_interp_aliases_and_children_match_tclsh():
    out = io.StringIO()
    Interp(stdout=out).eval(SCRIPT)
    assert out.getvalue() == EXPECTED
