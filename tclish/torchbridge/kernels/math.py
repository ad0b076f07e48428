"""Mathematical ops that are more than one torch call.

torch's (values, indices) pairs become the values alone unless `indices` is
true (TCLIBTORCH returns only the values; a PyTorch user may want both)."""

import torch


def exp10(input):
    # torch has no exp10; 10 ** x keeps floating dtypes and promotes integers as exp2 does
    if not (input.is_floating_point() or input.is_complex()):
        input = input.to(torch.get_default_dtype())
    return torch.pow(10.0, input)


def _pair(result, indices):
    return (result.values, result.indices) if indices else result.values


def cummax(input, dim, indices=False):
    return _pair(torch.cummax(input, dim), indices)


def cummin(input, dim, indices=False):
    return _pair(torch.cummin(input, dim), indices)


def median(input, dim, keepdim, indices=False):
    return _pair(torch.median(input, dim, keepdim), indices)


def kthvalue(input, k, dim, keepdim, indices=False):
    return _pair(torch.kthvalue(input, k, dim, keepdim), indices)


def std(input, dim, unbiased, keepdim):
    return torch.std(input, dim, correction=1 if unbiased else 0, keepdim=keepdim)


def var(input, dim, unbiased, keepdim):
    return torch.var(input, dim, correction=1 if unbiased else 0, keepdim=keepdim)


def gradient(input, spacing, dim, edge_order=1):
    """torch.gradient; one tensor when a dim is named or the input is 1-d."""
    kw = {"edge_order": edge_order}
    if spacing is not None:
        kw["spacing"] = spacing
    if dim is not None:
        return torch.gradient(input, dim=dim, **kw)[0]
    result = torch.gradient(input, **kw)
    return result[0] if input.dim() == 1 else list(result)
