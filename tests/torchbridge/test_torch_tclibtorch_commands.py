"""The TCLIBTORCH commands beyond the core set: element-wise functions, matmul, clamp,
norm, to, permute, cat, stack, slice, index_select, tensor_rand(n), manual_seed,
cuda_device_count -- their positional orders and results as TCLIBTORCH gives them."""

import math

import pytest

torch = pytest.importorskip("torch")

from tclish.runtime.errors import TclError  # noqa: E402
from tclish.runtime.values import TclList  # noqa: E402


def T(fake, handle):
    return fake.extensions["torch"].tensors.find(handle)


def err(fake, *argv):
    with pytest.raises(TclError) as e:
        fake.call(*argv)
    return e.value.message


@pytest.fixture
def m(fake):
    """[[1 2 3] [4 5 6]] as float32."""
    return fake.call("torch::tensor_create", "{1 2 3} {4 5 6}")


@pytest.mark.parametrize("name,func", [
    ("abs", abs), ("exp", math.exp), ("log", math.log), ("sqrt", math.sqrt),
    ("sigmoid", lambda v: 1 / (1 + math.exp(-v))), ("relu", lambda v: max(v, 0.0)),
    ("tanh", math.tanh)])
def test_elementwise_functions(fake, name, func):
    values = [0.25, 1.0, 4.0] if name in ("log", "sqrt") else [-2.0, 0.0, 1.5]
    h = fake.call("torch::tensor_create", " ".join(map(str, values)), "float64")
    for argv in (["torch::tensor_" + name, h], ["torch::tensor_" + name, "-input", h]):
        got = T(fake, fake.call(*argv))
        assert got.dtype == torch.float64
        assert got.tolist() == pytest.approx([func(v) for v in values], abs=1e-12)


def test_matmul_clamp_norm(fake, m):
    v = fake.call("torch::tensor_create", "1 0 -1")
    assert T(fake, fake.call("torch::tensor_matmul", m, v)).tolist() == [-2, -2]
    mt = fake.call("torch::tensor_permute", m, "1 0")
    assert T(fake, fake.call("torch::tensorMatmul", "-input", m, "-other", mt)).tolist() == \
        [[14, 32], [32, 77]]
    assert T(fake, fake.call("torch::tensor_clamp", m, "2", "5")).tolist() == [[2, 2, 3], [4, 5, 5]]
    assert T(fake, fake.call("torch::tensor_clamp", "-tensor", m, "-max", "2")).tolist() == \
        [[1, 2, 2], [2, 2, 2]]
    assert T(fake, fake.call("torch::tensor_clamp", m, "4")).tolist() == [[4, 4, 4], [4, 5, 6]]
    same = T(fake, fake.call("torch::tensor_clamp", m))
    assert same.tolist() == T(fake, m).tolist() and same.data_ptr() != T(fake, m).data_ptr()
    assert T(fake, fake.call("torch::tensor_norm", m)).item() == pytest.approx(math.sqrt(91))
    assert T(fake, fake.call("torch::tensor_norm", m, "1", "1")).tolist() == [6, 15]
    assert T(fake, fake.call("torch::tensor_norm", "-tensor", m, "-p", "1")).item() == 21


def test_to_permute_cat_stack(fake, m):
    d = fake.call("torch::tensor_to", m, "cpu", "float64")
    assert T(fake, d).dtype == torch.float64 and fake.call("torch::tensor_device", d) == "cpu"
    assert T(fake, fake.call("torch::tensorTo", "-input", m, "-device", "cpu")).dtype == \
        torch.float32
    assert "CUDA" in err(fake, "torch::tensor_to", m, "cuda") or torch.cuda.is_available()
    assert fake.call("torch::tensor_shape", fake.call("torch::tensor_permute", m, "1 0")) == [3, 2]
    both = TclList([m, m])
    assert fake.call("torch::tensor_shape", fake.call("torch::tensor_cat", both, "1")) == [2, 6]
    assert fake.call("torch::tensor_shape", fake.call("torch::tensor_cat", "-tensors", both)) == \
        [4, 3]
    assert fake.call("torch::tensor_shape", fake.call("torch::tensor_stack", both, "1")) == \
        [2, 2, 3]
    # a list given as one string of handle names works too
    assert fake.call("torch::tensor_shape",
                     fake.call("torch::tensorStack", "-tensors", "%s %s" % (m, m))) == [2, 2, 3]
    assert err(fake, "torch::tensor_cat", TclList([m, "nosuch"]), "0") == \
        ('Invalid tensors tensor name: Invalid tensor name "nosuch" '
         '(Tensor not found; Invalid tensor handle; Required parameters missing or invalid; '
         'Error in tensor_cat)')


def test_slice_and_index_select(fake, m):
    assert T(fake, fake.call("torch::tensor_slice", m, "1", "1")).tolist() == [[2, 3], [5, 6]]
    assert T(fake, fake.call("torch::tensor_slice", m, "1", "0", "3", "2")).tolist() == \
        [[1, 3], [4, 6]]
    assert T(fake, fake.call("torch::tensor_slice", m, "-1", "-2", "-1")).tolist() == [[2], [5]]
    assert T(fake, fake.call("torch::tensor_slice", "-tensor", m, "-dimension", "0", "-start", "1")
             ).tolist() == [[4, 5, 6]]
    assert "out of range" in err(fake, "torch::tensor_slice", m, "2", "0")
    assert "step must be positive" in err(fake, "torch::tensor_slice", m, "0", "0", "2", "0")
    idx = fake.call("torch::tensor_create", "2 0", "int64")
    assert T(fake, fake.call("torch::tensor_index_select", m, "1", idx)).tolist() == \
        [[3, 1], [6, 4]]
    rows = fake.call("torch::tensor_create", "1 1 0", "int64")
    assert T(fake, fake.call("torch::tensorIndexSelect", "-input", m, "-dim", "0",
                             "-indices", rows)).tolist() == [[4, 5, 6], [4, 5, 6], [1, 2, 3]]
    assert "out of range" in err(fake, "torch::tensor_index_select", m, "0", idx)


def test_random_seed_and_cuda_count(fake):
    assert fake.call("torch::manual_seed", "7") == "ok"
    a = T(fake, fake.call("torch::tensor_randn", "2 3")).tolist()
    assert fake.call("torch::manualSeed", "-seed", "7") == "ok"
    b = T(fake, fake.call("torch::tensor_randn", "-shape", "2 3")).tolist()
    assert a == b
    r = T(fake, fake.call("torch::tensor_rand", "4", "cpu", "float64"))
    assert r.dtype == torch.float64 and bool(((r >= 0) & (r < 1)).all())
    assert "at least 0" in err(fake, "torch::manual_seed", "-1")
    assert fake.call("torch::cuda_device_count") == torch.cuda.device_count()
