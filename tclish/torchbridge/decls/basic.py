"""Basic tensor operations beyond arithmetic (TCLIBTORCH's basic_tensor_ops, tensor_core_functions, tensor_info_ops, tensor_conversions)."""

SPECS = []
