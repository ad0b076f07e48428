"""Manipulation commands that are more than one torch call: the variadic ones (torch
takes *tensors), N-d gather/scatter by index tuples, and tensordot's dims forms."""

import torch


def broadcast_tensors(tensors):
    return torch.broadcast_tensors(*tensors)


def cartesian_prod(tensors):
    return torch.cartesian_prod(*tensors)


def meshgrid(tensors):
    return torch.meshgrid(*tensors, indexing="ij")


def _index_tuple(input, indices, what):
    """indices [..., K] as K index tensors for input's first K dimensions; a 1-D indices
    tensor holds one index into dimension 0 per element (as [N, 1])."""
    if indices.dtype not in (torch.int64, torch.int32, torch.int16, torch.int8, torch.uint8):
        raise TypeError("%s: indices must be an integer tensor, got %s" % (
            what, str(indices.dtype).replace("torch.", "")))
    if indices.dim() == 0:
        indices = indices.reshape(1, 1)
    elif indices.dim() == 1:
        indices = indices.unsqueeze(-1)
    k = indices.shape[-1]
    if k > input.dim():
        raise IndexError("%s: index tuples of length %d for a %d-dimensional input" % (
            what, k, input.dim()))
    return tuple(indices.long().unbind(-1))


def gather_nd(input, indices):
    """out[i...] = input[indices[i..., 0], ..., indices[i..., K-1]] (TensorFlow's gather_nd):
    shape indices.shape[:-1] + input.shape[K:]."""
    return input[_index_tuple(input, indices, "gather_nd")]


def scatter_nd(input, indices, updates):
    """A copy of input with out[indices[i..., :]] = updates[i...] (the inverse of gather_nd)."""
    out = input.clone()
    out[_index_tuple(input, indices, "scatter_nd")] = updates.to(out.dtype)
    return out


def tensordot(a, b, dims, dims_b):
    """dims alone: the same dimensions of both tensors (TCLIBTORCH's form); with dims_b:
    torch's (dims_a, dims_b); neither: torch's default, the last two of a with the first
    two of b."""
    if dims is None:
        if dims_b is not None:
            raise ValueError("tensordot: dims_b needs dims")
        return torch.tensordot(a, b, dims=2)
    return torch.tensordot(a, b, dims=(dims, dims if dims_b is None else dims_b))
