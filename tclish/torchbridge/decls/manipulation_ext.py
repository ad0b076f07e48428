"""More manipulation (TCLIBTORCH's tensor_manipulation_extensions): atleast_Nd, broadcasting,
products and combinations, einsum, flips, rolls, rotations, N-d gather/scatter, tensordot."""

from ..convert import BOOL, INT, INT_LIST, STRING, TENSOR, TENSORS, Int
from ..spec import CommandSpec, Param

_K = ".kernels.manipulation_ext:"
_MATRIX = "-data {{1.0 2.0} {3.0 4.0}}"
_VEC = "-data {1.0 2.0 3.0}"


def _input(example=_MATRIX, help="tensor handle"):
    return Param("input", TENSOR, help=help, aliases=("tensor",), example=example)


def _script(setup, call):
    return "\n".join("set %s [torch::tensor_create %s]" % (v, d) for v, d in setup) + \
        "\n" + call


def _atleast(n):
    name = "atleast_%dd" % n
    return CommandSpec(
        name, [_input("-data {5.0}")], "torch:" + name,
        "The tensor viewed with at least %d dimension%s (new dimensions of size 1)."
        % (n, "s" if n > 1 else ""),         example=_script([("x", "-data {1.0 2.0}")],
                        "torch::tensor_shape [torch::%s $x]" % name))


_TENSORS_HELP = "tensor handles (positionally: one word each; by name: a list)"

