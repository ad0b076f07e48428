"""LR schedulers: torch.optim.lr_scheduler's classes made from TCLIBTORCH's
arguments; the warm-up, inverse-square-root and Noam schedules as LambdaLR with
their formulas; lambda schedules whose factor is a Tcl command.

A scheduler keeps its optimizer alive; stepping it writes the new learning rate
into the optimizer, where get_lr reads it.
"""

import math
import warnings

from torch.optim import lr_scheduler as S

from ...runtime.errors import TclError
from ...runtime.numbers import parse_number
from ...runtime.values import to_float, to_list, to_str


def _quiet(make, *args, **kwargs):
    # torch warns when a scheduler steps before its optimizer ever has; a Tcl script
    # that builds a schedule to look at it does exactly that
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return make(*args, **kwargs)


def _resume(optimizer, last_epoch):
    """torch refuses last_epoch >= 0 unless the groups remember their initial lr:
    a schedule resumed in a fresh optimizer starts from the lr it has now."""
    if last_epoch != -1:
        for group in optimizer.param_groups:
            group.setdefault("initial_lr", group["lr"])
    return last_epoch


def _positive(name, value):
    if value <= 0:
        raise ValueError("%s must be positive, got %s" % (name, value))
    return value


def step(optimizer, step_size, gamma=0.1):
    _positive("step_size", step_size)
    _positive("gamma", gamma)
    return _quiet(S.StepLR, optimizer, step_size, gamma)


def multi_step(optimizer, milestones, gamma=0.1):
    _positive("gamma", gamma)
    return _quiet(S.MultiStepLR, optimizer, milestones, gamma)


def exponential(optimizer, gamma=0.95):
    _positive("gamma", gamma)
    return _quiet(S.ExponentialLR, optimizer, gamma)


def cosine(optimizer, t_max, eta_min=0.0):
    _positive("T_max", t_max)
    return _quiet(S.CosineAnnealingLR, optimizer, t_max, eta_min)


def cosine_warm_restarts(optimizer, t_0, t_mult=1, eta_min=0.0):
    return _quiet(S.CosineAnnealingWarmRestarts, optimizer, t_0, t_mult, eta_min)


def polynomial(optimizer, total_iters, power=1.0, last_epoch=-1):
    _positive("total_iters", total_iters)
    return _quiet(S.PolynomialLR, optimizer, total_iters, power,
                  _resume(optimizer, last_epoch))


def _lambda(optimizer, factor, last_epoch=-1):
    return _quiet(S.LambdaLR, optimizer, factor, _resume(optimizer, last_epoch))


def linear_with_warmup(optimizer, num_warmup_steps, num_training_steps, last_epoch=-1):
    """Linear warm-up from 0 over num_warmup_steps, then linear decay to 0 at
    num_training_steps (the schedule of Hugging Face's get_linear_schedule_with_warmup)."""
    if num_warmup_steps < 0 or num_training_steps <= 0:
        raise ValueError("warm-up steps must be >= 0 and training steps > 0")

    def factor(step):
        if step < num_warmup_steps:
            return step / max(1, num_warmup_steps)
        return max(0.0, (num_training_steps - step)
                   / max(1, num_training_steps - num_warmup_steps))
    return _lambda(optimizer, factor, last_epoch)


def constant_with_warmup(optimizer, num_warmup_steps, last_epoch=-1):
    """Linear warm-up from 0 over num_warmup_steps, then the base lr."""
    if num_warmup_steps < 0:
        raise ValueError("warm-up steps must be >= 0, got %d" % num_warmup_steps)

    def factor(step):
        return step / max(1, num_warmup_steps) if step < num_warmup_steps else 1.0
    return _lambda(optimizer, factor, last_epoch)


def inverse_sqrt(optimizer, warmup_steps, decay_factor=1.0):
    """decay_factor * min(s / warmup, sqrt(warmup / s)) with s = max(step, 1): a linear
    warm-up to the base lr at `warmup_steps`, then decay as 1/sqrt(step)."""
    _positive("warmup_steps", warmup_steps)

    def factor(step):
        s = max(step, 1)
        return decay_factor * min(s / warmup_steps, math.sqrt(warmup_steps / s))
    return _lambda(optimizer, factor)


