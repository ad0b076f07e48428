"""Creation ops whose TCLIBTORCH argument order is not torch's."""

import torch


def randint_like(input, low, high, dtype, device, requires_grad):
    if not low < high:
        raise ValueError("low (%d) must be less than high (%d)" % (low, high))
    return torch.randint_like(input, low, high, dtype=dtype, device=device,
                              requires_grad=requires_grad)
