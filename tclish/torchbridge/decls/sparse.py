"""Sparse tensors, COO, CSR and CSC (TCLIBTORCH's sparse_tensor_operations): torch.sparse's
values; a reshape that remaps the indices."""

from ..convert import BOOL, DEVICE, DOUBLE, DTYPE, INT, INT_LIST, SHAPE, TENSOR
from ..spec import CommandSpec, Param

_K = ".kernels.sparse:"
_COO = "-data {{0 1 1} {2 0 2}} -dtype int64"
_VALUES = "-data {3.0 4.0 5.0}"
_SPARSE = "-data {{0 0 3} {4 0 5}}"


def _options():
    return [Param("dtype", DTYPE, None, "element type (default: the values')"),
            Param("device", DEVICE, None, "device (default: the values')"),
            Param("requires_grad", BOOL, False, "track gradients")]


def _compressed(name, first, second, what, examples):
    return CommandSpec(
        name,
        [Param(first, TENSOR, help="compressed %s indices" % what,
               example="-data {%s} -dtype int64" % examples[0]),
         Param(second, TENSOR, help="plain indices",
               example="-data {%s} -dtype int64" % examples[1]),
         Param("values", TENSOR, help="non-zero values", example=_VALUES),
         Param("size", SHAPE, help="dense shape", example="2 3")] + _options(),
        _K + name.split("_")[1], "A sparse %s tensor." % name.split("_")[1].upper())


def _sparse_input(name="input", aliases=("tensor", "sparse_tensor")):
    return Param(name, TENSOR, help="sparse tensor", aliases=aliases, example=_SPARSE)


SPECS = [
    CommandSpec("sparse_coo_tensor",
                [Param("indices", TENSOR, help="indices, [ndim, nnz] int64", example=_COO),
                 Param("values", TENSOR, help="values, [nnz]", example=_VALUES),
                 Param("size", SHAPE, help="dense shape", example="2 3")] + _options(),
                _K + "coo", "A sparse COO tensor from indices and values.",
                example="set i [torch::tensor_create -data {{0 1} {1 0}} -dtype int64]\n"
                        "set s [torch::sparse_coo_tensor $i [torch::ones 2] {2 2}]\n"
                        "torch::tensor_to_list [torch::sparse_to_dense $s]"),
    _compressed("sparse_csr_tensor", "crow_indices", "col_indices", "row", ("0 2 3", "0 2 1")),
    _compressed("sparse_csc_tensor", "ccol_indices", "row_indices", "column",
                ("0 1 2 3", "1 0 1")),
    CommandSpec("sparse_to_dense", [_sparse_input()], ".kernels.sparse:dense",
                "The dense tensor."),
    CommandSpec("sparse_coalesce", [_sparse_input()], _K + "coalesce",
                "Duplicate indices summed, indices sorted."),
    CommandSpec("sparse_add",
                [Param("tensor1", TENSOR, help="sparse or dense tensor", aliases=("input",),
                       example=_SPARSE),
                 Param("tensor2", TENSOR, help="tensor of the same shape", aliases=("other",),
                       example=_SPARSE),
                 Param("alpha", DOUBLE, 1.0, "multiplier of tensor2")],
                _K + "add", "tensor1 + alpha * tensor2."),
    CommandSpec("sparse_mm",
                [Param("sparse_tensor", TENSOR, help="sparse [n, m]", aliases=("input",),
                       example=_SPARSE),
                 Param("dense_tensor", TENSOR, help="dense [m, p]", aliases=("other",),
                       example="-data {{1.0 0.0} {0.0 1.0} {1.0 1.0}}")],
                _K + "mm", "The matrix product of a sparse and a dense matrix."),
    CommandSpec("sparse_sum", [_sparse_input(), Param("dim", INT_LIST, None, "dimensions to sum")],
                _K + "sparse_sum", "The sum of all elements, or over dims (sparse result)."),
    CommandSpec("sparse_softmax", [_sparse_input(), Param("dim", INT, help="dimension",
                                                          example="1")],
                _K + "softmax", "Softmax over the specified elements only."),
    CommandSpec("sparse_log_softmax", [_sparse_input(), Param("dim", INT, help="dimension",
                                                              example="1")],
                _K + "log_softmax", "Log-softmax over the specified elements only."),
    CommandSpec("sparse_mask",
                [Param("tensor", TENSOR, help="dense tensor", aliases=("input",),
                       example="-data {{1.0 2.0 3.0} {4.0 5.0 6.0}}"),
                 Param("mask", TENSOR, help="sparse tensor whose pattern to keep", example=_SPARSE)],
                _K + "mask", "The dense tensor's values where the mask has elements (sparse)."),
    CommandSpec("sparse_transpose",
                [_sparse_input("tensor", ("input", "sparse_tensor")),
                 Param("dim0", INT, help="first dimension", example="0"),
                 Param("dim1", INT, help="second dimension", example="1")],
                _K + "transpose", "The tensor with two dimensions swapped."),
    CommandSpec("sparse_reshape", [_sparse_input(), Param("shape", INT_LIST, help="new shape",
                                                          example="3 2")],
                _K + "reshape", "The same elements in a new shape (row-major order kept)."),
]

