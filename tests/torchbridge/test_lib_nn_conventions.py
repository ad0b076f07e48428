"""TCLIBTORCH's calling conventions in the nn commands, checked against torch
called directly: `none` for an omitted optional tensor, transformer pieces in
the input's dtype, and the range of a norm layer's momentum."""

import pytest

torch = pytest.importorskip("torch")

from tclish import TclError  # noqa: E402
from tclish.runtime.values import to_str  # noqa: E402
from tclish.torchbridge.api import tensor_of  # noqa: E402

F = torch.nn.functional
nn = torch.nn


def tensor(tcl, script):
    return tensor_of(tcl.runtime, to_str(tcl.eval(script)))


_X = "set x [torch::tensor_create {0.8 0.2 0.3 0.9} -dtype float32]\n" \
     "set y [torch::tensor_create {1.0 0.0 0.0 1.0} -dtype float32]\n"
_LOGITS = "set z [torch::tensor_reshape [torch::tensor_create {2.0 1.0 0.1 0.5 3.0 1.5}] {2 3}]\n" \
          "set c [torch::tensor_create {0 2} int64]\n"
x = torch.tensor([0.8, 0.2, 0.3, 0.9])
y = torch.tensor([1.0, 0.0, 0.0, 1.0])
z = torch.tensor([[2.0, 1.0, 0.1], [0.5, 3.0, 1.5]])
c = torch.tensor([0, 2])

NONE_WEIGHT = [
    (_X + "torch::bce_loss $x $y none sum", lambda: F.binary_cross_entropy(x, y, reduction="sum")),
    (_LOGITS + "torch::cross_entropy_loss $z $c none sum",
     lambda: F.cross_entropy(z, c, reduction="sum")),
    (_LOGITS + "torch::nll_loss $z $c none none",
     lambda: F.nll_loss(z, c, reduction="none")),
]


@pytest.mark.parametrize("script,ref", NONE_WEIGHT, ids=["bce", "cross_entropy", "nll"])
def test_none_stands_for_an_omitted_weight(tcl, script, ref):
    assert torch.allclose(tensor(tcl, script), ref(), rtol=1e-6)


def test_transformer_pieces_follow_the_inputs_dtype(tcl):
    tcl.eval("torch::manual_seed 5")
    out = tensor(tcl, "torch::transformer_encoder "
                      "[torch::tensor_create {1.0 2.0 3.0 4.0} float64] 4 2 2 8")
    torch.manual_seed(5)
    layer = nn.TransformerEncoderLayer(4, 2, 8, 0.0)
    ref = nn.TransformerEncoder(layer, 2, enable_nested_tensor=False).to(torch.float64)
    expect = ref(torch.tensor([[1.0, 2.0, 3.0, 4.0]], dtype=torch.float64)).squeeze(0)
    assert out.dtype == torch.float64
    assert torch.allclose(out, expect, rtol=1e-10)
    tcl.eval("torch::manual_seed 6; set q [torch::randn {2 1 4} -dtype float64]")
    out = tensor(tcl, "torch::multihead_attention $q $q $q 4 2")
    torch.manual_seed(6)
    q = torch.randn(2, 1, 4, dtype=torch.float64)
    mha = nn.MultiheadAttention(4, 2).to(torch.float64)
    assert torch.allclose(out, mha(q, q, q, need_weights=False)[0], rtol=1e-10)


def test_a_norm_layers_momentum_is_between_0_and_1(tcl):
    with pytest.raises(TclError, match="momentum"):
        tcl.eval("torch::instance_norm3d -input [torch::ones {2 3 4 5 6}] -momentum -0.1")
    with pytest.raises(TclError, match="momentum"):
        tcl.eval("torch::batch_norm1d 3 1e-5 1.5")
    assert to_str(tcl.eval("expr {1 + 1}")) == "2"
