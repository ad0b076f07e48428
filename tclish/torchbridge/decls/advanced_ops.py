"""Statistics, selection and layout (TCLIBTORCH's advanced_tensor_ops): median, mode,
quantile, variance and standard deviation, where, repeat, expand, contiguity.
(tensor_index_select of this family is declared in manipulation.py.)"""

from ..convert import (BOOL, INT, INT_LIST, INT_OR_LIST, TENSOR, TENSOR_OR_SCALAR,
                       Choice, DoubleOrList)
from ..spec import CommandSpec, Param

_K = ".kernels.advanced_ops:"
_MATRIX = "-data {{1.0 5.0 2.0} {4.0 3.0 6.0}}"


def _input(example=_MATRIX):
    return Param("input", TENSOR, help="tensor handle", aliases=("tensor",), example=example)


def _script(call, data="{{1.0 5.0 2.0} {4.0 3.0 6.0}}"):
    return "set x [torch::tensor_create -data %s]\n%s" % (data, call)


def _indices():
    return Param("indices", BOOL, False, "also return the indices (a list: values indices)",
                 aliases=("return_indices",))


def _spread(name, func, what):
    return CommandSpec(
        name,
        [_input(),
         Param("dim", INT_OR_LIST, None, "dimension(s) to reduce (default: all)",
               aliases=("dimension",), keyword=True, example="1"),
         Param("unbiased", BOOL, True, "divide by N - 1 (Bessel's correction) instead of N",
               keyword=True, example="1"),
         Param("keepdim", BOOL, False, "keep the reduced dimensions with size 1",
               keyword=True)],
        _K + func, what,
        example=_script("torch::tensor_to_list [torch::%s $x 1]" % name))


SPECS = [
    CommandSpec(
        "tensor_contiguous", [_input()], "torch:Tensor.contiguous",
        "The tensor with its elements in row-major order in memory (itself if already so).",
        example=_script("torch::tensor_is_contiguous [torch::tensor_contiguous "
                        "[torch::tensor_permute $x {1 0}]]")),
    CommandSpec(
        "tensor_expand",
        [_input("-data {1.0 2.0}"),
         Param("sizes", INT_LIST, help="new shape; -1 keeps a dimension", aliases=("shape",),
               example="3 2")],
        "torch:Tensor.expand", "A broadcast view with size-1 dimensions repeated.",
        example=_script("torch::tensor_shape [torch::tensor_expand $x {3 2}]", "{1.0 2.0}")),
    CommandSpec(
        "tensor_is_contiguous", [_input()], "torch:Tensor.is_contiguous",
        "1 if the elements are in row-major order in memory, else 0.", returns="value",
        example=_script("torch::tensor_is_contiguous [torch::tensor_permute $x {1 0}]")),
    CommandSpec(
        "tensor_is_cuda", [_input()], _K + "is_cuda", "1 if the tensor is on a CUDA device, "
        "else 0.", returns="value", example=_script("torch::tensor_is_cuda $x")),
    CommandSpec(
        "tensor_median",
        [_input(),
         Param("dim", INT, None, "dimension to reduce (default: all elements)",
               aliases=("dimension",), example="1"),
         Param("keepdim", BOOL, False, "keep the reduced dimension with size 1"),
         _indices()],
        _K + "median", "The median (the lower of the two middle values for an even count).",
        returns="tensors",
        example=_script("torch::tensor_to_list [torch::tensor_median $x 1]")),
    CommandSpec(
        "tensor_mode",
        [_input(),
         Param("dim", INT, -1, "dimension to reduce", aliases=("dimension",), example="1"),
         Param("keepdim", BOOL, False, "keep the reduced dimension with size 1"),
         _indices()],
        _K + "mode", "The most frequent value along dim (the smallest among ties).",
        returns="tensors",
        example=_script("torch::tensor_to_list [torch::tensor_mode $x 1]",
                        "{{1.0 2.0 2.0} {3.0 3.0 1.0}}")),
    CommandSpec(
        "tensor_quantile",
        [_input(),
         Param("q", DoubleOrList(), help="quantile(s) in [0, 1]", aliases=("quantile",),
               example="0.25"),
         Param("dim", INT, None, "dimension to reduce (default: all elements)",
               aliases=("dimension",), example="1"),
         Param("keepdim", BOOL, False, "keep the reduced dimension with size 1"),
         Param("interpolation", Choice("linear", "lower", "higher", "midpoint", "nearest"),
               "linear", "between two data points")],
        _K + "quantile", "The q-th quantiles (floating-point input).",
        example=_script("torch::tensor_to_list [torch::tensor_quantile $x 0.5 1]")),
    CommandSpec(
        "tensor_repeat",
        [_input(), Param("repeats", INT_LIST, help="times to repeat along each dimension",
                         example="2 1")],
        "torch:Tensor.repeat", "The tensor tiled repeats times along each dimension (a copy).",
        example=_script("torch::tensor_shape [torch::tensor_repeat $x {2 2}]")),
    _spread("tensor_std", "std", "The standard deviation of all elements, or along dim."),
    _spread("tensor_var", "var", "The variance of all elements, or along dim."),
    CommandSpec(
        "tensor_where",
        [Param("condition", TENSOR, help="where true (non-zero) take x, else y",
               example="-data {1 0 1} -dtype bool"),
         Param("x", TENSOR_OR_SCALAR, help="values where condition holds (tensor or number)",
               example="-data {1.0 2.0 3.0}"),
         Param("y", TENSOR_OR_SCALAR, help="values elsewhere (tensor or number)",
               example="-data {-1.0 -2.0 -3.0}")],
        _K + "where", "x where condition, else y, broadcast together.",
        example="set c [torch::tensor_create -data {1 0 1} -dtype bool]\n"
                "set x [torch::tensor_create -data {1.0 2.0 3.0}]\n"
                "torch::tensor_to_list [torch::tensor_where $c $x 0.0]"),
]
