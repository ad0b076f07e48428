"""nms and box_iou kernels against the scalar references."""

import random

import pytest

torch = pytest.importorskip("torch")

from tclish.torchbridge.kernels import boxes as kb  # noqa: E402
import torch_scalar_reference as ref  # noqa: E402


def _random_xyxy(rng, n):
    out = []
    for _ in range(n):
        x, y = rng.uniform(0, 20), rng.uniform(0, 20)
        w, h = rng.choice([0.0, rng.uniform(0, 8)]), rng.uniform(0, 8)
        out.append([x, y, x + w, y + h])
    return out


@pytest.mark.parametrize("seed", range(8))
def test_box_iou_matches_reference(seed):
    rng = random.Random(seed)
    a, b = _random_xyxy(rng, rng.randint(1, 7)), _random_xyxy(rng, rng.randint(1, 7))
    got = kb.box_iou(torch.tensor(a, dtype=torch.float64), torch.tensor(b, dtype=torch.float64))
    want = torch.tensor(ref.box_iou(a, b), dtype=torch.float64)
    assert got.shape == (len(a), len(b))
    assert torch.allclose(got, want, atol=1e-12, equal_nan=True)


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("threshold", [0.0, 0.3, 0.5, 0.9])
def test_nms_matches_greedy_reference(seed, threshold):
    rng = random.Random(seed)
    boxes = _random_xyxy(rng, rng.randint(1, 30))
    # repeated scores exercise the tie order: the earlier box first
    scores = [rng.choice([0.5, rng.random()]) for _ in boxes]
    got = kb.nms(torch.tensor(boxes, dtype=torch.float64),
                 torch.tensor(scores, dtype=torch.float64), threshold)
    assert got.dtype == torch.int64
    assert got.tolist() == ref.nms(boxes, scores, threshold)


def test_nms_score_threshold_keeps_original_indices():
    boxes = torch.tensor([[0, 0, 1, 1], [10, 10, 11, 11], [0, 0, 1, 1.1], [20, 20, 21, 21]],
                         dtype=torch.float32)
    scores = torch.tensor([0.2, 0.9, 0.8, 0.6])
    assert kb.nms(boxes, scores, 0.5).tolist() == [1, 2, 3]
    assert kb.nms(boxes, scores, 0.5, 0.7).tolist() == [1, 2]
    assert kb.nms(boxes, scores, 0.5, 0.95).tolist() == []


def test_box_shape_errors():
    with pytest.raises(ValueError, match=r"boxes must have shape \[N, 4\]"):
        kb.nms(torch.zeros(3, 5), torch.zeros(3), 0.5)
    with pytest.raises(ValueError, match="scores must have shape"):
        kb.nms(torch.zeros(3, 4), torch.zeros(2), 0.5)
    with pytest.raises(ValueError, match="boxes2 must have shape"):
        kb.box_iou(torch.zeros(3, 4), torch.zeros(4))
