"""Modules and parameters between devices (neural_device_management)."""

import pytest

torch = pytest.importorskip("torch")

from tclish import Interp, TclError  # noqa: E402


def test_moving_a_module_answers_its_handle_and_keeps_its_parameters():
    tcl = Interp()
    m = tcl.eval("set m [torch::linear 3 2]")
    module = tcl.runtime.extensions["torch"].get(m, "module")
    weight = module.weight
    assert tcl.eval("torch::layer_cpu $m") == m
    assert tcl.eval("torch::layer_to $m cpu") == m
    assert tcl.eval("torch::layer_device $m") == "cpu"
    assert module.weight is weight, "moved in place, the same Parameter objects"
    handles = tcl.split(tcl.eval("torch::parameters_to $m cpu"))
    assert [tcl.tensor(h) for h in handles] == [module.weight, module.bias]
    assert all(tcl.tensor(h) is p for h, p in zip(handles, module.parameters()))


@pytest.mark.skipif(torch.cuda.is_available(), reason="checks the error without CUDA")
def test_cuda_without_cuda_is_a_clear_error_and_nothing_moves():
    tcl = Interp()
    tcl.eval("set m [torch::linear 2 2]")
    with pytest.raises(TclError, match="CUDA is not available"):
        tcl.eval("torch::layer_cuda $m")
    with pytest.raises(TclError, match="CUDA is not available"):
        tcl.eval("torch::layer_to $m cuda")
    assert tcl.eval("torch::layer_device $m") == "cpu"
    with pytest.raises(TclError, match='Invalid module name "nosuch"'):
        tcl.eval("torch::layer_cpu nosuch")
