"""Element-wise arithmetic and reshaping: tensor_add, tensor_sub, tensor_mul, tensor_div,
tensor_reshape."""

from ..convert import DOUBLE, INT_LIST, TENSOR, TENSOR_OR_SCALAR
from ..spec import CommandSpec, Param


def _binary(name, func, what, alpha=False, input_alias=(), other_alias=()):
    params = [Param("input", TENSOR, help="left operand", aliases=input_alias),
              Param("other", TENSOR_OR_SCALAR, help="right operand: a tensor or a number",
                    aliases=other_alias, example="-data {2.0 2.0 2.0 2.0}")]
    if alpha:
        params.append(Param("alpha", DOUBLE, 1.0, "multiplier of other"))
    return CommandSpec(name, params, func, what)


SPECS = [
    _binary("tensor_add", ".kernels.arithmetic:add", "input + alpha * other.", alpha=True,
            input_alias=("input1",), other_alias=("input2",)),
    _binary("tensor_sub", ".kernels.arithmetic:sub", "input - alpha * other.", alpha=True),
    _binary("tensor_mul", "torch:mul", "input * other, element-wise."),
    _binary("tensor_div", "torch:div", "input / other, element-wise (true division)."),
    CommandSpec(
        "tensor_reshape",
        [Param("input", TENSOR, help="tensor to reshape", aliases=("tensor",)),
         Param("shape", INT_LIST, help="new shape; one dimension may be -1",
               example="2 2")],
        "torch:reshape", "The same values with a new shape (a view when possible)."),
]
