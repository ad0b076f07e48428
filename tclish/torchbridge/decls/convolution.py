"""Convolutions as functions (TCLIBTORCH's extended_convolution_layers)."""

SPECS = []