def noam(optimizer, model_size, warmup_steps=4000):
    """The Transformer schedule (Vaswani et al. 2017): the base lr times
    model_size^-0.5 * min(s^-0.5, s * warmup^-1.5), s = max(step, 1)."""
    _positive("model_size", model_size)
    _positive("warmup_steps", warmup_steps)

    def factor(step):
        s = max(step, 1)
        return model_size ** -0.5 * min(s ** -0.5, s * warmup_steps ** -1.5)
    return _lambda(optimizer, factor)


def one_cycle(optimizer, max_lr, total_steps, pct_start=0.3, anneal_strategy="cos",
              div_factor=25.0, final_div_factor=1e4):
    return _quiet(S.OneCycleLR, optimizer, max_lr, total_steps, pct_start=pct_start,
                  anneal_strategy=anneal_strategy, div_factor=div_factor,
                  final_div_factor=final_div_factor, cycle_momentum=False)


def cyclic(optimizer, base_lr, max_lr, step_size=2000, mode="triangular", gamma=1.0):
    # cycle_momentum off: torch's default needs an optimizer with momentum, and
    # the learning rates do not depend on it
    return _quiet(S.CyclicLR, optimizer, base_lr, max_lr, step_size, mode=mode, gamma=gamma,
                  cycle_momentum=False)


def plateau(optimizer, mode="min", factor=0.1, patience=10, threshold=1e-4,
            threshold_mode="rel", min_lr=0.0, cooldown=0):
    # torch's bound (ReduceLROnPlateau: "Factor should be < 1.0."), named; 0 or less
    # is accepted as torch accepts it: the rate drops to min_lr
    if not factor < 1:
        raise ValueError("factor must be less than 1, got %s" % factor)
    return _quiet(S.ReduceLROnPlateau, optimizer, mode, factor, patience, threshold,
                  threshold_mode, cooldown, min_lr)


def _factor_function(registry, value, what):
    """A number is a constant factor; anything else is a Tcl command prefix called
    with the epoch appended, answering the factor (`apply {e {expr {0.9**$e}}}`)."""
    number = parse_number(to_str(value)) if not isinstance(value, (int, float)) else value
    if number is not None:
        # any number, as LambdaLR/MultiplicativeLR take any factor (a negative one
        # gives a negative rate: torch's optimizers check the rate only when made)
        number = float(number)
        return lambda epoch: number
    interp = registry.interp
    prefix = list(to_list(value))
    if not prefix:
        raise ValueError("%s is empty: give a number or a Tcl command prefix" % what)

    def factor(epoch):
        result = interp.invoke(prefix + [str(epoch)])
        try:
            return to_float(result)
        except TclError:
            raise TclError('the %s command must answer a number, got "%s"'
                           % (what, to_str(result))) from None
    return factor


def lambda_lr(registry, optimizer, multiplier=1.0):
    """LambdaLR: lr = base lr * f(epoch); f a constant or a Tcl command."""
    return _lambda(optimizer, _factor_function(registry, multiplier, "lambda"))


def multiplicative(registry, optimizer, lr_lambda=0.95):
    """MultiplicativeLR: each step multiplies the lr by f(epoch)."""
    return _quiet(S.MultiplicativeLR, optimizer,
                  _factor_function(registry, lr_lambda, "lr_lambda"))


def step_update(scheduler, metric=None):
    """Advance one step (a plateau scheduler needs the metric it watches)."""
    if isinstance(scheduler, S.ReduceLROnPlateau):
        if metric is None:
            raise ValueError("a plateau scheduler steps on a metric: give the loss or "
                             "accuracy it watches")
        _quiet(scheduler.step, metric)
    else:
        _quiet(scheduler.step)
    return "OK"


def current_lr(scheduler):
    return scheduler.optimizer.param_groups[0]["lr"]
