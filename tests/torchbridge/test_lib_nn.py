"""The nn and training commands against PyTorch called directly from Python.

Tables of (Tcl script, Python reference, tolerance): layers (weights equal under
the same seed, every module kind runs), losses (every reduction, both spellings),
optimizers (parameters after some steps), LR schedulers (get_lr after N steps for
every kind), autograd (grad modes, functional transforms over Tcl functions),
checkpoints (Python reads what Tcl wrote and the reverse), and bad input."""

import math
import warnings

import pytest

torch = pytest.importorskip("torch")

from tclish import TclError  # noqa: E402
from tclish.runtime.values import to_float, to_list, to_str  # noqa: E402
from tclish.torchbridge.api import tensor_of  # noqa: E402
from tclish.torchbridge.handles import registry_of  # noqa: E402

nn = torch.nn
F = torch.nn.functional


def tensor(tcl, script):
    return tensor_of(tcl.runtime, to_str(tcl.eval(script)))


def module(tcl, name):
    return registry_of(tcl.runtime).get(to_str(name), "module")


# ---- layers: same weights as Python after the same seed, same outputs ----

LAYERS = [
    ("torch::linear 4 3", lambda: nn.Linear(4, 3), (2, 4)),
    ("torch::linear 4 3 0", lambda: nn.Linear(4, 3, bias=False), (2, 4)),
    ("torch::conv2d 2 3 3 1 1", lambda: nn.Conv2d(2, 3, 3, 1, 1), (1, 2, 5, 5)),
    ("torch::batchnorm2d 2", lambda: nn.BatchNorm2d(2), (3, 2, 2, 2)),
    ("torch::batch_norm1d 3", lambda: nn.BatchNorm1d(3), (4, 3)),
    ("torch::layer_norm 4", lambda: nn.LayerNorm(4), (2, 4)),
    ("torch::group_norm 2 4", lambda: nn.GroupNorm(2, 4), (2, 4, 3)),
    ("torch::maxpool1d 2", lambda: nn.MaxPool1d(2), (1, 2, 6)),
    ("torch::maxpool3d 2", lambda: nn.MaxPool3d(2), (1, 1, 4, 4, 4)),
    ("torch::sequential [list [torch::linear 4 5] [torch::linear 5 2]]",
     lambda: nn.Sequential(nn.Linear(4, 5), nn.Linear(5, 2)), (3, 4)),
]


@pytest.mark.parametrize("script,make,shape", LAYERS, ids=[r[0] for r in LAYERS])
def test_layers_have_pytorchs_weights_and_outputs(tcl, script, make, shape):
    tcl.eval("torch::manual_seed 5")
    m = module(tcl, tcl.eval("set m [%s]" % script))
    x = tensor(tcl, "set x [torch::randn {%s}]" % " ".join(map(str, shape)))
    out = tensor(tcl, "torch::layer_forward $m $x")
    torch.manual_seed(5)
    ref = make()
    ref_x = torch.randn(*shape)
    assert torch.allclose(out, ref(ref_x), atol=1e-6)
    # after the same forward pass (batch norm updates its running statistics)
    for (name, p), (ref_name, q) in zip(m.state_dict().items(), ref.state_dict().items()):
        assert name == ref_name and torch.allclose(p.float(), q.float(), atol=1e-7)


@pytest.mark.parametrize("cmd,cls,kw", [
    ("lstm", nn.LSTM, {}), ("gru", nn.GRU, {}),
    ("rnn_tanh", nn.RNN, {"nonlinearity": "tanh"}),
    ("rnn_relu", nn.RNN, {"nonlinearity": "relu"})])
def test_recurrent_layers_take_and_give_the_hidden_state(tcl, cmd, cls, kw):
    tcl.eval("torch::manual_seed 3")
    tcl.eval("set m [torch::%s 2 3 2]; set x [torch::randn {4 1 2}]" % cmd)
    torch.manual_seed(3)
    ref = cls(2, 3, 2, **kw)
    x = torch.randn(4, 1, 2)
    out, state = ref(x)
    result = [tensor_of(tcl.runtime, to_str(h))
              for h in to_list(tcl.eval("set r [torch::layer_forward $m $x]"))]
    expected = [out] + (list(state) if isinstance(state, tuple) else [state])
    assert len(result) == len(expected)
    for a, b in zip(result, expected):
        assert torch.allclose(a, b, atol=1e-6)
    # feeding the state back in continues the sequence as PyTorch does
    hidden = "[lrange $r 1 end]"
    out2 = tensor(tcl, "lindex [torch::layer_forward -layer $m -input $x -hidden %s] 0" % hidden)
    assert torch.allclose(out2, ref(x, state)[0], atol=1e-6)


