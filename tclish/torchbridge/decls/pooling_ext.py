"""More pooling: adaptive, fractional, LP, 1-d and 3-d (TCLIBTORCH's extended_pooling_layers)."""

SPECS = []
