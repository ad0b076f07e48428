"""Linear algebra (TCLIBTORCH's linear_algebra and linear_algebra_extensions).

Decompositions return Tcl dicts of handles with TCLIBTORCH's keys
({U .. S .. V ..}, {Q .. R ..}, {eigenvalues .. eigenvectors ..}), so
`dict get`, `lindex $r 1` and its trim-and-split idiom all work."""

from ..convert import BOOL, DOUBLE, INT, INT_OR_INTS, NORM_ORD, TENSOR
from ..spec import CommandSpec, Param

_SQ = "-data {{4.0 1.0} {1.0 3.0}}"          # a symmetric positive definite example
_TRI = "-data {{2.0 0.0} {1.0 3.0}}"
_VEC3 = "-data {1.0 2.0 3.0}"
_RHS = "-data {{1.0 2.0} {3.0 4.0}}"


def _input(help="input tensor", example=_SQ):
    return Param("input", TENSOR, help=help, aliases=("tensor",), example=example)


def _unary(name, func, help, example, returns="tensor", legacy=()):
    return CommandSpec(name, [_input()], func, help, returns=returns, example=example,
                       legacy_names=legacy)


def _pair(name, func, help, example, legacy=()):
    return CommandSpec(
        name,
        [_input("first tensor", _VEC3),
         Param("other", TENSOR, help="second tensor", example="-data {4.0 5.0 6.0}")],
        func, help, example=example, legacy_names=legacy)


def _diagonal(name, func, option, help, example, input_example=_VEC3, legacy=()):
    return CommandSpec(
        name,
        [_input(example=input_example),
         Param(option, INT, 0, "which diagonal (0 main, >0 above, <0 below)")],
        func, help, example=example, legacy_names=legacy)