def test_parameters_alias_and_train_eval_freeze_count_summary(tcl):
    tcl.eval("set fc [torch::linear 3 2]")
    fc = module(tcl, tcl.eval("set fc"))
    w = tensor(tcl, "lindex [torch::layer_parameters $fc] 0")
    assert w is fc.weight
    assert int(tcl.eval("torch::count_parameters $fc")) == 8
    assert to_str(tcl.eval("torch::model_eval $fc")) == to_str(tcl.eval("set fc"))
    assert not fc.training
    tcl.eval("torch::model_train $fc")
    assert fc.training
    tcl.eval("torch::freeze_model $fc")
    assert not any(p.requires_grad for p in fc.parameters())
    tcl.eval("torch::unfreeze_model $fc")
    assert all(p.requires_grad for p in fc.parameters())
    summary = to_str(tcl.eval("torch::model_summary [torch::sequential [list $fc]]"))
    assert "Linear" in summary and "Total parameters: 8" in summary


def test_dropout_follows_train_and_eval(tcl):
    tcl.eval("set d [torch::dropout 0.5]; set x [torch::ones {1000}]")
    assert 0 < float(tensor(tcl, "torch::layer_forward $d $x").eq(0).float().mean()) < 1
    tcl.eval("torch::model_eval $d")
    assert torch.equal(tensor(tcl, "torch::layer_forward $d $x"), torch.ones(1000))


# ---- losses: every reduction, by name and by TCLIBTORCH's number ----

_P = [[0.2, 0.9, 0.4], [0.7, 0.1, 0.5]]
_T = [[0.0, 1.0, 1.0], [1.0, 0.0, 0.0]]
_C = [1, 0]


def _t(v, dtype=torch.float32):
    return torch.tensor(v, dtype=dtype)


def _tcl_data(v):
    return "{%s}" % " ".join(_tcl_data(x) if isinstance(x, list) else repr(float(x))
                             if not isinstance(x, int) else str(x) for x in v)


LOSSES = [
    ("mse_loss {P} {T}", lambda r: F.mse_loss(_t(_P), _t(_T), reduction=r)),
    ("l1_loss {P} {T}", lambda r: F.l1_loss(_t(_P), _t(_T), reduction=r)),
    ("bce_loss {P} {T} {{}}", lambda r: F.binary_cross_entropy(_t(_P), _t(_T), reduction=r)),
    ("cross_entropy_loss {P} {C} {{}}",
     lambda r: F.cross_entropy(_t(_P), _t(_C, torch.int64), reduction=r)),
    ("nll_loss {P} {C} {{}}", lambda r: F.nll_loss(_t(_P), _t(_C, torch.int64), reduction=r)),
    ("smooth_l1_loss {P} {T}", lambda r: F.smooth_l1_loss(_t(_P), _t(_T), reduction=r)),
    ("huber_loss {P} {T}", lambda r: F.huber_loss(_t(_P), _t(_T), reduction=r)),
    ("kl_div_loss {P} {T}", lambda r: F.kl_div(_t(_P), _t(_T), reduction=r)),
    ("soft_margin_loss {P} {T}", lambda r: F.soft_margin_loss(_t(_P), _t(_T), reduction=r)),
    ("multilabel_soft_margin_loss {P} {T}",
     lambda r: F.multilabel_soft_margin_loss(_t(_P), _t(_T), reduction=r)),
    ("multi_margin_loss {P} {C} 1 1.0",
     lambda r: F.multi_margin_loss(_t(_P), _t(_C, torch.int64), reduction=r)),
    ("hinge_embedding_loss {P} {S}",
     lambda r: F.hinge_embedding_loss(_t(_P), _t(_S), reduction=r)),
    ("poisson_nll_loss {P} {T}", lambda r: F.poisson_nll_loss(_t(_P), _t(_T), reduction=r)),
    ("gaussian_nll_loss {P} {T} {P} 0 1e-6",
     lambda r: F.gaussian_nll_loss(_t(_P), _t(_T), _t(_P), reduction=r)),
    ("cosine_embedding_loss {P} {T} {S1} 0.0",
     lambda r: F.cosine_embedding_loss(_t(_P), _t(_T), _t(_S1), reduction=r)),
    ("margin_ranking_loss {P} {T} {S} 0.1",
     lambda r: F.margin_ranking_loss(_t(_P), _t(_T), _t(_S), margin=0.1, reduction=r)),
    ("triplet_margin_loss {P} {T} {Q} 1.0 2.0",
     lambda r: F.triplet_margin_loss(_t(_P), _t(_T), _t(_Q), reduction=r)),
    ("triplet_margin_with_distance_loss {P} {T} {Q} cosine 1.0",
     lambda r: F.triplet_margin_with_distance_loss(
         _t(_P), _t(_T), _t(_Q), distance_function=lambda a, b: 1 - F.cosine_similarity(a, b),
         reduction=r)),
    ("focal_loss {P} {C} 0.25 2.0",
     lambda r: _red(0.25 * (1 - torch.exp(-F.cross_entropy(_t(_P), _t(_C, torch.int64),
                                                           reduction="none"))) ** 2
                    * F.cross_entropy(_t(_P), _t(_C, torch.int64), reduction="none"), r)),
]
_S = [[1.0, -1.0, 1.0], [-1.0, 1.0, -1.0]]
_S1 = [1.0, -1.0]
_Q = [[0.3, 0.3, 0.3], [0.0, 0.5, 1.0]]


