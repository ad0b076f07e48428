"""Image operations (the rest of TCLIBTORCH's vision_operations): pixel and channel
shuffles, resampling, sampling grids, normalisation, as torch.nn.functional and
torchvision define them."""

from ..convert import BOOL, DOUBLE_LIST, INT_LIST, SHAPE, TENSOR, TENSOR_NAME, Choice, Int
from ..spec import CommandSpec, Param

_K = ".kernels.vision_ops:"
_IMAGE = "-data {{{{1.0 2.0} {3.0 4.0}}}}"         # [1, 1, 2, 2]
_IMAGE4 = "-data {{{{1 2} {3 4}} {{5 6} {7 8}} {{1 2} {3 4}} {{5 6} {7 8}}}} -dtype float32"
_MODES = Choice("nearest", "linear", "bilinear", "bicubic", "trilinear", "area", "nearest-exact")


def _input(example=_IMAGE, help_text="image batch [N, C, H, W]", kind=TENSOR):
    return Param("input", kind, help=help_text, aliases=("tensor", "image"), example=example)


SPECS = [
    CommandSpec("pixel_shuffle",
                [_input(_IMAGE4), Param("upscale_factor", Int(minimum=1), help="factor r",
                                         example="2")],
                "torch.nn.functional:pixel_shuffle",
                "[N, C*r*r, H, W] -> [N, C, H*r, W*r].",
                example="torch::tensor_shape [torch::pixel_shuffle [torch::ones {1 4 2 2}] 2]"),
    CommandSpec("pixel_unshuffle",
                [_input(), Param("downscale_factor", Int(minimum=1), help="factor r",
                                 example="2")],
                "torch.nn.functional:pixel_unshuffle", "[N, C, H*r, W*r] -> [N, C*r*r, H, W]."),
    CommandSpec("channel_shuffle",
                [_input(_IMAGE4), Param("groups", Int(minimum=1), help="number of groups",
                                         example="2")],
                "torch.nn.functional:channel_shuffle", "Channels regrouped across groups."),
    # positionally the second argument is the size, or the scale factors where it
    # isn't a list of integers ({2.0 2.0}), as TCLIBTORCH reads it
    CommandSpec("upsample_nearest",
                [_input(), Param("size", INT_LIST, None, "output size", example="4 4",
                                 aliases=("output_size",)),
                 Param("scale_factor", DOUBLE_LIST, None, "scale per spatial dimension")],
                _K + "upsample_nearest", "Nearest-neighbour upsampling.",
                overloads=[("input", "scale_factor")]),
    CommandSpec("upsample_bilinear",
                [_input(), Param("size", INT_LIST, None, "output size", example="4 4",
                                 aliases=("output_size",)),
                 Param("align_corners", BOOL, False, "align corner pixels"),
                 Param("antialias", BOOL, False, "anti-alias when downsampling"),
                 Param("scale_factor", DOUBLE_LIST, None, "scale per spatial dimension")],
                _K + "upsample_bilinear", "Bilinear upsampling.",
                overloads=[("input", "scale_factor", "align_corners", "antialias")]),
    CommandSpec("resize_image",
                [_input(help_text="image [C, H, W] or batch [N, C, H, W]"),
                 Param("size", INT_LIST, help="{height width}", example="3 3"),
                 Param("mode", _MODES, "bilinear", "interpolation mode"),
                 Param("align_corners", BOOL, False, "align corner pixels")],
                _K + "resize", "An image or batch resized to {height width}."),
    CommandSpec("affine_grid",
                [Param("theta", TENSOR, help="affine matrices [N, 2, 3]",
                       example="-data {{{1.0 0.0 0.0} {0.0 1.0 0.0}}}"),
                 Param("size", SHAPE, help="output size {N C H W}", example="1 1 2 2"),
                 Param("align_corners", BOOL, False, "align corner pixels")],
                "torch.nn.functional:affine_grid", "A sampling grid for grid_sample."),
    CommandSpec("grid_sample",
                [_input(), Param("grid", TENSOR, help="sampling grid [N, H, W, 2] in [-1, 1]",
                                 example="-data {{{{-1.0 -1.0} {1.0 1.0}}}}"),
                 Param("mode", Choice("bilinear", "nearest", "bicubic"), "bilinear", "sampling"),
                 Param("padding_mode", Choice("zeros", "border", "reflection"), "zeros",
                       "outside the input"),
                 Param("align_corners", BOOL, False, "align corner pixels")],
                "torch.nn.functional:grid_sample", "Sample the input at the grid's points."),
    CommandSpec("normalize_image",
                [_input(help_text="image [C, H, W] or batch [N, C, H, W]", kind=TENSOR_NAME),
                 Param("mean", TENSOR, help="per-channel mean", example="-data {0.5}"),
                 Param("std", TENSOR, help="per-channel standard deviation", example="-data {0.25}"),
                 Param("inplace", BOOL, False, "overwrite the input (and answer its handle)")],
                _K + "normalize", "(image - mean) / std per channel.", returns="tensors",
                context=True),
    CommandSpec("denormalize_image",
                [_input(help_text="image [C, H, W] or batch [N, C, H, W]", kind=TENSOR_NAME),
                 Param("mean", TENSOR, help="per-channel mean", example="-data {0.5}"),
                 Param("std", TENSOR, help="per-channel standard deviation", example="-data {0.25}"),
                 Param("inplace", BOOL, False, "overwrite the input (and answer its handle)")],
                _K + "denormalize", "image * std + mean per channel.", returns="tensors",
                context=True),
]

# examples (docs/torch.md shows them; tests/torchbridge/test_torch_docs.py runs them)
_EXAMPLES = {
    'affine_grid':
        'set theta [torch::tensor_create {{{1.0 0.0 0.0} {0.0 1.0 0.0}}}]\ntorch::tensor_shape [torch::affine_grid $theta {1 1 4 4}]',
    'channel_shuffle':
        'torch::tensor_shape [torch::channel_shuffle [torch::ones {1 4 2 2}] 2]',
    'denormalize_image':
        'set img [torch::zeros {3 2 2}]\nset m [torch::tensor_create {0.5 0.5 0.5}]\nset s [torch::tensor_create {0.25 0.25 0.25}]\ntorch::tensor_to_list [torch::denormalize_image $img $m $s]',
    'grid_sample':
        'set theta [torch::tensor_create {{{1.0 0.0 0.0} {0.0 1.0 0.0}}}]\nset g [torch::affine_grid $theta {1 1 4 4}]\ntorch::tensor_shape [torch::grid_sample [torch::ones {1 1 4 4}] $g]',
    'normalize_image':
        'set img [torch::ones {3 2 2}]\nset m [torch::tensor_create {0.5 0.5 0.5}]\nset s [torch::tensor_create {0.25 0.25 0.25}]\ntorch::tensor_to_list [torch::normalize_image $img $m $s]',
    'pixel_unshuffle':
        'torch::tensor_shape [torch::pixel_unshuffle [torch::ones {1 1 4 4}] 2]',
    'resize_image':
        'torch::tensor_shape [torch::resize_image [torch::ones {3 8 8}] {4 6}]',
    'upsample_bilinear':
        'torch::tensor_shape [torch::upsample_bilinear [torch::ones {1 1 2 2}] {4 4}]',
    'upsample_nearest':
        'torch::tensor_shape [torch::upsample_nearest [torch::ones {1 1 2 2}] {4 4}]',
}
for _spec in SPECS:
    _spec.example = _spec.example or _EXAMPLES.get(_spec.name, "")
