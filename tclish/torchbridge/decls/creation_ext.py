"""More tensor creation (TCLIBTORCH's tensor_creation_ops)."""

SPECS = []