# examples (docs/torch.md shows them; tests/torchbridge/test_torch_docs.py runs them)
_EXAMPLES = {
    'sparse_add':
        'set i [torch::tensor_create -data {{0 1 1} {2 0 2}} -dtype int64]\nset s [torch::sparse_coo_tensor $i [torch::tensor_create {3.0 4.0 5.0}] {2 3}]\ntorch::tensor_to_list [torch::sparse_to_dense [torch::sparse_add $s $s]]',
    'sparse_coalesce':
        'set i [torch::tensor_create -data {{0 1 1} {2 0 2}} -dtype int64]\nset s [torch::sparse_coo_tensor $i [torch::tensor_create {3.0 4.0 5.0}] {2 3}]\ntorch::tensor_to_list [torch::sparse_to_dense [torch::sparse_coalesce $s]]',
    'sparse_csc_tensor':
        'set c [torch::tensor_create -data {0 1 2 3} -dtype int64]\nset r [torch::tensor_create -data {1 0 1} -dtype int64]\ntorch::tensor_to_list [torch::sparse_to_dense [torch::sparse_csc_tensor $c $r [torch::tensor_create {1.0 2.0 3.0}] {2 3}]]',
    'sparse_csr_tensor':
        'set c [torch::tensor_create -data {0 2 3} -dtype int64]\nset r [torch::tensor_create -data {0 2 1} -dtype int64]\ntorch::tensor_to_list [torch::sparse_to_dense [torch::sparse_csr_tensor $c $r [torch::tensor_create {1.0 2.0 3.0}] {2 3}]]',
    'sparse_log_softmax':
        'set i [torch::tensor_create -data {{0 1 1} {2 0 2}} -dtype int64]\nset s [torch::sparse_coo_tensor $i [torch::tensor_create {3.0 4.0 5.0}] {2 3}]\ntorch::tensor_shape [torch::sparse_log_softmax $s 1]',
    'sparse_mask':
        'set i [torch::tensor_create -data {{0 1 1} {2 0 2}} -dtype int64]\nset s [torch::sparse_coo_tensor $i [torch::tensor_create {3.0 4.0 5.0}] {2 3}]\ntorch::tensor_to_list [torch::sparse_to_dense [torch::sparse_mask [torch::ones {2 3}] $s]]',
    'sparse_mm':
        'set i [torch::tensor_create -data {{0 1 1} {2 0 2}} -dtype int64]\nset s [torch::sparse_coo_tensor $i [torch::tensor_create {3.0 4.0 5.0}] {2 3}]\ntorch::tensor_to_list [torch::sparse_mm $s [torch::ones {3 1}]]',
    'sparse_reshape':
        'set i [torch::tensor_create -data {{0 1 1} {2 0 2}} -dtype int64]\nset s [torch::sparse_coo_tensor $i [torch::tensor_create {3.0 4.0 5.0}] {2 3}]\ntorch::tensor_to_list [torch::sparse_to_dense [torch::sparse_reshape $s {3 2}]]',
    'sparse_softmax':
        'set i [torch::tensor_create -data {{0 1 1} {2 0 2}} -dtype int64]\nset s [torch::sparse_coo_tensor $i [torch::tensor_create {3.0 4.0 5.0}] {2 3}]\ntorch::tensor_shape [torch::sparse_softmax $s 1]',
    'sparse_sum':
        'set i [torch::tensor_create -data {{0 1 1} {2 0 2}} -dtype int64]\nset s [torch::sparse_coo_tensor $i [torch::tensor_create {3.0 4.0 5.0}] {2 3}]\ntorch::tensor_item [torch::sparse_sum $s]',
    'sparse_to_dense':
        'set i [torch::tensor_create -data {{0 1 1} {2 0 2}} -dtype int64]\nset s [torch::sparse_coo_tensor $i [torch::tensor_create {3.0 4.0 5.0}] {2 3}]\ntorch::tensor_to_list [torch::sparse_to_dense $s]',
    'sparse_transpose':
        'set i [torch::tensor_create -data {{0 1 1} {2 0 2}} -dtype int64]\nset s [torch::sparse_coo_tensor $i [torch::tensor_create {3.0 4.0 5.0}] {2 3}]\ntorch::tensor_shape [torch::sparse_transpose $s 0 1]',
}
for _spec in SPECS:
    _spec.example = _spec.example or _EXAMPLES.get(_spec.name, "")
