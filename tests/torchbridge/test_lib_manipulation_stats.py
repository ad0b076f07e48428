"""Manipulation (tensor_manipulation_extensions) and statistics (advanced_tensor_ops)
commands against torch called directly: one row per command (Tcl script, reference)."""

import pytest

torch = pytest.importorskip("torch")

from libref import assert_same, run  # noqa: E402

g = torch.Generator().manual_seed(3)
A = torch.randn(2, 3, generator=g)
B = torch.randn(3, 2, generator=g)
C = torch.randn(3, 1, generator=g)
U = torch.tensor([1.0, 2.0, 3.0])
W = torch.tensor([4.0, 5.0])
G = torch.arange(24.0).reshape(2, 3, 4)
IDX = torch.tensor([[1, 2], [0, 0], [1, 0]])
P = torch.tensor([[2, 0, 1], [1, 1, 0]])
COND = torch.tensor([[True, False, True], [False, False, True]])
T = dict(a=A, b=B, c=C, u=U, w=W, g=G, idx=IDX, p=P, cond=COND, s=torch.tensor(2.5))


def _scatter_nd():
    out = G.clone()
    out[1, 2] = torch.full((4,), -1.0)
    out[0, 0] = torch.full((4,), -2.0)
    return out


ROWS = [
    ("torch::atleast_1d $s", lambda: torch.atleast_1d(T["s"])),
    ("torch::atleast2d $u", lambda: torch.atleast_2d(U)),
    ("torch::atleast_3d $a", lambda: torch.atleast_3d(A)),
    ("torch::broadcast_tensors $c $u", lambda: torch.broadcast_tensors(C, U)),
    ("torch::cartesian_prod $u $w", lambda: torch.cartesian_prod(U, W)),
    ("torch::cartesianProd -tensors [list $u $w $u]", lambda: torch.cartesian_prod(U, W, U)),
    ("torch::combinations $u", lambda: torch.combinations(U)),
    ("torch::combinations $u 2 1", lambda: torch.combinations(U, 2, True)),
    ("torch::einsum ij,jk->ik $a $b", lambda: torch.einsum("ij,jk->ik", A, B)),
    ("torch::Einsum -equation ii-> -tensors [torch::tensor_matmul $a $b]",
     lambda: torch.einsum("ii->", A @ B)),
    ("torch::flip $g {0 2}", lambda: torch.flip(G, [0, 2])),
    ("torch::gather_nd $g $idx", lambda: G[IDX[:, 0], IDX[:, 1]]),
    ("torch::gather_nd $u [torch::tensor_create -data {2 0} -dtype int64]", lambda: U[[2, 0]]),
    ("torch::kron $a $b", lambda: torch.kron(A, B)),
    ("torch::narrow_copy $g 2 1 2", lambda: torch.narrow_copy(G, 2, 1, 2)),
    ("torch::roll $g 1", lambda: torch.roll(G, 1)),
    ("torch::roll $g {1 -2} {0 2}", lambda: torch.roll(G, (1, -2), (0, 2))),
    ("torch::rot90 $a", lambda: torch.rot90(A)),
    ("torch::Rot90 -input $g -k 3 -dims {1 2}", lambda: torch.rot90(G, 3, [1, 2])),
    ("torch::scatter_nd $g [torch::tensor_create -data {{1 2} {0 0}} -dtype int64]"
     " [torch::tensor_create -data {{-1 -1 -1 -1} {-2 -2 -2 -2}}]", _scatter_nd),
    ("torch::take_along_dim $a $p 1", lambda: torch.take_along_dim(A, P, 1)),
    ("torch::take_along_dim $a $p", lambda: torch.take_along_dim(A, P)),
    ("torch::tensordot $a $a", lambda: torch.tensordot(A, A, 2)),
    ("torch::tensordot $a $b 1 -dimsB 0", lambda: torch.tensordot(A, B, ([1], [0]))),
    ("torch::tensordot $a $a {0 1}", lambda: torch.tensordot(A, A, ([0, 1], [0, 1]))),
    # advanced_tensor_ops
    ("torch::tensor_contiguous [torch::tensor_permute $a {1 0}]",
     lambda: A.t().contiguous()),
    ("torch::tensor_expand $c {2 3 4}", lambda: C.expand(2, 3, 4)),
    ("torch::tensor_median $a", lambda: torch.median(A)),
    ("torch::tensor_median $a 1", lambda: torch.median(A, 1).values),
    ("torch::tensorMedian -input $a -dim 0 -keepdim 1 -indices 1",
     lambda: tuple(torch.median(A, 0, True))),
    ("torch::tensor_mode [torch::tensor_create -data {{1 2 2} {3 3 1}}]",
     lambda: torch.mode(torch.tensor([[1.0, 2, 2], [3, 3, 1]])).values),
    ("torch::tensor_quantile $a 0.3", lambda: torch.quantile(A, 0.3)),
    ("torch::tensor_quantile $a {0.25 0.75} 1 -interpolation nearest",
     lambda: torch.quantile(A, torch.tensor([0.25, 0.75]), 1, interpolation="nearest")),
    ("torch::tensor_repeat $a {2 1 2}", lambda: A.repeat(2, 1, 2)),
    ("torch::tensor_std $g", lambda: torch.std(G)),
    ("torch::tensor_std $g 1 0", lambda: torch.std(G, 1, unbiased=False)),
    ("torch::tensor_var $g {0 2} -keepdim 1", lambda: torch.var(G, (0, 2), keepdim=True)),
    ("torch::tensorVar -input $a -dim 1", lambda: torch.var(A, 1)),
    ("torch::tensor_where $cond $a 0.0", lambda: torch.where(COND, A, 0.0)),
    ("torch::tensor_where [torch::tensor_create -data {1 0 2}] $u -1",
     lambda: torch.where(torch.tensor([True, False, True]), U, -1)),
]


