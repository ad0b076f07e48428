"""linear_algebra and linear_algebra_extensions against torch called directly."""

import warnings

import pytest

torch = pytest.importorskip("torch")

from lib_check import assert_matches, interp_with, result_of  # noqa: E402
from tclish import TclError  # noqa: E402

D = torch.float64
INPUTS = {
    "A": torch.tensor([[4.0, 1.0], [1.0, 3.0]], dtype=D),          # symmetric positive definite
    "N": torch.tensor([[1.0, 2.0], [3.0, 4.0]], dtype=D),
    "S": torch.tensor([[1.0, 2.0], [2.0, 4.0]], dtype=D),          # singular
    "M": torch.tensor([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]], dtype=D),
    "B": torch.tensor([[1.0, 2.0], [3.0, 5.0]], dtype=D),
    "b3": torch.tensor([1.0, 2.0, 4.0], dtype=D),
    "U": torch.tensor([[2.0, 1.0], [0.0, 4.0]], dtype=D),
    "v": torch.tensor([1.0, 2.0, 3.0], dtype=D),
    "w": torch.tensor([4.0, -5.0, 6.0], dtype=D),
    "V2": torch.tensor([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]], dtype=D),
    "W2": torch.tensor([[0.0, 1.0, 0.0], [0.0, 0.0, 1.0]], dtype=D),
    "X3": torch.arange(1.0, 10.0, dtype=D).reshape(3, 3),
    "batch": torch.arange(1.0, 9.0, dtype=D).reshape(2, 2, 2),
}
I = INPUTS
L_A = torch.linalg.cholesky(I["A"])
LU, PIV = torch.linalg.lu_factor(I["N"])
INPUTS.update(LA=L_A, LAT=L_A.T.contiguous(), LU=LU, PIV=PIV)


def _svd(a):
    u, s, vh = torch.linalg.svd(a, full_matrices=False)
    return {"U": u, "S": s, "V": vh.mH}


def _cross_default(a, b):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return torch.cross(a, b)


CASES = [
    # linear_algebra
    ("torch::tensor_cholesky $A", lambda: torch.linalg.cholesky(I["A"])),
    ("torch::tensorCholesky -input $A", lambda: torch.linalg.cholesky(I["A"])),
    ("torch::tensor_eigen $A", lambda: dict(zip(("eigenvalues", "eigenvectors"),
                                                torch.linalg.eigh(I["A"])))),
    ("torch::tensor_matrix_exp $N", lambda: torch.linalg.matrix_exp(I["N"])),
    ("torch::tensor_pinv $M", lambda: torch.linalg.pinv(I["M"])),
    ("torch::tensor_pinv -input $S -rcond 0.1", lambda: torch.linalg.pinv(I["S"], rtol=0.1)),
    ("torch::tensor_qr $N", lambda: dict(zip("QR", torch.linalg.qr(I["N"])))),
    ("torch::tensor_svd -tensor $M", lambda: _svd(I["M"])),
    # linear_algebra_extensions
    ("torch::cholesky_solve $B $LA", lambda: torch.cholesky_solve(I["B"], L_A)),
    ("torch::choleskySolve -B $B -L $LAT -upper 1",
     lambda: torch.cholesky_solve(I["B"], L_A.T, upper=True)),
    ("torch::cond $N", lambda: torch.linalg.cond(I["N"])),
    ("torch::cond $N fro", lambda: torch.linalg.cond(I["N"], "fro")),
    ("torch::cond -tensor $N -norm 1", lambda: torch.linalg.cond(I["N"], 1)),
    ("torch::cond $N inf", lambda: torch.linalg.cond(I["N"], float("inf"))),
    ("torch::cross $v $w", lambda: torch.linalg.cross(I["v"], I["w"])),
    ("torch::cross -input $V2 -other $W2 -dim 1", lambda: torch.linalg.cross(I["V2"], I["W2"], dim=1)),
    ("torch::cross $V2 $W2", lambda: _cross_default(I["V2"], I["W2"])),
    ("torch::diag $v 1", lambda: torch.diag(I["v"], 1)),
    ("torch::diag -input $X3 -diagonal -1", lambda: torch.diag(I["X3"], -1)),
    ("torch::diagflat $N -1", lambda: torch.diagflat(I["N"], -1)),
    ("torch::diagFlat -input $v", lambda: torch.diagflat(I["v"])),
    ("torch::dot $v $w", lambda: torch.dot(I["v"], I["w"])),
    ("torch::lstsq $b3 $M", lambda: torch.linalg.lstsq(I["M"], I["b3"].unsqueeze(-1))
     .solution.squeeze(-1)),
    ("torch::leastSquares -b $B -a $N -rcond 1e-10",
     lambda: torch.linalg.lstsq(I["N"], I["B"], rcond=1e-10).solution),
    ("torch::lu_solve $B $LU $PIV", lambda: torch.linalg.lu_solve(LU, PIV, I["B"])),
    ("torch::luSolve -B $B -LU_data $LU -LU_pivots $PIV",
     lambda: torch.linalg.lu_solve(LU, PIV, I["B"])),
    ("torch::matrix_norm $N", lambda: torch.linalg.matrix_norm(I["N"])),
    ("torch::matrix_norm $N nuc", lambda: torch.linalg.matrix_norm(I["N"], "nuc")),
    ("torch::matrixNorm -input $batch -ord -inf -dim {1 2} -keepdim 1",
     lambda: torch.linalg.matrix_norm(I["batch"], float("-inf"), (1, 2), True)),
    ("torch::matrix_power $N 3", lambda: torch.linalg.matrix_power(I["N"], 3)),
    ("torch::matrix_power -input $N -n -1", lambda: torch.linalg.matrix_power(I["N"], -1)),
    ("torch::matrix_rank $S", lambda: torch.linalg.matrix_rank(I["S"])),
    ("torch::matrix_rank $N -tol 3.0", lambda: torch.linalg.matrix_rank(I["N"], atol=3.0, rtol=0.0)),
    ("torch::matrixRank -input $A -hermitian 1", lambda: torch.linalg.matrix_rank(I["A"], hermitian=True)),
    ("torch::outer $v $w", lambda: torch.outer(I["v"], I["w"])),
    ("torch::Outer -input $w -other $v", lambda: torch.outer(I["w"], I["v"])),
    ("torch::solve_triangular $B $U", lambda: torch.linalg.solve_triangular(I["U"], I["B"], upper=True)),
    ("torch::solveTriangular -B $B -A $U -upper 1 -left 0 -unitriangular 1",
     lambda: torch.linalg.solve_triangular(I["U"], I["B"], upper=True, left=False, unitriangular=True)),
    ("torch::solve_triangular $B $LA 0", lambda: torch.linalg.solve_triangular(L_A, I["B"], upper=False)),
    ("torch::trace $X3", lambda: torch.trace(I["X3"])),
    ("torch::Trace -input $M", lambda: torch.trace(I["M"])),
    ("torch::tril $X3", lambda: torch.tril(I["X3"])),
    ("torch::tril -input $X3 -diagonal -1", lambda: torch.tril(I["X3"], -1)),
    ("torch::triu $X3 1", lambda: torch.triu(I["X3"], 1)),
    ("torch::vector_norm $w", lambda: torch.linalg.vector_norm(I["w"])),
    ("torch::vector_norm $w inf", lambda: torch.linalg.vector_norm(I["w"], float("inf"))),
    ("torch::vectorNorm -input $batch -ord 1 -dim {0 2} -keepdim 1",
     lambda: torch.linalg.vector_norm(I["batch"], 1, (0, 2), True)),
]


