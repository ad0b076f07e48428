"""Element-wise mathematics, comparisons and bit operations (TCLIBTORCH's mathematical_operations).

Almost every command is one torch function; the declarations differ only in
their option spellings, which follow TCLIBTORCH's tests: the one-tensor
functions take `-input` or `-tensor`, comparisons and logical ops
`-input1/-input2` (or `-tensor1/-tensor2`), bitwise ops `-input/-other`.
"""

from ..convert import BOOL, DOUBLE, INT, INT_LIST, TENSOR, TENSOR_OR_SCALAR, Double, Int
from ..spec import CommandSpec as _CommandSpec, Param

# TCLIBTORCH's further names (commands.tsv) that the camelCase rule does not give
_LEGACY = {
    "allclose": ("allClose",), "cummax": ("cumMax",), "cummin": ("cumMin",),
    "cumprod": ("cumProd",), "cumsum": ("cumSum",), "deg2rad": ("deg2Rad",), "eq": ("Eq",),
    "floor": ("Floor",), "frac": ("Frac",), "gt": ("Gt",), "isclose": ("isClose",),
    "isfinite": ("isFinite",), "isinf": ("isInf",), "isnan": ("isNan",),
    "kthvalue": ("kthValue",), "le": ("Le",), "lt": ("Lt",), "ne": ("Ne",), "round": ("Round",),
    "square": ("Square",), "rad2deg": ("radToDeg",), "rsqrt": ("rSqrt",), "sinh": ("siNh",),
    "gradient": ("gradientCmd",),
}


def CommandSpec(name, *args, **kw):
    return _CommandSpec(name, *args, legacy_names=_LEGACY.get(name, ()), **kw)

_K = ".kernels.math:"
_INTS = "-data {12 10 7 3} -dtype int64"
_SHIFTS = "-data {1 2 0 3} -dtype int64"
_BOOLS = "-data {1 0 1 0} -dtype bool"
_BOOLS2 = "-data {1 1 0 0} -dtype bool"
_UNIT = "-data {0.1 0.2 0.5 0.9}"       # inside (-1, 1): asin, acos, atanh
_MATRIX = "-data {{1.0 5.0 2.0} {4.0 3.0 6.0}}"


def _unary(name, func, what, example=None):
    return CommandSpec(
        name, [Param("input", TENSOR, help="tensor handle", aliases=("tensor",), example=example)],
        func, what,
        example="set t [torch::tensor_create -data {0.5 1.0 2.0}]\n"
                "torch::tensor_to_list [torch::%s $t]" % name if example is None else
                "set t [torch::tensor_create %s]\ntorch::tensor_to_list [torch::%s $t]"
                % (example, name))


def _pair(name, func, what, left, right, left_aliases, right_aliases, example, example2=None,
          other_kind=TENSOR, returns="tensor"):
    example2 = example if example2 is None else example2
    return CommandSpec(
        name,
        [Param(left, TENSOR, help="first operand", aliases=left_aliases, example=example),
         Param(right, other_kind, help="second operand", aliases=right_aliases,
               example=example2)],
        func, what, returns=returns,
        example="set a [torch::tensor_create %s]\nset b [torch::tensor_create %s]\n"
                "torch::tensor_to_list [torch::%s $a $b]" % (example, example2, name))


def _compare(name, func, what):
    # TCLIBTORCH: -input1/-input2 or -tensor1/-tensor2; torch: input, other (or a number)
    return _pair(name, func, what, "input", "other", ("input1", "tensor1"),
                 ("input2", "tensor2"), "-data {1.0 2.0 3.0 4.0}", "-data {1.0 3.0 2.0 4.0}",
                 other_kind=TENSOR_OR_SCALAR)


def _logical(name, func, what):
    return _pair(name, func, what, "input", "other", ("input1", "tensor1"),
                 ("input2", "tensor2"), _BOOLS, _BOOLS2)


def _bitwise(name, func, what, example2=_INTS):
    return _pair(name, func, what, "input", "other", ("tensor1",), ("tensor2",), _INTS, example2,
                 other_kind=TENSOR_OR_SCALAR)


def _cumulative(name, func, what):
    return CommandSpec(
        name,
        [Param("input", TENSOR, help="tensor handle", aliases=("tensor",), example=_MATRIX),
         Param("dim", INT, help="dimension to accumulate along (required, as in torch)",
               example="1")],
        func, what,
        returns="tensors" if func.startswith(_K) else "tensor",
        example="set t [torch::tensor_create -data {{1 5 2} {4 3 6}} -dtype float32]\n"
                "torch::tensor_to_list [torch::%s $t 1]" % name)


