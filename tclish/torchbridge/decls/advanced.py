"""TCLIBTORCH's advanced_tensor_operations: stacking, splitting, block_diag, normalize,
unique, multi-dim (un)squeeze, advanced indexing and sparse creation.
tensor_norm and tensor_slice are declared with the older commands (arithmetic.py,
manipulation.py).  Splits return Tcl lists of handles; tensor_unique with -returnInverse or
-returnCounts the dict {unique H inverse H counts H}."""

from ..convert import (BOOL, INT, INT_LIST, INT_OR_INTS, NORM_ORD, SHAPE, SHAPES, TENSOR,
                       TENSOR_LIST, TENSORS, Int)
from ..spec import CommandSpec, Param

_M = "-data {{1.0 2.0 3.0 4.0} {5.0 6.0 7.0 8.0}}"
_M3 = "-data {{{1.0 2.0 3.0 4.0} {5.0 6.0 7.0 8.0}}}"


def _input(example=_M):
    return Param("input", TENSOR, help="input tensor", aliases=("tensor",), example=example)


def _stack(name, func, help, legacy=()):
    return CommandSpec(
        name, [Param("tensors", TENSORS, help="tensors (or one list of them)", aliases=("inputs",))],
        func if ":" in func else "torch:" + func, help, legacy_names=legacy,
        example="set s [torch::%s [torch::tensor_create {1.0 2.0}] [torch::tensor_create {3.0 4.0}]]"
                % name)


def _split(name, func, help, example=_M, legacy=()):
    return CommandSpec(
        name,
        [_input(example),
         Param("sections", INT_OR_INTS, None, "equal parts, or a list of split indices",
               aliases=("indices_or_sections",), example="2"),
         Param("indices", INT_LIST, None, "split before these indices")],
        ".kernels.advanced:" + func, help, returns="tensors", legacy_names=legacy,
        example="set parts [torch::%s [torch::tensor_create {%s}] 2]\nllength $parts"
                % (name, example[len("-data {"):-1]))


SPECS = [
    _stack("block_diag", ".kernels.advanced:block_diag", "A block-diagonal matrix of the given tensors."),
    CommandSpec(
        "broadcast_shapes", [Param("shapes", SHAPES, help="shapes to broadcast together")],
        ".kernels.advanced:broadcast_shapes", "The shape the given shapes broadcast to.",
        returns="value", example="torch::broadcast_shapes {2 1} {1 3}"),
    _stack("column_stack", "column_stack", "Stack 1-D tensors as columns (torch.column_stack)."),
    _stack("dstack", "dstack", "Stack along the third dimension (torch.dstack).", ("dStack",)),
    _stack("hstack", "hstack", "Stack horizontally (torch.hstack).", ("hStack",)),
    _stack("row_stack", "vstack", "Stack as rows (torch.row_stack, the same as vstack)."),
    _stack("vstack", "vstack", "Stack vertically (torch.vstack).", ("vStack",)),
    _split("dsplit", "dsplit", "Split along the third dimension (torch.dsplit).", _M3),
    _split("hsplit", "hsplit", "Split horizontally (torch.hsplit).", legacy=("hSplit",)),
    _split("vsplit", "vsplit", "Split vertically (torch.vsplit).", legacy=("vSplit",)),
    CommandSpec(
        "tensor_split",
        [_input(), Param("sections", INT_OR_INTS, None, "equal parts, or a list of split indices",
                         aliases=("indices_or_sections",), example="2"),
         Param("dim", INT, 0, "dimension", aliases=("dimension",)),
         Param("indices", INT_LIST, None, "split before these indices")],
        ".kernels.advanced:tensor_split",
        "Split into parts (torch.tensor_split: sizes differ by at most one).", returns="tensors",
        example="set parts [torch::tensor_split [torch::tensor_create {1 2 3 4 5}] 2]\n"
                "llength $parts"),
    CommandSpec(
        "sparse_tensor_create",
        [Param("indices", TENSOR, help="indices (ndim, nnz)", example="-data {{0 1} {1 0}} -dtype int64"),
         Param("values", TENSOR, help="values (nnz)", example="-data {3.0 4.0}"),
         Param("size", SHAPE, help="dense shape", example="2 2")],
        ".kernels.advanced:sparse_tensor_create", "A sparse COO tensor (torch.sparse_coo_tensor).",
        example="set i [torch::tensor_create {{0 1} {1 0}} int64]\n"
                "set s [torch::sparse_tensor_create $i [torch::tensor_create {3.0 4.0}] {2 2}]"),
    CommandSpec(
        "squeeze_multiple",
        [_input("-data {{{1.0 2.0}}}"), Param("dims", INT_LIST, None, "dimensions to squeeze (default all)")],
        ".kernels.advanced:squeeze_multiple",
        "Remove the named size-1 dimensions (all of them by default).",
        example="set s [torch::squeeze_multiple [torch::tensor_create {{{1.0 2.0}}}] {0 1}]"),
    CommandSpec(
        "unsqueeze_multiple",
        [_input("-data {1.0 2.0}"),
         Param("dims", INT_LIST, help="where the new dimensions go: d >= 0 before "
               "dimension d of the input (its rank: at the end), d < 0 counted from the end "
               "of the result", example="0 1")],
        ".kernels.advanced:unsqueeze_multiple",
        "Insert size-1 dimensions: torch.unsqueeze for each dim in descending order "
        "({0 2} on 2x3 gives 1x2x3x1, {-1 -3} gives 2x1x3x1).",
        example="set u [torch::unsqueeze_multiple [torch::tensor_create {1.0 2.0}] {0 1}]"),
    CommandSpec(
        "tensor_advanced_index",
        [_input(), Param("indices", TENSOR_LIST, help="index tensors, one per leading dimension",
                         example="-data {1 0} -dtype int64")],
        ".kernels.advanced:advanced_index", "Advanced (integer-array) indexing: input[i0, i1, ...].",
        example="set t [torch::tensor_create {{1.0 2.0} {3.0 4.0}}]\n"
                "set r [torch::tensor_advanced_index $t [list [torch::tensor_create {1 0} int64]]]"),
    CommandSpec(
        "tensor_normalize",
        [_input(), Param("p", NORM_ORD, 2, "order of the norm"),
         Param("dim", INT, None, "dimension (default: the norm of all elements)")],
        ".kernels.advanced:normalize",
        "Divide by the p-norm along dim (torch.nn.functional.normalize, eps 1e-12), or by "
        "the p-norm of all elements.",
        example="set n [torch::tensor_normalize [torch::tensor_create {3.0 4.0}]]"),
    CommandSpec(
        "tensor_unique",
        [_input("-data {3.0 1.0 3.0 2.0}"), Param("sorted", BOOL, True, "sort the unique values"),
         Param("return_inverse", BOOL, False, "also the index of each element in unique"),
         Param("return_counts", BOOL, False, "also how often each unique value occurs"),
         Param("dim", INT, None, "unique slices along dim (default: elements)")],
        ".kernels.advanced:unique",
        "The unique values (torch.unique); with -returnInverse or -returnCounts the dict "
        "{unique H inverse H counts H}.", returns="tensors",
        example="set r [torch::tensor_unique [torch::tensor_create {3 1 3 2}] 1 1]\n"
                "torch::tensor_to_list [dict get $r inverse]"),
]
