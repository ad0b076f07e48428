"""Detection ops, with torchvision.ops semantics: roi_align, roi_pool, nms, box_iou."""

from ..convert import BOOL, DOUBLE, INT, TENSOR, Double, Size
from ..spec import CommandSpec, Param

_FEATURES = "-data {1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16} -shape {1 1 4 4}"
_BOXES = "-data {{0 0.5 0.5 2.5 2.5} {0 1.0 0.0 3.0 2.0}}"
_XYXY = "-data {{0.0 0.0 2.0 2.0} {1.0 1.0 3.0 3.0} {0.1 0.1 2.1 2.1}}"
_OUTPUT_SIZE = Size(2, ("height", "width"))

SPECS = [
    CommandSpec(
        "roi_align",
        [Param("input", TENSOR, help="feature map [N, C, H, W]", aliases=("tensor",),
               example=_FEATURES),
         Param("boxes", TENSOR, help="[K, 5] (batch index, x1, y1, x2, y2), [K, 4] or [4]",
               example=_BOXES),
         Param("output_size", _OUTPUT_SIZE, help="pooled height and width", example="2 2"),
         Param("spatial_scale", DOUBLE, 1.0, "multiplies the box coordinates", example="0.5"),
         Param("sampling_ratio", INT, -1, "sample points per bin side; <= 0: adaptive",
               example="2"),
         Param("aligned", BOOL, True, "shift boxes by -0.5 pixel (pixel-aligned)",
               example="0")],
        ".kernels.roi:roi_align",
        "Bilinear ROI Align, as torchvision.ops.roi_align: output [K, C, height, width]."),
    CommandSpec(
        "roi_pool",
        [Param("input", TENSOR, help="feature map [N, C, H, W]", aliases=("tensor",),
               example=_FEATURES),
         Param("boxes", TENSOR, help="[K, 5] (batch index, x1, y1, x2, y2), [K, 4] or [4]",
               example=_BOXES),
         Param("output_size", _OUTPUT_SIZE, help="pooled height and width", example="2 2"),
         Param("spatial_scale", DOUBLE, 1.0, "multiplies the box coordinates", example="0.5")],
        ".kernels.roi:roi_pool",
        "Quantised ROI max pooling, as torchvision.ops.roi_pool: output [K, C, height, width]."),
    CommandSpec(
        "nms",
        [Param("boxes", TENSOR, help="[N, 4] boxes (x1, y1, x2, y2)", example=_XYXY),
         Param("scores", TENSOR, help="[N] scores", example="-data {0.9 0.8 0.7}"),
         Param("iou_threshold", Double(0.0, 1.0), help="suppress boxes whose IoU exceeds this",
               example="0.5"),
         Param("score_threshold", DOUBLE, 0.0, "first drop boxes scoring at most this (if > 0)")],
        ".kernels.boxes:nms",
        "Greedy non-maximum suppression: the kept indices, by decreasing score.",
        legacy_names=("Nms",)),
    CommandSpec(
        "box_iou",
        [Param("boxes1", TENSOR, help="[N, 4] boxes (x1, y1, x2, y2)", aliases=("input1",),
               example=_XYXY),
         Param("boxes2", TENSOR, help="[M, 4] boxes (x1, y1, x2, y2)", aliases=("input2",),
               example=_XYXY)],
        ".kernels.boxes:box_iou",
        "Pairwise intersection over union: [N, M]."),
]

# examples (docs/torch.md shows them; tests/torchbridge/test_torch_docs.py runs them)
_EXAMPLES = {
    'box_iou':
        'set b [torch::tensor_create {{0 0 2 2} {1 1 3 3}}]\ntorch::tensor_to_list [torch::box_iou $b $b]',
    'nms':
        'set b [torch::tensor_create {{0 0 2 2} {0.1 0.1 2 2} {3 3 4 4}}]\ntorch::tensor_to_list [torch::nms $b [torch::tensor_create {0.9 0.8 0.7}] 0.5]',
    'roi_align':
        'set f [torch::ones {1 1 8 8}]\nset b [torch::tensor_create {{0 0 0 4 4}}]\ntorch::tensor_shape [torch::roi_align $f $b {2 2} 1.0 2 1]',
    'roi_pool':
        'set f [torch::ones {1 1 8 8}]\nset b [torch::tensor_create {{0 0 0 4 4}}]\ntorch::tensor_shape [torch::roi_pool $f $b {2 2} 1.0]',
}
for _spec in SPECS:
    _spec.example = _spec.example or _EXAMPLES.get(_spec.name, "")
