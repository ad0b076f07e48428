"""advanced_tensor_operations kernels: TCLIBTORCH's argument forms over torch calls."""

import warnings

import torch


def block_diag(tensors):
    return torch.block_diag(*tensors)


def broadcast_shapes(shapes):
    return list(torch.broadcast_shapes(*shapes))


def _sections(sections, indices):
    if indices is not None:
        return indices
    if sections is None:
        raise ValueError("Required parameters missing: -sections (a count or a list of "
                         "indices) or -indices")
    return sections


def dsplit(input, sections, indices):
    return list(torch.dsplit(input, _sections(sections, indices)))


def hsplit(input, sections, indices):
    return list(torch.hsplit(input, _sections(sections, indices)))


def vsplit(input, sections, indices):
    return list(torch.vsplit(input, _sections(sections, indices)))


def tensor_split(input, sections, dim, indices):
    return list(torch.tensor_split(input, _sections(sections, indices), dim))


def sparse_tensor_create(indices, values, size):
    """indices as torch has them, (ndim, nnz), or as a list of coordinates (nnz, ndim):
    the layout whose ndim matches size (torch's when both do)."""
    if (indices.dim() == 2 and indices.shape[0] != len(size)
            and indices.shape[1] == len(size)):
        indices = indices.t()
    # torch warns that invariant checks are off unless told either way: check them
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return torch.sparse_coo_tensor(indices.long(), values, size, check_invariants=True)


def squeeze_multiple(input, dims):
    """All the named dims at once (indices refer to the input); none named: all size-1 dims."""
    if not dims:
        return input.squeeze()
    return input.squeeze(tuple(dims))


def unsqueeze_multiple(input, dims):
    """torch.unsqueeze for each dim, one after another in descending order, as
    TCLIBTORCH does: a non-negative d puts a new dimension before dimension d of
    the input (as squeeze_multiple's dims index the input; the input's rank: at
    the end), so {0 2} on 2x3 gives 1x2x3x1; negative dims come last and count
    from the end of the result, so {-1 -3} on 2x3 gives 2x1x3x1."""
    out = input
    rank = input.dim()
    for d in sorted(dims, reverse=True):
        if not -rank - 1 <= d <= rank:
            raise IndexError("dim %d out of range for %s (a new dimension of a %d-dimensional "
                             "tensor goes at %d..%d)" % (d, list(dims), rank, -rank - 1, rank))
        out = out.unsqueeze(d)
        rank += 1
    return out


def advanced_index(input, indices):
    return input[tuple(i if i.dtype == torch.bool else i.long() for i in indices)]


def normalize(input, p, dim):
    if p in ("fro", "nuc"):
        raise ValueError("tensor_normalize needs a numeric p, not %s" % p)
    if dim is None:
        # no dim: by the norm of all elements (as TCLIBTORCH), with F.normalize's eps
        norm = torch.linalg.vector_norm(input, float(p))
        return input / norm.clamp_min(1e-12)
    return torch.nn.functional.normalize(input, p=float(p), dim=dim)


def unique(input, sorted, return_inverse, return_counts, dim):
    result = torch.unique(input, sorted=sorted, return_inverse=return_inverse,
                          return_counts=return_counts, dim=dim)
    if not (return_inverse or return_counts):
        return result
    out = {"unique": result[0]}
    rest = list(result[1:])
    if return_inverse:
        out["inverse"] = rest.pop(0)
    if return_counts:
        out["counts"] = rest.pop(0)
    return out
