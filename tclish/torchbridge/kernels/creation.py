"""Creation ops that are more than one torch call."""

import torch

# torch.tensor cannot make these from Python numbers; they are made by quantizing
# float32 values with scale 1 and zero point 0 (the values themselves, rounded)
_QUANTIZED = tuple(getattr(torch, n) for n in ("quint8", "qint8", "qint32", "quint4x2",
                                                "quint2x4") if hasattr(torch, n))


def tensor_create(data, shape, dtype, device, requires_grad):
    if dtype in _QUANTIZED:
        t = torch.quantize_per_tensor(torch.tensor(data, dtype=torch.float32, device=device),
                                      1.0, 0, dtype)
    else:
        try:
            t = torch.tensor(data, dtype=dtype, device=device)
        except TypeError:
            # torch.tensor refuses floats for uint32/uint64 and some dtypes altogether
            # (float8); convert as torch.Tensor.to does
            t = torch.tensor(data, device=device).to(dtype)
    if shape is not None:
        t = t.reshape(shape)
    if requires_grad:
        t.requires_grad_(True)
    return t


def eye(n, m, dtype, device, requires_grad):
    return torch.eye(n, n if m is None else m, dtype=dtype, device=device,
                     requires_grad=requires_grad)


def manual_seed(seed):
    """Seed every generator; TCLIBTORCH answers "ok"."""
    torch.manual_seed(seed)
    return "ok"
