"""Linear algebra where TCLIBTORCH's command is not one torch call."""

import warnings

import torch


def eigen(input):
    values, vectors = torch.linalg.eigh(input)
    return {"eigenvalues": values, "eigenvectors": vectors}


def qr(input):
    q, r = torch.linalg.qr(input)
    return {"Q": q, "R": r}


def svd(input):
    # TCLIBTORCH's torch::svd convention: V, not V^H
    u, s, vh = torch.linalg.svd(input, full_matrices=False)
    return {"U": u, "S": s, "V": vh.mH}


def pinv(input, rcond):
    return torch.linalg.pinv(input) if rcond is None else torch.linalg.pinv(input, rtol=rcond)


def cross(input, other, dim):
    if dim is not None:
        return torch.linalg.cross(input, other, dim=dim)
    # torch.cross's default (the first dimension of size 3), without its deprecation warning
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return torch.cross(input, other)


def lstsq(b, a, rcond):
    """X with A X = B; a 1-D B is one right-hand side (as torch.linalg.lstsq won't take it).
    On CPU torch's default driver (gelsy) handles rank-deficient A."""
    vector = b.dim() == a.dim() - 1
    if vector:
        b = b.unsqueeze(-1)
    x = torch.linalg.lstsq(a, b, rcond=rcond).solution
    return x.squeeze(-1) if vector else x


def lu_solve(b, lu_data, lu_pivots):
    vector = b.dim() == lu_data.dim() - 1
    x = torch.linalg.lu_solve(lu_data, lu_pivots.to(torch.int32), b.unsqueeze(-1) if vector else b)
    return x.squeeze(-1) if vector else x


def matrix_rank(input, tol, hermitian):
    if tol is None:
        return torch.linalg.matrix_rank(input, hermitian=hermitian)
    return torch.linalg.matrix_rank(input, atol=tol, rtol=0.0, hermitian=hermitian)


def solve_triangular(b, a, upper, left, unitriangular):
    return torch.linalg.solve_triangular(a, b, upper=upper, left=left, unitriangular=unitriangular)