def _red(x, r):
    return x.mean() if r == "mean" else x.sum() if r == "sum" else x


def _fill(script):
    data = {"P": _P, "T": _T, "S": _S, "S1": _S1, "Q": _Q}
    for key in sorted(data, key=len, reverse=True):
        script = script.replace("{%s}" % key, "[torch::tensor_create %s]" % _tcl_data(data[key]))
    return script.replace("{C}", "[torch::tensor_create %s int64]" % _tcl_data(_C)).replace(
        "{{}}", "{}")


@pytest.mark.parametrize("script,ref", LOSSES, ids=[r[0].split()[0] for r in LOSSES])
def test_losses_match_pytorch_for_every_reduction(tcl, script, ref):
    base = "torch::" + _fill(script)
    for word, number in (("none", 0), ("mean", 1), ("sum", 2)):
        with warnings.catch_warnings():     # kl_div's about "mean"
            warnings.simplefilter("ignore")
            expected = ref(word)
        for spelling in (word, number):
            got = tensor(tcl, "%s -reduction %s" % (base, spelling))
            assert torch.allclose(got, expected, atol=1e-6), (word, spelling)


def test_dice_and_tversky_follow_their_formulas(tcl):
    p, t = torch.sigmoid(_t(_P)), _t(_T)
    dice = 1 - (2 * (p * t).sum() + 1) / (p.sum() + t.sum() + 1)
    tp, fp, fn = (p * t).sum(), (p * (1 - t)).sum(), ((1 - p) * t).sum()
    tversky = 1 - (tp + 1) / (tp + 0.7 * fp + 0.3 * fn + 1)
    assert torch.allclose(tensor(tcl, _fill("torch::dice_loss {P} {T}")), dice)
    assert torch.allclose(tensor(tcl, _fill("torch::tversky_loss {P} {T}")), tversky)


# ---- optimizers: the parameters after three steps of f(w) = sum(w^2 * c) ----

OPTIMIZERS = [
    ("optimizer_sgd $p 0.1 0.9 0.1 0.01 0", lambda p: torch.optim.SGD(p, 0.1, 0.9, 0.1, 0.01)),
    ("optimizer_sgd $p 0.1 0.9 0.0 0.0 1",
     lambda p: torch.optim.SGD(p, 0.1, 0.9, nesterov=True)),
    ("optimizer_momentum_sgd $p 0.1", lambda p: torch.optim.SGD(p, 0.1, 0.9)),
    ("optimizer_adam $p 0.1 0.8 0.9 0.01", lambda p: torch.optim.Adam(p, 0.1, (0.8, 0.9),
                                                                      weight_decay=0.01)),
    ("optimizer_adamw $p 0.1", lambda p: torch.optim.AdamW(p, 0.1)),
    ("optimizer_adagrad $p 0.1", lambda p: torch.optim.Adagrad(p, 0.1)),
    ("optimizer_rmsprop $p 0.01 0.9", lambda p: torch.optim.RMSprop(p, 0.01, 0.9)),
    ("optimizer_rprop $p 0.01 {0.4 1.3}", lambda p: torch.optim.Rprop(p, 0.01, (0.4, 1.3))),
    ("optimizer_adamax $p 0.01 {0.8 0.9}", lambda p: torch.optim.Adamax(p, 0.01, (0.8, 0.9))),
    ("optimizer_nadam -parameters $p -lr 0.01 -beta1 0.8",
     lambda p: torch.optim.NAdam(p, 0.01, (0.8, 0.999))),
    ("optimizer_radam $p 0.01", lambda p: torch.optim.RAdam(p, 0.01)),
    ("optimizer_adafactor $p 0.01", lambda p: torch.optim.Adafactor(p, 0.01)),
]


