"""Reductions: tensor_sum, tensor_mean, tensor_max, tensor_min."""

from ..convert import INT, TENSOR
from ..spec import CommandSpec, Param


def _reduction(name, what):
    return CommandSpec(
        name,
        [Param("input", TENSOR, help="tensor to reduce", aliases=("tensor",)),
         Param("dim", INT, None, "reduce only this dimension", example="0")],
        ".kernels.reduction:" + name[len("tensor_"):],
        "The %s of all elements, or along dim." % what)


SPECS = [
    _reduction("tensor_sum", "sum"),
    _reduction("tensor_mean", "mean"),
    _reduction("tensor_max", "maximum"),
    _reduction("tensor_min", "minimum"),
]