SPECS = [
    # linear_algebra
    _unary("tensor_cholesky", "torch.linalg:cholesky",
           "The lower Cholesky factor L of a symmetric positive definite matrix (A = L L^T).",
           "set L [torch::tensor_cholesky [torch::tensor_create {{4.0 2.0} {2.0 5.0}}]]"),
    _unary("tensor_eigen", ".kernels.linalg:eigen",
           "Eigenvalues (ascending) and orthonormal eigenvectors of a symmetric matrix "
           "(torch.linalg.eigh), as the dict {eigenvalues H eigenvectors H}.",
           "set r [torch::tensor_eigen [torch::tensor_create {{2.0 1.0} {1.0 2.0}}]]\n"
           "torch::tensor_to_list [dict get $r eigenvalues]", returns="tensors"),
    _unary("tensor_matrix_exp", "torch.linalg:matrix_exp", "The matrix exponential.",
           "set e [torch::tensor_matrix_exp [torch::tensor_create {{0.0 1.0} {0.0 0.0}}]]"),
    CommandSpec(
        "tensor_pinv",
        [_input(), Param("rcond", DOUBLE, None, "relative cutoff for small singular values",
                         aliases=("rtol",))],
        ".kernels.linalg:pinv", "The Moore-Penrose pseudo-inverse (torch.linalg.pinv).",
        example="set p [torch::tensor_pinv [torch::tensor_create {{1.0 2.0} {3.0 4.0} {5.0 6.0}}]]"),
    _unary("tensor_qr", ".kernels.linalg:qr",
           "The reduced QR decomposition A = Q R, as the dict {Q H R H}.",
           "set r [torch::tensor_qr [torch::tensor_create {{1.0 2.0} {3.0 4.0}}]]\n"
           "lassign $r - q - r", returns="tensors"),
    _unary("tensor_svd", ".kernels.linalg:svd",
           "The reduced SVD A = U diag(S) V^T, as the dict {U H S H V H}.",
           "set r [torch::tensor_svd [torch::tensor_create {{1.0 2.0} {3.0 4.0}}]]\n"
           "torch::tensor_to_list [dict get $r S]", returns="tensors"),
    # linear_algebra_extensions
    CommandSpec(
        "cholesky_solve",
        [Param("b", TENSOR, help="right-hand side B", aliases=("B",), example=_RHS),
         Param("l", TENSOR, help="Cholesky factor of A", aliases=("L",), example=_TRI),
         Param("upper", BOOL, False, "L is upper triangular")],
        "torch:cholesky_solve", "Solve A X = B given the Cholesky factor of A.",
        example="set L [torch::tensor_cholesky [torch::tensor_create {{4.0 2.0} {2.0 5.0}}]]\n"
                "set x [torch::cholesky_solve [torch::tensor_create {{1.0 0.0} {2.0 1.0}}] $L]"),
    CommandSpec(
        "cond",
        [_input(), Param("p", NORM_ORD, None, "norm: a number, inf, fro or nuc (default 2)",
                         aliases=("norm",))],
        "torch.linalg:cond", "The condition number of a matrix in the p-norm (torch.linalg.cond).",
        example="set c [torch::cond [torch::tensor_create {{4.0 1.0} {1.0 3.0}}] fro]"),
    CommandSpec(
        "cross",
        [_input("first tensor", _VEC3),
         Param("other", TENSOR, help="second tensor", example="-data {4.0 5.0 6.0}"),
         Param("dim", INT, None, "dimension of size 3 (default: the first such)")],
        ".kernels.linalg:cross", "The cross product of 3-vectors along dim.",
        example="set c [torch::cross [torch::tensor_create {1.0 0.0 0.0}] "
                "[torch::tensor_create {0.0 1.0 0.0}]]"),
    _diagonal("diag", "torch:diag", "diagonal",
              "A 1-D input becomes a diagonal matrix; of a matrix, the diagonal.",
              "set d [torch::diag [torch::tensor_create {1.0 2.0 3.0}]]"),
    _diagonal("diagflat", "torch:diagflat", "offset",
              "A matrix with the flattened input on a diagonal.",
              "set d [torch::diagflat [torch::tensor_create {{1.0 2.0} {3.0 4.0}}] 1]",
              legacy=("diagFlat",)),
    _pair("dot", "torch:dot", "The dot product of two 1-D tensors.",
          "set d [torch::dot [torch::tensor_create {1.0 2.0}] [torch::tensor_create {3.0 4.0}]]"),
    CommandSpec(
        "lstsq",
        [Param("b", TENSOR, help="right-hand side B", aliases=("B",), example=_RHS),
         Param("a", TENSOR, help="coefficient matrix A", aliases=("A",), example=_SQ),
         Param("rcond", DOUBLE, None, "cutoff for small singular values")],
        ".kernels.linalg:lstsq", "The least-squares solution X of A X = B (min ||A X - B||).",
        legacy_names=("leastSquares",),
        example="set A [torch::tensor_create {{1.0 0.0} {0.0 1.0} {1.0 1.0}}]\n"
                "set x [torch::lstsq [torch::tensor_create {1.0 2.0 3.0}] $A]"),
    CommandSpec(
        "lu_solve",
        [Param("b", TENSOR, help="right-hand side B", aliases=("B",), example=_RHS),
         Param("lu_data", TENSOR, help="packed LU factors (torch.linalg.lu_factor)",
               aliases=("LU_data",), example=_TRI),
         Param("lu_pivots", TENSOR, help="pivots from the same factorisation (1-based)",
               aliases=("LU_pivots",), example="-data {1 2} -dtype int32")],
        ".kernels.linalg:lu_solve", "Solve A X = B from A's LU factorisation.",
        example="set lu [torch::tensor_create {{2.0 1.0} {0.5 1.5}}]\n"
                "set piv [torch::tensor_create {1 2} int32]\n"
                "set x [torch::lu_solve [torch::tensor_create {{1.0 0.0} {2.0 1.0}}] $lu $piv]"),
    CommandSpec(
        "matrix_norm",
        [_input(), Param("ord", NORM_ORD, "fro", "fro, nuc, or a number (1, -1, 2, -2, inf, -inf)"),
         Param("dim", INT_OR_INTS, "-2 -1", "the two matrix dimensions"),
         Param("keepdim", BOOL, False, "keep the reduced dimensions")],
        "torch.linalg:matrix_norm", "A matrix norm (torch.linalg.matrix_norm).",
        example="set n [torch::matrix_norm [torch::tensor_create {{1.0 2.0} {3.0 4.0}}] nuc]"),
    CommandSpec(
        "matrix_power",
        [_input(), Param("n", INT, help="exponent (negative: of the inverse)", example="2")],
        "torch.linalg:matrix_power", "The n-th power of a square matrix.",
        example="set p [torch::matrix_power [torch::tensor_create {{1.0 1.0} {0.0 1.0}}] 3]"),
    CommandSpec(
        "matrix_rank",
        [_input(), Param("tol", DOUBLE, None, "absolute tolerance for singular values",
                         aliases=("tolerance", "atol")),
         Param("hermitian", BOOL, False, "the input is Hermitian")],
        ".kernels.linalg:matrix_rank", "The numerical rank (an int64 tensor).",
        example="set r [torch::matrix_rank [torch::tensor_create {{1.0 2.0} {2.0 4.0}}]]"),
    _pair("outer", "torch:outer", "The outer product of two 1-D tensors.",
          "set o [torch::outer [torch::tensor_create {1.0 2.0}] [torch::tensor_create {3.0 4.0 5.0}]]",
          legacy=("Outer",)),
    CommandSpec(
        "solve_triangular",
        [Param("b", TENSOR, help="right-hand side B", aliases=("B",), example=_RHS),
         Param("a", TENSOR, help="triangular matrix A", aliases=("A",), example=_TRI),
         Param("upper", BOOL, True, "A is upper triangular"),
         Param("left", BOOL, True, "solve A X = B (else X A = B)"),
         Param("unitriangular", BOOL, False, "assume ones on A's diagonal")],
        ".kernels.linalg:solve_triangular", "Solve a triangular system (torch.linalg.solve_triangular).",
        example="set A [torch::tensor_create {{2.0 1.0} {0.0 4.0}}]\n"
                "set x [torch::solve_triangular [torch::tensor_create {{3.0 1.0} {4.0 2.0}}] $A]"),
    _unary("trace", "torch:trace", "The sum of the main diagonal of a matrix.",
           "set t [torch::trace [torch::tensor_create {{1.0 2.0} {3.0 4.0}}]]", legacy=("Trace",)),
    _diagonal("tril", "torch:tril", "diagonal", "The lower triangle (below and on diagonal).",
              "set l [torch::tril [torch::tensor_create {{1.0 2.0} {3.0 4.0}}]]", _SQ),
    _diagonal("triu", "torch:triu", "diagonal", "The upper triangle (above and on diagonal).",
              "set u [torch::triu [torch::tensor_create {{1.0 2.0} {3.0 4.0}}] 1]", _SQ),
    CommandSpec(
        "vector_norm",
        [_input(example=_VEC3), Param("ord", NORM_ORD, 2, "the order: a number, inf or -inf"),
         Param("dim", INT_OR_INTS, None, "dimensions to reduce (default all)"),
         Param("keepdim", BOOL, False, "keep the reduced dimensions")],
        "torch.linalg:vector_norm", "A vector norm (torch.linalg.vector_norm).",
        example="set n [torch::vector_norm [torch::tensor_create {3.0 4.0}] 1]"),
]