def _quadratic(w):
    return (w * w * torch.tensor([1.0, 2.0, 3.0])).sum()


def _run_python(make, steps=3):
    w = torch.tensor([1.0, -2.0, 0.5], requires_grad=True)
    opt = make([w])
    for _ in range(steps):
        opt.zero_grad()
        _quadratic(w).backward()
        opt.step()
    return w.detach()


def _run_tcl(tcl, make_script, steps=3):
    tcl.eval("set w [torch::tensor_create -data {1.0 -2.0 0.5} -requiresGrad 1]; "
             "set c [torch::tensor_create {1.0 2.0 3.0}]; set p [list $w]")
    tcl.eval("set opt [torch::%s]" % make_script)
    for _ in range(steps):
        tcl.eval("torch::optimizer_zero_grad $opt; torch::tensor_backward "
                 "[torch::tensor_sum [torch::tensor_mul [torch::tensor_mul $w $w] $c]]; "
                 "torch::optimizer_step $opt")
    return tensor(tcl, "set w").detach()


@pytest.mark.parametrize("script,make", OPTIMIZERS, ids=[r[0].split()[0] for r in OPTIMIZERS])
def test_optimizers_step_as_pytorchs(tcl, script, make):
    assert torch.allclose(_run_tcl(tcl, script), _run_python(make), atol=1e-6)


def _lamb_reference(lr=0.01, b1=0.9, b2=0.999, eps=1e-6, wd=0.01, steps=3):
    """LAMB from You et al. 2019, Algorithm 2, one tensor."""
    w = torch.tensor([1.0, -2.0, 0.5], requires_grad=True)
    m = torch.zeros(3)
    v = torch.zeros(3)
    for t in range(1, steps + 1):
        w.grad = None
        _quadratic(w).backward()
        g = w.grad
        with torch.no_grad():
            m = b1 * m + (1 - b1) * g
            v = b2 * v + (1 - b2) * g * g
            r = (m / (1 - b1 ** t)) / ((v / (1 - b2 ** t)).sqrt() + eps) + wd * w
            w -= lr * (w.norm() / r.norm()) * r
    return w.detach()


def _novograd_reference(lr=0.01, b1=0.95, b2=0.98, eps=1e-8, wd=0.0, steps=3):
    """NovoGrad from Ginsburg et al. 2019, Algorithm 1, one layer."""
    w = torch.tensor([1.0, -2.0, 0.5], requires_grad=True)
    m = v = None
    for _ in range(steps):
        w.grad = None
        _quadratic(w).backward()
        g = w.grad
        with torch.no_grad():
            n = float((g * g).sum())
            v = n if v is None else b2 * v + (1 - b2) * n
            u = g / (math.sqrt(v) + eps) + wd * w
            m = u if m is None else b1 * m + u
            w -= lr * m
    return w.detach()


def test_lamb_and_novograd_follow_their_papers(tcl):
    assert torch.allclose(_run_tcl(tcl, "optimizer_lamb $p 0.01"), _lamb_reference(), atol=1e-6)
    assert torch.allclose(_run_tcl(tcl, "optimizer_novograd $p 0.01"), _novograd_reference(),
                          atol=1e-6)


