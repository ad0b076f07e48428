"""Moving, reordering, joining and selecting: tensor_to, tensor_permute, tensor_cat,
tensor_stack, tensor_slice, tensor_index_select."""

from ..convert import DEVICE, DTYPE, INT, INT_LIST, TENSOR, TENSOR_LIST
from ..spec import CommandSpec, Param

_MATRIX = "-data {{1.0 2.0 3.0} {4.0 5.0 6.0}}"

SPECS = [
    CommandSpec(
        "tensor_to",
        [Param("input", TENSOR, help="tensor handle", aliases=("tensor",)),
         Param("device", DEVICE, help="cpu, cuda or cuda:N"),
         Param("dtype", DTYPE, None, "also convert to this element type", keyword=True,
               example="float64")],
        "torch:Tensor.to",
        "The tensor on another device (and optionally with another element type).",
        example="torch::tensor_dtype [torch::tensor_to [torch::ones 2] cpu -dtype float64]"),
    CommandSpec(
        "tensor_permute",
        [Param("input", TENSOR, help="tensor handle", aliases=("tensor",), example=_MATRIX),
         Param("dims", INT_LIST, help="the new order of the dimensions", example="1 0")],
        "torch:permute",
        "The dimensions reordered (a view).",
        example="torch::tensor_shape [torch::tensor_permute [torch::zeros {2 3 4}] {2 0 1}]"),
    CommandSpec(
        "tensor_cat",
        [Param("tensors", TENSOR_LIST, help="list of tensor handles"),
         Param("dim", INT, 0, "dimension to join along", example="0")],
        "torch:cat",
        "The tensors joined along an existing dimension.",
        example="set a [torch::ones {2 2}]\n"
                "torch::tensor_shape [torch::tensor_cat [list $a $a] 1]"),
    CommandSpec(
        "tensor_stack",
        [Param("tensors", TENSOR_LIST, help="list of tensor handles of one shape"),
         Param("dim", INT, 0, "position of the new dimension", example="1")],
        "torch:stack",
        "The tensors stacked along a new dimension.",
        example="set a [torch::ones {2 2}]\n"
                "torch::tensor_shape [torch::tensor_stack [list $a $a] 0]"),
    CommandSpec(
        "tensor_slice",
        [Param("input", TENSOR, help="tensor handle", aliases=("tensor",), example=_MATRIX),
         Param("dim", INT, help="dimension to slice", aliases=("dimension",), example="1"),
         Param("start", INT, help="first index (negative: from the end)", example="1"),
         Param("end", INT, None, "index to stop before (default: the end)", example="3"),
         Param("step", INT, 1, "stride", example="1")],
        ".kernels.manipulation:slice_",
        "Elements start, start+step, ... before end along dim (a view)."),
    CommandSpec(
        "tensor_index_select",
        [Param("input", TENSOR, help="tensor handle", aliases=("tensor",), example=_MATRIX),
         Param("dim", INT, help="dimension to select along", aliases=("dimension",),
               example="1"),
         Param("indices", TENSOR, help="integer tensor of indices",
               example="-data {2 0} -dtype int64")],
        "torch:index_select",
        "The entries at the given indices along dim."),
]

# examples (docs/torch.md shows them; tests/torchbridge/test_torch_docs.py runs them)
_EXAMPLES = {
    'tensor_index_select':
        'set i [torch::tensor_create -data {2 0} -dtype int64]\ntorch::tensor_to_list [torch::tensor_index_select [torch::arange 0 5] 0 $i]',
    'tensor_slice':
        'torch::tensor_to_list [torch::tensor_slice [torch::arange 0 10] 0 2 8 2]',
}
for _spec in SPECS:
    _spec.example = _spec.example or _EXAMPLES.get(_spec.name, "")
