"""Optimizers: torch.optim's classes made from TCLIBTORCH's arguments, the step (with
a Tcl closure for LBFGS), zero_grad and the learning rate; LAMB and NovoGrad, which
torch.optim lacks, written from their papers.

An optimizer holds the parameter tensors themselves (module parameters, or leaf
tensors given by handle), so a step changes what every handle of them shows.
"""


import torch
from torch import optim

from ...runtime.errors import TclError
from ...runtime.values import to_str


def _betas(betas, beta1, beta2):
    if betas is not None:
        if len(betas) != 2:
            raise ValueError("betas must be two numbers {beta1 beta2}, got %d" % len(betas))
        return tuple(betas)
    return (beta1, beta2)


def _check_lr(lr):
    if lr <= 0:
        raise ValueError("Invalid learning rate: %s (must be positive)" % lr)
    return lr


def sgd(params, lr, momentum=0.0, dampening=0.0, weight_decay=0.0, nesterov=False):
    return optim.SGD(params, _check_lr(lr), momentum, dampening, weight_decay, nesterov)


def momentum_sgd(params, lr, momentum=0.9, weight_decay=0.0, nesterov=False):
    return optim.SGD(params, _check_lr(lr), momentum, 0.0, weight_decay, nesterov)


def adam(params, lr=1e-3, beta1=0.9, beta2=0.999, weight_decay=0.0, eps=1e-8, amsgrad=False):
    return optim.Adam(params, _check_lr(lr), (beta1, beta2), eps, weight_decay, amsgrad)


def adamw(params, lr=1e-3, weight_decay=0.01, beta1=0.9, beta2=0.999, eps=1e-8, amsgrad=False):
    if weight_decay < 0:
        raise ValueError("Invalid weight_decay value: %s" % weight_decay)
    return optim.AdamW(params, _check_lr(lr), (beta1, beta2), eps, weight_decay, amsgrad)


def adagrad(params, lr=1e-2, eps=1e-10, weight_decay=0.0, lr_decay=0.0):
    return optim.Adagrad(params, _check_lr(lr), lr_decay, weight_decay, eps=eps)


def rmsprop(params, lr=1e-2, alpha=0.99, eps=1e-8, weight_decay=0.0, momentum=0.0,
            centered=False):
    return optim.RMSprop(params, _check_lr(lr), alpha, eps, weight_decay, momentum, centered)


def lbfgs(params, lr=1.0, max_iter=20, max_eval=None, tolerance_grad=1e-7,
          tolerance_change=1e-9, history_size=100, line_search_fn=None):
    return optim.LBFGS(params, _check_lr(lr), max_iter, max_eval, tolerance_grad,
                       tolerance_change, history_size,
                       None if line_search_fn in (None, "", "none") else line_search_fn)


def rprop(params, lr=1e-2, etas=None, step_sizes=None, eta_minus=0.5, eta_plus=1.2,
          step_size_min=1e-6, step_size_max=50.0):
    etas = tuple(etas) if etas is not None else (eta_minus, eta_plus)
    step_sizes = tuple(step_sizes) if step_sizes is not None else (step_size_min, step_size_max)
    if len(etas) != 2 or len(step_sizes) != 2:
        raise ValueError("etas and step sizes are pairs of numbers")
    return optim.Rprop(params, _check_lr(lr), etas, step_sizes)


def adamax(params, lr=2e-3, betas=None, eps=1e-8, weight_decay=0.0, beta1=0.9, beta2=0.999):
    return optim.Adamax(params, _check_lr(lr), _betas(betas, beta1, beta2), eps, weight_decay)


def nadam(params, lr=2e-3, betas=None, eps=1e-8, weight_decay=0.0, momentum_decay=4e-3,
          beta1=0.9, beta2=0.999):
    return optim.NAdam(params, _check_lr(lr), _betas(betas, beta1, beta2), eps, weight_decay,
                       momentum_decay)


def radam(params, lr=1e-3, betas=None, eps=1e-8, weight_decay=0.0, beta1=0.9, beta2=0.999):
    return optim.RAdam(params, _check_lr(lr), _betas(betas, beta1, beta2), eps, weight_decay)


def sparse_adam(params, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0.0):
    # torch's SparseAdam has no weight decay; a non-zero one is refused, not ignored
    if weight_decay:
        raise ValueError("SparseAdam has no weight decay (PyTorch's SparseAdam); "
                         "got weight_decay %s" % weight_decay)
    return optim.SparseAdam(params, _check_lr(lr), (beta1, beta2), eps)


def adafactor(params, lr=1e-2, eps2=None, clip_threshold=1.0, decay_rate=-0.8, beta1=None,
              weight_decay=0.0):
    """torch.optim.Adafactor: eps2 is the paper's epsilon_1 (added to the squared
    gradient), clip_threshold the update clipping d, decay_rate beta2's decay
    exponent.  TCLIBTORCH's `beta1 -1` means no momentum, which is torch's only form."""
    if beta1 is not None and beta1 >= 0:
        raise ValueError("torch's Adafactor has no first moment (beta1); leave it at -1")
    return optim.Adafactor(params, _check_lr(lr), beta2_decay=decay_rate, eps=(eps2, 1e-3),
                           d=clip_threshold, weight_decay=weight_decay)


