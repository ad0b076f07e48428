"""Fixtures for the torchbridge tests: a minimal stand-in interpreter.

`FakeInterp` has just what the bridge uses (register, extensions), so the
bridge is tested without the Tcl core; tests through the real interpreter
use `tclish.Interp`."""

import pytest

from tclish.runtime.values import TclList


class FakeInterp:
    def __init__(self):
        self.commands = {}
        self.extensions = {}

    def register(self, name, func):
        self.commands[name] = func

    def call(self, *argv):
        """Invoke a registered command with already-split argument values.  A
        tensor result comes back named (its string form, as text would see it):
        these tests pass results on as names; tests of the unnamed values
        (TensorValue) use a real interpreter."""
        result = self.commands[argv[0]](self, list(argv))
        return str(result) if type(result).__name__ == "TensorValue" else result

    def invoke(self, argv):
        """What the bridge calls to run a Tcl callback (a command prefix)."""
        return self.call(*argv)


@pytest.fixture
def fake():
    from tclish.torchbridge.install import install
    interp = FakeInterp()
    install(interp)
    return interp


@pytest.fixture
def tcl():
    """A real interpreter, torch commands included (built on their first call)."""
    from tclish import Interp
    return Interp()


def tcl_list(*items):
    return TclList(items)
