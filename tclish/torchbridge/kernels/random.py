"""Random draws that are more than one torch call; all use the default generator."""

import torch


def bernoulli(input, p):
    if p is None:
        return torch.bernoulli(input)
    if not 0.0 <= p <= 1.0:
        raise ValueError("Probability p must be in range [0, 1], got %s" % p)
    return torch.bernoulli(input, p)


def exponential(size, rate, dtype, device):
    if rate <= 0:
        raise ValueError("rate must be positive, got %s" % rate)
    return torch.empty(size, dtype=dtype, device=device).exponential_(rate)


def gamma(size, alpha, beta, dtype, device):
    """Gamma(concentration alpha, rate beta), drawn as torch.distributions.Gamma does."""
    if alpha <= 0 or beta <= 0:
        raise ValueError("alpha and beta must be positive, got %s and %s" % (alpha, beta))
    shape = torch.full(size, alpha, dtype=dtype, device=device)
    return torch._standard_gamma(shape) / beta


def multinomial(input, num_samples, replacement):
    return torch.multinomial(input, num_samples, replacement)


def normal(mean, std, size, dtype, device):
    return torch.normal(mean, std, size, dtype=dtype, device=device)


def poisson(size, lambda_, dtype, device):
    if not dtype.is_floating_point:
        raise ValueError("poisson draws need a floating-point dtype, not %s"
                         % str(dtype).replace("torch.", ""))
    return torch.poisson(torch.full(size, lambda_, dtype=dtype, device=device))


def uniform(size, low, high, dtype, device):
    if not low < high:
        raise ValueError("low (%s) must be less than high (%s)" % (low, high))
    return torch.empty(size, dtype=dtype, device=device).uniform_(low, high)


def seed():
    return torch.seed()


def set_rng_state(state_tensor):
    torch.set_rng_state(state_tensor.to(torch.uint8).cpu())
    return ""
