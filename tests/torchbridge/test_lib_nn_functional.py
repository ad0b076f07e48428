"""Activation, padding, pooling and convolution commands against torch.nn.functional
called directly: one row per command (Tcl script, reference, tolerance)."""

import pytest

torch = pytest.importorskip("torch")
import torch.nn.functional as F  # noqa: E402

from libref import assert_same, run  # noqa: E402

g = torch.Generator().manual_seed(7)
X = torch.randn(2, 3, generator=g, dtype=torch.float64) * 3      # rows x columns
V = torch.randn(1, 2, 5, generator=g)                            # [N, C, L]
M = torch.randn(1, 2, 4, 4, generator=g)                         # [N, C, H, W]
B = torch.randn(1, 1, 4, 4, 4, generator=g)                      # [N, C, D, H, W]
W1 = torch.randn(3, 2, 2, generator=g)                           # conv1d weight
W2 = torch.randn(2, 1, 2, 2, generator=g)                        # conv_transpose2d weight
W3 = torch.randn(2, 1, 2, 2, 2, generator=g)                     # conv3d weight
BIAS3 = torch.randn(3, generator=g)
T = dict(x=X, v=V, m=M, b=B, w1=W1, w2=W2, w3=W3, bias3=BIAS3, slope=torch.tensor([0.25, 0.5]),
         cols=torch.randn(1, 8, 4, generator=g))

ACTIVATION = [
    ("torch::celu $x 0.5", lambda: F.celu(X, 0.5)),
    ("torch::elu -input $x -alpha 2", lambda: F.elu(X, 2.0)),
    ("torch::Elu $x", lambda: F.elu(X)),
    ("torch::gelu $x", lambda: F.gelu(X)),
    ("torch::gelu $x -approximate tanh", lambda: F.gelu(X, approximate="tanh")),
    ("torch::glu $m 1", lambda: F.glu(M, 1)),
    ("torch::hardsigmoid $x", lambda: F.hardsigmoid(X)),
    ("torch::hardSwish $x", lambda: F.hardswish(X)),
    ("torch::hardtanh $x -0.5 2", lambda: F.hardtanh(X, -0.5, 2.0)),
    ("torch::hardtanh -input $x -min -3 -max 1", lambda: F.hardtanh(X, -3.0, 1.0)),
    ("torch::leaky_relu $x", lambda: F.leaky_relu(X)),
    ("torch::leakyRelu $x -negativeSlope 0.2", lambda: F.leaky_relu(X, 0.2)),
    ("torch::logsoftmax $x", lambda: F.log_softmax(X, -1)),
    ("torch::logSoftmax $x 0", lambda: F.log_softmax(X, 0)),
    ("torch::mish $x", lambda: F.mish(X)),
    ("torch::prelu $m $slope", lambda: F.prelu(M, torch.tensor([0.25, 0.5]))),
    ("torch::relu6 $x", lambda: F.relu6(X)),
    ("torch::rrelu $x 0.1 0.3", lambda: F.rrelu(X, 0.1, 0.3)),
    ("torch::selu $x", lambda: F.selu(X)),
    ("torch::silu $x", lambda: F.silu(X)),
    ("torch::softmax2d $m", lambda: torch.nn.Softmax2d()(M)),
    ("torch::softmax2d $m -dim 2", lambda: torch.softmax(M, 2)),
    ("torch::softmin $x", lambda: F.softmin(X, -1)),
    ("torch::softMin -input $x -dim 0", lambda: F.softmin(X, 0)),
    ("torch::softplus $x", lambda: F.softplus(X)),
    ("torch::softplus $x 2 1", lambda: F.softplus(X, 2.0, 1.0)),
    ("torch::softsign $x", lambda: F.softsign(X)),
    ("torch::tanhshrink $x", lambda: F.tanhshrink(X)),
    ("torch::threshold $x 0.5 -7", lambda: F.threshold(X, 0.5, -7.0)),
]

