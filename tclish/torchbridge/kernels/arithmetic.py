"""add/sub with TCLIBTORCH's alpha, which torch refuses as a float for integer tensors."""

import torch


def add(input, other, alpha):
    if alpha == 1.0:
        return torch.add(input, other)
    return torch.add(input, other, alpha=alpha)


def sub(input, other, alpha):
    if alpha == 1.0:
        return torch.sub(input, other)
    return torch.sub(input, other, alpha=alpha)
