"""Python-side access to an interpreter's tensors, without copying.

The lead exposes these as `Interp.tensor(handle)` and `Interp.handle(tensor)`.
"""

import sys

from ..runtime.errors import TclError
from ..runtime.values import to_str
from .handles import TensorValue, registry_of


def tensor_of(interp, handle):
    """The torch.Tensor a handle names in `interp` (the same object, not a copy)."""
    reg = registry_of(interp)
    t = reg.tensors.find(handle) if isinstance(handle, (str, TensorValue)) else None
    if t is None:
        raise TclError("Invalid tensor handle: %s" % reg.why_missing(to_str(handle)),
                       ("TORCH", "HANDLE"))
    return t


def handle_of(interp, tensor):
    """A new handle naming `tensor` in `interp`; the tensor lives while the handle does."""
    torch = sys.modules.get("torch")
    if torch is None or not isinstance(tensor, torch.Tensor):
        raise TypeError("handle_of needs a torch.Tensor, not %s" % type(tensor).__name__)
    return registry_of(interp).new_tensor(tensor)


def load(interp):
    """`package require torch`: the commands are built in, but torch must be
    importable; fails with the same error as the first torch command would."""
    from .convert import torch_module
    torch_module()
