"""A9, B19-B24: torch requests that would allocate far beyond their answer,
or whose failure would show C++ or Python internals, are clear Tcl errors
(FINDINGS.md); the interpreter stays usable."""

import os
import subprocess
import sys
import time

import pytest

from tclish import Interp, TclError

torch = pytest.importorskip("torch")

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
_TOO_LARGE = "integer value too large to represent"


@pytest.fixture
def ip():
    interp = Interp()
    interp.eval("set in [torch::rand {1 2 8 8}]; set box [torch::tensor_create {{0 0 0 1 1}}]")
    return interp


def _error(ip, script):
    with pytest.raises(TclError) as info:
        ip.eval(script)
    assert ip.eval("torch::tensor_shape [torch::ones {2 3}]") == "2 3"   # still usable
    return info.value


@pytest.mark.parametrize("script", [
    "torch::zeros {99999999999999999999}",                                  # B19
    "torch::tensor_reshape [torch::ones {2}] {99999999999999999999}",       # B19
    "torch::manual_seed 99999999999999999999999",                           # B20
    "torch::tensor_add [torch::ones {2}] 99999999999999999999999",          # B21
    "torch::roi_align $in $box {99999999999999999999 2}",                   # B21
    "torch::roi_align $in $box {2 2} 1.0 99999999999999999999",             # B21
])
def test_huge_integers_are_tcl_overflow_errors(ip, script):
    e = _error(ip, script)
    assert e.message == _TOO_LARGE
    assert e.errorcode == ("ARITH", "IOVERFLOW", _TOO_LARGE)


@pytest.mark.parametrize("script, nbytes", [
    ("torch::zeros {100000 100000 100000}", 4 * 10 ** 15),                  # B22
    ("torch::linspace 0 1 99999999999999", 4 * (99999999999999 - 1)),
    ("torch::roi_align $in $box {100000 100000}", 2 * 4 * 10 ** 10 + 8),
])
def test_allocator_failures_name_the_bytes(ip, script, nbytes):
    e = _error(ip, script)
    assert "enforce fail" not in e.message and "alloc_cpu" not in e.message
    # the figure torch's allocator refused, rounded to its alignment
    assert e.message.startswith("cannot allocate ")
    assert abs(int(e.message.split()[2]) - nbytes) <= 64
    assert e.errorcode[:2] == ("TORCH", "MEMORY")


def test_dtype_overflow_names_the_dtype(ip):
    e = _error(ip, "torch::full {2} 1e300 float16")                         # B23
    assert e.message == "value cannot be converted to type float16 without overflow"
    assert "c10::" not in e.message
    # what torch itself refuses, in its own words but for the C++ type name
    with pytest.raises(RuntimeError) as direct:
        torch.full((2,), 1e300, dtype=torch.float16)
    assert "c10::Half" in str(direct.value)


@pytest.mark.parametrize("boxes, ratio", [
    ("{{0 0 0 1e8 1e8}}", None),                                            # A9
    ("{{0 0 0 1e9 1e9}}", None),
    ("{{0 0 0 1 1}}", 99999999),
])
def test_roi_align_refuses_huge_sampling_grids_at_once(ip, boxes, ratio):
    extra = "" if ratio is None else " 1.0 %d" % ratio
    start = time.perf_counter()
    e = _error(ip, "torch::roi_align $in [torch::tensor_create %s] {2 2}%s" % (boxes, extra))
    assert time.perf_counter() - start < 5.0
    assert e.message.startswith("roi_align: ") and "sampling points per bin is too many" in e.message


def test_roi_align_within_the_bound_still_answers(ip):
    # a box far larger than the map, with a sampling grid under the bound
    out = ip.eval("torch::tensor_shape [torch::roi_align $in "
                  "[torch::tensor_create {{0 0 0 1e5 1e5}}] {2 2}]")
    assert out == "1 2 2 2"


def test_no_library_warning_reaches_stderr():
    """B24: torch's `Failed to initialize NumPy` warning (numpy absent) and
    other import-time warnings are not shown."""
    env = dict(os.environ, PYTHONPATH=ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""))
    r = subprocess.run([sys.executable, "-m", "tclish", "-c",
                        "puts [torch::tensor_shape [torch::roi_align [torch::rand {1 1 4 4}] "
                        "[torch::tensor_create {{0 0 0 2 2}}] {2 2}]]"],
                       capture_output=True, text=True, env=env, timeout=300)
    assert r.returncode == 0, r.stderr
    assert r.stdout == "1 1 2 2\n"
    assert r.stderr == ""