@pytest.fixture(scope="module")
def interp():
    return interp_with(INPUTS)


@pytest.mark.parametrize("script,reference", CASES, ids=[c[0] for c in CASES])
def test_matches_torch(interp, script, reference):
    assert_matches(result_of(interp, script), reference(), 1e-9)


def test_cond_is_the_real_condition_number(interp):
    # ||A|| * ||A^-1||, not TCLIBTORCH's ||A|| / ||pinv(A)||
    n = INPUTS["N"]
    fro = torch.linalg.matrix_norm(n) * torch.linalg.matrix_norm(torch.linalg.inv(n))
    assert_matches(result_of(interp, "torch::cond $N fro"), fro, 1e-9)


def test_lstsq_solves_a_x_equals_b(interp):
    x = result_of(interp, "torch::lstsq -b $B -a $N")
    torch.testing.assert_close(INPUTS["N"] @ x, INPUTS["B"])


def test_decompositions_are_lists_and_dicts_of_live_handles(interp):
    interp.eval("set r [torch::tensor_svd $N]")
    assert interp.eval("llength $r") == "6"
    interp.eval("lassign $r - u - s - v")
    us = result_of(interp, "torch::tensor_matmul $u [torch::diag $s]")
    torch.testing.assert_close(result_of(interp, "torch::tensor_matmul $N $v"), us)   # N V = U S
    # TCLIBTORCH's idiom: trim the braces, split, take every second word
    interp.eval("set parts [split [string trim [torch::tensor_qr $N] {{}}]]")
    q = result_of(interp, "lindex $parts 1")
    assert_matches(q, torch.linalg.qr(INPUTS["N"])[0], 1e-9)


@pytest.mark.parametrize("script,phrase", [
    ("torch::tensor_cholesky nosuch", 'Invalid tensor name "nosuch"'),
    ("torch::dot $v $B", "1D tensors"),
    ("torch::tensor_cholesky $M", "square"),
    ("torch::cross $V2 $W2 5", "out of range"),
    ("torch::matrix_norm $N bogus", "expected a number, inf, fro or nuc"),
    ("torch::diag $v notanint", "expected integer"),
    ("torch::lstsq -b $B", "Missing required parameter: -a"),
    ("torch::matrix_power $N -n", "Missing value for parameter"),
    ("torch::outer -input $v -bogus $w", "Unknown parameter"),
])
def test_bad_input_is_a_tcl_error(interp, script, phrase):
    with pytest.raises(TclError) as e:
        interp.eval(script)
    assert phrase in e.value.message or phrase in str(e.value), str(e.value)
    assert interp.eval("expr {1 + 1}") == "2"       # the interpreter stays usable
