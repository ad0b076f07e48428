"""Image operations that need more than one torch call."""

import torch
import torch.nn.functional as F


def _channels(values, image, what):
    """mean/std as a tensor broadcast over [.., C, H, W]."""
    t = values if isinstance(values, torch.Tensor) else torch.tensor(values, dtype=image.dtype)
    t = t.to(dtype=image.dtype if image.is_floating_point() else torch.float32,
              device=image.device).reshape(-1)
    channels = image.shape[-3] if image.dim() >= 3 else 1
    if t.numel() not in (1, channels):
        raise ValueError("%s has %d values for %d channels" % (what, t.numel(), channels))
    # [C, 1, 1] against [.., C, H, W]; an image without a channel dimension ([H, W],
    # [W]) is one channel, and keeps its shape
    return t.reshape((-1,) + (1,) * (min(image.dim(), 3) - 1)) if image.dim() else t.reshape(())


def _image(reg, name):
    return reg.get(name, "tensor")


def normalize(reg, image, mean, std, inplace):
    """(image - mean) / std per channel (torchvision's Normalize).  In place, the
    answer is the image's own handle."""
    x = _image(reg, image)
    m, s = _channels(mean, x, "mean"), _channels(std, x, "std")
    if (s == 0).any():
        raise ValueError("std has a zero: division by zero")
    if inplace:
        x.sub_(m).div_(s)
        return image
    return (x - m) / s


def denormalize(reg, image, mean, std, inplace):
    """image * std + mean per channel: normalize's inverse."""
    x = _image(reg, image)
    m, s = _channels(mean, x, "mean"), _channels(std, x, "std")
    if inplace:
        x.mul_(s).add_(m)
        return image
    return x * s + m


def _sizes(size, scale_factor):
    if not size and not scale_factor:
        raise ValueError("Missing value for parameter: give -size or -scale_factor")
    return (size or None), (scale_factor or None)


def upsample_nearest(input, size, scale_factor):
    size, scale = _sizes(size, scale_factor)
    return F.interpolate(input, size=size, scale_factor=scale, mode="nearest")


def upsample_bilinear(input, size, align_corners, antialias, scale_factor):
    size, scale = _sizes(size, scale_factor)
    return F.interpolate(input, size=size, scale_factor=scale, mode="bilinear",
                         align_corners=align_corners, antialias=antialias)


def resize(input, size, mode, align_corners):
    """An image [C, H, W] or a batch [N, C, H, W] resized to size {H W}."""
    single = input.dim() == 3
    x = input.unsqueeze(0) if single else input
    if mode in ("nearest", "area", "nearest-exact") and not align_corners:
        align_corners = None        # torch refuses any value there, False included
    out = F.interpolate(x, size=size, mode=mode, align_corners=align_corners)
    return out.squeeze(0) if single else out
