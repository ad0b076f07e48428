"""random_number_generation, tensor_creation_ops and advanced_tensor_operations against
torch called directly: random draws under the same torch::manual_seed seed as
torch's own draws, and by distribution."""

import pytest

torch = pytest.importorskip("torch")

from lib_check import assert_matches, interp_with, result_of  # noqa: E402
from tclish import TclError  # noqa: E402

D = torch.float64
INPUTS = {
    "p": torch.tensor([0.1, 0.9, 0.5, 0.3], dtype=D),
    "wts": torch.tensor([[0.2, 0.3, 0.5], [1.0, 0.0, 3.0]]),
    "f": torch.tensor([[1.0, 2.0], [3.0, 4.0]]),
    "i": torch.tensor([1, 2, 3], dtype=torch.int64),
    "a": torch.tensor([1.0, 2.0]),
    "b": torch.tensor([3.0, 4.0]),
    "c": torch.tensor([[5.0, 6.0]]),
    "m": torch.arange(12.0).reshape(3, 4),
    "cube": torch.arange(24.0).reshape(2, 3, 4),
    "u": torch.tensor([3.0, 1.0, 3.0, 2.0, 1.0]),
    "ones3": torch.ones(1, 3, 1, 2),
    "idx0": torch.tensor([2, 0], dtype=torch.int64),
    "idx1": torch.tensor([1, 3], dtype=torch.int64),
    "sp_i": torch.tensor([[0, 1, 1], [2, 0, 2]], dtype=torch.int64),
    "sp_v": torch.tensor([3.0, 4.0, 5.0]),
}
I = INPUTS


def seeded(seed, draw):
    def reference():
        torch.manual_seed(seed)
        return draw()
    return reference


def _gamma():
    return torch.distributions.Gamma(torch.tensor(2.0), torch.tensor(0.5)).sample((2, 3))


