"""Running a torch command from Tcl on given tensors and reading the result back, for the
table-driven tests that compare commands with torch called directly (test_lib_*.py)."""

import torch

from tclish import Interp
from tclish.runtime.errors import TclError


_interp = None


def run(script, **tensors):
    """Evaluate `set r [script]` with each tensor in a Tcl variable of its name; returns
    (interp, result): a tensor, a tuple of tensors for a list of handles, or the string.
    One interpreter serves every call (making one per row would dominate the run time)."""
    global _interp
    if _interp is None:
        _interp = Interp()
    interp = _interp
    for name, t in tensors.items():
        interp.setvar(name, interp.handle(t))
    interp.eval("set r [%s]" % script)
    r = interp.getvar("r")
    words = interp.eval("set r").split()
    try:
        found = [interp.tensor(w) for w in words]
    except TclError:
        return interp, r
    return interp, found[0] if len(found) == 1 else tuple(found)


def assert_same(got, want, tol):
    """got and want (tensors, or tuples of them) agree in shape, dtype and values."""
    if isinstance(want, (tuple, list)):
        assert isinstance(got, tuple) and len(got) == len(want), got
        for g, w in zip(got, want):
            assert_same(g, w, tol)
        return
    if not isinstance(want, torch.Tensor):
        assert got == want
        return
    assert isinstance(got, torch.Tensor), got
    assert got.shape == want.shape and got.dtype == want.dtype, (got, want)
    if tol == 0 or not want.is_floating_point():
        assert torch.equal(got, want), (got, want)
    else:
        torch.testing.assert_close(got, want, rtol=tol, atol=tol)
