"""Pure-Tcl packages of tcllib load with `package require` and give what
tclsh 8.6.13 gives (outputs recorded from tclsh).  Skipped where tcllib is
not installed (Debian: apt-get install tcllib)."""

import glob
import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TCLLIB = sorted(glob.glob("/usr/share/tcltk/tcllib1.*") + glob.glob("/usr/share/tcltk/tcllib"))

SCRIPT = r"""
package require json
package require cmdline
package require struct::stack
package require csv
package require md5
package require base64
puts [json::json2dict {{"a": [1, 2, {"b": "c"}], "d": true}}]
set argv {-v -n 3 file}
puts [cmdline::getoptions argv {{v "verbose"} {n.arg 1 "count"}}]
puts $argv
struct::stack s
s push 1 2 3
puts [s pop 2]
s destroy
puts [csv::split {a,"b,c",d}]
puts [md5::md5 -hex abc]
puts [base64::encode hello]
"""

# tclsh 8.6.13 with tcllib 1.21
EXPECTED = """a {1 2 {b c}} d true
n 3 v 1
file
3 2
a b,c d
900150983CD24FB0D6963F7D28E17F72
aGVsbG8=
"""


@pytest.mark.skipif(not TCLLIB, reason="tcllib is not installed")
def test_tcllib_packages_load_and_work():
    script = "lappend auto_path %s\n%s" % (TCLLIB[-1], SCRIPT)
    env = dict(os.environ, PYTHONPATH=ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""))
    out = subprocess.run([sys.executable, "-m", "tclish"], input=script, capture_output=True,
                         text=True, timeout=300, env=env)
    assert out.stderr == ""
    assert out.stdout == EXPECTED
