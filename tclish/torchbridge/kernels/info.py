"""Tensor queries and their Tcl result formats (those of TCLIBTORCH)."""

import math

import torch

from ...runtime.values import TclList

# tensor_dtype's names: TCLIBTORCH's five (Float32 Float64 Int32 Int64 Bool) and the same
# capitalisation for every other dtype; the lower-cased name is torch's (dtype_of reads both)
_PREFIXES = (("bfloat", "BFloat"), ("quint", "QUInt"), ("qint", "QInt"), ("uint", "UInt"))


def dtype_name(dtype):
    name = str(dtype).replace("torch.", "")
    for prefix, cap in _PREFIXES:
        if name.startswith(prefix):
            return cap + name[len(prefix):]
    return name[:1].upper() + name[1:]


def shape(input):
    return TclList(input.shape)


def dtype(input):
    return dtype_name(input.dtype)


def device(input):
    return str(input.device)


def numel(input):
    return input.numel()


def size(input, dim):
    return TclList(input.shape) if dim is None else input.size(dim)


def _complex(z):
    return TclList((z.real, z.imag))


# dtypes whose tolist() already gives Python ints and floats
_PLAIN = frozenset((torch.float32, torch.float64, torch.float16, torch.bfloat16, torch.int64,
                    torch.int32, torch.int16, torch.int8, torch.uint8))


def _readable(input):
    """The tensor on the CPU in a dtype whose tolist() gives Tcl-ready numbers."""
    if input.dtype in _PLAIN and not input.is_cuda:
        return input            # tolist() works on it as it is (with or without grad)
    t = input.detach().cpu()
    if t.is_quantized:
        t = t.dequantize()
    if t.dtype == torch.bool:
        t = t.to(torch.int64)
    elif t.dtype == torch.complex32:
        t = t.to(torch.complex64)
    elif t.is_floating_point() and t.dtype not in (torch.float32, torch.float64,
                                                   torch.float16, torch.bfloat16):
        t = t.to(torch.float64)         # float8 formats and the like
    return t


def item(input):
    """The one value at full precision in Tcl's own number form: integers exact, bool as
    0/1, floats as the shortest text that reads back as the same double (a float32's
    exact value: 0.10000000149011612), complex as a two-element list {re im}."""
    if input.numel() != 1:
        raise ValueError("Tensor must have exactly one element, got %d" % input.numel())
    v = _readable(input).item()
    return _complex(v) if isinstance(v, complex) else v


def _tcl_values(values):
    return TclList(_complex(v) if isinstance(v, complex) else
                   _tcl_values(v) if isinstance(v, list) else v for v in values)


def to_list(input, nested=False):
    """Every value as a Tcl list: flat (TCLIBTORCH's form), or nested in the tensor's shape
    with `nested`.  bool as 0/1, complex as {re im}; a 0-d tensor nested is its value."""
    t = _readable(input)
    values = t.tolist() if nested or t.dim() == 1 else t.reshape(-1).tolist()
    if not isinstance(values, list):
        return _complex(values) if isinstance(values, complex) else values
    if t.is_complex() or nested:
        return _tcl_values(values)
    return TclList(values)


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
        if sub is _ELLIPSIS:
            out.append("...")
        else:
            _print(sub, sizes[1:], depth + 1, out)
    out.append("}")


# as torch prints: more than this many elements are summarised, each long
# dimension showing its first and last EDGE items around "..."
SUMMARY_THRESHOLD = 1000
EDGE = 3
_ELLIPSIS = object()


def _summarised(t):
    """Nested lists of t's values, long dimensions cut to EDGE ... EDGE."""
    if t.dim() == 0:
        return t.item()
    n = t.shape[0]
    if n <= 2 * EDGE:
        return [_summarised(t[i]) for i in range(n)]
    return ([_summarised(t[i]) for i in range(EDGE)] + [_ELLIPSIS]
            + [_summarised(t[i]) for i in range(n - EDGE, n)])


def print(input):
    """The values in nested braces, spaced as TCLIBTORCH prints them; a tensor of
    more than 1000 elements is summarised as torch summarises it."""
    # every element goes through a C float, whatever the dtype
    t = input.detach().to(device="cpu", dtype=torch.float32)
    values = t.tolist() if t.numel() <= SUMMARY_THRESHOLD else _summarised(t)
    out = []
    _print(values, tuple(t.shape), 1, out)
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
