"""roi_align and roi_pool kernels against the scalar references (torchvision semantics)."""

import itertools
import random

import pytest

torch = pytest.importorskip("torch")

from tclish.torchbridge.kernels import roi  # noqa: E402
import torch_scalar_reference as ref  # noqa: E402


def _random_boxes(rng, n_images, height, width, count, scale):
    """Boxes in input coordinates: inside, partly outside, far outside, degenerate, reversed."""
    rows = []
    span_w, span_h = width / scale, height / scale
    for _ in range(count):
        kind = rng.random()
        x1 = rng.uniform(-0.4, 1.2) * span_w
        y1 = rng.uniform(-0.4, 1.2) * span_h
        if kind < 0.12:                         # degenerate: a point or a line
            x2, y2 = x1, y1 + rng.choice([0.0, rng.uniform(0, span_h)])
        elif kind < 0.24:                       # reversed corners
            x2, y2 = x1 - rng.uniform(0, span_w), y1 - rng.uniform(0, span_h)
        elif kind < 0.3:                        # far outside the map
            x1, y1 = span_w * 3, -span_h * 3
            x2, y2 = x1 + 2, y1 + 2
        else:
            x2 = x1 + rng.uniform(0, 0.8) * span_w
            y2 = y1 + rng.uniform(0, 0.8) * span_h
        rows.append([float(rng.randrange(n_images)), x1, y1, x2, y2])
    return rows


def _case(seed, dtype):
    rng = random.Random(seed)
    n, c = rng.choice([1, 1, 2]), rng.choice([1, 2, 3])
    h, w = rng.randint(1, 9), rng.randint(1, 9)
    k = rng.randint(1, 6)
    ph, pw = rng.randint(1, 4), rng.randint(1, 4)
    scale = rng.choice([1.0, 0.5, 0.25, 2.0, 0.37])
    gen = torch.Generator().manual_seed(seed)
    feature = torch.randn(n, c, h, w, generator=gen, dtype=dtype)
    boxes = torch.tensor(_random_boxes(rng, n, h, w, k, scale), dtype=dtype)
    return feature, boxes, (ph, pw), scale


def _max_abs_diff(got, want):
    return (got.double() - torch.tensor(want, dtype=torch.float64)).abs().max().item()


OPTIONS = list(itertools.product([-1, 0, 1, 2, 3], [True, False]))


@pytest.mark.parametrize("sampling_ratio,aligned", OPTIONS)
@pytest.mark.parametrize("dtype,tol", [(torch.float64, 1e-10), (torch.float32, 1e-5)])
def test_roi_align_matches_scalar_reference(sampling_ratio, aligned, dtype, tol):
    for seed in range(12):
        feature, boxes, (ph, pw), scale = _case(seed * 31 + sampling_ratio * 7 + aligned, dtype)
        got = roi.roi_align(feature, boxes, (ph, pw), scale, sampling_ratio, aligned)
        want = ref.roi_align(feature.tolist(), boxes.tolist(), ph, pw, scale, sampling_ratio,
                             aligned, f32=dtype == torch.float32)
        assert got.shape == (boxes.size(0), feature.size(1), ph, pw)
        assert got.dtype == dtype
        assert _max_abs_diff(got, want) <= tol, (seed, sampling_ratio, aligned)


@pytest.mark.parametrize("sampling_ratio,aligned", [(-1, True), (2, False), (0, False), (3, True)])
def test_roi_align_gradient_matches_reference(sampling_ratio, aligned):
    for seed in range(8):
        feature, boxes, (ph, pw), scale = _case(1000 + seed, torch.float64)
        feature.requires_grad_(True)
        out = roi.roi_align(feature, boxes, (ph, pw), scale, sampling_ratio, aligned)
        upstream = torch.randn(out.shape, dtype=torch.float64,
                               generator=torch.Generator().manual_seed(seed))
        (out * upstream).sum().backward()
        want = ref.roi_align_input_grad(feature.detach().tolist(), boxes.tolist(), ph, pw, scale,
                                        sampling_ratio, aligned, upstream.tolist())
        assert _max_abs_diff(feature.grad, want) <= 1e-10


def test_roi_align_gradient_passes_finite_difference_check():
    feature = torch.rand(1, 2, 5, 6, dtype=torch.float64, requires_grad=True)
    boxes = torch.tensor([[0, 0.3, 0.7, 4.2, 3.9], [0, 1.1, -0.6, 6.4, 2.2]], dtype=torch.float64)
    assert torch.autograd.gradcheck(lambda f: roi.roi_align(f, boxes, (2, 3), 1.0, 2, True),
                                    (feature,))


