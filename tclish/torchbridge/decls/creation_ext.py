"""More creation ops: the *_like family (empty, full, rand, randn, randint) and logspace."""

from ..convert import BOOL, DEVICE, DOUBLE, DTYPE, INT, TENSOR, Int
from ..spec import CommandSpec, Param
from .creation import _like


def _like_params():
    return [Param("dtype", DTYPE, None, "element type (default input's)", keyword=True),
            Param("device", DEVICE, None, "cpu, cuda or cuda:N (default input's)", keyword=True),
            Param("requires_grad", BOOL, False, "track gradients", keyword=True)]


def _input():
    return Param("input", TENSOR, help="tensor whose shape to copy", aliases=("tensor",))


def _random_like(name, func, what):
    spec = CommandSpec(name, [_input()] + _like_params(), func,
                       "A tensor shaped like input, %s (dtype and device default to input's)." % what,
                       deterministic=False,
                       example="set r [torch::%s [torch::tensor_create {1.0 2.0 3.0}]]" % name)
    return spec


SPECS = [
    _like("empty_like", "with uninitialised values", "torch:empty_like", deterministic=False),
    CommandSpec(
        "full_like",
        [_input(), Param("value", DOUBLE, help="fill value", aliases=("fill_value",), example="7")]
        + _like_params(),
        "torch:full_like", "A tensor shaped like input filled with value.",
        example="set f [torch::full_like [torch::tensor_create {1.0 2.0}] 7]"),
    _random_like("rand_like", "torch:rand_like", "uniform in [0, 1)"),
    _random_like("randn_like", "torch:randn_like", "standard normal"),
    CommandSpec(
        "randint_like",
        [_input(), Param("high", INT, help="bound, not included", example="10"),
         Param("low", INT, 0, "lowest value")] + _like_params(),
        ".kernels.creation_ext:randint_like",
        "A tensor shaped like input with random integers in [low, high); the two bounds may "
        "come in either order (TCLIBTORCH's high-then-low, torch's low-then-high).",
        deterministic=False,
        example="set r [torch::randint_like [torch::tensor_create {1 2 3}] 10]"),
    CommandSpec(
        "logspace",
        [Param("start", DOUBLE, help="exponent of the first value", example="0"),
         Param("end", DOUBLE, help="exponent of the last value", example="2"),
         Param("steps", Int(0), help="number of values", example="3"),
         Param("base", DOUBLE, 10.0, "base of the exponents"),
         Param("dtype", DTYPE, "float32", "element type", keyword=True),
         Param("device", DEVICE, "cpu", "cpu, cuda or cuda:N", keyword=True)],
        "torch:logspace", "steps values base**x for x evenly spaced from start to end.",
        example="set l [torch::logspace 0 2 3]"),
]
