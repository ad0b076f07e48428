"""examples/train_mlp.tcl and train_cnn.tcl against the same training written in
PyTorch: the same loss at every step (1e-5 relative), and the resumed run of the MLP
example repeats the uninterrupted losses exactly."""

import os

import pytest

torch = pytest.importorskip("torch")

from tclish import Interp  # noqa: E402
from tclish.runtime.values import to_float, to_list  # noqa: E402
from tclish.torchbridge.install import install  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
nn = torch.nn
F = torch.nn.functional


def run_example(name, steps):
    interp = Interp()
    if interp.runtime.resolve_command("torch::zeros") is None:
        install(interp.runtime)
    interp.eval("set steps %d; set quiet 1" % steps)
    interp.eval("source {%s}" % os.path.join(ROOT, "examples", name))
    return interp


def losses_of(interp, var="losses"):
    return [to_float(v) for v in to_list(interp.eval("set " + var))]


def mlp_reference(steps):
    torch.manual_seed(42)
    x = torch.randn(128, 4)
    w = torch.tensor([1.5, -2.0, 0.5, 3.0]).reshape(4, 1)
    noise = torch.randn(128, 1) * 0.1
    y = x @ w + noise
    fc1, fc2 = nn.Linear(4, 32), nn.Linear(32, 1)
    opt = torch.optim.Adam(list(fc1.parameters()) + list(fc2.parameters()), 0.01)
    out = []
    for _ in range(steps):
        opt.zero_grad()
        loss = F.mse_loss(fc2(torch.relu(fc1(x))), y)
        loss.backward()
        opt.step()
        out.append(loss.item())
    return out


def cnn_reference(steps):
    torch.manual_seed(7)

    def batch(orientation, n):
        clean = torch.zeros(n, 1, 8, 8)
        for i in range(n):
            if orientation == "h":
                clean[i, 0, 2 + i % 4, :] = 1.0
            else:
                clean[i, 0, :, 2 + i % 4] = 1.0
        return clean + torch.randn(n, 1, 8, 8) * 0.5
    x = torch.cat([batch("h", 32), batch("v", 32)], 0)
    labels = torch.tensor([0] * 32 + [1] * 32)
    conv, fc = nn.Conv2d(1, 4, 3, 1, 1), nn.Linear(256, 2)
    opt = torch.optim.SGD(list(conv.parameters()) + list(fc.parameters()), 0.05, 0.9)
    out = []
    for _ in range(steps):
        opt.zero_grad()
        loss = F.cross_entropy(fc(torch.relu(conv(x)).reshape(-1, 256)), labels)
        loss.backward()
        opt.step()
        out.append(loss.item())
    return out


def test_mlp_example_matches_pytorch_step_by_step_and_resumes_exactly():
    interp = run_example("train_mlp.tcl", 30)
    assert losses_of(interp) == pytest.approx(mlp_reference(30), rel=1e-5)
    assert str(interp.eval("set same")) == "1"
    assert len(to_list(interp.eval("set resumed"))) == 15


def test_cnn_example_matches_pytorch_step_by_step_and_learns():
    interp = run_example("train_cnn.tcl", 25)
    assert losses_of(interp) == pytest.approx(cnn_reference(25), rel=1e-5)
    assert to_float(interp.eval("set acc")) >= 0.95
    assert to_float(interp.eval("set reloaded_acc")) == to_float(interp.eval("set acc"))
