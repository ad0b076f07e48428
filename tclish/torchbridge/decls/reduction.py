"""Reductions: tensor_sum, tensor_mean, tensor_max, tensor_min."""

from ..convert import INT, TENSOR
from ..spec import CommandSpec, Param


def _reduction(name, what):
    return CommandSpec(
        name,
        [Param("input", TENSOR, help="tensor to reduce", aliases=("tensor",)),
         Param("dim", INT, None, "reduce only this dimension", example="0")],
        ".kernels.reduction:" + name[len("tensor_"):],
        "The %s of all elements, or along dim." % what,
        example="set t [torch::tensor_create -data {{1.0 5.0} {3.0 2.0}}]\n"
                "list [torch::tensor_item [torch::%s $t]] "
                "[torch::tensor_to_list [torch::%s $t 0]]" % (name, name))


SPECS = [
    _reduction("tensor_sum", "sum"),
    _reduction("tensor_mean", "mean"),
    _reduction("tensor_max", "maximum"),
    _reduction("tensor_min", "minimum"),
]