def test_lbfgs_steps_with_a_tcl_closure(tcl):
    tcl.eval("set w [torch::tensor_create -data {1.0 -2.0 0.5} -requiresGrad 1]; "
             "set c [torch::tensor_create {1.0 2.0 3.0}]")
    tcl.eval("set opt [torch::optimizer_lbfgs [list $w] 0.5 5]")
    tcl.eval("torch::optimizer_step $opt {torch::optimizer_zero_grad $opt; "
             "set l [torch::tensor_sum [torch::tensor_mul [torch::tensor_mul $w $w] $c]]; "
             "torch::tensor_backward $l; set l}")
    w = torch.tensor([1.0, -2.0, 0.5], requires_grad=True)
    opt = torch.optim.LBFGS([w], 0.5, 5)

    def closure():
        opt.zero_grad()
        loss = _quadratic(w)
        loss.backward()
        return loss
    opt.step(closure)
    assert torch.allclose(tensor(tcl, "set w"), w.detach(), atol=1e-6)
    with pytest.raises(TclError, match="closure"):
        tcl.eval("torch::optimizer_step $opt")


def test_learning_rate_reads_and_writes(tcl):
    tcl.eval("set opt [torch::optimizer_adam [torch::linear 2 1] 0.01]")
    assert to_float(tcl.eval("torch::get_lr $opt")) == 0.01
    tcl.eval("torch::optimizer_set_lr $opt 0.5")
    assert to_float(tcl.eval("torch::get_lr $opt")) == 0.5


# ---- LR schedulers: get_lr after N steps equals PyTorch's ----

S = torch.optim.lr_scheduler


def _noam(step, d=16, warmup=4):
    s = max(step, 1)
    return d ** -0.5 * min(s ** -0.5, s * warmup ** -1.5)


SCHEDULERS = [
    ("lr_scheduler_step $opt 2 0.5", lambda o: S.StepLR(o, 2, 0.5)),
    ("lr_scheduler_multi_step $opt {2 5} 0.3", lambda o: S.MultiStepLR(o, [2, 5], 0.3)),
    ("lr_scheduler_exponential $opt 0.9", lambda o: S.ExponentialLR(o, 0.9)),
    ("lr_scheduler_exponential_decay $opt 0.8", lambda o: S.ExponentialLR(o, 0.8)),
    ("lr_scheduler_cosine $opt 5 0.01", lambda o: S.CosineAnnealingLR(o, 5, 0.01)),
    ("lr_scheduler_cosine_annealing $opt 4", lambda o: S.CosineAnnealingLR(o, 4)),
    ("lr_scheduler_cosine_annealing_warm_restarts $opt 3 2 0.001",
     lambda o: S.CosineAnnealingWarmRestarts(o, 3, 2, 0.001)),
    # PyTorch's own option spellings, as TCLIBTORCH's scripts write them
    ("lr_scheduler_cosine -optimizer $opt -T_max 5 -eta_min 0.01",
     lambda o: S.CosineAnnealingLR(o, 5, 0.01)),
    ("lr_scheduler_cosine_annealing_warm_restarts -optimizer $opt -T_0 3 -T_mult 2",
     lambda o: S.CosineAnnealingWarmRestarts(o, 3, 2)),
    ("lr_scheduler_multiplicative $opt 0.9", lambda o: S.MultiplicativeLR(o, lambda e: 0.9)),
    ("lr_scheduler_polynomial $opt 5 2.0", lambda o: S.PolynomialLR(o, 5, 2.0)),
    ("lr_scheduler_onecycle_advanced $opt 1.0 10",
     lambda o: S.OneCycleLR(o, 1.0, 10, cycle_momentum=False)),
    ("lr_scheduler_one_cycle $opt 1.0 10 0.4 linear",
     lambda o: S.OneCycleLR(o, 1.0, 10, pct_start=0.4, anneal_strategy="linear",
                            cycle_momentum=False)),
    ("lr_scheduler_cyclic $opt 0.01 0.1 2 triangular2",
     lambda o: S.CyclicLR(o, 0.01, 0.1, 2, mode="triangular2", cycle_momentum=False)),
    ("lr_scheduler_lambda $opt {apply {e {expr {0.5 ** $e}}}}",
     lambda o: S.LambdaLR(o, lambda e: 0.5 ** e)),
    ("lr_scheduler_linear_with_warmup $opt 2 6",
     lambda o: S.LambdaLR(o, lambda s: s / 2 if s < 2 else max(0.0, (6 - s) / 4))),
    ("lr_scheduler_constant_with_warmup $opt 3",
     lambda o: S.LambdaLR(o, lambda s: s / 3 if s < 3 else 1.0)),
    ("lr_scheduler_inverse_sqrt $opt 4",
     lambda o: S.LambdaLR(o, lambda s: min(max(s, 1) / 4, math.sqrt(4 / max(s, 1))))),
    ("lr_scheduler_noam $opt 16 4", lambda o: S.LambdaLR(o, _noam)),
    # any constant factor, as torch takes it (TCLIBTORCH's lr_scheduler_lambda-5.8)
    ("lr_scheduler_lambda $opt -0.5", lambda o: S.LambdaLR(o, lambda e: -0.5)),
    ("lr_scheduler_multiplicative $opt 0", lambda o: S.MultiplicativeLR(o, lambda e: 0.0)),
]


