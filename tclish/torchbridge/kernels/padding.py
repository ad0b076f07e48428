"""The padding layers as functions: torch.nn.functional.pad with a fixed mode, and the
padding list checked against the layer's dimensionality as torch.nn's *PadNd do."""

import torch.nn.functional as F


def _pad(input, padding, mode, spatial):
    if len(padding) != 2 * spatial:
        raise ValueError("padding must have %d values (%s), got %d" % (
            2 * spatial, " ".join(("left right", "top bottom", "front back")[:spatial]),
            len(padding)))
    if mode != "constant" and input.dim() not in (spatial + 1, spatial + 2):
        raise ValueError("expected a %dD or %dD input for %s padding, got %dD" % (
            spatial + 1, spatial + 2, mode, input.dim()))
    return F.pad(input, padding, mode=mode) if mode != "constant" else F.pad(input, padding)


def _family(mode, spatial):
    def pad(input, padding):
        return _pad(input, padding, mode, spatial)
    return pad


reflection_pad1d, reflection_pad2d, reflection_pad3d = (_family("reflect", n) for n in (1, 2, 3))
replication_pad1d, replication_pad2d, replication_pad3d = (_family("replicate", n)
                                                           for n in (1, 2, 3))
circular_pad1d, circular_pad2d, circular_pad3d = (_family("circular", n) for n in (1, 2, 3))
zero_pad1d, zero_pad2d, zero_pad3d = (_family("constant", n) for n in (1, 2, 3))
