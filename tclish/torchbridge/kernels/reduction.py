"""Reductions over everything, or along one dimension (values only for max/min)."""


def sum(input, dim):
    return input.sum() if dim is None else input.sum(dim)


def mean(input, dim):
    return input.mean() if dim is None else input.mean(dim)


def max(input, dim):
    return input.max() if dim is None else input.max(dim).values


def min(input, dim):
    return input.min() if dim is None else input.min(dim).values
