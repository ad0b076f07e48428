"""Padding (TCLIBTORCH's padding_layers)."""

SPECS = []
