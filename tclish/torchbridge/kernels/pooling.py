"""interpolate: TCLIBTORCH's parameters onto torch.nn.functional.interpolate."""

import torch.nn.functional as F

_LINEAR_MODES = ("linear", "bilinear", "bicubic", "trilinear")


def interpolate(input, size, mode, align_corners, scale_factor):
    if size is None and scale_factor is None:
        raise ValueError("interpolate needs -size or -scaleFactor")
    if size is not None:
        scale_factor = None         # TCLIBTORCH: a size, when given, wins
    spatial = input.dim() - 2
    if size is not None and len(size) == 1 and spatial > 1:
        size = size * spatial
    if scale_factor is not None and len(scale_factor) == 1:
        scale_factor = scale_factor[0]
    return F.interpolate(input, size=size, scale_factor=scale_factor, mode=mode,
                         align_corners=align_corners if mode in _LINEAR_MODES else None)