def _indexed(name, what):
    # cummax/cummin/median_dim/kthvalue: torch gives (values, indices); TCLIBTORCH only the values
    return Param("indices", BOOL, False,
                 "also return the indices: a list {values indices}, as torch's %s" % what,
                 keyword=True)


def _tolerances():
    return [Param("rtol", Double(0.0), 1e-05, "relative tolerance", aliases=("relative_tolerance",),
                  example="0.1"),
            Param("atol", Double(0.0), 1e-08, "absolute tolerance",
                  aliases=("absolute_tolerance",), example="0.1"),
            Param("equal_nan", BOOL, False, "NaN equals NaN", example="1")]


def _close_params():
    return [Param("input", TENSOR, help="first tensor", aliases=("tensor1", "input1"),
                  example="-data {1.0 2.0 3.0 4.0}"),
            Param("other", TENSOR, help="second tensor", aliases=("tensor2", "input2"),
                  example="-data {1.0 2.05 3.0 4.5}")] + _tolerances()


def _std_var(name, func, what):
    return CommandSpec(
        name,
        [Param("input", TENSOR, help="tensor handle", aliases=("tensor",), example=_MATRIX),
         Param("dim", INT_LIST, help="dimension (or list of dimensions) to reduce", example="1"),
         Param("unbiased", BOOL, True, "divide by N-1 (Bessel's correction) instead of N",
               example="0"),
         Param("keepdim", BOOL, False, "keep the reduced dimension with size 1", example="1")],
        func, what,
        example="set t [torch::tensor_create -data {{1 2 3} {4 5 9}} -dtype float32]\n"
                "torch::tensor_to_list [torch::%s $t 1]" % name)