@pytest.mark.parametrize("script,make", SCHEDULERS, ids=[r[0].split()[0] for r in SCHEDULERS])
def test_schedulers_give_pytorchs_rates(tcl, script, make):
    tcl.eval("set opt [torch::optimizer_sgd [torch::linear 2 1] 0.1]; set s [torch::%s]"
             % script)
    ref_opt = torch.optim.SGD(nn.Linear(2, 1).parameters(), 0.1)
    ref = make(ref_opt)
    for _ in range(7):
        ref_opt.step()
        ref.step()
        tcl.eval("torch::lr_scheduler_step_update $s")
        assert to_float(tcl.eval("torch::get_lr $opt")) == pytest.approx(
            ref_opt.param_groups[0]["lr"], rel=1e-12)
    assert to_float(tcl.eval("torch::get_lr_advanced $s")) == pytest.approx(
        ref_opt.param_groups[0]["lr"], rel=1e-12)


def test_plateau_schedulers_step_on_a_metric(tcl):
    tcl.eval("set opt [torch::optimizer_sgd [torch::linear 2 1] 0.1]; "
             "set s [torch::lr_scheduler_plateau $opt min 0.5 1]")
    ref_opt = torch.optim.SGD(nn.Linear(2, 1).parameters(), 0.1)
    ref = S.ReduceLROnPlateau(ref_opt, "min", 0.5, 1)
    for metric in (1.0, 0.9, 0.95, 0.97, 0.99, 0.5, 0.6):
        ref.step(metric)
        tcl.eval("torch::lr_scheduler_step_advanced $s %s" % metric)
        assert to_float(tcl.eval("torch::get_lr $opt")) == ref_opt.param_groups[0]["lr"]
    with pytest.raises(TclError, match="metric"):
        tcl.eval("torch::lr_scheduler_step_update $s")


@pytest.mark.parametrize("factor", [0.0, -0.5])
def test_plateau_takes_the_factors_torch_takes(tcl, factor):
    # ReduceLROnPlateau refuses only factor >= 1; 0 or less drops the rate to min_lr
    tcl.eval("set opt [torch::optimizer_sgd [torch::linear 2 1] 0.1]; "
             "set s [torch::lr_scheduler_reduce_on_plateau $opt min %s 0 -min_lr 0.001]" % factor)
    ref_opt = torch.optim.SGD(nn.Linear(2, 1).parameters(), 0.1)
    ref = S.ReduceLROnPlateau(ref_opt, "min", factor, 0, min_lr=0.001)
    for metric in (1.0, 1.5, 2.0):
        ref.step(metric)
        tcl.eval("torch::lr_scheduler_step_advanced $s %s" % metric)
        assert to_float(tcl.eval("torch::get_lr $opt")) == ref_opt.param_groups[0]["lr"]
    assert ref_opt.param_groups[0]["lr"] == 0.001
    with pytest.raises(TclError, match="factor must be less than 1, got 1.0"):
        tcl.eval("torch::lr_scheduler_plateau $opt min 1.0")


# ---- autograd ----

def test_grad_modes_global_and_scoped(tcl):
    tcl.eval("set x [torch::tensor_create -data {1.0 2.0} -requiresGrad 1]")
    assert to_str(tcl.eval(
        "torch::no_grad {torch::tensor_requires_grad [torch::tensor_mul $x 2.0]}")) == "0"
    assert torch.is_grad_enabled()
    with pytest.raises(TclError, match="boom"):
        tcl.eval("torch::no_grad {error boom}")
    assert torch.is_grad_enabled()
    try:
        tcl.eval("torch::set_grad_enabled 0")
        assert not torch.is_grad_enabled()
        assert to_str(tcl.eval("torch::is_grad_enabled")) == "0"
        assert to_str(tcl.eval("torch::enable_grad {torch::is_grad_enabled}")) == "1"
        assert not torch.is_grad_enabled()
    finally:
        tcl.eval("torch::enable_grad")
    assert torch.is_grad_enabled()


