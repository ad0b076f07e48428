"""Creation ops whose TCLIBTORCH argument order is not torch's."""

import torch


def randint_like(input, high, low, dtype, device, requires_grad):
    """TCLIBTORCH's order is `input high ?low?`, torch's `input low high`: the smaller
    bound is low, as TCLIBTORCH swaps them."""
    low, high = min(low, high), max(low, high)
    if low == high:
        raise ValueError("the range [%d, %d) is empty" % (low, high))
    return torch.randint_like(input, low, high, dtype=dtype, device=device,
                              requires_grad=requires_grad)