@pytest.mark.parametrize("script,reference", ROWS, ids=[r[0] for r in ROWS])
def test_command_matches_torch(script, reference):
    _, got = run(script, **T)
    assert_same(got, reference(), 1e-6)


def test_multi_tensor_results_are_lists_of_live_handles():
    interp, got = run("torch::meshgrid $u $w", u=U, w=W)
    assert_same(got, torch.meshgrid(U, W, indexing="ij"), 0)
    assert interp.eval("llength $r") == "2"
    assert interp.eval("torch::tensor_shape [lindex $r 1]") == "3 2"
    # TCLIBTORCH's idiom: trim and split the text, the names still find the tensors
    assert interp.eval('lassign [split [string trim $r "{}"]] gx gy; torch::tensor_shape $gy') \
        == "3 2"


def test_spread_of_one_element_is_nan_without_warning_text():
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("error")          # a warning would fail the command
        _, got = run("torch::tensor_var $s", s=torch.tensor([42.0]))
        assert torch.isnan(got)
        _, got = run("torch::tensor_std $s 0 0", s=torch.tensor([42.0]))
        assert got.item() == 0.0


def test_values_queries_return_tcl_booleans():
    interp, got = run("torch::tensor_is_contiguous [torch::tensor_permute $a {1 0}]", a=A)
    assert got == "0"
    assert interp.eval("torch::tensor_is_contiguous $a") == "1"
    assert interp.eval("torch::tensorIsCuda $a") == "0"


@pytest.mark.parametrize("script,needle", [
    ("torch::flip nosuch {0}", 'Invalid tensor name "nosuch"'),
    ("torch::kron $a", "Usage: torch::kron"),
    ("torch::einsum ij,jk->ik $a $a", "einsum"),                 # shape mismatch from torch
    ("torch::gather_nd $a [torch::tensor_create -data {0.5}]", "integer tensor"),
    ("torch::gather_nd $a [torch::tensor_create -data {{0 0 0}} -dtype int64]",
     "index tuples of length 3"),
    ("torch::tensor_std $a 5", "Dimension out of range"),
    ("torch::tensor_quantile [torch::tensor_create -data {1 2} -dtype int64] 0.5",
     "float or double"),
    ("torch::roll $a {1} -bogus 1", "Unknown parameter: -bogus"),
    ("torch::tensor_median $a -dim", "Missing value for parameter: -dim"),
])
def test_bad_input_is_a_tcl_error_and_the_interpreter_goes_on(script, needle):
    from tclish import Interp
    interp = Interp()
    interp.setvar("a", interp.handle(A))
    msg = interp.eval("catch {%s} msg; set msg" % script)
    assert needle in msg, msg
    assert "Traceback" not in msg and "Warning" not in msg
    assert interp.eval("torch::tensor_shape [torch::flip $a 0]") == "2 3"