def test_backward_accumulates_and_zero_grad_clears(tcl):
    tcl.eval("set x [torch::tensor_create -data {1.0 2.0} -requiresGrad 1]; "
             "set y [torch::tensor_mul $x $x]")
    tcl.eval("torch::tensor_backward $y -gradient [torch::ones {2}] -retainGraph 1")
    tcl.eval("torch::tensor_backward $y [torch::ones {2}]")
    assert torch.equal(tensor(tcl, "torch::tensor_grad $x"), torch.tensor([4.0, 8.0]))
    with pytest.raises(TclError, match="not a leaf"):
        tcl.eval("torch::tensor_grad $y")
    tcl.eval("torch::optimizer_zero_grad [torch::optimizer_sgd [list $x] 0.1]")
    with pytest.raises(TclError, match="No gradient"):
        tcl.eval("torch::tensor_grad $x")
    assert to_str(tcl.eval("torch::tensor_requires_grad [torch::tensor_detach $x]")) == "0"


FUNCTIONAL = [
    ("torch::jacobian $sq $x", lambda x: torch.autograd.functional.jacobian(lambda t: t * t, x)),
    ("torch::hessian $cube $x",
     lambda x: torch.autograd.functional.hessian(lambda t: (t ** 3).sum(), x)),
    ("torch::vjp $sq $x $v", lambda x: torch.autograd.functional.vjp(
        lambda t: t * t, x, torch.tensor([1.0, 0.5]))[1]),
    ("torch::jvp $sq $x $v", lambda x: torch.autograd.functional.jvp(
        lambda t: t * t, x, torch.tensor([1.0, 0.5]))[1]),
    ("torch::vmap $sum [torch::tensor_create {{1.0 2.0} {3.0 4.0}}]",
     lambda x: torch.tensor([3.0, 7.0])),
    ("torch::grad [torch::tensor_sum [torch::tensor_mul $xg $xg]] $xg",
     lambda x: 2 * x),
]


@pytest.mark.parametrize("script,ref", FUNCTIONAL, ids=[r[0].split()[0] for r in FUNCTIONAL])
def test_functional_transforms_of_tcl_functions(tcl, script, ref):
    tcl.eval("set sq {apply {t {torch::tensor_mul $t $t}}}; "
             "set cube {apply {t {torch::tensor_sum [torch::tensor_mul $t "
             "[torch::tensor_mul $t $t]]}}}; set sum {apply {t {torch::tensor_sum $t}}}; "
             "set x [torch::tensor_create {1.0 2.0}]; set v [torch::tensor_create {1.0 0.5}]; "
             "set xg [torch::tensor_create -data {1.0 2.0} -requiresGrad 1]")
    assert torch.allclose(tensor(tcl, script), ref(torch.tensor([1.0, 2.0])))


def test_grad_check_and_functional_call(tcl):
    assert to_str(tcl.eval("torch::grad_check {apply {t {torch::tensor_mul $t $t}}} "
                           "[torch::tensor_create {1.0 2.0}]")) == "1"
    tcl.eval("set fc [torch::linear 2 1]")
    out = tensor(tcl, "torch::functional_call $fc [list weight [torch::ones {1 2}] bias "
                      "[torch::zeros {1}]] [torch::tensor_create {{1.0 2.0}}]")
    assert out.tolist() == [[3.0]]


# ---- checkpoints: PyTorch's format both ways, atomic, checked ----

def test_python_reads_what_tcl_saved_and_the_reverse(tcl, tmp_path):
    path = str(tmp_path / "m.pt")
    tcl.eval("torch::manual_seed 1; set fc [torch::linear 3 2]")
    tcl.eval("torch::save_state $fc {%s}" % path)
    ref = nn.Linear(3, 2)
    ref.load_state_dict(torch.load(path, weights_only=True))
    fc = module(tcl, tcl.eval("set fc"))
    assert torch.equal(ref.weight, fc.weight)
    other = nn.Linear(3, 2)
    torch.save(other.state_dict(), path)
    tcl.eval("torch::load_state_dict $fc {%s}" % path)
    assert torch.equal(other.weight, fc.weight)
    assert not [p for p in tmp_path.iterdir() if p.name != "m.pt"]    # no temp file left


