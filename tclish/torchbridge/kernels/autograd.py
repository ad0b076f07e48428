"""Autograd queries and the backward pass."""


def requires_grad(input):
    return 1 if input.requires_grad else 0


def backward(input):
    if not input.requires_grad:
        raise ValueError("Tensor does not require gradients")
    if input.numel() != 1:
        raise ValueError("backward needs a one-element tensor, got shape %s" % list(input.shape))
    input.backward()
    return "OK"


def grad(input):
    """The accumulated gradient (the tensor itself, not a copy)."""
    if not input.requires_grad:
        raise ValueError("Tensor does not require gradients")
    if input.grad is None:
        raise ValueError("No gradient computed yet")
    return input.grad