def test_roi_align_accepts_k4_and_single_box():
    feature = torch.rand(1, 3, 8, 8, dtype=torch.float64)
    five = torch.tensor([[0, 1.0, 1.5, 6.0, 7.0]], dtype=torch.float64)
    want = roi.roi_align(feature, five, (2, 2), 1.0, -1, True)
    assert torch.equal(roi.roi_align(feature, five[:, 1:], (2, 2), 1.0, -1, True), want)
    assert torch.equal(roi.roi_align(feature, five[0, 1:], (2, 2), 1.0, -1, True), want)


def test_roi_align_multi_image_keeps_box_order():
    feature = torch.rand(3, 2, 6, 6, dtype=torch.float64)
    boxes = torch.tensor([[2, 0, 0, 5, 5], [0, 1, 1, 4, 4], [2, 1, 0, 3, 5], [1, 0, 2, 5, 3]],
                         dtype=torch.float64)
    got = roi.roi_align(feature, boxes, (2, 2), 1.0, 2, False)
    for i in range(4):
        one = roi.roi_align(feature[int(boxes[i, 0]):int(boxes[i, 0]) + 1], boxes[i, 1:],
                            (2, 2), 1.0, 2, False)
        assert torch.allclose(got[i], one[0], atol=1e-12)


def test_roi_align_chunked_and_transposed_paths_agree(monkeypatch):
    feature, boxes, _, scale = _case(77, torch.float64)
    boxes = torch.cat([boxes] * 5)
    for size in [(1, 4), (4, 1), (3, 3)]:
        whole = roi.roi_align(feature, boxes, size, scale, 2, True)
        monkeypatch.setattr(roi, "_CHUNK_ELEMENTS", 7)
        chunked = roi.roi_align(feature, boxes, size, scale, 2, True)
        monkeypatch.undo()
        assert torch.allclose(whole, chunked, atol=1e-12)


def _mixed_boxes():
    """A feature map with boxes of very different sizes (so bands differ a lot)."""
    feature, boxes, _, scale = _case(91, torch.float64)
    big = torch.tensor([[0, -3.0, -2.0, 40.0, 30.0], [0, 0.2, 0.1, 0.9, 0.6]], dtype=torch.float64)
    big[:, 1:] /= scale
    return feature, torch.cat([boxes, big, boxes]), scale


@pytest.mark.parametrize("sampling_ratio", [-1, 2])
def test_roi_align_grouped_sparse_path_agrees(monkeypatch, sampling_ratio):
    feature, boxes, scale = _mixed_boxes()
    for size in [(1, 4), (3, 3)]:
        whole = roi.roi_align(feature, boxes, size, scale, sampling_ratio, True)
        monkeypatch.setattr(roi, "_SPARSE_ELEMENTS", 40)
        grouped = roi.roi_align(feature, boxes, size, scale, sampling_ratio, True)
        monkeypatch.undo()
        assert torch.allclose(whole, grouped, atol=1e-12)


@pytest.mark.parametrize("dtype", [torch.float64, torch.float32])
def test_roi_align_window_path_agrees_with_sparse_path(monkeypatch, dtype):
    # the dense window matmuls serve devices and dtypes without sparse CSR matmul
    feature, boxes, scale = _mixed_boxes()
    feature = feature.to(dtype)
    for sampling_ratio, aligned in [(-1, True), (2, False), (3, True)]:
        sparse = roi.roi_align(feature, boxes, (2, 3), scale, sampling_ratio, aligned)
        monkeypatch.setattr(roi, "_SPARSE_DTYPES", ())
        window = roi.roi_align(feature, boxes, (2, 3), scale, sampling_ratio, aligned)
        monkeypatch.undo()
        assert torch.allclose(sparse, window, atol=1e-5 if dtype == torch.float32 else 1e-12)


def test_roi_align_half_precision_uses_the_window_path():
    feature, boxes, scale = _mixed_boxes()
    want = roi.roi_align(feature.float(), boxes.float(), (2, 2), scale, 2, True)
    got = roi.roi_align(feature.to(torch.bfloat16), boxes, (2, 2), scale, 2, True)
    assert got.dtype == torch.bfloat16
    assert torch.allclose(got.float(), want, atol=0.1)