SPECS = [
    _atleast(1), _atleast(2), _atleast(3),
    CommandSpec(
        "broadcast_tensors",
        [Param("tensors", TENSORS, help=_TENSORS_HELP, example=_VEC)],
        _K + "broadcast_tensors", "The tensors expanded to their common broadcast shape "
        "(a list of handles).", returns="tensors",
        example=_script([("a", "-data {1.0 2.0} -shape {2 1}"), ("b", _VEC)],
                        "lmap t [torch::broadcast_tensors $a $b] {torch::tensor_shape $t}"
                        ).replace("lmap t [torch::broadcast_tensors $a $b] "
                                  "{torch::tensor_shape $t}",
                                  "lassign [torch::broadcast_tensors $a $b] x y\n"
                                  "list [torch::tensor_shape $x] [torch::tensor_shape $y]")),
    CommandSpec(
        "cartesian_prod",
        [Param("tensors", TENSORS, help=_TENSORS_HELP + " (1-D)", example=_VEC)],
        _K + "cartesian_prod", "Every combination of one element of each 1-D tensor, "
        "as rows.",
        example=_script([("a", "-data {1 2}"), ("b", "-data {3 4}")],
                        "torch::tensor_to_list [torch::cartesian_prod $a $b]")),
    CommandSpec(
        "combinations",
        [_input(_VEC, "1-D tensor"),
         Param("r", Int(0), 2, "elements per combination", example="2"),
         Param("with_replacement", BOOL, False, "allow an element more than once",
               aliases=("replacement",))],
        "torch:combinations", "All r-element combinations of the elements, as rows "
        "(itertools.combinations order).",
        example=_script([("a", "-data {1 2 3}")],
                        "torch::tensor_to_list [torch::combinations $a 2]")),
    CommandSpec(
        "einsum",
        [Param("equation", STRING, help="subscripts, e.g. ij,jk->ik", example="ij,jk->ik"),
         Param("tensors", TENSORS, help=_TENSORS_HELP, example=_MATRIX)],
        "torch:einsum", "Einstein summation over the operands.", legacy_names=("Einsum",),
        example=_script([("a", _MATRIX), ("b", _MATRIX)],
                        "torch::tensor_to_list [torch::einsum ij,jk->ik $a $b]")),
    CommandSpec(
        "flip",
        [_input(), Param("dims", INT_LIST, help="dimensions to reverse",
                         aliases=("dimensions",), example="0")],
        "torch:flip", "The elements in reverse order along dims (a copy).",
        legacy_names=("Flip",),
        example=_script([("x", _MATRIX)], "torch::tensor_to_list [torch::flip $x {0 1}]")),
    CommandSpec(
        "gather_nd",
        [_input("-data {10.0 20.0 30.0 40.0}"),
         Param("indices", TENSOR, help="integer tensor [..., K]: index tuples into the first "
               "K dimensions (a 1-D tensor: indices into dimension 0)",
               example="-data {3 1} -dtype int64")],
        _K + "gather_nd", "N-d gather: out[i...] = input[indices[i..., :]], shape "
        "indices.shape[:-1] + input.shape[K:].",
        example=_script([("x", _MATRIX), ("i", "-data {{0 1} {1 0}} -dtype int64")],
                        "torch::tensor_to_list [torch::gather_nd $x $i]")),
    CommandSpec(
        "kron",
        [_input(), Param("other", TENSOR, help="tensor handle", example=_MATRIX)],
        "torch:kron", "The Kronecker product.",
        example=_script([("a", _MATRIX), ("b", "-data {{0.0 1.0} {1.0 0.0}}")],
                        "torch::tensor_shape [torch::kron $a $b]")),
    CommandSpec(
        "meshgrid",
        [Param("tensors", TENSORS, help=_TENSORS_HELP + " (1-D)", example=_VEC)],
        _K + "meshgrid", "Coordinate grids of the 1-D tensors, matrix (ij) indexing "
        "(a list of handles).", returns="tensors", legacy_names=("meshGrid",),
        example=_script([("x", "-data {1 2 3}"), ("y", "-data {4 5}")],
                        "lassign [torch::meshgrid $x $y] gx gy\ntorch::tensor_shape $gx")),
    CommandSpec(
        "narrow_copy",
        [_input(), Param("dim", INT, help="dimension to narrow", aliases=("dimension",),
                         example="1"),
         Param("start", INT, help="first index (negative: from the end)", example="0"),
         Param("length", Int(0), help="number of elements", example="1")],
        "torch:narrow_copy", "length elements from start along dim (a copy).",
        example=_script([("x", _MATRIX)], "torch::tensor_to_list [torch::narrow_copy $x 1 1 1]")),
    CommandSpec(
        "roll",
        [_input(), Param("shifts", INT_LIST, help="places to shift (one per dim)",
                         example="1"),
         Param("dims", INT_LIST, None, "dimensions to roll (default: the flattened tensor)",
               example="0")],
        "torch:roll", "Elements shifted cyclically along dims.", legacy_names=("Roll",),
        example=_script([("x", _VEC)], "torch::tensor_to_list [torch::roll $x 1]")),
    CommandSpec(
        "rot90",
        [_input(), Param("k", INT, 1, "number of quarter turns", example="1"),
         Param("dims", INT_LIST, [0, 1], "the plane to rotate in (two dimensions)",
               example="0 1")],
        "torch:rot90", "Rotation by k * 90 degrees from the first towards the second of "
        "dims.", legacy_names=("Rot90",),
        example=_script([("x", _MATRIX)], "torch::tensor_to_list [torch::rot90 $x]")),
    CommandSpec(
        "scatter_nd",
        [_input("-data {1.0 2.0 3.0 4.0}"),
         Param("indices", TENSOR, help="integer tensor [..., K]: index tuples (a 1-D "
               "tensor: indices into dimension 0)", example="-data {0 2} -dtype int64"),
         Param("updates", TENSOR, help="values, shape indices.shape[:-1] + input.shape[K:]",
               example="-data {10.0 30.0}")],
        _K + "scatter_nd", "A copy of input with out[indices[i..., :]] = updates[i...].",
        example=_script([("x", _MATRIX), ("i", "-data {{0 1} {1 0}} -dtype int64"),
                         ("u", "-data {7.0 8.0}")],
                        "torch::tensor_to_list [torch::scatter_nd $x $i $u]")),
    CommandSpec(
        "take_along_dim",
        [_input(), Param("indices", TENSOR, help="integer tensor of indices",
                         example="-data {{0 1} {1 0}} -dtype int64"),
         Param("dim", INT, None, "dimension to select along (default: the flattened tensor)",
               aliases=("dimension",), example="1")],
        "torch:take_along_dim", "Values at the indices along dim (torch.take_along_dim).",
        example=_script([("x", _MATRIX), ("i", "-data {1 0} -shape {2 1} -dtype int64")],
                        "torch::tensor_to_list [torch::take_along_dim $x $i 1]")),
    CommandSpec(
        "tensordot",
        [Param("a", TENSOR, help="left tensor", example=_MATRIX),
         Param("b", TENSOR, help="right tensor", example=_MATRIX),
         Param("dims", INT_LIST, None, "dimensions of a to contract (also those of b unless "
               "dims_b is given); default: the last two of a with the first two of b",
               example="1 0"),
         Param("dims_b", INT_LIST, None, "dimensions of b to contract, paired with dims")],
        _K + "tensordot", "The sum of products over the contracted dimensions.",
        legacy_names=("tensorDot",),
        example=_script([("a", _MATRIX), ("b", _MATRIX)],
                        "torch::tensor_to_list [torch::tensordot $a $b 1 -dims_b 0]")),
]
