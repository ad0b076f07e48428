"""Looking at tensors and handles: tensor_shape, tensor_dtype, tensor_device, tensor_numel,
tensor_item, tensor_print, tensor_to_list, cuda_is_available, cuda_device_count, handles,
tensor_free."""

from ..convert import BOOL, HANDLES, TENSOR
from ..spec import CommandSpec, Param

_K = ".kernels.info:"


def _query(name, func, what, example=None):
    return CommandSpec(
        name,
        [Param("input", TENSOR, help="tensor handle", aliases=("tensor",), example=example)],
        _K + func, what, returns="value",
        example="torch::%s [torch::tensor_create -data {%s} -dtype float32]"
                % (name, "2.5" if name == "tensor_item" else "{1 2} {3 4}"))


SPECS = [
    _query("tensor_shape", "shape", "The dimensions, as a list of integers."),
    _query("tensor_dtype", "dtype", "The element type: Float32, Float64, Int32, Int64, Bool, ..."),
    _query("tensor_device", "device", "The device: cpu or cuda:N."),
    _query("tensor_numel", "numel", "The number of elements."),
    _query("tensor_item", "item", "The value of a one-element tensor at full precision "
           "(integers exact, bool 0/1, complex {re im}).", example="-data {2.5}"),
    _query("tensor_print", "print", "The values as nested braces, e.g. {{1. 2.} {3. 4.}}."),
    CommandSpec("tensor_to_list",
                [Param("input", TENSOR, help="tensor handle", aliases=("tensor",)),
                 Param("nested", BOOL, False, "a list nested in the tensor's shape instead",
                       keyword=True, example="1")],
                _K + "to_list", "All values as one flat Tcl list, or nested with -nested 1 "
                "(bool 0/1, complex {re im}).", returns="value",
                example="set t [torch::tensor_create -data {{1 2} {3 4}} -dtype int32]\n"
                        "list [torch::tensor_to_list $t] [torch::tensor_to_list $t -nested 1]"),
    CommandSpec("cuda_is_available", [], _K + "cuda_is_available",
                "1 if torch can use a CUDA device, else 0.", returns="value"),
    CommandSpec("cuda_device_count", [], "torch.cuda:device_count",
                "The number of CUDA devices torch can use (0 without CUDA).", returns="value"),
    CommandSpec("handles", [], _K + "handles",
                "The live handles: {name shape dtype device} per tensor, then "
                "{name kind class} per module, optimizer, scheduler, ...",
                returns="value", context=True, deterministic=False),
    CommandSpec("tensor_free",
                [Param("handles", HANDLES, "", "handles to free now")],
                _K + "free", "Free tensors now instead of when their handles are dropped.",
                returns="value", context=True),
]

# examples (docs/torch.md shows them; tests/torchbridge/test_torch_docs.py runs them)
_EXAMPLES = {
    'cuda_device_count':
        'torch::cuda_device_count',
    'cuda_is_available':
        'torch::cuda_is_available',
    'handles':
        'set t [torch::ones {2 3}]\ntorch::handles',
    'tensor_free':
        'set t [torch::ones 3]\ntorch::tensor_free $t',
}
for _spec in SPECS:
    _spec.example = _spec.example or _EXAMPLES.get(_spec.name, "")
