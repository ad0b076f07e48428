"""softmax2d's default dimension: PyTorch's Softmax2d (the channels, -3) for the 3-D and
4-D inputs it accepts; dim 1 for other ranks, which Softmax2d refuses and TCLIBTORCH's
softmax2d takes (its default)."""

import torch


def softmax2d(input, dim):
    if dim is None:
        dim = -3 if input.dim() in (3, 4) else 1
    return torch.softmax(input, dim)