SPECS = [
    # trigonometric and hyperbolic
    _unary("sin", "torch:sin", "The sine (radians), element-wise."),
    _unary("cos", "torch:cos", "The cosine (radians), element-wise."),
    _unary("tan", "torch:tan", "The tangent (radians), element-wise."),
    _unary("asin", "torch:asin", "The arcsine, element-wise (NaN outside [-1, 1]).", _UNIT),
    _unary("acos", "torch:acos", "The arccosine, element-wise (NaN outside [-1, 1]).", _UNIT),
    _unary("atan", "torch:atan", "The arctangent, element-wise."),
    _unary("sinh", "torch:sinh", "The hyperbolic sine, element-wise."),
    _unary("cosh", "torch:cosh", "The hyperbolic cosine, element-wise."),
    _unary("asinh", "torch:asinh", "The inverse hyperbolic sine, element-wise."),
    _unary("acosh", "torch:acosh", "The inverse hyperbolic cosine, element-wise (NaN below 1).",
           "-data {1.0 1.5 2.0 4.0}"),
    _unary("atanh", "torch:atanh", "The inverse hyperbolic tangent, element-wise.", _UNIT),
    _pair("atan2", "torch:atan2", "atan(y / x) in the right quadrant, element-wise (broadcast).",
          "y", "x", ("input1", "input"), ("input2", "other"), "-data {1.0 -1.0 1.0 -1.0}",
          "-data {1.0 1.0 -1.0 -1.0}"),
    _unary("deg2rad", "torch:deg2rad", "Degrees to radians, element-wise.",
           "-data {0.0 90.0 180.0 360.0}"),
    _unary("rad2deg", "torch:rad2deg", "Radians to degrees, element-wise."),
    # exponents and logarithms
    _unary("exp2", "torch:exp2", "2 to the power input, element-wise."),
    _unary("exp10", _K + "exp10", "10 to the power input, element-wise."),
    _unary("expm1", "torch:expm1", "exp(input) - 1, accurate near 0, element-wise."),
    _unary("log2", "torch:log2", "The base-2 logarithm, element-wise."),
    _unary("log10", "torch:log10", "The base-10 logarithm, element-wise."),
    _unary("log1p", "torch:log1p", "log(1 + input), accurate near 0, element-wise."),
    _pair("pow", "torch:pow", "base to the power exponent, element-wise (broadcast; the exponent "
          "may be a number).", "base", "exponent", ("input1", "input"), ("input2", "other"),
          "-data {1.0 2.0 3.0 4.0}", "-data {2.0 0.5 2.0 -1.0}", other_kind=TENSOR_OR_SCALAR),
    _unary("rsqrt", "torch:rsqrt", "1 / sqrt(input), element-wise."),
    _unary("square", "torch:square", "input * input, element-wise."),
    # rounding
    _unary("floor", "torch:floor", "The largest integer not above each element."),
    _unary("ceil", "torch:ceil", "The smallest integer not below each element."),
    CommandSpec(
        "round",
        [Param("input", TENSOR, help="tensor handle", aliases=("tensor",),
               example="-data {0.5 1.5 2.45 -2.5}"),
         Param("decimals", INT, 0, "round to this many decimal places", keyword=True,
               example="1")],
        "torch:round", "Round to the nearest integer (half to even), or to `decimals` places.",
        example="set t [torch::tensor_create -data {0.5 1.5 2.5 -2.5}]\n"
                "torch::tensor_to_list [torch::round $t]"),
    _unary("trunc", "torch:trunc", "The integer part (rounded toward zero), element-wise."),
    _unary("frac", "torch:frac", "input - trunc(input): the fractional part, element-wise.",
           "-data {1.25 -2.5 3.0 0.75}"),
    # comparisons
    _compare("eq", "torch:eq", "1 where input == other (a bool tensor; other may be a number)."),
    _compare("ne", "torch:ne", "1 where input != other (a bool tensor; other may be a number)."),
    _compare("lt", "torch:lt", "1 where input < other (a bool tensor; other may be a number)."),
    _compare("le", "torch:le", "1 where input <= other (a bool tensor; other may be a number)."),
    _compare("gt", "torch:gt", "1 where input > other (a bool tensor; other may be a number)."),
    _compare("ge", "torch:ge", "1 where input >= other (a bool tensor; other may be a number)."),
    CommandSpec("isclose", _close_params(), "torch:isclose",
                "1 where |input - other| <= atol + rtol * |other| (a bool tensor).",
                example="set a [torch::tensor_create -data {1.0 2.0 3.0}]\n"
                        "set b [torch::tensor_create -data {1.0 2.1 3.0}]\n"
                        "torch::tensor_to_list [torch::isclose $a $b -rtol 0.01]"),
    CommandSpec("allclose", _close_params(), "torch:allclose",
                "1 if every element of input is close to other (as isclose), else 0.",
                returns="value",
                example="set a [torch::tensor_create -data {1.0 2.0 3.0}]\n"
                        "set b [torch::tensor_create -data {1.0 2.0000001 3.0}]\n"
                        "torch::allclose $a $b"),
    _unary("isnan", "torch:isnan", "1 where the element is NaN (a bool tensor).",
           "-data {1.0 NaN Inf -Inf}"),
    _unary("isinf", "torch:isinf", "1 where the element is +Inf or -Inf (a bool tensor).",
           "-data {1.0 NaN Inf -Inf}"),
    _unary("isfinite", "torch:isfinite", "1 where the element is neither Inf nor NaN.",
           "-data {1.0 NaN Inf -Inf}"),
    # logical (any dtype: nonzero is true) and bitwise (integers and bools)
    _logical("logical_and", "torch:logical_and", "Element-wise AND of truth values (bool)."),
    _logical("logical_or", "torch:logical_or", "Element-wise OR of truth values (bool)."),
    _logical("logical_xor", "torch:logical_xor", "Element-wise XOR of truth values (bool)."),
    _unary("logical_not", "torch:logical_not", "Element-wise NOT of truth values (bool).", _BOOLS),
    _bitwise("bitwise_and", "torch:bitwise_and", "Bitwise AND of integer or bool tensors."),
    _bitwise("bitwise_or", "torch:bitwise_or", "Bitwise OR of integer or bool tensors."),
    _bitwise("bitwise_xor", "torch:bitwise_xor", "Bitwise XOR of integer or bool tensors."),
    _unary("bitwise_not", "torch:bitwise_not", "Bitwise NOT of an integer or bool tensor.",
           _INTS),
    _bitwise("bitwise_left_shift", "torch:bitwise_left_shift",
             "input shifted left by other bits (integers).", _SHIFTS),
    _bitwise("bitwise_right_shift", "torch:bitwise_right_shift",
             "input shifted right by other bits (arithmetic shift for signed integers).", _SHIFTS),
    # cumulative
    _cumulative("cumsum", "torch:cumsum", "Running sums along dim."),
    _cumulative("cumprod", "torch:cumprod", "Running products along dim."),
    CommandSpec(
        "cummax",
        [Param("input", TENSOR, help="tensor handle", aliases=("tensor",), example=_MATRIX),
         Param("dim", INT, help="dimension to accumulate along (required, as in torch)",
               example="1"),
         _indexed("cummax", "cummax")],
        _K + "cummax", "Running maxima along dim (with -indices 1: {values indices}).",
        returns="tensors",
        example="set t [torch::tensor_create -data {1 5 2 6} -dtype float32]\n"
                "lassign [torch::cummax $t 0 -indices 1] values indices\n"
                "torch::tensor_to_list $indices"),
    CommandSpec(
        "cummin",
        [Param("input", TENSOR, help="tensor handle", aliases=("tensor",), example=_MATRIX),
         Param("dim", INT, help="dimension to accumulate along (required, as in torch)",
               example="1"),
         _indexed("cummin", "cummin")],
        _K + "cummin", "Running minima along dim (with -indices 1: {values indices}).",
        returns="tensors",
        example="set t [torch::tensor_create -data {5 3 4 1} -dtype float32]\n"
                "torch::tensor_to_list [torch::cummin $t 0]"),
    CommandSpec(
        "diff",
        [Param("input", TENSOR, help="tensor handle", aliases=("tensor",), example=_MATRIX),
         Param("n", Int(0), 1, "how many times to take differences", example="1"),
         Param("dim", INT, -1, "dimension along which to take differences", example="0")],
        "torch:diff", "n-th forward differences along dim (n fewer elements).",
        example="set t [torch::tensor_create -data {1 2 4 7 11} -dtype float32]\n"
                "torch::tensor_to_list [torch::diff $t]"),
    CommandSpec(
        "gradient",
        [Param("input", TENSOR, help="tensor handle", aliases=("tensor",), example=_MATRIX),
         Param("spacing", DOUBLE, None, "distance between samples (default 1)", example="0.5"),
         Param("dim", INT, None, "differentiate along this dimension only (default: every one)",
               aliases=("dimension",), example="1"),
         Param("edge_order", Int(1), 1, "1 or 2: accuracy at the edges", keyword=True)],
        _K + "gradient",
        "torch.gradient: central differences inside, one-sided at the edges (the input's shape). "
        "One tensor along dim or for a 1-d input; otherwise a list, one tensor per dimension.",
        returns="tensors",
        example="set t [torch::tensor_create -data {1 2 4 7 11} -dtype float32]\n"
                "torch::tensor_to_list [torch::gradient $t]"),
    # reductions along a dimension
    CommandSpec(
        "mean_dim",
        [Param("input", TENSOR, help="tensor handle", aliases=("tensor",), example=_MATRIX),
         Param("dim", INT_LIST, help="dimension (or list of dimensions) to reduce", example="1"),
         Param("keepdim", BOOL, False, "keep the reduced dimension with size 1", example="1")],
        "torch:mean", "The mean along dim (floating point and complex tensors).",
        example="set t [torch::tensor_create -data {{1 2 3} {4 5 6}} -dtype float32]\n"
                "torch::tensor_to_list [torch::mean_dim $t 1]"),
    _std_var("std_dim", _K + "std", "The standard deviation along dim."),
    _std_var("var_dim", _K + "var", "The variance along dim."),
    CommandSpec(
        "median_dim",
        [Param("input", TENSOR, help="tensor handle", aliases=("tensor",), example=_MATRIX),
         Param("dim", INT, help="dimension to reduce", example="1"),
         Param("keepdim", BOOL, False, "keep the reduced dimension with size 1", example="1"),
         _indexed("median_dim", "median")],
        _K + "median", "The median along dim (the lower of the two middle values for an even "
        "count), with -indices 1: {values indices}.", returns="tensors",
        example="set t [torch::tensor_create -data {{1 5 2} {4 3 6}} -dtype float32]\n"
                "torch::tensor_to_list [torch::median_dim $t 1]"),
    CommandSpec(
        "kthvalue",
        [Param("input", TENSOR, help="tensor handle", aliases=("tensor",), example=_MATRIX),
         Param("k", Int(1), help="which smallest value (1 = the minimum)", example="2"),
         Param("dim", INT, -1, "dimension to search along", example="1"),
         Param("keepdim", BOOL, False, "keep the reduced dimension with size 1", example="1"),
         _indexed("kthvalue", "kthvalue")],
        _K + "kthvalue", "The k-th smallest value along dim (with -indices 1: {values indices}).",
        returns="tensors",
        example="set t [torch::tensor_create -data {{1 5 2} {4 3 6}} -dtype float32]\n"
                "torch::tensor_to_list [torch::kthvalue $t 2 1]"),
]