CASES = [
    # random_number_generation: same seed, same draws as torch
    ("torch::manual_seed 3\ntorch::bernoulli $p", seeded(3, lambda: torch.bernoulli(I["p"]))),
    ("torch::manual_seed 3\ntorch::bernoulli -input $p -p 0.25",
     seeded(3, lambda: torch.bernoulli(I["p"], 0.25))),
    ("torch::manual_seed 4\ntorch::exponential {2 3} 2.5",
     seeded(4, lambda: torch.empty(2, 3).exponential_(2.5))),
    ("torch::manual_seed 5\ntorch::gamma {2 3} 2.0 0.5", seeded(5, _gamma)),
    ("torch::manual_seed 6\ntorch::multinomial $wts 2", seeded(6, lambda: torch.multinomial(I["wts"], 2))),
    ("torch::manual_seed 6\ntorch::multinomial -input $wts -numSamples 5 -replacement 1",
     seeded(6, lambda: torch.multinomial(I["wts"], 5, True))),
    ("torch::manual_seed 7\ntorch::normal 1.0 2.0 {3 2}", seeded(7, lambda: torch.normal(1.0, 2.0, (3, 2)))),
    ("torch::manual_seed 7\ntorch::Normal -mean -1 -std 0.5 -size {4} -dtype float64",
     seeded(7, lambda: torch.normal(-1.0, 0.5, (4,), dtype=D))),
    ("torch::manual_seed 8\ntorch::poisson {5} 3.0", seeded(8, lambda: torch.poisson(torch.full((5,), 3.0)))),
    ("torch::manual_seed 9\ntorch::uniform {2 2} -1 3", seeded(9, lambda: torch.empty(2, 2).uniform_(-1, 3))),
    ("torch::manual_seed 10\ntorch::rand_like $f", seeded(10, lambda: torch.rand_like(I["f"]))),
    ("torch::manual_seed 10\ntorch::randn_like $f float64", seeded(10, lambda: torch.randn_like(I["f"], dtype=D))),
    ("torch::manual_seed 11\ntorch::randint_like $i 10", seeded(11, lambda: torch.randint_like(I["i"], 10))),
    ("torch::manual_seed 11\ntorch::randintLike -input $i -low 5 -high 9",
     seeded(11, lambda: torch.randint_like(I["i"], 5, 9))),
    ("torch::manual_seed 11\ntorch::randint_like $i 9 5", seeded(11, lambda: torch.randint_like(I["i"], 5, 9))),
    ("torch::manual_seed 11\ntorch::randint_like $f 5 9", seeded(11, lambda: torch.randint_like(I["f"], 5, 9))),
    ("torch::manual_seed 12\ntorch::initial_seed", lambda: 12),
    # tensor_creation_ops
    ("torch::zeros {2 3} float64", lambda: torch.zeros(2, 3, dtype=D)),
    ("torch::ones -shape {2} -dtype int32", lambda: torch.ones(2, dtype=torch.int32)),
    ("torch::full {2 2} 1.5", lambda: torch.full((2, 2), 1.5)),
    ("torch::eye 2 3", lambda: torch.eye(2, 3)),
    ("torch::arange 1 7 2", lambda: torch.arange(1.0, 7.0, 2.0)),
    ("torch::linspace -1 1 5", lambda: torch.linspace(-1, 1, 5)),
    ("torch::logspace 0 2 3", lambda: torch.logspace(0, 2, 3)),
    ("torch::logspace -start 1 -end 3 -steps 3 -base 2 -dtype float64",
     lambda: torch.logspace(1, 3, 3, 2, dtype=D)),
    ("torch::zeros_like $f", lambda: torch.zeros_like(I["f"])),
    ("torch::onesLike -input $i -dtype float64", lambda: torch.ones_like(I["i"], dtype=D)),
    ("torch::full_like $i 7", lambda: torch.full_like(I["i"], 7)),
    ("torch::fullLike -input $f -value 2.5 -dtype float64", lambda: torch.full_like(I["f"], 2.5, dtype=D)),
    # advanced_tensor_operations
    ("torch::block_diag $f $c", lambda: torch.block_diag(I["f"], I["c"])),
    ("torch::broadcast_shapes {2 1} {1 3}", lambda: "2 3"),
    ("torch::broadcastShapes {3 1 4} {4}", lambda: "3 1 4"),
    ("torch::column_stack $a $b", lambda: torch.column_stack((I["a"], I["b"]))),
    ("torch::hstack [list $a $b]", lambda: torch.hstack((I["a"], I["b"]))),
    ("torch::vstack -tensors [list $a $b $c]", lambda: torch.vstack((I["a"], I["b"], I["c"]))),
    ("torch::row_stack $a $c", lambda: torch.vstack((I["a"], I["c"]))),
    ("torch::dStack -inputs [list $f $f]", lambda: torch.dstack((I["f"], I["f"]))),
    ("torch::hsplit $m 2", lambda: list(torch.hsplit(I["m"], 2))),
    ("torch::vsplit $m {1 2}", lambda: list(torch.vsplit(I["m"], [1, 2]))),
    ("torch::dsplit -tensor $cube -indices {1 3}", lambda: list(torch.dsplit(I["cube"], [1, 3]))),
    ("torch::tensor_split $m 2 1", lambda: list(torch.tensor_split(I["m"], 2, 1))),
    ("torch::tensorSplit -input $m -indices {1} -dim 0", lambda: list(torch.tensor_split(I["m"], [1], 0))),
    ("torch::sparse_tensor_create $sp_i $sp_v {2 3}",
     lambda: torch.sparse_coo_tensor(I["sp_i"], I["sp_v"], (2, 3), check_invariants=True)),
    ("torch::sparseTensorCreate -indices [torch::tensor_create {{0 2} {1 0} {1 2}} int64] "
     "-values $sp_v -size {2 3}",
     lambda: torch.sparse_coo_tensor(I["sp_i"], I["sp_v"], (2, 3), check_invariants=True)),
    ("torch::squeeze_multiple $ones3", lambda: I["ones3"].squeeze()),
    ("torch::squeezeMultiple -tensor $ones3 -dims {0 2}", lambda: I["ones3"].squeeze((0, 2))),
    # TCLIBTORCH's descending unsqueezes: d >= 0 indexes the input ({0 2} on 2x2 is
    # 1x2x2x1), d < 0 the end of the result ({-1 -3} on 2x2 is 2x1x2x1)
    ("torch::unsqueeze_multiple $f {0 2}", lambda: I["f"].unsqueeze(2).unsqueeze(0)),
    ("torch::unsqueezeMultiple $a {0 1}", lambda: I["a"].unsqueeze(1).unsqueeze(0)),
    ("torch::unsqueeze_multiple -tensor $f -dims {-1 0}", lambda: I["f"].unsqueeze(0).unsqueeze(-1)),
    ("torch::unsqueeze_multiple $f {-1 -3}", lambda: I["f"].unsqueeze(-1).unsqueeze(-3)),
    ("torch::unsqueeze_multiple $a {0 0}", lambda: I["a"].unsqueeze(0).unsqueeze(0)),
    ("torch::tensor_advanced_index $m [list $idx0 $idx1]", lambda: I["m"][I["idx0"], I["idx1"]]),
    ("torch::tensor_normalize $f", lambda: I["f"] / torch.linalg.vector_norm(I["f"])),
    ("torch::tensor_normalize $f 2 1", lambda: torch.nn.functional.normalize(I["f"], dim=1)),
    ("torch::tensorNormalize -tensor $a -p 1 -dim 0", lambda: torch.nn.functional.normalize(I["a"], 1.0, 0)),
    ("torch::tensor_unique $u", lambda: torch.unique(I["u"])),
    ("torch::tensorUnique -tensor $u -returnInverse 1 -returnCounts 1",
     lambda: dict(zip(("unique", "inverse", "counts"),
                      torch.unique(I["u"], return_inverse=True, return_counts=True)))),
]


