"""Tensor queries and their Tcl result formats (those of TCLIBTORCH)."""

import math

import torch

from ...runtime.values import TclList

# tensor_dtype's names
_DTYPE_NAMES = {
    torch.float32: "Float32", torch.float64: "Float64", torch.float16: "Float16",
    torch.bfloat16: "BFloat16", torch.int32: "Int32", torch.int64: "Int64",
    torch.int16: "Int16", torch.int8: "Int8", torch.uint8: "UInt8", torch.bool: "Bool",
}


def dtype_name(dtype):
    return _DTYPE_NAMES.get(dtype) or str(dtype).replace("torch.", "")


def shape(input):
    return TclList(input.shape)


def dtype(input):
    return dtype_name(input.dtype)


def device(input):
    return str(input.device)


def numel(input):
    return input.numel()


def item(input):
    """Integers and booleans exactly; floats as C's %f (5.000000), as TCLIBTORCH."""
    if input.numel() != 1:
        raise ValueError("Tensor must have exactly one element, got %d" % input.numel())
    if input.dtype == torch.bool:
        return 1 if input.item() else 0
    if not (input.is_floating_point() or input.is_complex()):
        return input.item()
    return "%f" % input.item()


def to_list(input):
    """Every value, flattened, as a Tcl list (booleans as 0/1)."""
    flat = input.detach().reshape(-1)
    if flat.dtype == torch.bool:
        flat = flat.to(torch.int64)
    return TclList(flat.tolist())


def _scalar_text(v):
    # C++ `ostream << float`: 6 significant digits, a "." after whole numbers
    text = "%g" % v
    if not math.isnan(v) and math.floor(v) == v:
        text += "."
    return text


def _print(values, sizes, depth, out):
    dim = len(sizes)
    if dim == 0:
        out.append(_scalar_text(values))
        return
    if math.prod(sizes) == 1:
        while isinstance(values, list):
            values = values[0]
        out.append("{")
        out.append(_scalar_text(values))
        out.append("}")
        return
    if dim == 2:
        sep = " "
    elif dim == 3:
        sep = " \n" + " " * 11
    else:
        sep = " " + " " * (depth + 1)
    out.append("{")
    for i, sub in enumerate(values):
        if i:
            out.append(sep)
        _print(sub, sizes[1:], depth + 1, out)
    out.append("}")


def print(input):
    """The values in nested braces, spaced as TCLIBTORCH prints them."""
    # every element goes through a C float, whatever the dtype
    t = input.detach().to(device="cpu", dtype=torch.float32)
    out = []
    _print(t.tolist(), tuple(t.shape), 1, out)
    return "".join(out)


def cuda_is_available():
    return 1 if torch.cuda.is_available() else 0


def handles(registry):
    rows = TclList()
    for name, t in registry.live("tensor"):
        rows.append(TclList((name, TclList(t.shape), dtype_name(t.dtype), str(t.device))))
    # then every other kind (modules, optimizers, schedulers, ...): {name kind class}
    for kind in sorted(k for k in registry.tables if k != "tensor"):
        for name, obj in registry.live(kind):
            rows.append(TclList((name, kind, type(obj).__name__)))
    return rows


def free(registry, names):
    for name in names:
        registry.free(name)
    return ""
