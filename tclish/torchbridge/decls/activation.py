"""Activation functions (TCLIBTORCH's activation_functions): torch.nn.functional's,
one declaration each, with PyTorch's parameters and defaults."""

from ..convert import BOOL, DOUBLE, DTYPE, INT, TENSOR, Choice
from ..spec import CommandSpec, Param

_F = "torch.nn.functional:"
_X = "-data {-2.0 -0.5 0.0 0.5 2.0}"
_ROWS = "-data {{1.0 2.0 3.0} {1.0 0.0 -1.0}}"
_MAP = "-data {1.0 2.0 3.0 4.0 5.0 6.0 7.0 8.0} -shape {1 2 2 2}"


def _input(example=_X):
    return Param("input", TENSOR, help="tensor handle", aliases=("tensor",), example=example)


def _example(name, args="", data="{-2.0 -0.5 0.0 0.5 2.0}", shape=""):
    shape = " -shape {%s}" % shape if shape else ""
    return ("set x [torch::tensor_create -data %s%s]\n"
            "torch::tensor_to_list [torch::%s $x%s]" % (data, shape, name,
                                                         " " + args if args else ""))


def _act(name, func, what, extra=(), legacy=(), args="", input_example=_X, **ex):
    return CommandSpec(name, [_input(input_example)] + list(extra), _F + func, what,
                       legacy_names=legacy, example=_example(name, args, **ex))


def _dim(default, help="dimension to normalise over"):
    return Param("dim", INT, default, help, aliases=("dimension",), example="1")


SPECS = [
    _act("celu", "celu", "max(0, x) + min(0, alpha * (exp(x / alpha) - 1)).",
         [Param("alpha", DOUBLE, 1.0, "scale of the negative part", example="0.5")],
         args="0.5"),
    _act("elu", "elu", "x if x > 0 else alpha * (exp(x) - 1).",
         [Param("alpha", DOUBLE, 1.0, "scale of the negative part", example="0.5")],
         legacy=("Elu",), args="1.0"),
    _act("gelu", "gelu", "x * Phi(x), Phi the standard normal CDF (or its tanh approximation).",
         [Param("approximate", Choice("none", "tanh"), "none",
                "none: exact erf form; tanh: the tanh approximation", keyword=True)]),
    _act("glu", "glu", "The gated linear unit: the first half of dim times the sigmoid of "
         "the second half.", [_dim(-1, "dimension split in halves (even size)")],
         input_example="-data {{1.0 2.0 3.0 4.0} {1.0 0.0 -1.0 4.0}}",
         data="{1.0 2.0 3.0 4.0}"),
    _act("hardsigmoid", "hardsigmoid", "relu6(x + 3) / 6.", legacy=("hardSigmoid",)),
    _act("hardswish", "hardswish", "x * relu6(x + 3) / 6.", legacy=("hardSwish",)),
    _act("hardtanh", "hardtanh", "x clipped to [min_val, max_val].",
         [Param("min_val", DOUBLE, -1.0, "lower bound", aliases=("min",), example="-0.5"),
          Param("max_val", DOUBLE, 1.0, "upper bound", aliases=("max",), example="0.5")],
         legacy=("hardTanh",), args="-0.5 0.5"),
    _act("leaky_relu", "leaky_relu", "x if x >= 0 else negative_slope * x.",
         [Param("negative_slope", DOUBLE, 0.01, "slope for negative inputs",
                aliases=("slope",), example="0.2")], args="0.2"),
    CommandSpec(
        "logsoftmax",
        [_input(_ROWS), _dim(-1),
         Param("dtype", DTYPE, None, "compute in this element type", keyword=True)],
        _F + "log_softmax", "log(softmax(x)) along dim, computed stably.",
        legacy_names=("logSoftmax",),
        example=_example("logsoftmax", "1", data="{{1.0 2.0} {3.0 5.0}}")),
    _act("mish", "mish", "x * tanh(softplus(x))."),
    CommandSpec(
        "prelu",
        [_input(),
         Param("weight", TENSOR, help="slope of negative inputs: one value, or one per channel "
               "(dim 1)", example="-data {0.25}")],
        _F + "prelu", "x if x >= 0 else weight * x.",
        example="set x [torch::tensor_create -data {-2.0 1.0}]\n"
                "set w [torch::tensor_create -data {0.25}]\n"
                "torch::tensor_to_list [torch::prelu $x $w]"),
    _act("relu6", "relu6", "min(max(0, x), 6)."),
    _act("rrelu", "rrelu", "Randomised leaky ReLU; outside training the slope is "
         "(lower + upper) / 2 (deterministic).",
         [Param("lower", DOUBLE, 1.0 / 8, "lowest slope", example="0.1"),
          Param("upper", DOUBLE, 1.0 / 3, "highest slope", example="0.3"),
          Param("training", BOOL, False, "draw a random slope per element", keyword=True)],
         legacy=("rRelu",), args="0.1 0.3"),
    _act("selu", "selu", "scale * elu(x, alpha) with the self-normalising constants."),
    _act("silu", "silu", "x * sigmoid(x) (swish).", legacy=("siLU",)),
    CommandSpec(
        "softmax2d",
        [_input(_MAP), _dim(None, "dimension to normalise over (default: the channels, -3, "
                             "of a 3-D or 4-D input as PyTorch's Softmax2d; else 1)")],
        ".kernels.activation:softmax2d", "Softmax over the channels of every spatial location of a "
        "[N, C, H, W] or [C, H, W] input.",
        legacy_names=("softmax2D",),
        example=_example("softmax2d", data="{1.0 2.0 3.0 4.0 5.0 6.0 7.0 8.0}",
                         shape="1 2 2 2")),
    CommandSpec(
        "softmin",
        [_input(_ROWS), _dim(-1),
         Param("dtype", DTYPE, None, "compute in this element type", keyword=True)],
        _F + "softmin", "softmax(-x) along dim.", legacy_names=("softMin",),
        example=_example("softmin", "1", data="{{1.0 2.0} {3.0 5.0}}")),
    _act("softplus", "softplus", "log(1 + exp(beta * x)) / beta; linear above threshold.",
         [Param("beta", DOUBLE, 1.0, "sharpness", example="2.0"),
          Param("threshold", DOUBLE, 20.0, "beta * x above this is taken as linear",
                example="20.0")],
         legacy=("softPlus",)),
    _act("softsign", "softsign", "x / (1 + |x|).", legacy=("softSign",)),
    _act("tanhshrink", "tanhshrink", "x - tanh(x).", legacy=("tanhShrink",)),
    _act("threshold", "threshold", "x if x > threshold else value.",
         [Param("threshold", DOUBLE, help="the threshold", example="0.1"),
          Param("value", DOUBLE, help="what replaces x <= threshold", example="-1.0")],
         legacy=("Threshold",), args="0.1 -1.0"),
]
