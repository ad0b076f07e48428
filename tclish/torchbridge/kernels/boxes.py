"""Box ops with torchvision.ops semantics: nms and box_iou (boxes are x1, y1, x2, y2)."""

import torch


def _check_boxes(boxes, what):
    if boxes.dim() != 2 or boxes.size(1) != 4:
        raise ValueError("%s must have shape [N, 4], got %s" % (what, list(boxes.shape)))


def _area(b):
    return (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])


def box_iou(boxes1, boxes2):
    """[N, M] intersection over union (torchvision.ops.box_iou)."""
    _check_boxes(boxes1, "boxes1")
    _check_boxes(boxes2, "boxes2")
    area1, area2 = _area(boxes1), _area(boxes2)
    lt = torch.max(boxes1[:, None, :2], boxes2[None, :, :2])
    rb = torch.min(boxes1[:, None, 2:], boxes2[None, :, 2:])
    wh = (rb - lt).clamp(min=0)
    inter = wh[..., 0] * wh[..., 1]
    return inter / (area1[:, None] + area2[None, :] - inter)


def _overlaps(b):
    """[N, N] IoU computed as torchvision's nms kernel does."""
    area = _area(b)
    xx1 = torch.max(b[:, None, 0], b[None, :, 0])
    yy1 = torch.max(b[:, None, 1], b[None, :, 1])
    xx2 = torch.min(b[:, None, 2], b[None, :, 2])
    yy2 = torch.min(b[:, None, 3], b[None, :, 3])
    inter = (xx2 - xx1).clamp(min=0) * (yy2 - yy1).clamp(min=0)
    return inter / (area[:, None] + area[None, :] - inter)


def nms(boxes, scores, iou_threshold, score_threshold=0.0):
    """Greedy NMS: indices (into boxes) of the kept boxes, by decreasing score.

    A box is dropped when its IoU with a kept, higher-scoring box exceeds
    iou_threshold.  A score_threshold > 0 first drops boxes scoring at most
    that (TCLIBTORCH's extra option)."""
    _check_boxes(boxes, "boxes")
    if scores.dim() != 1 or scores.size(0) != boxes.size(0):
        raise ValueError("scores must have shape [%d], got %s" % (boxes.size(0), list(scores.shape)))
    boxes, scores = boxes.detach(), scores.detach().to(boxes.device)
    index = torch.arange(boxes.size(0), device=boxes.device)
    if score_threshold > 0.0:
        mask = scores > score_threshold
        boxes, scores, index = boxes[mask], scores[mask], index[mask]
    if boxes.size(0) == 0:
        return index.new_zeros(0)
    order = torch.sort(scores, descending=True, stable=True).indices
    suppress = (_overlaps(boxes[order]) > iou_threshold).cpu()
    remaining = torch.ones(order.size(0), dtype=torch.bool)
    keep = []
    # one step per kept box; each step is vectorised over all boxes
    while True:
        i = int(torch.argmax(remaining.to(torch.uint8)))
        if not remaining[i]:
            break
        keep.append(i)
        remaining &= ~suppress[i]
        remaining[i] = False
    return index[order[torch.tensor(keep, dtype=torch.int64, device=order.device)]]