def test_roi_align_with_and_without_autograd_agree():
    feature, boxes, scale = _mixed_boxes()
    plain = roi.roi_align(feature, boxes, (3, 2), scale, 2, True)
    tracked = roi.roi_align(feature.clone().requires_grad_(True), boxes, (3, 2), scale, 2, True)
    assert tracked.requires_grad and not plain.requires_grad
    assert torch.allclose(plain, tracked.detach(), atol=1e-12)


def test_roi_align_restores_the_thread_count():
    before = torch.get_num_threads()
    feature = torch.rand(1, 2, 6, 6)
    roi.roi_align(feature, torch.tensor([[0, 1.0, 1.0, 4.0, 4.0]]), (2, 2), 1.0, 2, True)
    assert torch.get_num_threads() == before
    with pytest.raises(ValueError):
        roi.roi_align(feature, torch.tensor([[1, 1.0, 1.0, 4.0, 4.0]]), (2, 2))
    assert torch.get_num_threads() == before


def test_roi_align_edge_cases():
    feature = torch.rand(1, 2, 4, 4)
    assert roi.roi_align(feature, torch.zeros(0, 5), (2, 2)).shape == (0, 2, 2, 2)
    reversed_box = torch.tensor([[0, 3.0, 3.0, 1.0, 1.0]])
    assert roi.roi_align(feature, reversed_box, (2, 2), aligned=True).abs().max() == 0
    with pytest.raises(ValueError, match="batch index"):
        roi.roi_align(feature, torch.tensor([[1, 0.0, 0.0, 1.0, 1.0]]), (2, 2))
    with pytest.raises(ValueError, match=r"\[N, C, H, W\]"):
        roi.roi_align(torch.rand(4, 4), reversed_box, (2, 2))
    with pytest.raises(ValueError, match="boxes must have shape"):
        roi.roi_align(feature, torch.rand(3, 3), (2, 2))


# --- roi_pool ----------------------------------------------------------------

@pytest.mark.parametrize("dtype", [torch.float64, torch.float32])
def test_roi_pool_matches_scalar_reference(dtype):
    for seed in range(60):
        feature, boxes, (ph, pw), scale = _case(5000 + seed, dtype)
        got = roi.roi_pool(feature, boxes, (ph, pw), scale)
        want, _ = ref.roi_pool(feature.tolist(), boxes.tolist(), ph, pw, scale,
                               f32=dtype == torch.float32)
        assert got.shape == (boxes.size(0), feature.size(1), ph, pw)
        assert _max_abs_diff(got, want) == 0.0, seed


def test_roi_pool_gradient_goes_to_the_first_argmax():
    for seed in range(10):
        feature, boxes, (ph, pw), scale = _case(7000 + seed, torch.float64)
        if seed % 2:        # ties everywhere: the first maximum in row-major order wins
            feature = torch.round(feature * 2) / 2
        feature.requires_grad_(True)
        out = roi.roi_pool(feature, boxes, (ph, pw), scale)
        upstream = torch.rand(out.shape, dtype=torch.float64)
        (out * upstream).sum().backward()
        _, arg = ref.roi_pool(feature.detach().tolist(), boxes.tolist(), ph, pw, scale)
        want = torch.zeros_like(feature)
        for k, c, i, j in itertools.product(range(out.size(0)), range(out.size(1)),
                                            range(ph), range(pw)):
            if arg[k][c][i][j] is not None:
                y, x = arg[k][c][i][j]
                want[int(boxes[k, 0]), c, y, x] += upstream[k, c, i, j]
        assert torch.allclose(feature.grad, want, atol=1e-12), seed


def test_roi_pool_rounds_halves_away_from_zero():
    feature = torch.arange(36.0).view(1, 1, 6, 6)
    # 2.5 rounds to 3 (torch.round would give 2): the bin starts at column 3
    out = roi.roi_pool(feature, torch.tensor([[0, 2.5, 0.0, 5.0, 0.0]]), (1, 1))
    assert out.item() == 5.0
    # x2 = 2.5 -> 3: four columns in three bins [0, 2) [1, 3) [2, 4); half-to-even gives [0, 1, 2]
    out = roi.roi_pool(feature, torch.tensor([[0, 0.0, 0.0, 2.5, 0.0]]), (1, 3))
    assert out.flatten().tolist() == [1.0, 2.0, 3.0]
