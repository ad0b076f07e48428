"""Helpers for the table-driven command tests: run a script in a fresh
interpreter and compare its result, or its error message, with tclsh's."""

from tclish import Interp, TclError


class Err(str):
    """An expected error message."""


def run(script, interp=None):
    """The script's result, or Err(message) when it raises a Tcl error."""
    interp = interp or Interp()
    try:
        return interp.eval(script)
    except TclError as e:
        return Err(e.message)


def check(script, expected):
    got = run(script)
    assert (type(got), got) == (type(expected), expected)
