"""Pooling as functions (TCLIBTORCH's extended_pooling_layers): average, max, adaptive,
fractional and power-average pooling in 1-3 dimensions, as torch.nn.functional's."""

from ..convert import BOOL, INT_OR_LIST, TENSOR, Double, DoubleOrList, Int, IntOrList
from ..spec import CommandSpec, Param

_F = "torch.nn.functional:"
_INPUTS = {1: ("-data {1.0 2.0 3.0 4.0 5.0 6.0 7.0 8.0} -shape {1 2 4}", "{1 2 4}"),
           2: ("-data {1.0 2.0 3.0 4.0 5.0 6.0 7.0 8.0 9.0 10.0 11.0 12.0 13.0 14.0 15.0 16.0} "
               "-shape {1 1 4 4}", "{1 1 4 4}"),
           3: ("-data {1.0 2.0 3.0 4.0 5.0 6.0 7.0 8.0 9.0 10.0 11.0 12.0 13.0 14.0 15.0 16.0} "
               "-shape {1 1 2 2 4}", "{1 1 2 2 4}"),
           # fractional pooling in 3-d needs every spatial size above the window
           "3f": ("-data {%s} -shape {1 1 3 3 3}" % " ".join("%d.0" % i for i in range(27)),
                  "{1 1 3 3 3}")}
_KERNEL = IntOrList(minimum=1)
_STRIDE = IntOrList(minimum=1)


def _input(n, example=None):
    return Param("input", TENSOR, help="[N, C, ...] or [C, ...] with %d spatial dimension%s"
                 % (n, "s" if n > 1 else ""), aliases=("tensor",),
                 example=_INPUTS[example or n][0])


def _example(name, n, args):
    data, shape = _INPUTS[n][0].split(" -shape ")
    return ("set x [torch::tensor_create %s -shape %s]\n"
            "torch::tensor_shape [torch::%s $x %s]" % (data, shape, name, args))


def _return_indices():
    return Param("return_indices", BOOL, False, "also return the indices of the maxima "
                 "(a list: values indices)")


def _adaptive(kind, n):
    name = "adaptive_%spool%dd" % (kind, n)
    params = [_input(n), Param("output_size", INT_OR_LIST, help="output size (one integer: "
                               "every spatial dimension)", example="2")]
    if kind == "max":
        params.append(_return_indices())
    return CommandSpec(
        name, params, _F + "adaptive_%s_pool%dd" % (kind, n),
        "%s pooling to a fixed output size." % ("Average" if kind == "avg" else "Max"),
        returns="tensors" if kind == "max" else "tensor",
        example=_example(name, n, "2"))


def _avgpool(n):
    name = "avgpool%dd" % n
    params = [_input(n),
              Param("kernel_size", _KERNEL, help="window size", example="2"),
              Param("stride", _STRIDE, None, "window step (default: kernel_size)", example="2"),
              Param("padding", INT_OR_LIST, 0, "implicit zero padding on both sides",
                    example="0"),
              Param("count_include_pad", BOOL, True, "count the padding in the average",
                    keyword=True),
              Param("ceil_mode", BOOL, False, "round the output size up", keyword=True)]
    if n > 1:
        params.append(Param("divisor_override", Int(1), None, "divide by this instead of the "
                            "window size", keyword=True))
    return CommandSpec(name, params, _F + "avg_pool%dd" % n,
                       "Average pooling over %d spatial dimension%s." % (n, "s" if n > 1 else ""),
                       legacy_names=("avgPool%dd" % n,), example=_example(name, n, "2"))


def _fractional(n):
    name = "fractional_maxpool%dd" % n
    return CommandSpec(
        name,
        [_input(n, "3f" if n == 3 else None),
         Param("kernel_size", _KERNEL, help="window size", example="2"),
         # nn.FractionalMaxPool%dd's range (the functional form gives an empty
         # output for 0 and fails on a list of the wrong length)
         Param("output_ratio", DoubleOrList(count=n, open_range=(0, 1)), 0.5,
               "output size as a fraction of the input size, in (0, 1): one number or "
               "one per spatial dimension", example="0.5"),
         Param("output_size", IntOrList(minimum=1), None, "output size (wins over "
               "output_ratio)"),
         _return_indices()],
        ".kernels.pooling_ext:fractional_max_pool%dd" % n,
        "Fractional max pooling (Graham): pseudo-random window positions drawn from torch's "
        "generator.", returns="tensors", deterministic=False,
        example=_example(name, "3f" if n == 3 else n, "2"))


def _lppool(n):
    name = "lppool%dd" % n
    return CommandSpec(
        name,
        [_input(n),
         # torch divides by p (1/p power): p = 0 would be Python's ZeroDivisionError
         Param("norm_type", Double(nonzero=True), help="p: the power of the average (not 0)",
               example="2.0"),
         Param("kernel_size", _KERNEL, help="window size", example="2"),
         Param("stride", _STRIDE, None, "window step (default: kernel_size)", example="2"),
         Param("ceil_mode", BOOL, False, "round the output size up")],
        _F + "lp_pool%dd" % n,
        "Power-average pooling: (sum of x^p over the window)^(1/p).",
        legacy_names=("lpPool%dd" % n,), example=_example(name, n, "2.0 2"))


SPECS = [
    _adaptive("avg", 1), _adaptive("avg", 3), _adaptive("max", 1), _adaptive("max", 3),
    _avgpool(1), _avgpool(2), _avgpool(3),
    _fractional(2), _fractional(3),
    _lppool(1), _lppool(2), _lppool(3),
    CommandSpec(
        "maxpool2d",
        [_input(2),
         Param("kernel_size", _KERNEL, help="window size", example="2"),
         Param("stride", _STRIDE, None, "window step (default: kernel_size)", example="2"),
         Param("padding", INT_OR_LIST, 0, "implicit -inf padding on both sides", example="0"),
         Param("dilation", IntOrList(minimum=1), 1, "spacing of the window elements"),
         Param("ceil_mode", BOOL, False, "round the output size up"),
         _return_indices()],
        _F + "max_pool2d", "Max pooling over 2 spatial dimensions.", returns="tensors",
        legacy_names=("maxPool2d",), example=_example("maxpool2d", 2, "2")),
]
