"""Pooling and resampling: adaptive_avg_pool2d, adaptive_max_pool2d, interpolate."""

from ..convert import BOOL, DOUBLE_LIST, INT_LIST, TENSOR, Choice, Size
from ..spec import CommandSpec, Param

_MAP = "-data {1.0 2.0 3.0 4.0 5.0 6.0 7.0 8.0 9.0} -shape {1 1 3 3}"


def _adaptive(name, func, what):
    return CommandSpec(
        name,
        [Param("input", TENSOR, help="[N, C, H, W] or [C, H, W]", aliases=("tensor",),
               example=_MAP),
         Param("output_size", Size(2, ("height", "width")), help="output height and width")],
        func, what)


SPECS = [
    _adaptive("adaptive_avg_pool2d", "torch.nn.functional:adaptive_avg_pool2d",
              "Average pooling to a fixed output size."),
    _adaptive("adaptive_max_pool2d", "torch.nn.functional:adaptive_max_pool2d",
              "Max pooling to a fixed output size."),
    CommandSpec(
        "interpolate",
        [Param("input", TENSOR, help="[N, C, ...spatial]", aliases=("tensor",), example=_MAP),
         Param("size", INT_LIST, None, "output spatial size (or give scale_factor)",
               example="4 4"),
         Param("mode", Choice("nearest", "linear", "bilinear", "bicubic", "trilinear", "area",
                              "nearest-exact"), "nearest", "interpolation algorithm",
               example="bilinear"),
         Param("align_corners", BOOL, False, "align corner pixels (linear modes only)"),
         Param("scale_factor", DOUBLE_LIST, None,
               "multiplier of the spatial size (used when no size is given)")],
        ".kernels.pooling:interpolate",
        "Resize by size or scale factor (nearest, bilinear, bicubic, area, ...)."),
]

# examples (docs/torch.md shows them; tests/torchbridge/test_torch_docs.py runs them)
_EXAMPLES = {
    'adaptive_avg_pool2d':
        'torch::tensor_shape [torch::adaptive_avg_pool2d [torch::ones {1 1 8 8}] {2 2}]',
    'adaptive_max_pool2d':
        'torch::tensor_shape [torch::adaptive_max_pool2d [torch::ones {1 1 8 8}] {2 2}]',
    'interpolate':
        'torch::tensor_shape [torch::interpolate [torch::ones {1 1 2 2}] -size {4 4}]',
}
for _spec in SPECS:
    _spec.example = _spec.example or _EXAMPLES.get(_spec.name, "")