PADDING = [("torch::%s_pad%dd %s {%s}" % (kind, n, var, " ".join(map(str, pad))),
            (lambda mode=mode, t=t, pad=pad: F.pad(t, pad, mode=mode) if mode != "constant"
             else F.pad(t, pad)))
           for kind, mode in (("reflection", "reflect"), ("replication", "replicate"),
                              ("circular", "circular"), ("zero", "constant"))
           for n, var, t, pad in ((1, "$v", V, (2, 1)), (2, "$m", M, (1, 0, 2, 1)),
                                  (3, "$b", B, (1, 1, 0, 1, 2, 0)))]
PADDING += [("torch::zeroPad2d -input $m -padding {1 1 1 1}", lambda: F.pad(M, (1, 1, 1, 1)))]

POOLING = [
    ("torch::adaptive_avgpool1d $v 3", lambda: F.adaptive_avg_pool1d(V, 3)),
    ("torch::adaptive_avgpool3d $b {2 1 3}", lambda: F.adaptive_avg_pool3d(B, (2, 1, 3))),
    ("torch::adaptive_maxpool1d $v 2", lambda: F.adaptive_max_pool1d(V, 2)),
    ("torch::adaptive_maxpool1d $v 2 1", lambda: F.adaptive_max_pool1d(V, 2, True)),
    ("torch::adaptive_maxpool3d $b 2", lambda: F.adaptive_max_pool3d(B, 2)),
    ("torch::avgpool1d $v 2", lambda: F.avg_pool1d(V, 2)),
    ("torch::avgpool1d $v 3 1 1 0", lambda: F.avg_pool1d(V, 3, 1, 1, count_include_pad=False)),
    ("torch::avgpool2d $m {2 3} 1", lambda: F.avg_pool2d(M, (2, 3), 1)),
    ("torch::avgPool2d -input $m -kernelSize 3 -padding 1 -ceilMode 1 -divisorOverride 2",
     lambda: F.avg_pool2d(M, 3, None, 1, ceil_mode=True, divisor_override=2)),
    ("torch::avgpool3d $b 2", lambda: F.avg_pool3d(B, 2)),
    ("torch::lppool1d $v 2.0 2", lambda: F.lp_pool1d(V, 2.0, 2)),
    ("torch::lppool2d $m 2 {2 1} 1", lambda: F.lp_pool2d(M, 2.0, (2, 1), 1)),
    ("torch::lpPool3d -input $b -normType 1 -kernelSize 2", lambda: F.lp_pool3d(B, 1.0, 2)),
    ("torch::maxpool2d $m 2", lambda: F.max_pool2d(M, 2)),
    ("torch::maxpool2d $m 3 1 1 1 1 1", lambda: F.max_pool2d(M, 3, 1, 1, 1, True, True)),
]

CONVOLUTION = [
    ("torch::conv1d $v $w1", lambda: F.conv1d(V, W1)),
    ("torch::conv1d $v $w1 $bias3 2 1", lambda: F.conv1d(V, W1, BIAS3, 2, 1)),
    ("torch::conv1d $v $w1 none 1 same 2", lambda: F.conv1d(V, W1, None, 1, "same", 2)),
    ("torch::conv3d $b $w3 none {1 2 1} 1", lambda: F.conv3d(B, W3, None, (1, 2, 1), 1)),
    ("torch::conv_transpose1d $v [torch::tensor_permute $w1 {1 0 2}] none 2 1 1",
     lambda: F.conv_transpose1d(V, W1.permute(1, 0, 2), None, 2, 1, 1)),
    ("torch::convTranspose2d $m $w2 -stride 2 -dilation 2",
     lambda: F.conv_transpose2d(M, W2, stride=2, dilation=2)),
    ("torch::conv_transpose3d $b [torch::tensor_permute $w3 {1 0 2 3 4}] none 2 0 1",
     lambda: F.conv_transpose3d(B, W3.permute(1, 0, 2, 3, 4), None, 2, 0, 1)),
    ("torch::fold $cols {3 3} {2 2}", lambda: F.fold(T["cols"], (3, 3), (2, 2))),
    ("torch::unfold $x 1 2 1", lambda: X.unfold(1, 2, 1)),
]