class Lamb(optim.Optimizer):
    """LAMB (You et al., "Large Batch Optimization for Deep Learning", 2019): Adam's
    bias-corrected update r = m^ / (sqrt(v^) + eps) + wd * p, scaled per parameter
    tensor by the trust ratio ||p|| / ||r|| (1 where either norm is 0)."""

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-6, weight_decay=0.01):
        optim.Optimizer.__init__(self, params, dict(lr=lr, betas=betas, eps=eps,
                                                    weight_decay=weight_decay))

    @torch.no_grad()
    def step(self, closure=None):
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        for group in self.param_groups:
            beta1, beta2 = group["betas"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                state = self.state[p]
                if not state:
                    state["step"] = 0
                    state["exp_avg"] = torch.zeros_like(p)
                    state["exp_avg_sq"] = torch.zeros_like(p)
                state["step"] += 1
                t = state["step"]
                m, v = state["exp_avg"], state["exp_avg_sq"]
                m.mul_(beta1).add_(p.grad, alpha=1 - beta1)
                v.mul_(beta2).addcmul_(p.grad, p.grad, value=1 - beta2)
                r = (m / (1 - beta1 ** t)) / ((v / (1 - beta2 ** t)).sqrt() + group["eps"])
                if group["weight_decay"]:
                    r = r + group["weight_decay"] * p
                w_norm, r_norm = p.norm(), r.norm()
                trust = (w_norm / r_norm) if w_norm > 0 and r_norm > 0 else 1.0
                p.sub_(group["lr"] * trust * r)
        return loss


class NovoGrad(optim.Optimizer):
    """NovoGrad (Ginsburg et al., "Stochastic Gradient Methods with Layer-wise
    Adaptive Moments", 2019): a per-tensor second moment v of ||g||^2 (v = ||g||^2 at
    the first step), m = beta1 m + g / (sqrt(v) + eps) + wd * p (m = that sum at the
    first step), p -= lr * m."""

    def __init__(self, params, lr=1e-3, betas=(0.95, 0.98), eps=1e-8, weight_decay=0.0):
        optim.Optimizer.__init__(self, params, dict(lr=lr, betas=betas, eps=eps,
                                                    weight_decay=weight_decay))

    @torch.no_grad()
    def step(self, closure=None):
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        for group in self.param_groups:
            beta1, beta2 = group["betas"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                g = p.grad
                state = self.state[p]
                norm_sq = (g * g).sum()
                if not state:
                    state["v"] = norm_sq.clone()
                    update = g / (state["v"].sqrt() + group["eps"])
                    if group["weight_decay"]:
                        update = update + group["weight_decay"] * p
                    state["m"] = update.clone()
                else:
                    state["v"].mul_(beta2).add_(norm_sq, alpha=1 - beta2)
                    update = g / (state["v"].sqrt() + group["eps"])
                    if group["weight_decay"]:
                        update = update + group["weight_decay"] * p
                    state["m"].mul_(beta1).add_(update)
                p.sub_(group["lr"] * state["m"])
        return loss


def lamb(params, lr=1e-3, betas=None, eps=1e-6, weight_decay=0.01, beta1=0.9, beta2=0.999):
    return Lamb(params, _check_lr(lr), _betas(betas, beta1, beta2), eps, weight_decay)


def novograd(params, lr=1e-3, betas=None, eps=1e-8, weight_decay=0.0, beta1=0.95, beta2=0.98):
    return NovoGrad(params, _check_lr(lr), _betas(betas, beta1, beta2), eps, weight_decay)


# ---- using an optimizer ----

def closure_of(registry, script):
    """A Python closure that evaluates `script` in the interpreter (in the frame of
    the command that runs the step) and answers the loss tensor its result names."""
    interp = registry.interp

    def closure():
        with torch.enable_grad():
            result = interp.eval(script)
        loss = registry.tensors.find(to_str(result))
        if loss is None:
            raise TclError('the closure must answer a loss tensor handle, got "%s"'
                           % to_str(result))
        return loss
    return closure


def step(registry, optimizer, closure=None):
    """One step; a closure (a Tcl script answering the loss handle) is required by
    LBFGS and allowed for every optimizer, as in PyTorch."""
    if closure is None and isinstance(optimizer, optim.LBFGS):
        raise ValueError("LBFGS needs a closure: torch::optimizer_step $opt {script that "
                         "zeroes the gradients, computes the loss, calls tensor_backward "
                         "and answers the loss}")
    if closure is None:
        optimizer.step()
    else:
        optimizer.step(closure_of(registry, closure))
    return "OK"


def zero_grad(optimizer, set_to_none=True):
    optimizer.zero_grad(set_to_none)
    return "OK"


def get_lr(optimizer):
    return optimizer.param_groups[0]["lr"]


def set_lr(optimizer, lr):
    for group in optimizer.param_groups:
        group["lr"] = lr
    return lr
