"""Tensor creation: tensor_create, zeros, ones, full, empty, eye, arange, linspace,
rand, randn, tensor_rand, tensor_randn, zeros_like, ones_like, and manual_seed."""

from ..convert import BOOL, DATA, DEVICE, DOUBLE, DTYPE, SHAPE, TENSOR, Int
from ..spec import CommandSpec, Param


def _dtype(default="float32"):
    return Param("dtype", DTYPE, default, "element type", keyword=True)


def _device(default="cpu"):
    return Param("device", DEVICE, default, "cpu, cuda or cuda:N", keyword=True)


def _requires_grad():
    return Param("requires_grad", BOOL, False, "track gradients", keyword=True)


# rand/randn/tensor_rand/tensor_randn take shape ?device? ?dtype?; TCLIBTORCH's own tests
# also write `torch::tensor_randn {2 3} float32`, which this second order reads
_DTYPE_FIRST = ("shape", "dtype", "device")
_DTYPE_FIRST_R = ("shape", "dtype", "device", "requires_grad")


def _filled(name, fill, func, deterministic=True, legacy_names=()):
    return CommandSpec(
        name,
        [Param("shape", SHAPE, help="dimensions, e.g. {2 3}"), _dtype(), _device(), _requires_grad()],
        func, "A new tensor of the given shape %s." % fill, deterministic=deterministic,
        legacy_names=legacy_names, example="set t [torch::%s {2 3} -dtype float64]" % name)


def _like(name, fill, func, deterministic=True):
    return CommandSpec(
        name,
        [Param("input", TENSOR, help="tensor whose shape to copy", aliases=("tensor",)),
         _dtype(None), _device(None), _requires_grad()],
        func, "A tensor shaped like input, %s (dtype and device default to input's)." % fill,
        deterministic=deterministic,
        example="set t [torch::%s [torch::tensor_create {1.0 2.0 3.0}]]" % name)


SPECS = [
    CommandSpec(
        "tensor_create",
        [Param("data", DATA, help="values as a Tcl list, nested for more dimensions"),
         Param("shape", SHAPE, None, "reshape the data to this shape"),
         Param("dtype", DTYPE, "float32", "element type"),
         Param("device", DEVICE, "cpu", "cpu, cuda or cuda:N"),
         Param("requires_grad", BOOL, False, "track gradients")],
        ".kernels.creation:tensor_create",
        "A tensor holding the given values.",
        overloads=[("data", "dtype", "device", "requires_grad")],
        example="set t [torch::tensor_create -data {{1 2} {3 4}} -dtype int64]\n"
                "list [torch::tensor_shape $t] [torch::tensor_dtype $t]"),
    _filled("zeros", "filled with zeros", "torch:zeros"),
    _filled("ones", "filled with ones", "torch:ones"),
    _filled("empty", "with uninitialised values", "torch:empty", deterministic=False,
            legacy_names=("Empty",)),
    CommandSpec(
        "full",
        [Param("shape", SHAPE, help="dimensions, e.g. {2 3}"),
         Param("value", DOUBLE, help="fill value"),
         _dtype(), _device(), _requires_grad()],
        "torch:full", "A new tensor of the given shape filled with value.",
        example="set t [torch::full {2 2} 3.5]"),
    CommandSpec(
        "eye",
        [Param("n", Int(0), help="rows"),
         Param("m", Int(0), None, "columns (default n)"),
         Param("dtype", DTYPE, "float32", "element type"),
         Param("device", DEVICE, "cpu", "cpu, cuda or cuda:N"),
         Param("requires_grad", BOOL, False, "track gradients")],
        ".kernels.creation:eye", "An identity matrix.", example="set i [torch::eye 3]",
        overloads=[("n", "dtype", "device", "requires_grad")]),
    CommandSpec(
        "arange",
        [Param("start", DOUBLE, 0.0, "first value"),
         Param("end", DOUBLE, help="bound, not included"),
         Param("step", DOUBLE, 1.0, "spacing"),
         _dtype(), _device()],
        "torch:arange", "Values from start up to end (exclusive) spaced by step.",
        example="set r [torch::arange 0 10 2]",
        overloads=[("end", "dtype", "device"), ("start", "end", "dtype", "device")]),
    CommandSpec(
        "linspace",
        [Param("start", DOUBLE, help="first value"),
         Param("end", DOUBLE, help="last value"),
         Param("steps", Int(0), help="number of values"),
         _dtype(), _device()],
        "torch:linspace", "steps values evenly spaced from start to end.",
        example="set l [torch::linspace -1 1 5]"),
    CommandSpec(
        "rand",
        [Param("shape", SHAPE, help="dimensions"), _device(), _dtype(), _requires_grad()],
        "torch:rand", "Uniform random values in [0, 1).", deterministic=False,
        overloads=[_DTYPE_FIRST_R]),
    CommandSpec(
        "randn",
        [Param("shape", SHAPE, help="dimensions"), _device(), _dtype(), _requires_grad()],
        "torch:randn", "Standard normal random values.", deterministic=False,
        overloads=[_DTYPE_FIRST_R]),
    # TCLIBTORCH's older spellings: shape ?device? ?dtype?, no requires_grad
    CommandSpec(
        "tensor_rand",
        [Param("shape", SHAPE, help="dimensions"), _device(), _dtype()],
        "torch:rand", "Uniform random values in [0, 1).", deterministic=False,
        overloads=[_DTYPE_FIRST],
        example="torch::manual_seed 1\ntorch::tensor_shape [torch::tensor_rand {2 3}]"),
    CommandSpec(
        "tensor_randn",
        [Param("shape", SHAPE, help="dimensions"), _device(), _dtype()],
        "torch:randn", "Standard normal random values.", deterministic=False,
        overloads=[_DTYPE_FIRST],
        example="torch::manual_seed 1\n"
                "torch::tensor_dtype [torch::tensor_randn {2 3} cpu float64]"),
    CommandSpec(
        "manual_seed",
        [Param("seed", Int(0), help="seed of the random number generators", aliases=("s",),
               example="42")],
        ".kernels.creation:manual_seed",
        "Seed torch's random number generators; returns ok.", returns="value",
        example="torch::manual_seed 42\nset a [torch::rand {2}]"),
    _like("zeros_like", "filled with zeros", "torch:zeros_like"),
    _like("ones_like", "filled with ones", "torch:ones_like"),
]

# examples (docs/torch.md shows them; tests/torchbridge/test_torch_docs.py runs them)
_EXAMPLES = {
    'rand':
        'torch::manual_seed 1\ntorch::tensor_shape [torch::rand {2 3}]',
    'randn':
        'torch::manual_seed 1\ntorch::tensor_shape [torch::randn {2 3}]',
}
for _spec in SPECS:
    _spec.example = _spec.example or _EXAMPLES.get(_spec.name, "")
