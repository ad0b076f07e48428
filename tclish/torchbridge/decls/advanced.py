"""Advanced tensor operations: sorting, searching, statistics, distances (TCLIBTORCH's advanced_tensor_operations)."""

SPECS = []
