"""The torch commands through the real Tcl interpreter."""

import os
import subprocess
import sys

import pytest

from tclish import Interp, TclError
from tclish.torchbridge.install import PACKAGE_VERSION, install

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def torch_interp():
    interp = Interp()
    if interp.runtime.resolve_command("torch::zeros") is None:     # until Interp installs them
        install(interp.runtime)
    return interp


def test_torch_is_imported_by_the_first_torch_command_only():
    code = (
        "import sys\n"
        "from tclish import Interp\n"
        "from tclish.torchbridge.install import install\n"
        "i = Interp()\n"
        "if i.runtime.resolve_command('torch::zeros') is None: install(i.runtime)\n"
        "i.eval('puts hi')\n"
        "print('torch' in sys.modules)\n"
        "i.eval('torch::zeros {2 2}')\n"
        "print('torch' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT, check=True)
    assert out.stdout.split() == ["hi", "False", "True"]


pytest.importorskip("torch")


def test_seed_examples_through_tcl():
    i = torch_interp()
    i.eval("set features [torch::zeros {1 64 32 32}]")
    i.eval("set boxes [torch::tensor_create {{0.0 0.0 0.5 0.5} {0.2 0.3 0.7 0.8}} float32]")
    for script in [
        "torch::roi_align -input $features -boxes $boxes -outputSize {7 7}",
        "torch::roi_align $features $boxes {7 7} 0.0625 2 true",
        "torch::roiAlign -input $features -boxes $boxes -outputSize {7 7} -spatialScale 0.0625",
    ]:
        assert i.eval("torch::tensor_shape [%s]" % script) == "2 64 7 7"
    shape = i.eval("torch::tensor_shape [torch::roi_align -input $features -boxes $boxes "
                   "-outputSize {14 14} -spatialScale 0.0625 -samplingRatio 2 -aligned true]")
    assert shape == "2 64 14 14"
    assert i.eval("catch {torch::roi_align -input $features} error; set error").startswith(
        "Missing required parameters: -boxes, -outputSize (Required parameters missing or invalid; "
        "Required parameters missing: boxes tensor, output_size required; "
        "Required parameter missing: -boxes, -outputSize; Required tensor parameter missing.")
    assert i.eval("catch {torch::roi_align -input invalid -boxes $boxes -outputSize {7 7}} e; "
                  "set e") == ('Invalid input tensor name: Invalid tensor name "invalid" '
                               '(Tensor not found; Invalid tensor handle; '
                               'Required parameters missing or invalid; '
                               'Error in roi_align)')


def test_results_are_tcl_values():
    i = torch_interp()
    assert i.eval("string match tensor* [torch::ones {2 3}]") == "1"
    assert i.eval("llength [torch::tensor_shape [torch::ones {2 3}]]") == "2"
    assert i.eval("lindex [torch::tensor_to_list [torch::arange 5]] end") == "4.0"
    assert i.eval("expr {[torch::tensor_numel [torch::ones {2 3}]] * 2}") == "12"
    assert i.eval("torch::tensor_item [torch::tensor_create -data 42 -dtype int32]") == "42"


def test_errors_are_tcl_errors_with_errorcode():
    i = torch_interp()
    with pytest.raises(TclError) as e:
        i.eval("torch::tensor_reshape [torch::ones 4] {3 3}")
    assert "shape '[3, 3]' is invalid for input of size 4" in e.value.message
    assert i.eval("catch {torch::zeros {2 x}} m opts; dict get $opts -errorcode") == \
        "TORCH ARGS VALUE"


def test_handles_die_with_their_variables():
    i = torch_interp()
    i.eval("set x [torch::zeros 1]; set y [torch::ones 1]")
    i.eval("for {set k 0} {$k < 500} {incr k} {set x [torch::tensor_add $x $y]}")
    assert i.eval("llength [torch::handles]") == "2"
    assert i.eval("torch::tensor_item $x") == "500.0"
    i.eval("unset x")
    assert i.eval("llength [torch::handles]") == "1"
    i.eval("set l [list [torch::ones 2] [torch::ones 3]]")
    assert i.eval("llength [torch::handles]") == "3"
    i.eval("torch::tensor_free {*}$l")
    assert i.eval("llength [torch::handles]") == "1"
    assert "was freed" in i.eval("catch {torch::tensor_shape [lindex $l 0]} m; set m")


def test_numeric_comparison_of_handles_keeps_nothing_alive():
    """`$x == ""` parses the handle as a number; the number memo must not hold it."""
    i = torch_interp()
    i.eval("set x [torch::zeros 1]; set y [torch::ones 1]")
    i.eval('for {set k 0} {$k < 50} {incr k} {set x [torch::tensor_add $x $y]; if {$x == ""} {}}')
    assert i.eval("llength [torch::handles]") == "2"


def test_embedding_api_shares_tensors():
    import torch
    i = torch_interp()
    t = torch.arange(4.0)
    h = i.handle(t) if hasattr(i, "handle") else None
    if h is None:
        pytest.skip("Interp.handle not wired yet")
    i.setvar("h", h)
    i.eval("set r [torch::tensor_mul $h 2]")
    assert i.tensor(i.getvar("r")).tolist() == [0, 2, 4, 6]
    assert i.tensor(h) is t


def test_load_and_package():
    i = torch_interp()
    assert i.eval("load ../../build/libtorchtcl.so") == ""
    assert i.eval("catch {load libfoo.so} m; set m").startswith('couldn\'t load file "libfoo.so"')
    try:
        version = i.eval("package require torch")
    except TclError:
        pytest.skip("package table without torch yet")
    assert version == PACKAGE_VERSION


def test_example_script_runs():
    i = torch_interp()
    import io
    out = io.StringIO()
    i.runtime.stdout = out
    with open(os.path.join(ROOT, "examples", "roi_align.tcl")) as f:
        i.eval(f.read())
    text = out.getvalue()
    assert "object detection" in text and "shape {3 16 7 7}" in text
    assert "positional and named agree: 1" in text
