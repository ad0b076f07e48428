"""Tensor manipulation ops that are more than one torch call."""

import torch


def slice_(input, dim, start, end, step):
    """Elements start, start+step, ... before end (None: to the end) along dim, as a view;
    negative start and end count from the end, as TCLIBTORCH's Tensor::slice."""
    if input.dim() == 0:
        raise IndexError("tensor_slice: a 0-dimensional tensor has no dimension to slice")
    if not -input.dim() <= dim < input.dim():
        raise IndexError("Dimension out of range (expected to be in range of [%d, %d], but got %d)"
                         % (-input.dim(), input.dim() - 1, dim))
    if step <= 0:
        raise ValueError("tensor_slice: step must be positive, got %d" % step)
    index = [slice(None)] * (dim % input.dim()) + [slice(start, end, step)]
    return input[tuple(index)]


def clamp(input, min, max):
    """Values limited to [min, max]; either bound may be absent (neither: a copy)."""
    if min is None and max is None:
        return input.clone()
    return torch.clamp(input, min, max)
