"""Moving modules and parameters between devices."""

import torch

from .. import cuda_requests


def _module(reg, name):
    return reg.get(name, "module")


def to_device(reg, layer, device):
    """Move the module (parameters and buffers) in place; answers its own handle,
    so calls chain."""
    _module(reg, layer).to(device)
    return layer


def to_cpu(reg, layer):
    return to_device(reg, layer, torch.device("cpu"))


def to_cuda(reg, layer):
    cuda_requests.note("layer_cuda")
    if not torch.cuda.is_available():
        raise RuntimeError("CUDA is not available: the module stays on %s" % device(reg, layer))
    return to_device(reg, layer, torch.device("cuda"))


def device(reg, layer):
    """The device of the module's first parameter or buffer (cpu for one with none)."""
    m = _module(reg, layer)
    for t in list(m.parameters()) + list(m.buffers()):
        return str(t.device)
    return "cpu"


def parameters_to(parameters, device):
    """Move each tensor's data to the device in place (a module's parameters stay
    its parameters); the same tensors, as a list of handles."""
    for p in parameters:
        p.data = p.data.to(device)
    return list(parameters)