def test_checkpoints_restore_model_optimizer_and_metadata(tcl, tmp_path):
    path = str(tmp_path / "ck.pt")
    tcl.eval("set fc [torch::linear 2 1]; set opt [torch::optimizer_adam $fc 0.01]")
    tcl.eval("torch::optimizer_step $opt")
    result = to_str(tcl.eval("torch::save_checkpoint $fc $opt {%s} 4 0.25" % path))
    assert "saved" in result
    data = torch.load(path, weights_only=True)
    assert data["epoch"] == 4 and data["loss"] == 0.25 and data["lr"] == 0.01
    info = to_list(tcl.eval("torch::get_checkpoint_info {%s}" % path))
    assert dict(zip(map(to_str, info[::2]), map(to_str, info[1::2])))["epoch"] == "4"
    assert "Checkpoint loaded" in to_str(
        tcl.eval("torch::load_checkpoint {%s} $fc $opt" % path))


def test_bad_files_and_architectures_change_nothing(tcl, tmp_path):
    good, bad = str(tmp_path / "good.pt"), str(tmp_path / "bad.pt")
    tcl.eval("set small [torch::linear 2 1]; set big [torch::linear 3 1]")
    tcl.eval("torch::save_state $small {%s}" % good)
    big = module(tcl, tcl.eval("set big"))
    before = big.weight.detach().clone()
    with pytest.raises(TclError, match="does not fit"):
        tcl.eval("torch::load_state $big {%s}" % good)
    with open(good, "rb") as f:
        head = f.read(100)
    with open(bad, "wb") as f:
        f.write(head)            # a truncated file
    with pytest.raises(TclError, match="cannot read"):
        tcl.eval("torch::load_state $big {%s}" % bad)
    with pytest.raises(TclError, match="no such file"):
        tcl.eval("torch::load_state $big {%s}" % str(tmp_path / "none.pt"))
    assert torch.equal(big.weight, before)
    # a file holding code is refused, never run
    import pickle

    class Evil:
        def __reduce__(self):
            return (print, ("pwned",))
    with open(bad, "wb") as f:
        pickle.dump({"weight": Evil()}, f)
    with pytest.raises(TclError, match="cannot read"):
        tcl.eval("torch::load_state $big {%s}" % bad)


# ---- bad input: clear errors, interpreter still usable ----

BAD = [
    ("torch::layer_forward [torch::ones {2}] [torch::ones {2}]", "module"),
    ("torch::layer_forward [torch::linear 2 1] nosuch", "nosuch"),
    ("torch::layer_forward [torch::linear 2 1] [torch::ones {3 5}]", "shape"),
    ("torch::optimizer_sgd {} 0.1", "no parameters"),
    ("torch::optimizer_adam [torch::linear 2 1] -0.1", "learning rate"),
    ("torch::optimizer_step [torch::ones {1}]", "optimizer"),
    ("torch::lr_scheduler_step [torch::linear 2 1] 2", "optimizer"),
    ("torch::mse_loss [torch::ones {2}] [torch::ones {2}] -reduction avg", "reduction"),
    ("torch::cross_entropy_loss [torch::ones {2 3}] [torch::ones {2}]", "Long"),
    ("torch::linear 0 2", "at least 1"),
    ("torch::lr_scheduler_lambda [torch::optimizer_sgd [torch::linear 2 1] 0.1] "
     "{apply {e {return abc}}}", "number"),
    ("torch::jacobian {apply {t {return notatensor}}} [torch::ones {2}]", "tensor handle"),
    ("torch::jvp {} [torch::ones {2}] [torch::ones {2}]", "function is empty"),
]


@pytest.mark.parametrize("script,words", BAD, ids=[r[0].split()[0][7:] for r in BAD])
def test_bad_input_is_a_clear_tcl_error(tcl, script, words):
    with pytest.raises(TclError) as e:
        tcl.eval(script)
    assert words.lower() in e.value.message.lower()
    assert "Traceback" not in e.value.message
    assert to_str(tcl.eval("expr {1 + 1}")) == "2"
