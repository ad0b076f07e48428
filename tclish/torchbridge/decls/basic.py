"""Basic tensor operations beyond arithmetic (TCLIBTORCH's basic_tensor_ops, tensor_core_functions, tensor_info_ops, tensor_conversions).

Most of these families' commands are declared with their kin (arithmetic.py,
creation.py, info.py, reduction.py, manipulation.py); here are the rest."""

from ..convert import INT, TENSOR
from ..spec import CommandSpec, Param

_BATCH = "-data {{{1.0 2.0} {3.0 4.0}} {{5.0 6.0} {7.0 8.0}}}"

SPECS = [
    CommandSpec(
        "tensor_bmm",
        [Param("input", TENSOR, help="[B, N, M] batch of matrices", aliases=("tensor",),
               example=_BATCH),
         Param("other", TENSOR, help="[B, M, P] batch of matrices", aliases=("tensor2",),
               example=_BATCH)],
        "torch:bmm", "Batched matrix product: [B, N, M] x [B, M, P] -> [B, N, P].",
        example="set a [torch::ones {2 2 3}]\nset b [torch::ones {2 3 4}]\n"
                "torch::tensor_shape [torch::tensor_bmm $a $b]"),
    CommandSpec(
        "tensor_size",
        [Param("input", TENSOR, help="tensor handle", aliases=("tensor",)),
         Param("dim", INT, None, "only this dimension's size", example="0")],
        ".kernels.info:size", "The dimensions as a list of integers, or the size of one dimension.",
        returns="value",
        example="set t [torch::zeros {2 3}]\n"
                "list [torch::tensor_size $t] [torch::tensor_size $t 1]"),
]
