"""Automatic mixed precision: torch's autocast state and torch.amp.GradScaler."""

import torch

from ..handles import NewHandle
from .autograd import scoped


def _device(device_type):
    if device_type in ("", "auto", None):
        return "cuda" if torch.cuda.is_available() else "cpu"
    if device_type not in ("cpu", "cuda"):
        raise ValueError("unknown device type %r: must be cpu or cuda" % device_type)
    return device_type


def enable(registry, device_type, dtype, script=None):
    """Turn autocast on for a device type; with a script, only while it runs (as
    `with torch.autocast(device_type, dtype):`), the state before restored after."""
    device = _device(device_type)
    if dtype is not None:
        _check_dtype(dtype)
    if script is not None:
        return scoped(registry, torch.autocast(device, dtype=dtype, enabled=True), script)
    if dtype is not None:
        torch.set_autocast_dtype(device, dtype)
    torch.set_autocast_enabled(device, True)
    return "autocast enabled"


def disable(registry, device_type, script=None):
    device = _device(device_type)
    if script is not None:
        return scoped(registry, torch.autocast(device, enabled=False), script)
    torch.set_autocast_enabled(device, False)
    return "autocast disabled"


def is_enabled(device_type):
    return 1 if torch.is_autocast_enabled(_device(device_type)) else 0


def _check_dtype(dtype):
    if dtype not in (torch.float16, torch.bfloat16, torch.float32):
        raise ValueError("autocast dtype must be float16, bfloat16 or float32, not %s"
                         % str(dtype).replace("torch.", ""))


def set_dtype(dtype, device_type):
    device = _device(device_type)
    _check_dtype(dtype)
    torch.set_autocast_dtype(device, dtype)
    return "autocast dtype set"


def get_dtype(device_type):
    return str(torch.get_autocast_dtype(_device(device_type))).replace("torch.", "")


def scaler_new(init_scale, growth_factor, backoff_factor, growth_interval, device_type):
    device = _device(device_type)
    scaler = torch.amp.GradScaler(device, init_scale=init_scale, growth_factor=growth_factor,
                                  backoff_factor=backoff_factor,
                                  growth_interval=growth_interval)
    if scaler.is_enabled():
        # torch makes the scale tensor at the first scale(); made now, get_scale,
        # update -new_scale and step answer the same before it as after
        scaler._lazy_init_scale_growth_tracker(torch.device(device))
    return NewHandle("scaler", scaler, "scaler")


def scale(scaler, tensor):
    return scaler.scale(tensor)


def step(scaler, optimizer):
    """Unscale the optimizer's gradients and step, unless one of them is inf or
    NaN: then the step is skipped (and update lowers the scale)."""
    if scaler.is_enabled() and not any(p.grad is not None for group in optimizer.param_groups
                                       for p in group["params"]):
        # torch asserts deep inside, leaving the scaler half-way through a step
        raise ValueError("none of the optimizer's parameters has a gradient: backward a loss "
                         "scaled by grad_scaler_scale first (nothing was changed)")
    scaler.step(optimizer)
    return "scaler step completed"


def update(scaler, new_scale):
    if new_scale is None and scaler.is_enabled() and not any(
            state["found_inf_per_device"] for state in scaler._per_optimizer_states.values()):
        raise ValueError("no grad_scaler_step since the last update to adapt the scale to "
                         "(give -new_scale to set a scale)")
    scaler.update(new_scale)
    return "scaler updated"


def get_scale(scaler):
    return float(scaler.get_scale())
