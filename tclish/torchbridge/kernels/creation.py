"""Creation ops that are more than one torch call."""

import torch


def tensor_create(data, shape, dtype, device, requires_grad):
    t = torch.tensor(data, dtype=dtype, device=device)
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
