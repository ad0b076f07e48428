"""Activation functions (TCLIBTORCH's activation_functions)."""

SPECS = []
