"""Indexing, scatter/gather and other advanced tensor operations (TCLIBTORCH's advanced_tensor_ops)."""

SPECS = []
