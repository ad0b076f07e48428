"""The command families: every family's commands get installed, and the
lazily imported ones list exactly the commands their modules define."""

import importlib
import subprocess
import sys

import pytest

from tclish import Interp
from tclish.commands import LAZY_FAMILIES


def _declared(module):
    return {f.tcl_info.name for f in vars(module).values() if hasattr(f, "tcl_info")}


@pytest.mark.parametrize("module_name", sorted(LAZY_FAMILIES))
def test_lazy_family_lists_its_commands(module_name):
    assert set(LAZY_FAMILIES[module_name]) == _declared(importlib.import_module(module_name))


def test_lazy_command_works_on_first_call_and_after():
    tcl = Interp()
    assert tcl.eval("format %05d 42") == "00042"
    assert tcl.eval("scan 12 %d") == "12"
    assert tcl.eval("info commands clock") == "clock"
    assert tcl.eval("string is integer [clock seconds]") == "1"


def test_start_up_imports_no_lazy_family():
    code = ("import sys; from tclish import Interp; Interp().eval('puts -nonewline {}'); "
            "print(sorted(m for m in sys.modules if m in %r))" % sorted(LAZY_FAMILIES))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_lazy_family_loaded_from_inside_a_namespace_installs_globally():
    tcl = Interp()
    assert tcl.eval("namespace eval ::x { format %d 7 }") == "7"
    assert tcl.eval("namespace which format") == "::format"
    assert tcl.eval("info commands ::x::*") == ""


def test_loading_a_family_leaves_redefined_commands_alone():
    tcl = Interp()
    tcl.eval("proc lreverse {l} { return mine }")
    assert tcl.eval("lsort {b a}") == "a b"
    assert tcl.eval("lreverse {1 2}") == "mine"
