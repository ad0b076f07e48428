"""More shape and layout operations (TCLIBTORCH's tensor_manipulation_extensions)."""

SPECS = []
