"""Modules and parameters between devices (TCLIBTORCH's neural_device_management):
in place, answering the module's own handle so that calls chain."""

from ..convert import DEVICE, MODULE_NAME, PARAMETERS
from ..spec import CommandSpec, Param

_K = ".kernels.devices:"
_LAYER = Param("layer", MODULE_NAME, help="module handle", aliases=("model", "module", "input"),
               example="torch::linear 2 1")
_EXAMPLE = "set m [torch::linear 2 1]\n"

SPECS = [
    CommandSpec("layer_cpu", [_LAYER], _K + "to_cpu", "Move a module to the CPU.",
                returns="value", context=True,
                example=_EXAMPLE + "torch::layer_cpu $m"),
    CommandSpec("layer_cuda", [_LAYER], _K + "to_cuda",
                "Move a module to the current CUDA device (an error without CUDA).",
                returns="value", context=True),
    CommandSpec("layer_device", [_LAYER], _K + "device",
                "The device a module's parameters are on.", returns="value", context=True,
                example=_EXAMPLE + "torch::layer_device $m"),
    CommandSpec("layer_to", [_LAYER, Param("device", DEVICE, help="cpu, cuda or cuda:N",
                                           example="cpu")],
                _K + "to_device", "Move a module to a device.", returns="value", context=True,
                example=_EXAMPLE + "torch::layer_to $m cpu"),
    CommandSpec("parameters_to",
                [Param("parameters", PARAMETERS, help="a module, or a list of tensor handles"),
                 Param("device", DEVICE, "cpu", "cpu, cuda or cuda:N")],
                _K + "parameters_to",
                "Move parameters to a device in place; the same tensors as a list of handles.",
                returns="tensors",
                example=_EXAMPLE + "torch::parameters_to $m cpu"),
]

# examples (docs/torch.md shows them; tests/torchbridge/test_torch_docs.py runs them)
_EXAMPLES = {
    'layer_cuda':
        'set m [torch::linear 2 1]\nif {[torch::cuda_is_available]} { torch::layer_cuda $m }\ntorch::layer_device $m',
}
for _spec in SPECS:
    _spec.example = _spec.example or _EXAMPLES.get(_spec.name, "")
