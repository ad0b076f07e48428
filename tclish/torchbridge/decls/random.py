"""Random number generation: draws from torch's default generator (so
torch::manual_seed makes them reproducible) and the generator's real state."""

from ..convert import DEVICE, DOUBLE, DTYPE, SHAPE, TENSOR, BOOL, Double, Int
from ..spec import CommandSpec, Param


def _dtype():
    return Param("dtype", DTYPE, "float32", "element type")


def _device():
    return Param("device", DEVICE, "cpu", "cpu, cuda or cuda:N")


def _size():
    return Param("size", SHAPE, help="dimensions of the result", aliases=("shape",), example="2 3")


def _draw(name, params, help, example, legacy=()):
    return CommandSpec(name, params, ".kernels.random:" + name, help, deterministic=False,
                       example=example, legacy_names=legacy)


SPECS = [
    _draw("bernoulli",
          [Param("input", TENSOR, help="probabilities in [0, 1]", aliases=("tensor",),
                 example="-data {0.2 0.8 0.5}"),
           Param("p", DOUBLE, None, "one probability in [0, 1] for every element instead",
                 aliases=("probability",))],
          "0/1 draws: element i is 1 with probability input[i] (or p), as torch.bernoulli.",
          "torch::manual_seed 1\nset b [torch::bernoulli [torch::tensor_create {0.2 0.8 0.5}]]"),
    _draw("exponential", [_size(), Param("rate", Double(0.0), 1.0, "rate lambda (mean 1/rate)"),
                          _dtype(), _device()],
          "Exponential draws with the given rate (Tensor.exponential_).",
          "set e [torch::exponential {2 2} 0.5]"),
    _draw("gamma", [_size(), Param("alpha", Double(0.0), help="shape (concentration)", example="2.0"),
                    Param("beta", Double(0.0), 1.0, "rate (mean alpha/beta)"), _dtype(), _device()],
          "Gamma(alpha, rate beta) draws, as torch.distributions.Gamma(alpha, beta).sample.",
          "set g [torch::gamma {3} 2.0 0.5]"),
    _draw("multinomial",
          [Param("input", TENSOR, help="non-negative weights (a row per distribution)",
                 aliases=("tensor",), example="-data {0.2 0.3 0.5}"),
           Param("num_samples", Int(1), help="draws per row", example="2"),
           Param("replacement", BOOL, False, "draw with replacement")],
          "Category indices drawn with the given weights (torch.multinomial).",
          "set i [torch::multinomial [torch::tensor_create {0.2 0.3 0.5}] 2]"),
    _draw("normal", [Param("mean", DOUBLE, help="mean", example="0.0"),
                     Param("std", Double(0.0), help="standard deviation", example="1.0"),
                     Param("size", SHAPE, "1", "dimensions of the result", aliases=("shape",)),
                     _dtype(), _device()],
          "Normal draws (torch.normal).",
          "set n [torch::normal 0.0 2.0 {2 3}]", ("Normal",)),
    _draw("poisson", [_size(), Param("lambda", Double(0.0), 1.0, "rate (mean)", aliases=("rate",)),
                      _dtype(), _device()],
          "Poisson draws with the given rate (torch.poisson).",
          "set p [torch::poisson {4} 3.0]", ("Poisson",)),
    _draw("uniform", [_size(), Param("low", DOUBLE, help="lower bound", example="-1"),
                      Param("high", DOUBLE, help="upper bound (excluded)", example="1"),
                      _dtype(), _device()],
          "Uniform draws in [low, high) (Tensor.uniform_).",
          "set u [torch::uniform {2 2} -1.0 1.0]"),
    CommandSpec("seed", [], ".kernels.random:seed",
                "Seed the generators from a non-deterministic source; returns the seed.",
                returns="value", deterministic=False, example="set s [torch::seed]"),
    CommandSpec("initial_seed", [], "torch:initial_seed",
                "The seed the default generator was last seeded with (torch.initial_seed).",
                returns="value", example="torch::manual_seed 7\ntorch::initial_seed"),
    CommandSpec("get_rng_state", [], "torch:get_rng_state",
                "The default generator's state, a uint8 tensor (torch.get_rng_state).",
                example="set s [torch::get_rng_state]\nset a [torch::rand {2}]\n"
                        "torch::set_rng_state $s\nset b [torch::rand {2}]"),
    CommandSpec("set_rng_state",
                [Param("state_tensor", TENSOR, help="a state from get_rng_state",
                       aliases=("state",), example="-data {1 2} -dtype uint8")],
                ".kernels.random:set_rng_state",
                "Restore the default generator's state (torch.set_rng_state); returns nothing.",
                returns="value",
                example="set s [torch::get_rng_state]\ntorch::set_rng_state $s"),
]
