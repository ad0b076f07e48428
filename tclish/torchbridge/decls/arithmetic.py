"""Arithmetic and reshaping: tensor_add, tensor_sub, tensor_mul, tensor_div, tensor_reshape,
the element-wise functions tensor_abs, tensor_exp, tensor_log, tensor_sqrt, tensor_sigmoid,
tensor_relu, tensor_tanh, and tensor_clamp, tensor_matmul, tensor_norm."""

from ..convert import DOUBLE, INT, INT_LIST, TENSOR, TENSOR_OR_SCALAR
from ..spec import CommandSpec, Param


def _binary(name, func, what, alpha=None, input_alias=(), other_alias=()):
    """`alpha`: the torch function the kernel `func` calls when alpha is 1 (its
    default), for a command that has TCLIBTORCH's alpha parameter."""
    params = [Param("input", TENSOR, help="left operand", aliases=input_alias),
              Param("other", TENSOR_OR_SCALAR, help="right operand: a tensor or a number",
                    aliases=other_alias, example="-data {2.0 2.0 2.0 2.0}")]
    if alpha:
        params.append(Param("alpha", DOUBLE, 1.0, "multiplier of other"))
    return CommandSpec(name, params, func, what, bare_func=alpha,
                       example="set a [torch::tensor_create -data {1.0 2.0 3.0}]\n"
                               "set b [torch::tensor_create -data {4.0 5.0 6.0}]\n"
                               "torch::tensor_to_list [torch::%s $a $b]" % name)


def _unary(name, func, what):
    # TCLIBTORCH: `torch::tensor_exp tensor` or `-input tensor`
    return CommandSpec(name, [Param("input", TENSOR, help="tensor handle", aliases=("tensor",))],
                       func, what,
                       example="set t [torch::tensor_create -data {0.5 1.0 4.0}]\n"
                               "torch::tensor_to_list [torch::%s $t]" % name)


SPECS = [
    _binary("tensor_add", ".kernels.arithmetic:add", "input + alpha * other.", alpha="torch:add",
            input_alias=("input1",), other_alias=("input2",)),
    _binary("tensor_sub", ".kernels.arithmetic:sub", "input - alpha * other.", alpha="torch:sub"),
    _binary("tensor_mul", "torch:mul", "input * other, element-wise."),
    _binary("tensor_div", "torch:div", "input / other, element-wise (true division)."),
    CommandSpec(
        "tensor_reshape",
        [Param("input", TENSOR, help="tensor to reshape", aliases=("tensor",)),
         Param("shape", INT_LIST, help="new shape; one dimension may be -1",
               example="2 2")],
        "torch:reshape", "The same values with a new shape (a view when possible).",
        example="torch::tensor_shape [torch::tensor_reshape [torch::ones 6] {2 -1}]"),
    _unary("tensor_abs", "torch:abs", "|input|, element-wise."),
    _unary("tensor_exp", "torch:exp", "e to the power input, element-wise."),
    _unary("tensor_log", "torch:log", "The natural logarithm, element-wise."),
    _unary("tensor_sqrt", "torch:sqrt", "The square root, element-wise."),
    _unary("tensor_sigmoid", "torch:sigmoid", "1 / (1 + exp(-input)), element-wise."),
    _unary("tensor_relu", "torch:relu", "max(input, 0), element-wise."),
    _unary("tensor_tanh", "torch:tanh", "The hyperbolic tangent, element-wise."),
    CommandSpec(
        "tensor_clamp",
        [Param("input", TENSOR, help="tensor handle", aliases=("tensor",)),
         Param("min", DOUBLE, None, "lower bound (none if empty)", example="1.5"),
         Param("max", DOUBLE, None, "upper bound (none if empty)", example="3.5")],
        ".kernels.manipulation:clamp",
        "Values limited to [min, max]; with neither bound, a copy.",
        example="set t [torch::tensor_create -data {1.0 2.0 3.0 4.0}]\n"
                "torch::tensor_to_list [torch::tensor_clamp $t 1.5 3.5]"),
    CommandSpec(
        "tensor_matmul",
        [Param("input", TENSOR, help="left operand"),
         Param("other", TENSOR, help="right operand")],
        "torch:matmul",
        "Matrix product, as torch.matmul (dot product for two vectors, batched for more "
        "dimensions).",
        example="set a [torch::tensor_create -data {{1.0 2.0} {3.0 4.0}}]\n"
                "torch::tensor_to_list [torch::tensor_matmul $a $a]"),
    CommandSpec(
        "tensor_norm",
        [Param("input", TENSOR, help="tensor handle", aliases=("tensor",)),
         Param("p", DOUBLE, 2.0, "order of the norm", example="1.0"),
         Param("dim", INT, None, "reduce only this dimension", example="0")],
        "torch:norm",
        "The p-norm of all elements, or along dim."),
]

# examples (docs/torch.md shows them; tests/torchbridge/test_torch_docs.py runs them)
_EXAMPLES = {
    'tensor_norm':
        'torch::tensor_item [torch::tensor_norm [torch::tensor_create {3.0 4.0}]]',
}
for _spec in SPECS:
    _spec.example = _spec.example or _EXAMPLES.get(_spec.name, "")
