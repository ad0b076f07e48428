"""Convolutions as functions (TCLIBTORCH's extended_convolution_layers): conv1d, conv3d,
the transposed convolutions, fold, and unfold (Tensor.unfold's sliding windows)."""

from ..convert import INT, OPTIONAL_TENSOR, TENSOR, Int, IntOrList
from ..spec import CommandSpec, Param

_F = "torch.nn.functional:"
_ONE = IntOrList(minimum=1)
_PADDING = IntOrList(("same", "valid"), minimum=0)
_PAD = IntOrList(minimum=0)
# [N, C_in, *spatial] inputs and [C_out, C_in, *kernel] weights, all ones-ish and tiny
_IN = {1: ("-data {1.0 2.0 3.0 4.0 5.0 6.0} -shape {1 2 3}", "-data {1.0 0.5 -1.0 2.0} "
           "-shape {1 2 2}"),
       3: ("-data {%s} -shape {1 1 2 2 2}" % " ".join("%d.0" % i for i in range(8)),
           "-data {1.0 -1.0 0.5 2.0 1.0 0.0 1.0 1.0} -shape {1 1 2 2 2}")}
# transposed: weight [C_in, C_out / groups, *kernel]
_INT = {1: ("-data {1.0 2.0 3.0} -shape {1 1 3}", "-data {1.0 0.5} -shape {1 1 2}"),
        2: ("-data {1.0 2.0 3.0 4.0} -shape {1 1 2 2}", "-data {1.0 0.5 -1.0 2.0} "
            "-shape {1 1 2 2}"),
        3: _IN[3]}


def _example(name, pair, args=""):
    return ("set x [torch::tensor_create %s]\nset w [torch::tensor_create %s]\n"
            "torch::tensor_shape [torch::%s $x $w%s]" % (pair[0], pair[1], name, args))


def _conv(n):
    name = "conv%dd" % n
    return CommandSpec(
        name,
        [Param("input", TENSOR, help="[N, C_in, ...] (or unbatched [C_in, ...])",
               aliases=("tensor",), example=_IN[n][0]),
         Param("weight", TENSOR, help="[C_out, C_in / groups, ...kernel]", example=_IN[n][1]),
         Param("bias", OPTIONAL_TENSOR, None, "[C_out], or none", example="-data {0.5}"),
         Param("stride", _ONE, 1, "step of the kernel", example="1"),
         Param("padding", _PADDING, 0, "implicit zero padding, or same / valid", example="0"),
         Param("dilation", _ONE, 1, "spacing of the kernel elements", example="1"),
         Param("groups", Int(1), 1, "split the channels into this many groups", example="1")],
        _F + name, "%d-d convolution (cross-correlation), as torch.nn.functional.%s."
        % (n, name), example=_example(name, _IN[n]))


def _transposed(name, n, legacy=()):
    return CommandSpec(
        name,
        [Param("input", TENSOR, help="[N, C_in, ...] (or unbatched [C_in, ...])",
               aliases=("tensor",), example=_INT[n][0]),
         Param("weight", TENSOR, help="[C_in, C_out / groups, ...kernel]", example=_INT[n][1]),
         Param("bias", OPTIONAL_TENSOR, None, "[C_out], or none", example="-data {0.5}"),
         Param("stride", _ONE, 1, "step of the kernel", example="2"),
         Param("padding", _PAD, 0, "dilation * (kernel - 1) - padding zeros added to both "
               "sides", example="0"),
         Param("output_padding", _PAD, 0, "extra size added to one side of the output",
               example="1"),
         Param("groups", Int(1), 1, "split the channels into this many groups", example="1"),
         Param("dilation", _ONE, 1, "spacing of the kernel elements", example="1")],
        _F + "conv_transpose%dd" % n,
        "%d-d transposed convolution, as torch.nn.functional.conv_transpose%dd." % (n, n),
        legacy_names=legacy, example=_example(name, _INT[n], " none 2"))


SPECS = [
    _conv(1), _conv(3),
    _transposed("conv_transpose1d", 1),
    _transposed("conv_transpose_2d", 2),
    _transposed("conv_transpose3d", 3),
    CommandSpec(
        "fold",
        [Param("input", TENSOR, help="[N, C * prod(kernel_size), L] (or unbatched)",
               aliases=("tensor",), example="-data {%s} -shape {1 4 4}"
               % " ".join("%d.0" % i for i in range(16))),
         Param("output_size", _ONE, help="spatial size of the output {height width}",
               example="3 3"),
         Param("kernel_size", _ONE, help="size of the sliding blocks", example="2 2"),
         Param("dilation", _ONE, 1, "spacing of the block elements", example="1 1"),
         Param("padding", _PAD, 0, "implicit zero padding", example="0 0"),
         Param("stride", _ONE, 1, "step of the blocks", example="1 1")],
        _F + "fold", "Sliding local blocks summed back into a [N, C, height, width] tensor "
        "(the inverse of im2col).", legacy_names=("Fold",),
        example="set x [torch::tensor_create -data {%s} -shape {1 4 4}]\n"
                "torch::tensor_shape [torch::fold $x {3 3} {2 2}]"
                % " ".join("%d.0" % i for i in range(16))),
    CommandSpec(
        "unfold",
        [Param("input", TENSOR, help="tensor handle", aliases=("tensor",),
               example="-data {1.0 2.0 3.0 4.0 5.0 6.0 7.0}"),
         Param("dimension", INT, help="dimension to take windows along", aliases=("dim",),
               example="0"),
         Param("size", Int(0), help="window length", example="3"),
         Param("step", Int(1), help="distance between window starts", example="2")],
        "torch:Tensor.unfold", "Every size-long window of dimension, step apart, in a new "
        "last dimension (Tensor.unfold; a view).",
        example="set x [torch::tensor_create -data {1.0 2.0 3.0 4.0 5.0 6.0 7.0}]\n"
                "torch::tensor_shape [torch::unfold $x 0 3 2]"),
]
