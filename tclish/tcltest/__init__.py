"""tcltest 2.5 for tclish, written in Python.

`package require tcltest` calls `load`, which builds the ::tcltest namespace
with tcltest's exported commands (test, testConstraint, cleanupTests, ...).
Behaviour and output formats follow Tcl's tcltest, so Tcl's own test files
run unchanged.  Modules: state (per-interpreter state), options (configure),
constraints, runner (the test command), report (what is printed), files.
"""

from .package import VERSION, install, load

__all__ = ["VERSION", "install", "load"]
