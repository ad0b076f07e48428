"""Linear algebra (TCLIBTORCH's linear_algebra and linear_algebra_extensions)."""

SPECS = []
