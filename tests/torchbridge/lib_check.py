"""Shared helper of the test_lib_*.py tables: run a Tcl script through the real
interpreter and compare what it returns with a reference computed by calling
torch (or a written-out formula) directly in Python -- never the bridge.

A table row is (script, reference, tolerance).  The script's inputs are Tcl
variables made from the module's INPUTS (name -> torch tensor) with
torch::tensor_create; the script's last command's result is kept in a
variable (so its handles stay live) and read back: a handle becomes its
tensor, a Tcl list of handles a list, a dict of handles a dict; anything
else is compared as a number or a string."""

import math

import torch

from tclish import Interp
from tclish.runtime.lists import split_list
from tclish.torchbridge.api import tensor_of
from tclish.torchbridge.install import install

_DTYPE_NAMES = {torch.float32: "float32", torch.float64: "float64", torch.int64: "int64",
                torch.int32: "int32", torch.complex64: "complex64", torch.bool: "bool",
                torch.uint8: "uint8"}


def interp_with(inputs):
    interp = Interp()
    if interp.runtime.resolve_command("torch::zeros") is None:
        install(interp.runtime)
    for name, t in inputs.items():
        data = _tcl_data(t.tolist()) if t.dim() else "{%s}" % _num(t.item())
        shape = " ".join(str(s) for s in t.shape)
        interp.eval("set %s [torch::tensor_create -data %s -shape {%s} -dtype %s]"
                    % (name, data, shape, _DTYPE_NAMES[t.dtype]))
    return interp


def _num(x):
    if isinstance(x, bool):
        return "1" if x else "0"
    return repr(x)


def _tcl_data(x):
    if isinstance(x, list):
        return "{" + " ".join(_tcl_data(v) for v in x) + "}"
    return _num(x)


def result_of(interp, script):
    """Run `script`; its result read back as tensors/lists/dicts/strings."""
    lines = script.strip().split("\n")
    body, last = lines[:-1], lines[-1]
    for line in body:
        interp.eval(line)
    interp.eval("set __r [%s]" % last)
    return _read(interp, interp.getvar("__r"))


def _read(interp, value):
    reg = interp.runtime.extensions["torch"]
    if reg.tensors.get(value) is not None:
        return tensor_of(interp.runtime, value)
    # names taken apart as text (TCLIBTORCH's idiom) may name recently released handles
    find = reg.tensors.find
    if find(value) is not None:
        return find(value)
    words = split_list(value)
    if len(words) > 1 and all(find(w) is not None for w in words):
        return [find(w) for w in words]
    if len(words) > 1 and len(words) % 2 == 0 and all(find(w) is not None for w in words[1::2]):
        return {k: find(v) for k, v in zip(words[::2], words[1::2])}
    return value


def assert_matches(got, expected, tol):
    if isinstance(expected, torch.Tensor):
        assert isinstance(got, torch.Tensor), got
        if got.is_sparse:
            got = got.to_dense()
        if expected.is_sparse:
            expected = expected.to_dense()
        assert got.dtype == expected.dtype, (got.dtype, expected.dtype)
        assert got.shape == expected.shape, (got.shape, expected.shape)
        torch.testing.assert_close(got, expected, rtol=tol, atol=tol, equal_nan=True)
    elif isinstance(expected, dict):
        assert isinstance(got, dict) and list(got) == list(expected), got
        for k in expected:
            assert_matches(got[k], expected[k], tol)
    elif isinstance(expected, (list, tuple)):
        if isinstance(got, str):
            got = split_list(got)
        assert len(got) == len(expected), (got, expected)
        for g, e in zip(got, expected):
            assert_matches(g, e, tol)
    elif isinstance(expected, (int, float)):
        assert math.isclose(float(got), float(expected), rel_tol=tol, abs_tol=tol), (got, expected)
    else:
        assert got == expected, (got, expected)
