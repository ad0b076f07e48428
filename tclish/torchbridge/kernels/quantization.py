"""Quantized tensors: what torch has no single function for."""

import torch

_QUANTIZED = (torch.quint8, torch.qint8, torch.qint32)


def _check_dtype(dtype):
    if dtype not in _QUANTIZED:
        raise ValueError("a quantized dtype is needed (quint8, qint8 or qint32), not %s"
                         % str(dtype).replace("torch.", ""))
    return dtype


def _quantized(t, what="input"):
    if not t.is_quantized:
        raise ValueError("%s is not a quantized tensor (dtype %s): quantize it first"
                         % (what, str(t.dtype).replace("torch.", "")))
    return t


def per_tensor(input, scale, zero_point, dtype):
    return torch.quantize_per_tensor(input, scale, zero_point, _check_dtype(dtype))


def per_channel(input, scales, zero_points, axis, dtype):
    return torch.quantize_per_channel(input, scales.double(), zero_points.long(), axis,
                                      _check_dtype(dtype))


def dequantize(input):
    return _quantized(input).dequantize()


def int_repr(input):
    return _quantized(input).int_repr()


def q_scale(input):
    return float(_quantized(input).q_scale())


def q_zero_point(input):
    return int(_quantized(input).q_zero_point())


def q_per_channel_scales(input):
    return _quantized(input).q_per_channel_scales()


def q_per_channel_zero_points(input):
    return _quantized(input).q_per_channel_zero_points()


def q_per_channel_axis(input):
    return int(_quantized(input).q_per_channel_axis())


def fake_per_tensor(input, scale, zero_point, quant_min, quant_max):
    return torch.fake_quantize_per_tensor_affine(input, scale, zero_point, quant_min, quant_max)


def fake_per_channel(input, scales, zero_points, axis, quant_min, quant_max):
    return torch.fake_quantize_per_channel_affine(input, scales.float(), zero_points.int(), axis,
                                                  quant_min, quant_max)


def add(tensor1, tensor2, scale, zero_point):
    """The sum, quantized with the given output scale and zero point."""
    return torch.ops.quantized.add(_quantized(tensor1, "tensor1"), _quantized(tensor2, "tensor2"),
                                   scale, zero_point)


def mul(tensor1, tensor2, scale, zero_point):
    return torch.ops.quantized.mul(_quantized(tensor1, "tensor1"), _quantized(tensor2, "tensor2"),
                                   scale, zero_point)


def relu(input, scale, zero_point):
    """relu; with a scale (and zero point) the result is requantized to them."""
    out = torch.relu(_quantized(input))
    if scale is None:
        return out
    zp = out.q_zero_point() if zero_point is None else zero_point
    return torch.quantize_per_tensor(out.dequantize(), scale, zp, out.dtype)