ROWS = ACTIVATION + PADDING + POOLING + CONVOLUTION


@pytest.mark.parametrize("script,reference", ROWS, ids=[r[0] for r in ROWS])
def test_command_matches_torch(script, reference):
    _, got = run(script, **T)
    assert_same(got, reference(), 1e-6)


def test_fractional_pooling_draws_what_torch_draws_under_the_same_seed():
    _, got = run("torch::manual_seed 5; torch::fractional_maxpool2d $m 2 0.5", m=M)
    torch.manual_seed(5)
    assert_same(got, F.fractional_max_pool2d(M, 2, output_ratio=(0.5, 0.5)), 0)
    _, got = run("torch::manual_seed 9; torch::fractionalMaxpool3d $b {2 2 2} -outputSize 2"
                 " -returnIndices 1", b=B)
    torch.manual_seed(9)
    assert_same(got, F.fractional_max_pool3d(B, 2, output_size=2, return_indices=True), 0)
    # one ratio per spatial dimension
    _, got = run("torch::manual_seed 3; torch::fractional_maxpool2d $m 2 {0.5 0.75}", m=M)
    torch.manual_seed(3)
    assert_same(got, F.fractional_max_pool2d(M, 2, output_ratio=(0.5, 0.75)), 0)


@pytest.mark.parametrize("script,needle", [
    ("torch::celu nosuch", 'Invalid tensor name "nosuch"'),
    ("torch::conv1d $v $x", "weight"),                       # shape mismatch, quoted from torch
    ("torch::glu $v 7", "Dimension out of range"),
    ("torch::reflection_pad2d $m {1 2 3}", "padding must have 4 values"),
    ("torch::reflection_pad1d $v {9 9}", "Padding size should be less than"),
    ("torch::avgpool2d $m 0", "must be at least 1"),
    ("torch::maxpool2d $m -kernel_size 2 -bogus 1", "Unknown parameter: -bogus"),
    ("torch::hardtanh $x abc", 'expected floating-point number but got "abc"'),
    ("torch::softmax2d $x -dim 5", "Dimension out of range"),
    # torch's functional forms: IndexError "tuple index out of range", an empty
    # output for 0 (nn.FractionalMaxPool2d refuses both), ZeroDivisionError
    ("torch::fractional_maxpool2d $m 2 {0.5 0.5 0.5}",
     'Invalid output_ratio value: expected one number or a list of 2 numbers but got'),
    ("torch::fractional_maxpool2d $m 2 {0.0 0.5}",
     "Invalid output_ratio value: must lie between 0 and 1 (both excluded)"),
    ("torch::fractional_maxpool2d -input $m -kernel_size 2 -output_ratio 1",
     "Invalid output_ratio value: must lie between 0 and 1"),
    ("torch::lppool2d $m 0 2", "Invalid norm_type value: must not be 0, got 0"),
    ("torch::lppool1d -input $v -normType 0.0 -kernelSize 2", "Invalid normType value: must not be 0"),
])
def test_bad_input_is_a_tcl_error_and_the_interpreter_goes_on(script, needle):
    from tclish import Interp
    from tclish.runtime.errors import TclError
    interp = Interp()
    for name in ("v", "m", "x"):
        interp.setvar(name, interp.handle(T[name]))
    msg = interp.eval("catch {%s} msg; set msg" % script)
    assert needle in msg, msg
    assert "Traceback" not in msg and "Warning" not in msg
    assert interp.eval("torch::tensor_shape [torch::relu6 $x]") == "2 3"
    with pytest.raises(TclError):
        interp.eval(script)
