"""Padding layers as functions (TCLIBTORCH's padding_layers): reflection, replication,
circular and zero padding in 1, 2 and 3 dimensions, as torch.nn's ReflectionPad1d ...
ZeroPad3d compute them."""

from ..convert import INT_LIST, TENSOR
from ..spec import CommandSpec, Param

_MODES = (("reflection", "reflected at the edges (edge not repeated)"),
          ("replication", "the edge values repeated"),
          ("circular", "wrapped around (the other side's values)"),
          ("zero", "zeros"))
_SIDES = ("left right", "left right top bottom", "left right top bottom front back")
_INPUTS = ("-data {1.0 2.0 3.0 4.0 5.0 6.0} -shape {1 2 3}",
           "-data {1.0 2.0 3.0 4.0 5.0 6.0 7.0 8.0 9.0} -shape {1 1 3 3}",
           "-data {1.0 2.0 3.0 4.0 5.0 6.0 7.0 8.0} -shape {1 1 2 2 2}")


def _spec(mode, what, n):
    name = "%s_pad%dd" % (mode, n)
    ones = " ".join(["1"] * (2 * n))
    return CommandSpec(
        name,
        [Param("input", TENSOR, help="[N, C, ...] or [C, ...] with %d spatial dimension%s"
               % (n, "s" if n > 1 else ""), aliases=("tensor",), example=_INPUTS[n - 1]),
         Param("padding", INT_LIST, help="{%s}: one value per side" % _SIDES[n - 1],
               aliases=("pad",), example=ones)],
        ".kernels.padding:" + name,
        "The last %d dimension%s padded with %s." % (n, "s" if n > 1 else "", what),
        example="set x [torch::tensor_create %s]\ntorch::tensor_shape [torch::%s $x {%s}]"
                % (_INPUTS[n - 1], name, ones))


SPECS = [_spec(mode, what, n) for mode, what in _MODES for n in (1, 2, 3)]
