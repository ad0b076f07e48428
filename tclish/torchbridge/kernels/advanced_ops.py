"""Statistics and selection that need argument adaptation: median/mode (values, or
values and indices), quantile with one or several q, where with a non-boolean condition,
std/var without torch's warning text."""

import warnings

import torch


def is_cuda(input):
    return input.is_cuda


def _values_or_both(result, indices):
    return (result.values, result.indices) if indices else result.values


def median(input, dim, keepdim, indices):
    """torch.median: the lower median of all elements, or along dim."""
    if dim is None:
        if indices:
            raise ValueError("tensor_median: -indices needs -dim")
        return torch.median(input)
    return _values_or_both(torch.median(input, dim, keepdim), indices)


def mode(input, dim, keepdim, indices):
    """torch.mode: the most frequent value along dim (the smallest among ties)."""
    return _values_or_both(torch.mode(input, dim, keepdim), indices)


def quantile(input, q, dim, keepdim, interpolation):
    if isinstance(q, list):
        q = torch.tensor(q, dtype=input.dtype if input.is_floating_point() else None)
    return torch.quantile(input, q, dim, keepdim, interpolation=interpolation)


def where(condition, input, other):
    """torch.where; a non-boolean condition counts as true where it is non-zero (as Tcl's
    truth of numbers)."""
    if condition.dtype != torch.bool:
        condition = condition != 0
    return torch.where(condition, input, other)


def _quiet(func):
    """func without torch's warning text: where the unbiased spread has no degrees of
    freedom (one element) it is nan, PyTorch's value, and torch's 'degrees of freedom'
    warning must not reach the Tcl user.  Only that case pays for catch_warnings."""
    def spread(input, dim=None, unbiased=True, keepdim=False):
        if dim is None:
            n = input.numel()
        else:
            n = 1
            for d in ([dim] if isinstance(dim, int) else dim):
                n *= input.shape[d] if -input.dim() <= d < max(input.dim(), 1) else 1
        if n > 1 or not unbiased:
            return func(input, dim=dim, unbiased=unbiased, keepdim=keepdim)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return func(input, dim=dim, unbiased=unbiased, keepdim=keepdim)
    return spread


std = _quiet(torch.std)
var = _quiet(torch.var)
