"""Element-wise mathematics, comparisons and bit operations (TCLIBTORCH's mathematical_operations)."""

SPECS = []
