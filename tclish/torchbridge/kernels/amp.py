"""Automatic mixed precision: torch's autocast state and torch.amp.GradScaler."""

import torch

from ..handles import NewHandle


def _device(device_type):
    if device_type in ("", "auto", None):
        return "cuda" if torch.cuda.is_available() else "cpu"
    if device_type not in ("cpu", "cuda"):
        raise ValueError("unknown device type %r: must be cpu or cuda" % device_type)
    return device_type


def enable(device_type, dtype):
    device = _device(device_type)
    if dtype is not None:
        set_dtype(dtype, device)
    torch.set_autocast_enabled(device, True)
    return ""


def disable(device_type):
    torch.set_autocast_enabled(_device(device_type), False)
    return ""


def is_enabled(device_type):
    return 1 if torch.is_autocast_enabled(_device(device_type)) else 0


def set_dtype(dtype, device_type):
    device = _device(device_type)
    allowed = (torch.float16, torch.bfloat16, torch.float32)
    if dtype not in allowed:
        raise ValueError("autocast dtype must be float16, bfloat16 or float32, not %s"
                         % str(dtype).replace("torch.", ""))
    torch.set_autocast_dtype(device, dtype)
    return ""


def get_dtype(device_type):
    return str(torch.get_autocast_dtype(_device(device_type))).replace("torch.", "")


def scaler_new(init_scale, growth_factor, backoff_factor, growth_interval, device_type):
    device = _device(device_type)
    scaler = torch.amp.GradScaler(device, init_scale=init_scale, growth_factor=growth_factor,
                                  backoff_factor=backoff_factor,
                                  growth_interval=growth_interval)
    return NewHandle("scaler", scaler, "scaler")


def scale(scaler, tensor):
    return scaler.scale(tensor)


def step(scaler, optimizer):
    """Unscale the optimizer's gradients and step, unless one of them is inf or
    NaN: then the step is skipped (and update lowers the scale)."""
    scaler.step(optimizer)
    return "OK"


def update(scaler, new_scale):
    scaler.update(new_scale)
    return ""


def get_scale(scaler):
    return float(scaler.get_scale())