@pytest.fixture(scope="module")
def interp():
    return interp_with(INPUTS)


@pytest.mark.parametrize("script,reference", CASES, ids=[c[0] for c in CASES])
def test_matches_torch(interp, script, reference):
    assert_matches(result_of(interp, script), reference(), 1e-6)


def test_rng_state_round_trips_through_a_tcl_value(interp):
    interp.eval("torch::manual_seed 21")
    interp.eval("set s [torch::get_rng_state]")
    first = result_of(interp, "torch::rand {4}")
    result_of(interp, "torch::rand {9}")                    # move the generator on
    interp.eval("torch::set_rng_state $s")
    again = result_of(interp, "torch::rand {4}")
    torch.testing.assert_close(again, first)
    torch.manual_seed(21)
    assert torch.equal(result_of(interp, "set s"), torch.get_rng_state())
    # the state as a plain Tcl list of bytes, and back
    interp.eval("set bytes [torch::tensor_to_list $s]")
    interp.eval("torch::set_rng_state [torch::tensor_create -data $bytes -dtype uint8]")
    torch.testing.assert_close(result_of(interp, "torch::rand {4}"), first)


def test_seed_reseeds_and_initial_seed_reports_it(interp):
    s = int(interp.eval("torch::seed"))
    assert int(interp.eval("torch::initialSeed")) == s == torch.initial_seed()


@pytest.mark.parametrize("script,mean,var", [
    ("torch::gamma {40000} 3.0 2.0", 1.5, 0.75),              # alpha/beta, alpha/beta^2
    ("torch::exponential {40000} 4.0", 0.25, 0.0625),
    ("torch::poisson {40000} 2.5", 2.5, 2.5),
    ("torch::uniform {40000} 2 4", 3.0, 4 / 12),
])
def test_distributions_have_their_moments(interp, script, mean, var):
    x = result_of(interp, script).double()
    assert abs(x.mean().item() - mean) < 0.03 * max(mean, 1)
    assert abs(x.var().item() - var) < 0.06 * max(var, 0.1)


@pytest.mark.parametrize("script,phrase", [
    ("torch::bernoulli nosuch", 'Invalid tensor name "nosuch"'),
    ("torch::poisson {2} 1.0 int32", "floating-point"),
    ("torch::uniform {2} 3 1", "less than high"),
    ("torch::normal 0 1 {-2}", "negative dimension"),
    ("torch::full_like $f", "Usage"),
    ("torch::vstack [list $a $m]", "size"),
    ("torch::squeeze_multiple $ones3 {7}", "out of range"),
    ("torch::unsqueeze_multiple $a {0 2}", "dim 2 out of range"),
    ("torch::unsqueeze_multiple $f {-4}", "dim -4 out of range"),
    ("torch::unsqueeze_multiple $f {2 3}", "dim 3 out of range"),
    ("torch::set_rng_state $f", "RNG state"),
    ("torch::multinomial $wts 2 -bogus 1", "Unknown parameter"),
    # the second word is read as a device first (the declared order), then as a dtype
    ("torch::rand {2 2} invalid_device", 'Invalid device value: unknown device "invalid_device"'),
    ("torch::rand {2 2} invalid_device", 'or Invalid dtype value: unknown dtype'),
    ("torch::rand {2 2} cpu invalid_dtype", 'Invalid dtype value: unknown dtype "invalid_dtype"'),
])
def test_bad_input_is_a_tcl_error(interp, script, phrase):
    with pytest.raises(TclError) as e:
        interp.eval(script)
    assert phrase in str(e.value), str(e.value)
    assert interp.eval("expr {1 + 1}") == "2"
